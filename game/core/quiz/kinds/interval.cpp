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
bool measurable(const Pack& pack, const Event& e) { return pack.date_is_answer(e) && !e.end; }

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
            if (!measurable(pack, e) || !settled(e.interval, unit)) continue;
            const int64_t at = unit_index(e.interval.earliest, unit);
            low = std::min(low.value_or(at), at);
            high = std::max(high.value_or(at), at);
        }
        if (low && *low < *high) return true;
    }
    return false;
}

namespace {

// A pair of events and the options its interval can have.
struct Candidate {
    EventIndex earlier, later;
    Interval truth;
    std::vector<int64_t> lower, higher; // wrong values, nearest first
    size_t count;                       // options to show
};

// The pair at by_time positions `first` < `second`, when its interval is certain and
// has wrong values enough. `window` is the pack's first and last day.
std::optional<Candidate> candidate(QuestionMaker& g, size_t first, size_t second, const DayInterval& window) {
    const Pack& pack = g.pack();
    Candidate c{pack.by_time[first], pack.by_time[second], {}, {}, {}, 0};
    const Event& a = pack.events[c.earlier];
    const Event& b = pack.events[c.later];
    if (!measurable(pack, a) || !measurable(pack, b)) return std::nullopt;
    const std::optional<Interval> truth = certain_interval(a.interval, b.interval);
    if (!truth) return std::nullopt;
    c.truth = *truth;
    // Wrong values: whole steps away, positive, and at most twice the pack's own span
    // (a student need not know the span, but "5 years" within one year's events is absurd).
    const int64_t longest = 2 * (unit_index(window.latest, truth->unit) - unit_index(window.earliest, truth->unit));
    const size_t choices = g.sizes().choices;
    const int64_t step = option_step(*truth, g.options().difficulty, choices);
    for (int64_t k = 1; k < static_cast<int64_t>(choices); ++k) {
        if (truth->value - k * step >= 1) c.lower.push_back(truth->value - k * step);
        if (truth->value + k * step <= longest) c.higher.push_back(truth->value + k * step);
    }
    // As many options as leave the answer free to take any rank: else "the smallest"
    // would be right more often than chance. Fewer than 3 is no question.
    c.count = std::min({choices, c.lower.size() + 1, c.higher.size() + 1});
    if (c.count < 3) return std::nullopt;
    return c;
}

} // namespace

std::optional<Question> make_interval(QuestionMaker& g) {
    const Pack& pack = g.pack();
    const size_t n = pack.by_time.size();
    if (n < 2) return std::nullopt;
    const DayInterval window = g.time_window();
    // Pairs not far apart in time, a few tries, as few pairs in a pack may have a
    // certain interval: the first event, then one of the next few.
    constexpr uint32_t kNear = 32;
    constexpr int kTries = 16;
    std::optional<Candidate> c;
    for (int attempt = 0; !c && attempt < kTries; ++attempt) {
        const size_t first = g.rng().below(static_cast<uint32_t>(n - 1));
        c = candidate(g, first, first + 1 + g.rng().below(std::min<uint32_t>(kNear, static_cast<uint32_t>(n - 1 - first))),
                      window);
    }
    if (!c) return std::nullopt;
    const EventIndex a = c->earlier, b = c->later;
    const Interval& truth = c->truth;
    const std::vector<int64_t>& lower = c->lower;
    const std::vector<int64_t>& higher = c->higher;
    const auto split = g.ascending_slots(lower.size(), higher.size(), c->count);
    if (!split) return std::nullopt;
    std::vector<int64_t> shown(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(split->below));
    shown.insert(shown.end(), higher.begin(), higher.begin() + static_cast<std::ptrdiff_t>(split->above));
    shown.push_back(truth.value);
    std::sort(shown.begin(), shown.end());

    Question q;
    q.kind = Kind::Interval;
    q.key = QuestionMaker::order_key({a, b}); // the pair is asked once, whatever the kind
    q.prompt = fill_in(kIntervalPrompt.in(g.lang()), {{"a", g.quoted(pack.events[a].headline)},
                                                      {"b", g.quoted(pack.events[b].headline)}});
    q.events = g.ids_of({a, b});
    const std::string truth_text = interval_text(truth.unit, truth.value, g.lang());
    const Words& apart = truth.unit == Precision::Day     ? kIntervalExplained
                         : truth.unit == Precision::Month ? kCalendarMonths
                                                           : kCalendarYears;
    q.explanation = g.explain_event(pack.events[a]) + "\n" + g.explain_event(pack.events[b]) + "\n" +
                    fill_in(apart.in(g.lang()), {{"n", truth_text}});
    // The prompt tells which came first; both dates shown earlier would give the count away.
    QuestionMaker::reveal_event(q, pack.events[a]);
    QuestionMaker::reveal_event(q, pack.events[b]);
    q.reveals.push_back(QuestionMaker::fact("order", pack.events[a].id + "<" + pack.events[b].id));
    q.answered_by = {{QuestionMaker::fact("date", pack.events[a].id), QuestionMaker::fact("date", pack.events[b].id)}};
    for (size_t i = 0; i < shown.size(); ++i) {
        Option o;
        o.text = interval_text(truth.unit, shown[i], g.lang());
        o.value = static_cast<double>(shown[i]);
        if (shown[i] == truth.value) q.answer = {i};
        q.options.push_back(std::move(o));
    }
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
