#include "core/quiz/kinds/when.h"

#include <algorithm>

#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

bool when_supported(const Pack& pack) { return !pack.by_time.empty(); }
size_t when_deck(const Pack& pack) { return pack.by_time.size(); }

std::optional<Question> make_when(QuestionMaker& g) {
    const std::optional<size_t> drawn = g.draw(Kind::When);
    if (!drawn) return std::nullopt;
    const Event& e = g.pack().events[g.pack().by_time[*drawn]];
    if (!g.pack().date_is_answer(e)) return std::nullopt; // an editor's estimate is no answer to key
    const DateSpec& truth = *e.date;
    const std::string truth_text = format_date(truth, g.lang());
    const Difficulty difficulty = g.options().difficulty;

    // Shifts by whole widths never overlap the truth or each other; the checks
    // below guard the calendar's edges (clamped days, deep-time rounding).
    const int max_shift = difficulty == Difficulty::Easy ? 8 : difficulty == Difficulty::Hard ? 4 : 5;
    const int min_shift = difficulty == Difficulty::Easy ? 2 : 1;
    // A single day moves by weeks unless the quiz is hard: "3 or 4 November?" tests luck.
    const int step = truth.precision() == Precision::Day && !truth.is_range() && difficulty != Difficulty::Hard ? 7 : 1;
    std::vector<DateSpec> taken{truth};
    std::vector<std::string> texts{truth_text};
    auto candidates = [&](int sign) {
        std::vector<int> shifts;
        for (int m = min_shift; m <= max_shift; ++m) shifts.push_back(sign * m * step);
        g.rng().shuffle(shifts);
        return shifts;
    };
    const std::vector<int> lower = candidates(-1), higher = candidates(+1);
    const auto split = g.ascending_slots(lower.size(), higher.size(), g.sizes().choices);
    if (!split) return std::nullopt;
    std::vector<std::pair<int64_t, std::string>> shown; // (earliest day, text)
    auto take = [&](const std::vector<int>& shifts, size_t count) {
        for (int m : shifts) {
            if (count == 0) break;
            const std::optional<DateSpec> shifted = shift_date(truth, m);
            if (!shifted) continue;
            const std::string text = format_date(*shifted, g.lang());
            const DayInterval in = shifted->interval();
            const bool clash = std::any_of(taken.begin(), taken.end(), [&](const DateSpec& t) { return overlap(in, t.interval()); }) ||
                               std::find(texts.begin(), texts.end(), text) != texts.end();
            if (clash) continue;
            taken.push_back(*shifted);
            texts.push_back(text);
            shown.emplace_back(in.earliest, text);
            --count;
        }
        return count == 0;
    };
    if (!take(lower, split->below) || !take(higher, split->above)) return std::nullopt;
    shown.emplace_back(e.interval.earliest, truth_text);
    std::sort(shown.begin(), shown.end());

    Question q;
    q.kind = Kind::When;
    q.key = "when:" + e.id;
    q.prompt = fill_in((e.end ? kWhenBeganPrompt : kWhenPrompt).in(g.lang()), {{"e", g.quoted(e.headline)}});
    q.events = {e.id};
    q.explanation = g.explain_event(e);
    for (size_t i = 0; i < shown.size(); ++i) {
        Option o;
        o.text = shown[i].second;
        if (o.text == truth_text) {
            o.event = e.id;
            q.answer = {i};
        }
        q.options.push_back(std::move(o));
    }
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
