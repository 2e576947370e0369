// Dates as a pack knows them: partial ISO dates ("2023", "2023-07", "2023-11-17"),
// explicit ranges, negative years and deep time. Every date becomes an interval of
// days [earliest, latest] on the proleptic Gregorian calendar, so "2023-07" is
// 1..31 July 2023 and two events are ordered only when their intervals are disjoint.
// Years are astronomical (ISO 8601): year 0 is 1 BC, -1 is 2 BC.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chronicle {

enum class Precision { Year, Month, Day };

// Years beyond this are refused: the day arithmetic stays far inside int64.
constexpr int64_t kMaxAbsYear = 999'999'999'999;
// The one check of that limit, for packs and importers alike.
constexpr bool year_in_range(int64_t year) { return year >= -kMaxAbsYear && year <= kMaxAbsYear; }

// Years further back than this are shown as "N years ago" at 3 significant figures.
constexpr int64_t kDeepTimeYear = -99'999;

struct PartialDate {
    int64_t year = 0;
    int month = 0; // 1..12, or 0 when only the year is known
    int day = 0;   // 1..31, or 0 when only the month is known
    Precision precision() const {
        return day ? Precision::Day : month ? Precision::Month : Precision::Year;
    }
    bool operator==(const PartialDate& o) const {
        return year == o.year && month == o.month && day == o.day;
    }
};

struct DayInterval {
    int64_t earliest = 0; // days since 1970-01-01
    int64_t latest = 0;
};

// A date as written in a pack: one partial date, or a range "some time between".
struct DateSpec {
    PartialDate from;
    PartialDate to; // == from for a single date
    bool is_range() const { return !(from == to); }
    bool operator==(const DateSpec& o) const { return from == o.from && to == o.to; }
    // The coarsest precision of the two ends: the unit a "when" question shifts by.
    Precision precision() const;
    DayInterval interval() const;
};

// True when a certainly happened before b.
inline bool before(const DayInterval& a, const DayInterval& b) { return a.latest < b.earliest; }
inline bool overlap(const DayInterval& a, const DayInterval& b) {
    return !before(a, b) && !before(b, a);
}

int64_t days_from_civil(int64_t year, int month, int day);
void civil_from_days(int64_t days, int64_t& year, int& month, int& day);
int days_in_month(int64_t year, int month);

struct Issue;

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (1-12 year digits, optional leading '-').
// On failure returns nullopt and says why in `error` (e.g. Problem::DayOutOfMonth).
std::optional<PartialDate> parse_partial_date(std::string_view text, Issue& error);
std::optional<PartialDate> year_date(int64_t year, Issue& error);

// ISO form, as a pack writes it: "2023-11", "-0044-03-15".
std::string iso(const PartialDate& d);

// Human form in a language ("zh" or anything else for English):
// "2023年11月17日" / "17 November 2023", "公元前44年" / "44 BC", "约138亿年前" / "13.8 billion years ago".
// Chinese dates have no spaces ("2023年7月", "2022年11月30日至12月5日之间"): the mainland
// publishing style (GB/T 15835), which seed pack and generator share.
std::string format_date(const PartialDate& d, const std::string& lang);
// A range is one day somewhere within it, and says so: "between 30 November and
// 5 December 2022" / "2022年11月30日至12月5日之间".
std::string format_date(const DateSpec& d, const std::string& lang);
// An event that lasted, so that it never reads like a range:
// "30 November – 5 December 2022" / "从2022年11月30日持续到12月5日".
std::string format_lasted(const DateSpec& begin, const DateSpec& end, const std::string& lang);

// The same date moved by `spans` times its own width, in units of its precision
// (deep-time years scaled so that the shown text changes): for spans != 0 the result
// never overlaps the original. Day-of-month is clamped when a month shift needs it.
// nullopt when the result would leave the supported years.
std::optional<DateSpec> shift_date(const DateSpec& d, int64_t spans);

} // namespace chronicle
