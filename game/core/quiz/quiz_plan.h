// The quiz as it is built: its questions in the order they are asked, and what they
// have shown. A question is never asked after questions that together showed what gives
// its answer away (Question::answered_by), and events are spread over the quiz.
// Internal to the generator.
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/pack/pack.h"
#include "core/quiz/question.h"

namespace chronicle {

class QuizPlan {
public:
    explicit QuizPlan(const Pack& pack);

    // No event of q would be in more than one question over its even share: the quiz's
    // event uses so far, q's included, spread over every event a question can name.
    bool within_share(const Question& q) const;
    // Puts q at the latest place where nothing before it gave its answer away and it
    // gives away no later answer. False, leaving q, when there is no such place.
    bool place(Question& q);

    size_t size() const { return questions_.size(); }
    std::vector<Question> take() { return std::move(questions_); }

private:
    using Shown = std::unordered_set<std::string>;
    static bool given_away(const Question& q, const Shown& shown);
    static void show(const Question& q, Shown& shown);
    bool take(Question& q, size_t at); // puts q at `at`; true

    std::vector<Question> questions_;
    Shown shown_; // by every question so far
    std::unordered_map<std::string, size_t> uses_; // event id → questions naming it
    size_t total_uses_ = 0;
    size_t askable_events_ = 0;
};

} // namespace chronicle
