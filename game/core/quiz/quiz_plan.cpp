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

// Labels start this far apart, so that many questions fit between two before the
// labels are spread again.
constexpr uint64_t kGap = uint64_t{1} << 32;

} // namespace

QuizPlan::QuizPlan(const Pack& pack) : askable_events_(std::max<size_t>(1, count_askable_events(pack))) {}

bool QuizPlan::within_share(const Question& q) const {
    const size_t share = (total_uses_ + q.events.size() + askable_events_ - 1) / askable_events_;
    return std::all_of(q.events.begin(), q.events.end(), [&](const std::string& e) {
        const auto it = uses_.find(e);
        return (it == uses_.end() ? 0 : it->second) <= share;
    });
}

bool QuizPlan::shown_before(const std::vector<std::string>& group, uint32_t at, const std::vector<std::string>& also) const {
    return std::all_of(group.begin(), group.end(), [&](const std::string& fact) {
        if (std::find(also.begin(), also.end(), fact) != also.end()) return true;
        const auto it = first_shown_.find(fact);
        return it != first_shown_.end() && (at == kNone || before(it->second, at));
    });
}

// A group is given away after the question that first shows its last fact; q, after
// the earliest such question of all its groups.
uint32_t QuizPlan::giving_away(const Question& q) const {
    uint32_t earliest = kNone;
    for (const std::vector<std::string>& group : q.answered_by) {
        if (group.empty() || !shown_before(group, kNone, {})) continue;
        uint32_t last = kNone;
        for (const std::string& fact : group) {
            const uint32_t at = first_shown_.at(fact);
            if (last == kNone || before(last, at)) last = at;
        }
        if (earliest == kNone || before(last, earliest)) earliest = last;
    }
    return earliest;
}

// What the questions before a place show only grows with the place, so the latest place
// where q's answer is still unshown is the one to try: just before the question that
// gives it away. If q gives away a later answer there, it would at any earlier place
// too; only a question waiting on a fact q shows can be given away by it.
bool QuizPlan::place(const Question& q, size_t number) {
    const uint32_t at = giving_away(q);
    if (at != kNone)
        for (const std::string& fact : q.reveals) {
            const auto waiting = waiting_on_.find(fact);
            if (waiting == waiting_on_.end()) continue;
            for (uint32_t later : waiting->second) {
                if (before(later, at)) continue;
                for (const std::vector<std::string>& group : entries_[later].answered_by)
                    if (std::find(group.begin(), group.end(), fact) != group.end() && shown_before(group, later, q.reveals))
                        return false;
            }
        }
    insert(q, number, at);
    return true;
}

void QuizPlan::insert(const Question& q, size_t number, uint32_t next) {
    if (next != kNone) {
        const uint32_t prev = entries_[next].prev;
        if (entries_[next].label - (prev == kNone ? 0 : entries_[prev].label) < 2) relabel();
    }
    const uint32_t prev = next == kNone ? tail_ : entries_[next].prev;
    const uint64_t low = prev == kNone ? 0 : entries_[prev].label;
    const uint64_t label = next == kNone ? low + kGap : low + (entries_[next].label - low) / 2;
    const auto id = static_cast<uint32_t>(entries_.size());
    (prev == kNone ? head_ : entries_[prev].next) = id;
    (next == kNone ? tail_ : entries_[next].prev) = id;

    for (const std::string& e : q.events) ++uses_[e];
    total_uses_ += q.events.size();
    entries_.push_back({number, q.answered_by, label, prev, next});
    for (const std::string& fact : q.reveals) {
        const auto [it, fresh] = first_shown_.emplace(fact, id);
        if (!fresh && before(id, it->second)) it->second = id;
    }
    for (const std::vector<std::string>& group : q.answered_by)
        for (const std::string& fact : group) {
            std::vector<uint32_t>& waiting = waiting_on_[fact];
            if (waiting.empty() || waiting.back() != id) waiting.push_back(id);
        }
}

void QuizPlan::relabel() {
    uint64_t label = 0;
    for (uint32_t i = head_; i != kNone; i = entries_[i].next) entries_[i].label = label += kGap;
}

std::vector<size_t> QuizPlan::order() const {
    std::vector<size_t> numbers;
    numbers.reserve(entries_.size());
    for (uint32_t i = head_; i != kNone; i = entries_[i].next) numbers.push_back(entries_[i].number);
    return numbers;
}

} // namespace chronicle
