#include "core/quiz/kinds/interval.h"

#include <algorithm>

#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

namespace {

// The day, month or year a day falls in, counted from a fixed start.
int64_t unit_index(int64_t day, Precision unit) {
    if (unit == Precision::Day) return day;
    int64_t year;
    int month, day_of_month;
    civil_from_days(day, year, month, day_of_month);
    return unit == Precision::Year ? year : year * 12 + (month - 1);
}

// Whether the whole interval lies within one day, month or year.
bool settled(const DayInterval& d, Precision unit) {
    return unit_index(d.earliest, unit) == unit_index(d.latest, unit);
}

constexpr Precision kFinestFirst[] = {Precision::Day, Precision::Month, Precision::Year};

// An event whose date alone says when it happened: no span, no estimate.
bool measurable(const Event& e) { return e.date && !e.end; }

// 1, 2 or 5 times a power of ten, the largest not above x (at least 1).
int64_t round_step(int64_t x) {
    int64_t power = 1;
    while (power <= x / 10) power *= 10;
    for (int64_t m : {5, 2, 1})
        if (m * power <= x) return m * power;
    return 1;
}

// How far apart the options lie. Two counts of calendar months (or years) overlap
// as spans unless they differ by 2 or more; days are exact.
int64_t option_step(Interval truth, Difficulty d, size_t choices) {
    const int64_t least = truth.unit == Precision::Day ? 1 : 2;
    int64_t step = 0;
    switch (truth.unit) {
    case Precision::Day: step = d == Difficulty::Easy ? 14 : d == Difficulty::Hard ? 3 : 7; break;
    case Precision::Month: step = d == Difficulty::Easy ? 4 : 2; break;
    case Precision::Year:
        step = std::max<int64_t>(d == Difficulty::Easy ? 4 : 2,
                                 round_step(truth.value / (d == Difficulty::Easy ? 2 : d == Difficulty::Hard ? 8 : 4)));
        break;
    }
    // Close enough that the answer can sit anywhere among the options, when it can.
    const int64_t fits_below = (truth.value - 1) / static_cast<int64_t>(std::max<size_t>(1, choices - 1));
    return std::max(least, std::min(step, fits_below));
}

} // namespace

std::optional<Interval> certain_interval(const DayInterval& earlier, const DayInterval& later) {
    for (Precision unit : kFinestFirst) {
        if (!settled(earlier, unit) || !settled(later, unit)) continue;
        const int64_t value = unit_index(later.earliest, unit) - unit_index(earlier.earliest, unit);
        if (value < 1) return std::nullopt;
        if (unit == Precision::Day && value > 92) continue;
        if (unit == Precision::Month && value > 36) continue;
        return Interval{unit, value};
    }
    return std::nullopt;
}

std::string interval_text(Precision unit, int64_t value, const std::string& lang) {
    const bool one = value == 1;
    const Words& words = unit == Precision::Day     ? (one ? kOneDay : kDays)
                         : unit == Precision::Month ? (one ? kOneMonth : kMonths)
                                                    : (one ? kOneYear : kYears);
    return fill_in(words.in(lang), {{"n", format_number(static_cast<double>(value), lang)}});
}

bool interval_supported(const Pack& pack) {
    // Some pair is settled in a unit where they differ: the lowest and highest index
    // of the events settled in that unit differ.
    for (Precision unit : kFinestFirst) {
        std::optional<int64_t> low, high;
        for (EventIndex i : pack.by_time) {
            const Event& e = pack.events[i];
            if (!measurable(e) || !settled(e.interval, unit)) continue;
            const int64_t at = unit_index(e.interval.earliest, unit);
            low = std::min(low.value_or(at), at);
            high = std::max(high.value_or(at), at);
        }
        if (low && *low < *high) return true;
    }
    return false;
}

std::optional<Question> make_interval(QuestionMaker& g) {
    const Pack& pack = g.pack();
    const size_t n = pack.by_time.size();
    if (n < 2) return std::nullopt;
    // A pair near each other in time: the first event, then one of the next few.
    constexpr uint32_t kNear = 8;
    const size_t first = g.rng().below(static_cast<uint32_t>(n - 1));
    const size_t second = first + 1 + g.rng().below(std::min<uint32_t>(kNear, static_cast<uint32_t>(n - 1 - first)));
    const EventIndex a = pack.by_time[first], b = pack.by_time[second];
    if (!measurable(pack.events[a]) || !measurable(pack.events[b])) return std::nullopt;
    const std::optional<Interval> truth = certain_interval(pack.events[a].interval, pack.events[b].interval);
    if (!truth) return std::nullopt;

    // Wrong values: whole steps away, positive, and at most twice the pack's own span
    // (a student need not know the span, but "5 years" within one year's events is absurd).
    int64_t latest_day = pack.events[pack.by_time.back()].interval.latest;
    for (EventIndex i : pack.by_time) latest_day = std::max(latest_day, pack.events[i].interval.latest);
    const int64_t longest = 2 * (unit_index(latest_day, truth->unit) -
                                 unit_index(pack.events[pack.by_time.front()].interval.earliest, truth->unit));
    const size_t choices = g.sizes().choices;
    const int64_t step = option_step(*truth, g.options().difficulty, choices);
    std::vector<int64_t> lower, higher; // nearest first
    for (int64_t k = 1; k < static_cast<int64_t>(choices); ++k) {
        if (truth->value - k * step >= 1) lower.push_back(truth->value - k * step);
        if (truth->value + k * step <= longest) higher.push_back(truth->value + k * step);
    }
    const auto split = g.ascending_slots(lower.size(), higher.size(), choices);
    if (!split) return std::nullopt;
    std::vector<int64_t> shown(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(split->below));
    shown.insert(shown.end(), higher.begin(), higher.begin() + static_cast<std::ptrdiff_t>(split->above));
    shown.push_back(truth->value);
    std::sort(shown.begin(), shown.end());

    Question q;
    q.kind = Kind::Interval;
    q.key = QuestionMaker::key_of(q.kind, {a, b});
    q.prompt = fill_in(kIntervalPrompt.in(g.lang()), {{"a", g.quoted(pack.events[a].headline)},
                                                      {"b", g.quoted(pack.events[b].headline)}});
    q.events = g.ids_of({a, b});
    const std::string truth_text = interval_text(truth->unit, truth->value, g.lang());
    const Words& apart = truth->unit == Precision::Day     ? kIntervalExplained
                         : truth->unit == Precision::Month ? kCalendarMonths
                                                           : kCalendarYears;
    q.explanation = g.explain_event(pack.events[a]) + "\n" + g.explain_event(pack.events[b]) + "\n" +
                    fill_in(apart.in(g.lang()), {{"n", truth_text}});
    for (size_t i = 0; i < shown.size(); ++i) {
        Option o;
        o.text = interval_text(truth->unit, shown[i], g.lang());
        o.value = static_cast<double>(shown[i]);
        if (shown[i] == truth->value) q.answer = {i};
        q.options.push_back(std::move(o));
    }
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
