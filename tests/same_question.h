// Issue 10's "the same question", shared by the plan test and the quiz-figures bench:
// the same prompt, or for kinds that order events, the same set of events.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "core/quiz/question.h"

namespace chronicle::test {

inline bool orders_events(Kind k) { return k == Kind::First || k == Kind::Last || k == Kind::Order || k == Kind::BeforeAfter; }

inline std::string same_question_key(const Question& q) {
    if (!orders_events(q.kind)) return q.prompt;
    std::vector<std::string> events = q.events;
    std::sort(events.begin(), events.end());
    std::string s = "events";
    for (const std::string& e : events) s += ":" + e;
    return s;
}

} // namespace chronicle::test
