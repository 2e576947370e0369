// store/: what is kept between runs — the SQLite save and the settings.
//
// The player's saved data in one SQLite file: settings, finished games with their
// answers, and the best score per pack and mode. Opening never fails and never
// deletes the player's file: a save that cannot be used is moved aside and the
// player is told where it went.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/problem.h"
#include "core/classroom/class_game.h"
#include "core/learn/fsrs.h"
#include "core/quiz/scoring.h"

struct sqlite3;

namespace chronicle {

struct AnsweredQuestion {
    Kind kind = Kind::First;
    std::string prompt;
    std::vector<std::string> chosen; // option texts; when arranging, the player's order
    std::vector<std::string> right;  // option texts; when arranging, the right order
    bool correct = false;
    int points = 0; // a wrong answer has none but part of an order's; record_game refuses one that says otherwise
    int64_t elapsed_ms = 0;
};

struct GameRecord {
    int64_t id = 0; // set when read back; record_game ignores it
    std::string pack_id;
    Mode mode = Mode::Practice;
    Difficulty difficulty = Difficulty::Normal;
    uint64_t seed = 0;
    std::string lang;
    int64_t finished_at = 0; // unix seconds
    int questions = 0;
    int correct = 0;
    int points = 0;
    int best_streak = 0;
    std::vector<AnsweredQuestion> answers; // in the order asked
};

// The record of a session, meant for a finished one: the quiz's settings, the
// score, and each answer with the texts of the chosen and the right options.
GameRecord game_record(const QuizSession& session, Mode mode, int64_t finished_at);

// A projector game (core/play/team_game.h), as saved: its teams and their answers.
struct TeamRecord {
    std::string name;
    int colour = 0;
    int points = 0;
};

struct TeamAnswerRecord {
    int question = 0; // its place in the quiz, from 0; a skipped question has no answers
    int team = 0;     // an index into the teams
    std::string prompt;
    std::string chosen; // the option's text; empty when nothing was entered
    bool correct = false;
    int points = 0; // a wrong answer has none
    int64_t elapsed_ms = 0;
};

struct TeamGameRecord {
    int64_t id = 0; // set when read back
    std::string pack_id;
    Difficulty difficulty = Difficulty::Normal;
    uint64_t seed = 0;
    std::string lang;
    int64_t finished_at = 0; // unix seconds
    int questions = 0;
    std::vector<TeamRecord> teams; // in team order
    std::vector<TeamAnswerRecord> answers; // by question, then team
};

// A class game (core/classroom/class_game.h), as saved: every question of its quiz,
// the players still in it at the end, and their graded answers.
struct ClassQuestionRecord {
    Kind kind = Kind::First;
    std::string prompt;
    std::vector<std::string> options; // the option texts, in the order shown
    std::vector<size_t> answer;       // indices into options: the right one; for an order, the right order
    bool skipped = false;             // went by with no points (ClassGame::skip, end): it has no answers
};

struct ClassPlayerRecord {
    std::string name;
    int points = 0;
    int rank = 1;    // among the players kept; ties share a rank
    int correct = 0; // answers entirely right
};

struct ClassAnswerRecord {
    int question = 0;           // an index into the questions
    int player = 0;             // an index into the players
    std::vector<size_t> chosen; // option indices, for an order the player's order; empty: no answer
    bool correct = false;
    int points = 0; // a wrong answer has none but part of an order's
    int64_t elapsed_ms = 0;
};

struct ClassGameRecord {
    int64_t id = 0; // set when read back
    std::string pack_id;
    ClassMode mode = ClassMode::Live;
    Difficulty difficulty = Difficulty::Normal;
    uint64_t seed = 0;
    std::string lang;
    int64_t finished_at = 0; // unix seconds
    std::vector<ClassQuestionRecord> questions; // in the quiz's order
    std::vector<ClassPlayerRecord> players;     // in the order they joined
    std::vector<ClassAnswerRecord> answers;     // by question, then player
};

// Studying over days (schema 5). A fact is what a question tests (learn/facts.h):
// "date:e07", "who:e05", "speaker:q01", "value:n02", "authored:a3".
// One review of one fact, with the card after it.
struct FactReview {
    std::string pack_id;
    std::string fact;
    fsrs::Rating rating = fsrs::Rating::Good;
    Kind kind = Kind::First; // the kind of question that asked it
    int64_t at = 0;          // Unix seconds
    fsrs::Card card;         // after the review
};

// Where a fact stands: its card and how it was last rated.
struct FactState {
    std::string pack_id;
    std::string fact;
    fsrs::Card card;
    fsrs::Rating last_rating = fsrs::Rating::Good;
};

// A question answered in a Learn session, saved the moment it is answered.
struct StudyAnswer {
    int64_t id = 0; // set when read back
    std::string pack_id;
    std::string lang;
    Kind kind = Kind::First;
    std::string prompt;
    bool correct = false;
    int64_t elapsed_ms = 0;
    int64_t at = 0; // Unix seconds
};

// One game of the Timeline card game.
struct TimelineRun {
    int64_t id = 0; // set when read back
    std::string pack_id;
    std::string lang;
    uint64_t seed = 0;
    int64_t finished_at = 0; // Unix seconds
    int placed = 0;          // cards placed right: the run's score
    int wrong = 0;           // cards placed wrong (lives lost)
};

// What import_progress took from a progress file (records already in the save are not counted).
struct ProgressImport {
    int games = 0;
    int study_answers = 0;
    int reviews = 0;
    int timeline_runs = 0;
};

struct BestScore {
    int points = 0;
    int correct = 0;
    int questions = 0;
    int64_t finished_at = 0;
    int64_t game_id = 0;
};

// The save's name in the user's data folder (core/base/paths.h), where the game and
// the command line open it.
constexpr const char* kSaveFileName = "chronicle.db";

struct OpenResult;

namespace detail {
struct CloseDatabase {
    void operator()(sqlite3* db) const;
};
} // namespace detail

// Not thread-safe: use one Storage from one thread. After open, no call throws;
// a failed call returns its "nothing" value (-1, nullopt, false, empty) and says
// why in last_error(), which each call clears first. The game goes on either way.
class Storage {
public:
    // Opens the save at `path`, creating it (not its folder) when missing. A file that
    // is not a Chronicle save (not a database, damaged, other tables) is renamed to
    // `<path>.damaged-<now>`, with any journal beside it, and a new save is started.
    // A save made by a newer version is never moved: it is read but not changed
    // (read_only()), or left alone when this version cannot read it. A save that can be
    // read but not written (the file or its folder read-only) is read, not changed. A
    // save that cannot be opened for reasons outside it (no permission, locked by
    // another program, disk full) is left alone and the data lives in memory; when the
    // reason may pass (locked, disk full, I/O error), each write first tries the save
    // again and, once it opens, moves what memory holds into it.
    // `now_unix_seconds` only names the moved file.
    static OpenResult open(const std::string& path, int64_t now_unix_seconds);
    // A last try to move what memory holds into the save.
    ~Storage();

