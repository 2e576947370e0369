#include "core/quiz/kinds/before_after.h"

#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

bool before_after_supported(const Pack& pack) { return pack.longest_chain.size() >= 2; }

std::optional<Question> make_before_after(QuestionMaker& g) {
    if (!g.ordered_size(2, 2)) return std::nullopt;
    auto events = g.pick_ordered(2);
    if (!events) return std::nullopt;
    Question q;
    q.kind = Kind::BeforeAfter;
    q.key = QuestionMaker::order_key(*events);
    // Slot 0 ("before") is right when the subject is the earlier event.
    const size_t slot = g.slots().pick(2, g.rng());
    const EventIndex subject = (*events)[slot == 0 ? 0 : 1], other = (*events)[slot == 0 ? 1 : 0];
    const Words& prompt = g.any_lasted(*events) ? kBeforeAfterBeganPrompt : kBeforeAfterPrompt;
    q.prompt = fill_in(prompt.in(g.lang()), {{"a", g.quoted(g.pack().events[subject].headline)},
                                             {"b", g.quoted(g.pack().events[other].headline)}});
    q.events = g.ids_of({subject, other});
    q.explanation = g.explain_chronology(*events);
    g.reveal_chronology(q, *events);
    Option before_option, after_option;
    before_option.text = kBefore.in(g.lang());
    after_option.text = kAfter.in(g.lang());
    q.options = {before_option, after_option};
    q.answer = {slot};
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
