// Scoring and the quiz session, as values: the UI forwards what the player chose and
// how long it took; everything that decides points lives here.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/quiz/question.h"

namespace chronicle {

// How a quiz is played, as Kahoot! and Quizlet players know it:
//   Practice  no clock; the answer and its explanation after every question
//   Timed     20 s a question, faster right answers score more (Kahoot!)
//   Test      no clock; answers are revealed only at the end (Quizlet's Test)
enum class Mode { Practice, Timed, Test };
constexpr Mode kAllModes[] = {Mode::Practice, Mode::Timed, Mode::Test};
const char* mode_name(Mode m); // "practice", "timed", "test"
std::optional<Mode> mode_from_name(std::string_view name);
bool reveals_each_answer(Mode m);

struct ScoreRules {
    int base_points = 1000;
    // 0: untimed. Otherwise an answer earns between the full base (instant) and half of
    // it (at the limit), as Kahoot! does; an answer after the limit counts as wrong.
    // The limit of a question of the usual kind; see limit_for.
    int64_t time_limit_ms = 0;
    int streak_bonus = 100;     // per right answer in a row before this one
    int max_streak_bonus = 500;
    // An order partly right earns that part of the points (Grade::in_place of
    // Grade::placed, no streak bonus); false: all or nothing.
    bool partial_order_credit = true;

    // The time to answer a question of kind `k` (0: untimed): putting every option in
    // order takes half as long again (20 s → 30 s), a true-or-false a quarter less (15 s).
    int64_t limit_for(Kind k) const;
};

struct Grade {
    bool correct = false; // entirely right
    bool timed_out = false;
    // Ordering questions: the most options that stand in the right order relative to
    // each other (the longest subsequence of the player's order that is in the right
    // order, as Moodle's "longest ordered subset"), of how many there are. A lone
    // option is in no order: a reversed arrangement has 0 in place, not 1.
    int in_place = 0;
    int placed = 0;
    int points = 0;
};

ScoreRules rules_for(Mode m, bool partial_order_credit = true);

// `chosen`: option indices; one for a question answered by one option, the whole
// order (earliest first) for one answered by arranging (see the kind's Answering).
Grade grade(const Question& q, const std::vector<size_t>& chosen, int64_t elapsed_ms, int streak_before,
            const ScoreRules& rules);

struct KindResult {
    int asked = 0;
    int correct = 0;
};

struct Answer {
    std::vector<size_t> chosen;
    int64_t elapsed_ms = 0;
    Grade grade;
};

struct Score {
    int points = 0;
    int streak = 0;
    int best_streak = 0;
    int answered = 0;
    int correct = 0;
    std::array<KindResult, kKindCount> by_kind{}; // indexed by index_of(Kind)
    double accuracy() const { return answered ? static_cast<double>(correct) / answered : 0.0; }
};

// A place in a game's standings: `entrant` indexes the game's teams or players.
struct Standing {
    size_t entrant = 0;
    int points = 0;
    int rank = 1; // ties share a rank: 1, 1, 3
};
// Every entrant by `points` (indexed by entrant), most first; ties keep entrant order
// and share a rank.
std::vector<Standing> rank_by_points(const std::vector<int>& points);

class QuizSession {
public:
    explicit QuizSession(Quiz quiz, ScoreRules rules = {});

    const Quiz& quiz() const { return quiz_; }
    const ScoreRules& rules() const { return rules_; }
    const Score& score() const { return score_; }
    const std::vector<Answer>& answers() const { return answers_; }
    size_t index() const { return index_; }
    bool finished() const { return index_ >= quiz_.questions.size(); }
    // The question being asked; only before finished().
    const Question& current() const { return quiz_.questions.at(index_); }
    bool answered() const { return answers_.size() > index_; }
    // The current question is the quiz's last.
    bool at_last() const { return index_ + 1 == quiz_.questions.size(); }

    // Grades the current question once; a second call returns the first grade.
    // nullopt once the quiz is finished: there is nothing left to answer.
    std::optional<Grade> answer(const std::vector<size_t>& chosen, int64_t elapsed_ms);
    // The time limit ran out before an answer: graded as a late, empty one.
    std::optional<Grade> expire() { return answer({}, finished() ? 1 : rules_.limit_for(current().kind) + 1); }
    // Moves to the next question, only after the current one is answered; false when
    // it did not move (not answered yet, or already finished).
    bool advance();

private:
    Quiz quiz_;
    ScoreRules rules_;
    Score score_;
    std::vector<Answer> answers_;
    size_t index_ = 0;
};

} // namespace chronicle