    Storage(const Storage&) = delete;
    Storage& operator=(const Storage&) = delete;

    // True while the data lives in memory: nothing will outlive the run unless the
    // save opens at a later write.
    bool in_memory() const { return in_memory_; }
    // Why writes are refused (a Term, or the OS's words); nullopt when they are not.
    const std::optional<Detail>& read_only() const { return read_only_; }
    const std::optional<Issue>& last_error() const { return last_error_; }
    // Why a save held in memory at open was given up at a later write (read-only, made
    // by a newer version, unreadable); the run's data then stays in memory.
    const std::optional<Issue>& retry_ended() const { return retry_ended_; }

    // nullopt when the key was never set (or on error).
    std::optional<std::string> setting(const std::string& key) const;
    bool set_setting(const std::string& key, const std::string& value);
    bool set_settings(const std::vector<std::pair<std::string, std::string>>& entries); // all or none

    // Writes the game, its answers, the reviews of the facts they tested and, when it
    // beats the best for its pack and mode, the best score, all or nothing. Returns the
    // new game's id, or -1.
    int64_t record_game(const GameRecord& game, const std::vector<FactReview>& reviews = {});
    // The highest points for a pack and mode; the earliest game wins a tie.
    std::optional<BestScore> best_score(const std::string& pack_id, Mode mode) const;
    // Up to `limit` games, newest first, with `answers` left empty: a listing, not a
    // review. A negative limit lists every game.
    std::vector<GameRecord> recent_games(int limit) const;
    // One game with its answers, for review; nullopt when there is no such game.
    std::optional<GameRecord> game(int64_t id) const;
    int64_t game_count() const; // -1 on error

