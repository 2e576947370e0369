// A projector game for a class with one screen (Kahoot!'s "classic", run by the
// teacher): 2–6 teams, each question shown big, the teacher enters each team's
// answer (or reveals and marks who was right); faster answers score more, from the
// moment the question opened, by the Timed mode's rules. Time is passed in (ms).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/quiz/scoring.h"
#include "core/store/storage.h"

namespace chronicle {

constexpr size_t kMinTeams = 2;
constexpr size_t kMaxTeams = 6;

struct Team {
    std::string name;
    int colour = 0; // an index into the screen's palette
};

// One team's answer to one question.
struct TeamAnswer {
    std::optional<size_t> option; // what the teacher entered; nullopt: nothing
    int64_t elapsed_ms = 0;       // from the question opening (pauses left out) to the entry, or to the reveal
    bool correct = false;         // once revealed; the teacher may change it
    int points = 0;
};

enum class TeamStep {
    Asking,      // the question is open: answers are entered (and replaced)
    Revealed,    // the answer is shown; the teacher may mark teams right or wrong
    Leaderboard, // the standings between questions
    Finished,    // the podium
};

class TeamGame {
public:
    // Only questions answered by one option are asked (a class calls out one answer).
    TeamGame(Quiz quiz, std::vector<Team> teams, uint64_t now_ms);

    const Quiz& quiz() const { return quiz_; }
    const std::vector<Team>& teams() const { return teams_; }
    const ScoreRules& rules() const { return rules_; }
    TeamStep step() const { return step_; }
    size_t index() const { return index_; }
    // The question being asked or revealed (or the last one, once finished).
    const Question& question() const { return quiz_.questions.at(std::min(index_, quiz_.questions.size() - 1)); }
    // Each team's answer to the current question.
    const std::vector<TeamAnswer>& answers() const { return answers_.at(index_); }
    // Whether the question at `question` was skipped (no one's answer counts).
    bool skipped(size_t question) const { return skipped_.at(question); }

    bool paused() const { return paused_at_.has_value(); }
    // Milliseconds since the question opened, pauses left out.
    int64_t elapsed_ms(uint64_t now_ms) const;
    // This question's time: by its kind (ScoreRules::limit_for), as in a round.
    int64_t time_limit_ms() const;
    // Milliseconds left until a right answer earns only the least; nullopt unless asking.
    std::optional<int64_t> ms_left(uint64_t now_ms) const;

    // Asking: `team` answered `option`; replaces an earlier entry. False when refused.
    bool enter(size_t team, size_t option, uint64_t now_ms);
    // Asking → Revealed: entries are graded; a team with none is wrong.
    bool reveal(uint64_t now_ms);
    // Revealed: the teacher says a team was right (or wrong); its points follow.
    bool mark(size_t team, bool right);
    // Revealed → Leaderboard → the next question (or Finished after the last).
    bool next(uint64_t now_ms);
    bool pause(uint64_t now_ms);
    bool resume(uint64_t now_ms);
    // The question asked or revealed goes by with no points; then the next one.
    bool skip(uint64_t now_ms);
    // The question last played is asked again and its points undone: from a question
    // being asked, the one before; from a reveal or the leaderboard, this one.
    bool back(uint64_t now_ms);

    int points(size_t team) const;
    // Every team, most points first (ties in team order, sharing a rank).
    std::vector<Standing> standings() const;
    // The first three of the standings.
    std::vector<Standing> podium() const;
    // The game as saved: its teams with their points, and every answer to a question not skipped.
    TeamGameRecord record(int64_t finished_at) const;

private:
    void open(size_t question, uint64_t now_ms);
    void regrade(size_t team);
    int streak_before(size_t team) const;

    Quiz quiz_;
    std::vector<Team> teams_;
    ScoreRules rules_;
    TeamStep step_ = TeamStep::Asking;
    size_t index_ = 0;
    std::vector<std::vector<TeamAnswer>> answers_; // by question, then team
    std::vector<bool> skipped_;
    uint64_t opened_at_ms_ = 0;
    int64_t paused_ms_ = 0; // paused time since the question opened, pauses ended
    std::optional<uint64_t> paused_at_;
};

} // namespace chronicle
