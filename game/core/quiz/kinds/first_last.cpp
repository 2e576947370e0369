#include "core/quiz/kinds/first_last.h"

#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

namespace {

std::optional<Question> make_first_last(QuestionMaker& g, bool last) {
    const size_t k = g.ordered_size(g.sizes().first_last, 2);
    if (!k) return std::nullopt;
    auto events = g.pick_ordered(k);
    if (!events) return std::nullopt;
    Question q;
    q.kind = last ? Kind::Last : Kind::First;
    const bool began = g.any_lasted(*events);
    q.prompt = (last ? (began ? kLastBeganPrompt : kLastPrompt) : (began ? kFirstBeganPrompt : kFirstPrompt)).in(g.lang());
    q.key = QuestionMaker::order_key(*events);
    q.events = g.ids_of(*events);
    q.explanation = g.explain_chronology(*events);
    g.reveal_chronology(q, *events);
    const EventIndex right = last ? events->back() : events->front();
    std::vector<Option> wrong;
    for (EventIndex e : *events)
        if (e != right) wrong.push_back(g.event_option(e));
    g.place(q, g.event_option(right), std::move(wrong));
    return q;
}

} // namespace

bool first_last_supported(const Pack& pack) { return pack.longest_chain.size() >= 2; }
std::optional<Question> make_first(QuestionMaker& maker) { return make_first_last(maker, false); }
std::optional<Question> make_last(QuestionMaker& maker) { return make_first_last(maker, true); }

} // namespace chronicle::kinds
