#include "core/quiz/kinds/order.h"

#include <algorithm>

#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

bool order_supported(const Pack& pack) { return pack.longest_chain.size() >= 3; }

std::optional<Question> make_order(QuestionMaker& g) {
    const size_t k = g.ordered_size(g.sizes().order, 3);
    if (!k) return std::nullopt;
    auto events = g.pick_ordered(k);
    if (!events) return std::nullopt;
    Question q;
    q.kind = Kind::Order;
    q.prompt = (g.any_lasted(*events) ? kOrderBeganPrompt : kOrderPrompt).in(g.lang());
    q.key = QuestionMaker::order_key(*events);
    q.events = g.ids_of(*events);
    q.explanation = g.explain_chronology(*events);
    g.reveal_chronology(q, *events);
    std::vector<size_t> shown(k); // shown[i]: chronological rank of option i
    for (size_t i = 0; i < k; ++i) shown[i] = i;
    g.rng().shuffle(shown);
    if (std::is_sorted(shown.begin(), shown.end())) std::rotate(shown.begin(), shown.begin() + 1, shown.end());
    q.answer.resize(k);
    for (size_t i = 0; i < k; ++i) {
        q.options.push_back(g.event_option((*events)[shown[i]]));
        q.answer[shown[i]] = i;
    }
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
