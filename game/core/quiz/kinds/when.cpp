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
    const std::optional<DateSpec> asked = g.asked_date(e);
    if (!asked) return std::nullopt;
    const std::vector<DateSpec> lower = g.wrong_dates(*asked, -1), higher = g.wrong_dates(*asked, +1);
    const auto split = g.ascending_slots(lower.size(), higher.size(), g.sizes().choices);
    if (!split) return std::nullopt;
    std::vector<DateSpec> shown(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(split->below));
    shown.insert(shown.end(), higher.begin(), higher.begin() + static_cast<std::ptrdiff_t>(split->above));
    shown.push_back(*asked);
    std::sort(shown.begin(), shown.end(), [](const DateSpec& a, const DateSpec& b) {
        return a.interval().earliest < b.interval().earliest;
    });

    Question q;
    q.kind = Kind::When;
    q.key = "when:" + e.id;
    const Precision unit = asked->precision();
    const Words& prompt = unit == e.date->precision() ? (e.end ? kWhenBeganPrompt : kWhenPrompt)
                          : unit == Precision::Month  ? (e.end ? kWhenMonthBeganPrompt : kWhenMonthPrompt)
                                                      : (e.end ? kWhenYearBeganPrompt : kWhenYearPrompt);
    q.prompt = fill_in(prompt.in(g.lang()), {{"e", g.quoted(e.headline)}});
    q.events = {e.id};
    q.explanation = g.explain_event(e);
    QuestionMaker::reveal_event(q, e);
    q.answered_by = {{QuestionMaker::fact("date", e.id)}};
    for (size_t i = 0; i < shown.size(); ++i) {
        Option o;
        o.text = format_date(shown[i], g.lang());
        if (shown[i] == *asked) {
            o.event = e.id;
            q.answer = {i};
        }
        q.options.push_back(std::move(o));
    }
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
