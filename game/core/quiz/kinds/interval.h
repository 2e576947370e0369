// "How long after A did B happen?": the time between two events, in the unit both
// dates settle (days when both are single days, else calendar months or years),
// among values that certainly differ from it, listed in ascending order.
#pragma once
#include <cstdint>

#include "core/base/date.h"
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kIntervalPrompt{"「{a}」之后多久发生了「{b}」？", "How long after “{a}” did “{b}” happen?"};
inline constexpr Words kDays{"{n}天", "{n} days"};
inline constexpr Words kOneDay{"{n}天", "{n} day"};
inline constexpr Words kMonths{"{n}个月", "{n} months"};
inline constexpr Words kOneMonth{"{n}个月", "{n} month"};
inline constexpr Words kYears{"{n}年", "{n} years"};
inline constexpr Words kOneYear{"{n}年", "{n} year"};
inline constexpr Words kIntervalExplained{"两者相隔{n}。", "{n} apart."};
inline constexpr Words kCalendarMonths{"两者相隔{n}（按日历月份计）。", "{n} apart, counted in calendar months."};
inline constexpr Words kCalendarYears{"两者相隔{n}（按日历年份计）。", "{n} apart, counted in calendar years."};
inline constexpr Words kIntervalPhrases[] = {kIntervalPrompt, kDays,   kOneDay,           kMonths,         kOneMonth,
                                             kYears,          kOneYear, kIntervalExplained, kCalendarMonths, kCalendarYears};

// The time from one event to a later one that both dates settle: `value` whole units
// of `unit` (Day, Month or Year), the later one's day, month or year minus the
// earlier one's. A month or year count is of calendar units, so the true span lies
// within one unit of it either way.
struct Interval {
    Precision unit;
    int64_t value;
};
// nullopt unless each date falls within one unit of the same kind and `later` is
// at least one unit after `earlier`. Long spans move to a coarser unit
// (more than 92 days → months, more than 36 months → years).
std::optional<Interval> certain_interval(const DayInterval& earlier, const DayInterval& later);
// "11 days", "3个月".
std::string interval_text(Precision unit, int64_t value, const std::string& lang);

bool interval_supported(const Pack& pack);
std::optional<Question> make_interval(QuestionMaker& maker);

inline constexpr KindSpec kInterval{Kind::Interval, "interval", {"相隔多久", "How long between"}, Answering::OneOption,
                                    kIntervalPhrases, interval_supported, nullptr, make_interval};

} // namespace chronicle::kinds
