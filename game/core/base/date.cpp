#include "core/base/date.h"

#include "core/base/problem.h"
#include "core/base/text.h"

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <utility>

namespace chronicle {

namespace {

const char* const kMonthNamesEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

int64_t months_index(const PartialDate& d) { return d.year * 12 + (d.month - 1); }

// Step in years for shifting a deep-time date so that its 3-significant-figure text changes.
int64_t deep_time_step(int64_t year) {
    if (year >= kDeepTimeYear) return 1;
    int64_t step = 1;
    for (int64_t y = -year; y >= 1000; y /= 10) step *= 10;
    return step;
}

// "13.8 billion years ago" / "约138亿年前", from the number of years before year 0.
std::string years_ago(int64_t years, bool zh) {
    // Round to 3 significant figures.
    int64_t scale = 1;
    while (years / scale >= 1000) scale *= 10;
    int64_t rounded = (years + scale / 2) / scale * scale;
    char buf[64];
    if (zh) return "约" + format_number(static_cast<double>(rounded), "zh") + "年前";
    if (rounded >= 1'000'000'000) {
        std::snprintf(buf, sizeof buf, "%g billion years ago", static_cast<double>(rounded) / 1e9);
    } else if (rounded >= 1'000'000) {
        std::snprintf(buf, sizeof buf, "%g million years ago", static_cast<double>(rounded) / 1e6);
    } else {
        return format_number(static_cast<double>(rounded), "en") + " years ago";
    }
    return buf;
}

} // namespace

int64_t days_from_civil(int64_t y, int m, int d) {
    // Howard Hinnant's algorithm, in 64 bits so that deep time fits.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int64_t& year, int& month, int& day) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = yoe + era * 400 + (month <= 2);
}

int days_in_month(int64_t year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month != 2) return kDays[month - 1];
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
}

Precision DateSpec::precision() const {
    const Precision a = from.precision(), b = to.precision();
    return a < b ? a : b;
}

DayInterval DateSpec::interval() const {
    DayInterval r;
    r.earliest = days_from_civil(from.year, from.month ? from.month : 1, from.day ? from.day : 1);
    const int last_month = to.month ? to.month : 12;
    r.latest = days_from_civil(to.year, last_month, to.day ? to.day : days_in_month(to.year, last_month));
    return r;
}

std::optional<PartialDate> year_date(int64_t year, Issue& error) {
    if (!year_in_range(year)) {
        error = {Problem::YearOutOfRange, {std::to_string(year)}};
        return std::nullopt;
    }
    PartialDate d;
    d.year = year;
    return d;
}

std::optional<PartialDate> parse_partial_date(std::string_view s, Issue& error) {
    const std::string text(s);
    size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) ++i;
    const size_t year_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    const size_t year_digits = i - year_start;
    if (year_digits == 0 || year_digits > 12) {
        error = {Problem::NotADate, {text}};
        return std::nullopt;
    }
    int64_t year = 0;
    for (size_t k = year_start; k < i; ++k) year = year * 10 + (s[k] - '0');
    PartialDate d;
    d.year = negative ? -year : year;

    auto two_digits = [&](int& out) {
        if (i + 3 > s.size() || s[i] != '-' || s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] < '0' || s[i + 2] > '9')
            return false;
        out = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
        i += 3;
        return true;
    };
    if (i < s.size()) {
        if (!two_digits(d.month)) {
            error = {Problem::NotADate, {text}};
            return std::nullopt;
        }
        if (d.month < 1 || d.month > 12) {
            error = {Problem::MonthOutOfRange, {text, std::to_string(d.month)}};
            return std::nullopt;
        }
    }
    if (i < s.size()) {
        if (!two_digits(d.day) || i != s.size()) {
            error = {Problem::NotADate, {text}};
            return std::nullopt;
        }
        const int max_day = days_in_month(d.year, d.month);
        if (d.day < 1 || d.day > max_day) {
            const auto month = static_cast<Term>(static_cast<int>(Term::January) + d.month - 1);
            error = {Problem::DayOutOfMonth, {text, month, std::to_string(d.year), std::to_string(max_day),
                                              text.substr(0, text.size() - 3)}};
            return std::nullopt;
        }
    }
    return d;
}

std::string iso(const PartialDate& d) {
    char buf[48];
    std::string out = d.year < 0 ? "-" : "";
    std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(d.year < 0 ? -d.year : d.year));
    out += buf;
    for (int part : {d.month, d.day}) {
        if (!part) break;
        std::snprintf(buf, sizeof buf, "-%02d", part);
        out += buf;
    }
    return out;
}

