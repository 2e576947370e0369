// One game from its first question to its saved result: the session, the mode's
// clock, what the player sees next (a question, its answer, the results), saving
// and the best score. Time is passed in; nothing here reads a clock.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/learn/fsrs.h"
#include "core/quiz/scoring.h"

namespace chronicle {

class Storage;

// A moment as the caller's clocks tell it: a steady clock in milliseconds for the
// answer times, the calendar in Unix seconds for the record of the game, and how far
// local time is ahead of UTC (for the player's days, learn/study_day.h).
struct Moment {
    uint64_t ms = 0;
    int64_t unix_seconds = 0;
    int32_t utc_offset = 0;
};

enum class RoundStep {
    Asking,    // a question waits for its answer
    Revealing, // the answer just given is shown (modes that reveal each answer)
    Finished,  // every question is answered and the game saved (if it could be)
};

// What became of the finished game.
struct RoundRecord {
    std::optional<int64_t> game_id; // set when the game was saved
    bool in_memory = false;         // saved, but only for this run (no save file could be used)
    std::optional<Issue> save_error; // why it was not saved; nullopt when it was
    bool new_best = false;          // this game is now the best for its pack and mode, as saved
};

class Round {
public:
    // `rules`: rules_for(mode) with the player's choices. `storage` (may be null) saves
    // the game when it finishes, with the reviews of the facts its answers tested
    // (scheduled with `memory`), and knows the best score.
    Round(Quiz quiz, Mode mode, ScoreRules rules, Storage* storage, Moment now, fsrs::Parameters memory = {});

    RoundStep step() const { return step_; }
    const QuizSession& session() const { return session_; }
    // The question being asked or revealed; not once Finished.
    const Question& question() const { return session_.current(); }
    // The grade of the question being revealed.
    const Answer& revealed() const { return session_.answers().at(session_.index()); }
    // The best points for this pack and mode before this game.
    std::optional<int> previous_best() const { return previous_best_; }
    const RoundRecord& record() const { return record_; }
    // The score, the streak and right or wrong may be shown while playing; Test keeps
    // them all for the results, so that nothing gives an answer away.
    bool shows_progress() const { return reveals_each_answer(mode_); }

    // Timed modes: milliseconds left to answer the question asked; nullopt untimed
    // or when no question is waiting.
    std::optional<int64_t> ms_left(uint64_t now_ms) const;
    // The whole time allowed for the question asked (it depends on its kind); 0 untimed.
    int64_t time_limit_ms() const;
    // A timed question is waiting: the caller keeps time and calls expire_if_due.
    // Not while paused.
    bool clock_running() const;
    // The player stepped away (a "Leave?" question, the quiz left for Home): the
    // clock stops, ms_left shows the time left when it stopped, and nothing is
    // answered or expires until resume, which gives back the time paused.
    void pause(uint64_t now_ms);
    void resume(uint64_t now_ms);
    bool paused() const { return paused_at_ms_.has_value(); }

    // Grades the answer to the question asked; nullopt (and nothing changes) when no
    // question is waiting or the round is paused. Then reveals it, or moves on where the mode reveals nothing.
    std::optional<Grade> answer(const std::vector<size_t>& chosen, Moment now);
    // A timed question whose time is up is graded as a late, empty answer.
    std::optional<Grade> expire_if_due(Moment now);
    // From the answer revealed to the next question, or to the results; false when
    // nothing is being revealed.
    bool next(Moment now);

private:
    void advance(Moment now);
    void finish(Moment now);

    QuizSession session_;
    Mode mode_;
    Storage* storage_;
    fsrs::Parameters memory_;
    RoundStep step_ = RoundStep::Asking;
    uint64_t asked_at_ms_;
    std::optional<uint64_t> paused_at_ms_;
    std::optional<int> previous_best_;
    RoundRecord record_;
};

} // namespace chronicle
