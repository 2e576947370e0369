#include "core/quiz/quiz_plan.h"

#include <algorithm>

namespace chronicle {

namespace {

// Events a question can name: dated ones (every event kind), and those of a quote, a
// number or a hand-written question.
size_t count_askable_events(const Pack& pack) {
    std::vector<bool> askable(pack.events.size(), false);
    for (EventIndex e : pack.by_time) askable[e] = true;
    for (const Quote& q : pack.quotes)
        if (q.event) askable[*q.event] = true;
    for (const NumberFact& n : pack.numbers)
        if (n.event) askable[*n.event] = true;
    for (const AuthoredQuestion& a : pack.questions)
        for (EventIndex e : a.events) askable[e] = true;
    return static_cast<size_t>(std::count(askable.begin(), askable.end(), true));
}

} // namespace

QuizPlan::QuizPlan(const Pack& pack) : askable_events_(std::max<size_t>(1, count_askable_events(pack))) {}

bool QuizPlan::within_share(const Question& q) const {
    const size_t share = (total_uses_ + q.events.size() + askable_events_ - 1) / askable_events_;
    return std::all_of(q.events.begin(), q.events.end(), [&](const std::string& e) {
        const auto it = uses_.find(e);
        return (it == uses_.end() ? 0 : it->second) <= share;
    });
}

bool QuizPlan::given_away(const Question& q, const Shown& shown) {
    return std::any_of(q.answered_by.begin(), q.answered_by.end(), [&](const std::vector<std::string>& facts) {
        return !facts.empty() && std::all_of(facts.begin(), facts.end(), [&](const std::string& f) { return shown.count(f) > 0; });
    });
}

void QuizPlan::show(const Question& q, Shown& shown) { shown.insert(q.reveals.begin(), q.reveals.end()); }

// What the questions before a place show only grows with the place, so the latest place
// where q's answer is still unshown is the one to try; if q gives away a later answer
// there, it would at any earlier place too.
bool QuizPlan::place(Question& q) {
    if (!given_away(q, shown_)) return take(q, questions_.size());
    Shown shown;
    size_t at = 0;
    while (at < questions_.size() && !given_away(q, shown)) show(questions_[at++], shown);
    if (given_away(q, shown)) --at; // the question just shown gave it away: q goes before it
    shown.clear();
    for (size_t i = 0; i < at; ++i) show(questions_[i], shown);
    show(q, shown);
    for (size_t i = at; i < questions_.size(); ++i) {
        if (given_away(questions_[i], shown)) return false;
        show(questions_[i], shown);
    }
    return take(q, at);
}

bool QuizPlan::take(Question& q, size_t at) {
    for (const std::string& e : q.events) ++uses_[e];
    total_uses_ += q.events.size();
    show(q, shown_);
    questions_.insert(questions_.begin() + static_cast<std::ptrdiff_t>(at), std::move(q));
    return true;
}

} // namespace chronicle
