// classroom/: a class plays from their phones (Kahoot!'s live game): the rules here,
// the messages in class_host.h. Time is passed in (ms of a steady clock).
//
// Live: everyone gets the same question at the same time; it closes when every
// player still in the game has answered or its time is up; then the answer and
// the class's chart, the leaderboard, the next question, and at the end the podium.
// Self-paced (homework): each player moves through the quiz alone, with their own
// clock; the teacher watches progress and scores.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/quiz/scoring.h"

namespace chronicle {

constexpr size_t kMaxClassPlayers = 200;
constexpr size_t kMaxNicknameLength = 20; // code points, after trimming
// Tiles are told apart by four colours and shapes: a question with more options
// could not be answered from a phone showing tiles alone, so it is not asked.
constexpr size_t kMaxClassOptions = 4;

enum class ClassMode { Live, SelfPaced };
const char* class_mode_name(ClassMode m); // "live", "self_paced", as the save and the phones name them
std::optional<ClassMode> class_mode_from_name(std::string_view name);

struct ClassGameRecord; // core/store/storage.h, which includes this header

struct ClassSettings {
    ClassMode mode = ClassMode::Live;
    // The time for a question of the usual kind; other kinds scale it (ScoreRules::limit_for).
    int64_t time_limit_ms = 20000;
    bool texts_on_phones = true; // phones show the prompt and option texts, not only tiles
};

enum class ClassPhase {
    Lobby,       // players join; nothing asked yet
    Question,    // live: the question is open
    Reveal,      // live: the answer and how the class answered
    Leaderboard, // live: the standings between questions
    Running,     // self-paced: each player at their own question
    Finished,    // the podium; no more answers
};

// Why a nickname (or a join) is refused.
enum class NameRefusal { Empty, TooLong, Control, Taken };
enum class JoinRefusal { GameFull, GameOver };

// A nickname as it will be kept: trimmed of white space, or why it cannot be one.
std::variant<std::string, NameRefusal> check_nickname(std::string_view name);

struct PlayerAnswer {
    bool answered = false;
    std::vector<size_t> chosen; // option indices; empty: no answer (time up)
    int64_t elapsed_ms = 0;     // from the question opening for this player to the answer
    Grade grade;                // once graded (live: at the reveal; self-paced: at once)
    bool graded = false;
};

struct ClassPlayer {
    std::string name;
    bool removed = false;
    // Live: the first question this player can answer (joined before it opened).
    size_t first_question = 0;
    std::vector<PlayerAnswer> answers; // by question
    int points = 0;
    int streak = 0;
    // Self-paced: this player's question and when it opened for them (moved later by
    // the time paused).
    size_t at = 0;
    uint64_t opened_at_ms = 0;
    bool finished = false;
};

// How the class answered one question: per option (choice questions) or, for an
// order question, how many had it all right, partly right, all wrong; and how many
// gave no answer.
struct ClassChart {
    std::vector<int> per_option; // choice questions
    int right = 0, partly = 0, wrong = 0; // order questions
    int no_answer = 0;
};

class ClassGame {
public:
    // Questions with more than four options are left out (see kMaxClassOptions).
    ClassGame(Quiz quiz, ClassSettings settings);

    const Quiz& quiz() const { return quiz_; }
    const ClassSettings& settings() const { return settings_; }
    const ScoreRules& rules() const { return rules_; }
    ClassPhase phase() const { return phase_; }
    const std::vector<ClassPlayer>& players() const { return players_; }
    // Players still in the game (not removed).
    size_t player_count() const;

    // A new player, or nullopt and why not. The name is checked with check_nickname.
    std::variant<size_t, JoinRefusal, NameRefusal> join(std::string_view name, uint64_t now_ms);
    bool remove(size_t seat);
    std::optional<NameRefusal> rename(size_t seat, std::string_view name);

    // Lobby → the first question (live) or everyone's first question (self-paced);
    // not before someone has joined.
    bool start(uint64_t now_ms);

    // Live: the question being asked or revealed (or last asked).
    size_t index() const { return index_; }
    const Question& question(size_t index) const { return quiz_.questions.at(index); }
    int64_t time_limit_ms(size_t index) const { return rules_.limit_for(question(index).kind); }
    // The question `seat` is on (live: the class's; self-paced: their own); nullopt
    // before the start, once they finished, and for a player joined mid-question (live).
    std::optional<size_t> question_for(size_t seat) const;
    // Milliseconds left on `seat`'s question (0 once up); nullopt when none is open for them.
    std::optional<int64_t> ms_left(size_t seat, uint64_t now_ms) const;
    // Live: milliseconds left on the class's open question, as the projector shows it
    // (whoever answered already); nullopt when no question is open.
    std::optional<int64_t> ms_left_on_screen(uint64_t now_ms) const;
    // `seat` answers question `index`; nullopt when taken, else NotOpen (another index,
    // answered, time up, paused, removed) or BadChoice (no valid answer to it).
    enum class AnswerRefusal { NotOpen, BadChoice };
    std::optional<AnswerRefusal> answer(size_t seat, size_t index, const std::vector<size_t>& chosen, uint64_t now_ms);
    // Live: how many of those who can answer the question have.
    int answered_count() const;
    int expected_count() const;
    // How the class answered question `index` (graded answers only).
    ClassChart chart(size_t index) const;

    // Time passes: a live question whose time is up (or that everyone answered)
    // is revealed; a self-paced player's time up is graded as no answer. True if
    // anything changed.
    bool tick(uint64_t now_ms);
    // When tick() next has something to do, in ms from now; nullopt: nothing timed.
    std::optional<int64_t> ms_until_due(uint64_t now_ms) const;

    // Live, the teacher: Question → Reveal → Leaderboard → next question or Finished.
    bool reveal();
    bool next(uint64_t now_ms);
    // Self-paced, a player: after their result, their next question.
    bool next_for(size_t seat, uint64_t now_ms);
    bool paused() const { return paused_at_.has_value(); }
    bool pause(uint64_t now_ms);
    bool resume(uint64_t now_ms);
    // Live: the question asked or revealed goes by with no points; then the next one.
    bool skip(uint64_t now_ms);
    // Any phase: the game ends here; a live question not yet revealed counts for nobody.
    bool end();

    // Players still in the game, most points first (ties share a rank).
    std::vector<Standing> standings() const;
    // `seat`'s rank among the players still in the game.
    int rank(size_t seat) const;
    bool skipped(size_t index) const { return skipped_.at(index); }

    // The game as saved: every question; the players still in it, with their rank and
    // their graded answers (one with nothing chosen where time ran out). A removed
    // player and their answers are left out, as they are from the standings.
    ClassGameRecord record(int64_t finished_at) const;

private:
    void open(size_t index, uint64_t now_ms);
    void reveal_if_all_answered();
    // The current question counts for nobody: its answers and points are taken back.
    void void_question();
    void grade_answer(ClassPlayer& p, size_t index);
    int64_t elapsed_since(uint64_t opened_at_ms, uint64_t now_ms) const;
    bool can_answer(size_t seat, size_t index) const;
    bool name_taken(std::string_view name, size_t except) const;

    Quiz quiz_;
    ClassSettings settings_;
    ScoreRules rules_;
    ClassPhase phase_ = ClassPhase::Lobby;
    std::vector<ClassPlayer> players_;
    std::vector<bool> skipped_;
    size_t index_ = 0;
    uint64_t opened_at_ms_ = 0; // live: when the question opened (pauses added)
    std::optional<uint64_t> paused_at_;
};

} // namespace chronicle
