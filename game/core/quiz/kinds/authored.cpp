#include "core/quiz/kinds/authored.h"

#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

bool authored_supported(const Pack& pack) { return !pack.questions.empty(); }
size_t authored_deck(const Pack& pack) { return pack.questions.size(); }

std::optional<Question> make_authored(QuestionMaker& g) {
    const std::optional<size_t> drawn = g.draw(Kind::Authored);
    if (!drawn) return std::nullopt;
    const AuthoredQuestion& a = g.pack().questions[*drawn];
    Question q;
    q.kind = Kind::Authored;
    q.key = "authored:" + a.id;
    q.prompt = g.tr(a.prompt);
    q.events = g.ids_of(a.events);
    q.explanation = g.tr(a.explanation);
    for (EventIndex e : a.events) {
        if (!q.explanation.empty()) q.explanation += "\n";
        q.explanation += g.explain_event(g.pack().events[e]);
        QuestionMaker::reveal_event(q, g.pack().events[e]);
        QuestionMaker::answered_by_event(q, g.pack().events[e]);
    }
    if (a.type == AuthoredQuestion::Type::TrueFalse) {
        // Placed like any answer: in a fixed order, a pack of mostly false statements
        // would reward always picking the second option.
        Option yes, no;
        yes.text = kTrue.in(g.lang());
        no.text = kFalse.in(g.lang());
        g.place(q, a.answer ? yes : no, {a.answer ? no : yes});
        return q;
    }
    Option right;
    std::vector<Option> wrong;
    for (const auto& c : a.choices) {
        Option o;
        o.text = g.tr(c.text);
        if (c.correct) right = std::move(o);
        else wrong.push_back(std::move(o));
    }
    g.place(q, std::move(right), std::move(wrong));
    return q;
}

} // namespace chronicle::kinds