    // Writes a projector game with its teams and answers, all or nothing; its id, or -1.
    int64_t record_team_game(const TeamGameRecord& game);
    // Up to `limit` projector games, newest first, with their teams but not their answers.
    std::vector<TeamGameRecord> recent_team_games(int limit) const;
    // One projector game with its teams and answers; nullopt when there is no such game.
    std::optional<TeamGameRecord> team_game(int64_t id) const;

    // Writes a class game with its questions, players and answers, all or nothing; its id, or -1.
    int64_t record_class_game(const ClassGameRecord& game);
    // Up to `limit` class games, newest first, with their questions and players but not
    // their answers. A negative limit lists every one.
    std::vector<ClassGameRecord> recent_class_games(int limit) const;
    // One class game with everything; nullopt when there is no such game.
    std::optional<ClassGameRecord> class_game(int64_t id) const;

    // A Learn answer and the reviews of the facts it tested (each fact's state set to
    // the review's card), all or nothing; the answer's id, or -1.
    int64_t record_study_answer(const StudyAnswer& answer, const std::vector<FactReview>& reviews);
    // While memory holds the run and the save may yet open, tries it again (as a write
    // does): called before reading the fact states a write will build on, so that a
    // review never starts from memory's blank card while the save holds the fact's history.
    void try_save_again() {
        if (!retry_path_.empty() && !read_only_) move_into_save();
    }
    // Every fact of the pack that was ever reviewed ("" for every pack).
    std::vector<FactState> fact_states(const std::string& pack_id) const;
    // Reviews at or after `since` (Unix seconds), oldest first ("" for every pack).
    std::vector<FactReview> fact_reviews(const std::string& pack_id, int64_t since) const;
    // Learn answers at or after `since`, oldest first ("" for every pack).
    std::vector<StudyAnswer> study_answers(const std::string& pack_id, int64_t since) const;

    // A Timeline game; its id, or -1.
    int64_t record_timeline_run(const TimelineRun& run);
    // The most cards placed right in one Timeline game of the pack; the earliest wins a tie.
    std::optional<TimelineRun> best_timeline_run(const std::string& pack_id) const;

    // Writes a copy of the whole save to `path` (a new file), to carry to another machine.
    bool export_progress(const std::string& path) const;
    // Adds what a progress file (a save of this or an older version) holds that this save
    // does not: games, Learn answers, reviews, Timeline games; a fact's state is the one
    // reviewed last. All or nothing; nullopt (and last_error()) when it cannot be read.
    std::optional<ProgressImport> import_progress(const std::string& path);

private:
    using Database = std::unique_ptr<sqlite3, detail::CloseDatabase>;

    Storage(Database db, bool in_memory);
    // Records `problem` in last_error_, with its `details` and the reason for the last
    // failure after them: a Term when it is one the player can act on, else SQLite's words.
    void fail(Problem problem, std::vector<Detail> details = {}) const;
    // Before a write: false (and `problem` in last_error_) when writes are refused;
    // otherwise, while memory holds the data, tries the save again.
    bool ready_to_write(Problem problem);
    // A record written in one transaction by `write(db, id, why)` (SQLITE_OK, or the
    // error and `why`): its id, or -1 with last_error() set to `problem`.
    int64_t record(Problem problem, const std::function<int(sqlite3*, int64_t&, Detail&)>& write);
    // Opens the save at retry_path_ and moves memory's settings and games into it, all or
    // nothing; on success the save is used from then on.
    void move_into_save();

    Database db_;
    bool in_memory_;
    std::string retry_path_; // the save to try again before each write; empty: none
    std::optional<Detail> read_only_;
    std::optional<Issue> retry_ended_;
    mutable std::optional<Issue> last_error_;
};

struct OpenResult {
    std::unique_ptr<Storage> storage; // null only if SQLite cannot even work in memory
    std::optional<Issue> notice; // for the player, with the reasons; nullopt when all went well
};

// Why the OS refused, for the player: Term::PermissionDenied, ReadOnlyFileSystem,
// DiskFull or IoError for the errno values that mean them, else the OS's words.
Detail os_reason(int errno_value);

} // namespace chronicle