std::string format_date(const PartialDate& d, const std::string& lang) {
    const bool zh = is_chinese(lang);
    if (d.year < kDeepTimeYear) return years_ago(-d.year, zh);
    const bool bc = d.year <= 0;
    const std::string year = std::to_string(bc ? 1 - d.year : d.year);
    if (zh) {
        std::string s = (bc ? "公元前" : "") + year + "年";
        if (d.month) s += std::to_string(d.month) + "月";
        if (d.day) s += std::to_string(d.day) + "日";
        return s;
    }
    std::string s;
    if (d.day) s += std::to_string(d.day) + " ";
    if (d.month) s += std::string(kMonthNamesEn[d.month - 1]) + " ";
    return s + year + (bc ? " BC" : "");
}

namespace {

// Two dates of one phrase with what they share written once: the year (and the month)
// goes with the second in English, with the first in Chinese.
// "30 November" + "5 December 2022"; "2022年11月30日" + "12月5日".
std::pair<std::string, std::string> shared_parts_once(const PartialDate& a, const PartialDate& b, const std::string& lang) {
    const bool same_year = a.year == b.year && a.year >= kDeepTimeYear && a.month && b.month;
    if (!same_year) return {format_date(a, lang), format_date(b, lang)};
    const bool same_month = a.month == b.month && a.day && b.day;
    if (is_chinese(lang)) {
        std::string second = same_month ? "" : std::to_string(b.month) + "月";
        if (b.day) second += std::to_string(b.day) + "日";
        return {format_date(a, lang), second};
    }
    std::string first = a.day ? std::to_string(a.day) : "";
    if (!same_month) first += (first.empty() ? "" : " ") + std::string(kMonthNamesEn[a.month - 1]);
    return {first, format_date(b, lang)};
}

} // namespace

std::string format_date(const DateSpec& d, const std::string& lang) {
    if (!d.is_range()) return format_date(d.from, lang);
    const auto [from, to] = shared_parts_once(d.from, d.to, lang);
    return is_chinese(lang) ? from + "至" + to + "之间" : "between " + from + " and " + to;
}

std::string format_lasted(const DateSpec& begin, const DateSpec& end, const std::string& lang) {
    if (is_chinese(lang)) {
        const auto [from, to] = begin.is_range() || end.is_range()
                                    ? std::pair{format_date(begin, lang), format_date(end, lang)}
                                    : shared_parts_once(begin.from, end.from, lang);
        return "从" + from + "持续到" + to;
    }
    if (begin.is_range() || end.is_range()) return "from " + format_date(begin, lang) + " to " + format_date(end, lang);
    const auto [from, to] = shared_parts_once(begin.from, end.from, lang);
    return from + " – " + to;
}

namespace {

PartialDate shift_end(const PartialDate& d, Precision unit, int64_t units) {
    PartialDate r = d;
    if (unit == Precision::Day) {
        int64_t y;
        civil_from_days(days_from_civil(d.year, d.month, d.day) + units, y, r.month, r.day);
        r.year = y;
    } else if (unit == Precision::Month) {
        const int64_t m = months_index(d) + units;
        r.year = (m >= 0 ? m : m - 11) / 12;
        r.month = static_cast<int>(m - r.year * 12) + 1;
        if (r.day) r.day = std::min(r.day, days_in_month(r.year, r.month));
    } else {
        r.year = d.year + units;
        if (r.day) r.day = std::min(r.day, days_in_month(r.year, r.month));
    }
    return r;
}

} // namespace

std::optional<DateSpec> shift_date(const DateSpec& d, int64_t spans) {
    const Precision unit = d.precision();
    int64_t width = 1;
    if (unit == Precision::Day) {
        width = days_from_civil(d.to.year, d.to.month, d.to.day) - days_from_civil(d.from.year, d.from.month, d.from.day) + 1;
    } else if (unit == Precision::Month) {
        width = months_index(d.to) - months_index(d.from) + 1;
    } else {
        // Whole steps, so that a deep-time range moves by at least its own length.
        const int64_t step = deep_time_step(d.from.year);
        width = (d.to.year - d.from.year + step) / step * step;
    }
    int64_t units;
    if (__builtin_mul_overflow(spans, width, &units)) return std::nullopt;
    if (unit == Precision::Year && (units > 2 * kMaxAbsYear || units < -2 * kMaxAbsYear)) return std::nullopt;
    DateSpec r{shift_end(d.from, unit, units), shift_end(d.to, unit, units)};
    for (const PartialDate& end : {r.from, r.to})
        if (!year_in_range(end.year)) return std::nullopt;
    return r;
}

} // namespace chronicle
