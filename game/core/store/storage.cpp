// Index
//   1. Schema and statements
//   2. Small parts: statements and transactions that clean up after themselves,
//      option texts and indices as JSON
//   3. Opening: check the save, move a bad one aside, fall back to memory
//   4. Settings
//   5. Games and best scores
//   6. Projector games
//   7. Class games
#include "core/store/storage.h"

#include <cerrno>
#include <filesystem>
#include <map>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace chronicle {

namespace fs = std::filesystem;

void detail::CloseDatabase::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

namespace {

using Database = std::unique_ptr<sqlite3, detail::CloseDatabase>;

// ---------------------------------------------------------------------------
// 1. Schema and statements
// ---------------------------------------------------------------------------

// PRAGMA user_version of the schema below; 0 is a file no one has set up yet.
// Version 1 gave a wrong answer no points; since 2 an order partly right earns some;
// 3 adds the projector games with their teams; 4 the class games with their players;
// 5 studying over days: Learn answers, reviews of facts and where each fact stands,
// and Timeline games.
constexpr int64_t kSchemaVersion = 5;

// The answers table after its name, shared by the schema and the move from version 1.
constexpr const char* kAnswersColumns = R"( (
    game_id     INTEGER NOT NULL REFERENCES games (id),
    position    INTEGER NOT NULL, -- 0 for the first question asked
    kind        TEXT NOT NULL,
    prompt      TEXT NOT NULL,
    chosen      TEXT NOT NULL, -- JSON array of option texts
    right_texts TEXT NOT NULL, -- JSON array of option texts
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points      INTEGER NOT NULL CHECK (points >= 0),
    elapsed_ms  INTEGER NOT NULL,
    PRIMARY KEY (game_id, position),
    CHECK (correct OR kind = 'order' OR points = 0) -- grade() gives a wrong answer nothing but part of an order's
))";

std::string create_answers_table(const char* name) { return std::string("CREATE TABLE ") + name + kAnswersColumns + ";"; }

// The CHECKs hold for every game scoring.cpp can produce, so a record that breaks
// one is a bug upstream and is refused whole rather than saved half-true.
constexpr const char* kCreateSchema = R"(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE games (
    id          INTEGER PRIMARY KEY,
    pack_id     TEXT NOT NULL,
    mode        TEXT NOT NULL,
    difficulty  TEXT NOT NULL,
    seed        INTEGER NOT NULL, -- the uint64_t's bits, as SQLite integers are signed
    lang        TEXT NOT NULL,
    finished_at INTEGER NOT NULL, -- unix seconds
    questions   INTEGER NOT NULL CHECK (questions >= 0),
    correct     INTEGER NOT NULL CHECK (correct BETWEEN 0 AND questions),
    points      INTEGER NOT NULL,
    best_streak INTEGER NOT NULL
);
CREATE INDEX games_by_finish ON games (finished_at);
-- The points live in the game named here, so the two cannot disagree.
CREATE TABLE best_scores (
    pack_id TEXT NOT NULL,
    mode    TEXT NOT NULL,
    game_id INTEGER NOT NULL REFERENCES games (id),
    PRIMARY KEY (pack_id, mode)
);
)";

// Projector games: each team's answer to each question not skipped.
constexpr const char* kCreateTeamTables = R"(
CREATE TABLE team_games (
    id          INTEGER PRIMARY KEY,
    pack_id     TEXT NOT NULL,
    difficulty  TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    finished_at INTEGER NOT NULL,
    questions   INTEGER NOT NULL CHECK (questions >= 0)
);
CREATE TABLE team_game_teams (
    game_id  INTEGER NOT NULL REFERENCES team_games (id),
    position INTEGER NOT NULL, -- the team's number, from 0
    name     TEXT NOT NULL,
    colour   INTEGER NOT NULL,
    points   INTEGER NOT NULL,
    PRIMARY KEY (game_id, position)
);
CREATE TABLE team_game_answers (
    game_id    INTEGER NOT NULL REFERENCES team_games (id),
    question   INTEGER NOT NULL, -- 0 for the first question asked
    team       INTEGER NOT NULL,
    prompt     TEXT NOT NULL,
    chosen     TEXT NOT NULL, -- the option's text; empty when nothing was entered
    correct    INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points     INTEGER NOT NULL CHECK (points >= 0 AND (correct OR points = 0)),
    elapsed_ms INTEGER NOT NULL,
    PRIMARY KEY (game_id, question, team),
    FOREIGN KEY (game_id, team) REFERENCES team_game_teams (game_id, position)
);
)";

// Class games: every question of the quiz, the players still in the game at its end,
// and each one's graded answer to each question not skipped.
constexpr const char* kCreateClassTables = R"(
CREATE TABLE class_games (
    id          INTEGER PRIMARY KEY,
    pack_id     TEXT NOT NULL,
    mode        TEXT NOT NULL, -- live, self_paced
    difficulty  TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    finished_at INTEGER NOT NULL
);
CREATE INDEX class_games_by_finish ON class_games (finished_at);
CREATE TABLE class_game_questions (
    game_id  INTEGER NOT NULL REFERENCES class_games (id),
    position INTEGER NOT NULL, -- its place in the quiz, from 0
    kind     TEXT NOT NULL,
    prompt   TEXT NOT NULL,
    options  TEXT NOT NULL, -- JSON array of option texts
    answer   TEXT NOT NULL, -- JSON array of option indices: the right one, or the right order
    skipped  INTEGER NOT NULL CHECK (skipped IN (0, 1)),
    PRIMARY KEY (game_id, position)
);
CREATE TABLE class_game_players (
    game_id  INTEGER NOT NULL REFERENCES class_games (id),
    position INTEGER NOT NULL, -- from 0, in the order they joined
    name     TEXT NOT NULL,
    points   INTEGER NOT NULL CHECK (points >= 0),
    rank     INTEGER NOT NULL CHECK (rank >= 1),
    correct  INTEGER NOT NULL CHECK (correct >= 0),
    PRIMARY KEY (game_id, position)
);
CREATE TABLE class_game_answers (
    game_id    INTEGER NOT NULL REFERENCES class_games (id),
    question   INTEGER NOT NULL,
    player     INTEGER NOT NULL,
    chosen     TEXT NOT NULL, -- JSON array of option indices; [] when time ran out
    correct    INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points     INTEGER NOT NULL CHECK (points >= 0),
    elapsed_ms INTEGER NOT NULL,
    PRIMARY KEY (game_id, question, player),
    FOREIGN KEY (game_id, question) REFERENCES class_game_questions (game_id, position),
    FOREIGN KEY (game_id, player) REFERENCES class_game_players (game_id, position)
);
-- What a CHECK cannot see, as it reads one row: the question's kind and whether it was
-- skipped. grade() gives a wrong answer nothing but part of an order's, and a skipped
-- question's answers were taken back.
CREATE TRIGGER class_game_answers_fit_question BEFORE INSERT ON class_game_answers
WHEN (SELECT skipped OR (NOT NEW.correct AND NEW.points > 0 AND kind <> 'order') FROM class_game_questions
      WHERE game_id = NEW.game_id AND position = NEW.question)
BEGIN
    SELECT RAISE(ABORT, 'an answer the question cannot have');
END;
)";

// Studying over days. A review comes from a game's answer or a Learn answer, and holds
// the card after it: FSRS never leaves a reviewed card new, keeps its difficulty in
// 1..10 and its stability above 0, stamps it with the review's time and schedules it
// then or later. Ratings (1 again .. 4 easy) and states (1 learning, 2 review,
// 3 relearning) are FSRS's numbers. A fact's state is the card of its latest review.
constexpr const char* kCreateLearnTables = R"(
CREATE TABLE timeline_runs (
    id          INTEGER PRIMARY KEY,
    pack_id     TEXT NOT NULL,
    lang        TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    finished_at INTEGER NOT NULL, -- unix seconds
    placed      INTEGER NOT NULL CHECK (placed >= 0),
    wrong       INTEGER NOT NULL CHECK (wrong BETWEEN 0 AND 3) -- three lives
);
CREATE INDEX timeline_runs_by_pack ON timeline_runs (pack_id, placed);
CREATE TABLE study_answers (
    id         INTEGER PRIMARY KEY,
    pack_id    TEXT NOT NULL,
    lang       TEXT NOT NULL,
    at         INTEGER NOT NULL, -- unix seconds
    kind       TEXT NOT NULL,
    prompt     TEXT NOT NULL,
    correct    INTEGER NOT NULL CHECK (correct IN (0, 1)),
    elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0)
);
CREATE INDEX study_answers_by_time ON study_answers (at);
CREATE TABLE fact_reviews (
    id              INTEGER PRIMARY KEY,
    pack_id         TEXT NOT NULL,
    fact            TEXT NOT NULL CHECK (fact <> ''),
    rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    kind            TEXT NOT NULL,
    at              INTEGER NOT NULL, -- unix seconds
    state           INTEGER NOT NULL CHECK (state BETWEEN 1 AND 3),
    step            INTEGER NOT NULL CHECK (step >= 0),
    stability       REAL NOT NULL CHECK (stability > 0),
    difficulty      REAL NOT NULL CHECK (difficulty BETWEEN 1 AND 10),
    due             INTEGER NOT NULL CHECK (due >= at),
    last_review     INTEGER NOT NULL CHECK (last_review = at),
    scheduled_days  INTEGER NOT NULL CHECK (scheduled_days >= 0),
    reps            INTEGER NOT NULL CHECK (reps >= 1),
    lapses          INTEGER NOT NULL CHECK (lapses BETWEEN 0 AND reps),
    game_id         INTEGER REFERENCES games (id),
    study_answer_id INTEGER REFERENCES study_answers (id),
    CHECK ((game_id IS NULL) <> (study_answer_id IS NULL)) -- from a game or from a Learn answer
);
CREATE INDEX fact_reviews_by_time ON fact_reviews (at);
CREATE TABLE fact_states (
    pack_id        TEXT NOT NULL,
    fact           TEXT NOT NULL CHECK (fact <> ''),
    state          INTEGER NOT NULL CHECK (state BETWEEN 1 AND 3),
    step           INTEGER NOT NULL CHECK (step >= 0),
    stability      REAL NOT NULL CHECK (stability > 0),
    difficulty     REAL NOT NULL CHECK (difficulty BETWEEN 1 AND 10),
    due            INTEGER NOT NULL CHECK (due >= last_review),
    last_review    INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL CHECK (scheduled_days >= 0),
    reps           INTEGER NOT NULL CHECK (reps >= 1),
    lapses         INTEGER NOT NULL CHECK (lapses BETWEEN 0 AND reps),
    last_rating    INTEGER NOT NULL CHECK (last_rating BETWEEN 1 AND 4),
    PRIMARY KEY (pack_id, fact)
);
)";

// Version 1's answers refused points for an answer not entirely right: a new table
// (made first) without that CHECK takes them over. Its other tables are as they were.
constexpr const char* kAnswersFromVersion1 =
    "INSERT INTO answers_v2 SELECT game_id, position, kind, prompt, chosen, right_texts, correct, max(points, 0), elapsed_ms"
    " FROM answers;"
    "DROP TABLE answers;"
    "ALTER TABLE answers_v2 RENAME TO answers;";

constexpr const char* kGetSetting = "SELECT value FROM settings WHERE key = ?1";
constexpr const char* kSetSetting =
    "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
constexpr const char* kInsertGame =
    "INSERT INTO games (pack_id, mode, difficulty, seed, lang, finished_at, questions, correct, points, best_streak)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr const char* kInsertAnswer =
    "INSERT INTO answers (game_id, position, kind, prompt, chosen, right_texts, correct, points, elapsed_ms)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
// Strictly more points: on a tie the earlier game keeps the best score.
constexpr const char* kOfferBest =
    "INSERT INTO best_scores (pack_id, mode, game_id) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (pack_id, mode) DO UPDATE SET game_id = excluded.game_id"
    " WHERE (SELECT points FROM games WHERE id = excluded.game_id)"
    " > (SELECT points FROM games WHERE id = best_scores.game_id)";
constexpr const char* kGetBest =
    "SELECT g.points, g.correct, g.questions, g.finished_at, g.id"
    " FROM best_scores b JOIN games g ON g.id = b.game_id WHERE b.pack_id = ?1 AND b.mode = ?2";
// These two list a game's columns in the order game_from_row() reads them.
constexpr const char* kRecentGames =
    "SELECT id, pack_id, mode, difficulty, seed, lang, finished_at, questions, correct, points, best_streak"
    " FROM games ORDER BY finished_at DESC, id DESC LIMIT ?1";
constexpr const char* kGetGame =
    "SELECT id, pack_id, mode, difficulty, seed, lang, finished_at, questions, correct, points, best_streak"
    " FROM games WHERE id = ?1";
constexpr const char* kGetAnswers =
    "SELECT kind, prompt, chosen, right_texts, correct, points, elapsed_ms FROM answers"
    " WHERE game_id = ?1 ORDER BY position";
constexpr const char* kCountGames = "SELECT count(*) FROM games";
constexpr const char* kInsertTeamGame =
    "INSERT INTO team_games (pack_id, difficulty, seed, lang, finished_at, questions) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kInsertTeam =
    "INSERT INTO team_game_teams (game_id, position, name, colour, points) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kInsertTeamAnswer =
    "INSERT INTO team_game_answers (game_id, question, team, prompt, chosen, correct, points, elapsed_ms)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
// These two list a team game's columns in the order team_game_from_row() reads them.
constexpr const char* kRecentTeamGames =
    "SELECT id, pack_id, difficulty, seed, lang, finished_at, questions FROM team_games"
    " ORDER BY finished_at DESC, id DESC LIMIT ?1";
constexpr const char* kGetTeamGame =
    "SELECT id, pack_id, difficulty, seed, lang, finished_at, questions FROM team_games WHERE id = ?1";
constexpr const char* kGetTeams = "SELECT name, colour, points FROM team_game_teams WHERE game_id = ?1 ORDER BY position";
constexpr const char* kGetTeamAnswers =
    "SELECT question, team, prompt, chosen, correct, points, elapsed_ms FROM team_game_answers"
    " WHERE game_id = ?1 ORDER BY question, team";

constexpr const char* kInsertClassGame =
    "INSERT INTO class_games (pack_id, mode, difficulty, seed, lang, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kInsertClassQuestion =
    "INSERT INTO class_game_questions (game_id, position, kind, prompt, options, answer, skipped)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kInsertClassPlayer =
    "INSERT INTO class_game_players (game_id, position, name, points, rank, correct) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kInsertClassAnswer =
    "INSERT INTO class_game_answers (game_id, question, player, chosen, correct, points, elapsed_ms)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
// These two list a class game's columns in the order class_game_from_row() reads them.
constexpr const char* kRecentClassGames =
    "SELECT id, pack_id, mode, difficulty, seed, lang, finished_at FROM class_games"
    " ORDER BY finished_at DESC, id DESC LIMIT ?1";
constexpr const char* kGetClassGame =
    "SELECT id, pack_id, mode, difficulty, seed, lang, finished_at FROM class_games WHERE id = ?1";
constexpr const char* kGetClassQuestions =
    "SELECT kind, prompt, options, answer, skipped FROM class_game_questions WHERE game_id = ?1 ORDER BY position";
constexpr const char* kGetClassPlayers =
    "SELECT name, points, rank, correct FROM class_game_players WHERE game_id = ?1 ORDER BY position";
constexpr const char* kGetClassAnswers =
    "SELECT question, player, chosen, correct, points, elapsed_ms FROM class_game_answers"
    " WHERE game_id = ?1 ORDER BY question, player";

constexpr const char* kInsertTimelineRun =
    "INSERT INTO timeline_runs (pack_id, lang, seed, finished_at, placed, wrong) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// Most cards placed; on a tie the earliest game.
constexpr const char* kBestTimelineRun =
    "SELECT id, pack_id, lang, seed, finished_at, placed, wrong FROM timeline_runs WHERE pack_id = ?1"
    " ORDER BY placed DESC, finished_at, id LIMIT 1";
constexpr const char* kInsertStudyAnswer =
    "INSERT INTO study_answers (pack_id, lang, at, kind, prompt, correct, elapsed_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kInsertReview =
    "INSERT INTO fact_reviews (pack_id, fact, rating, kind, at, state, step, stability, difficulty, due, last_review,"
    " scheduled_days, reps, lapses, game_id, study_answer_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
// The latest review sets the state; one older than the state (written later, as an
// import or a game finished after a Learn session may be) leaves it. On a tie (?13)
// the one written last is the latest, as a record or memory's state is; an imported
// one is not.
constexpr const char* kSetFactState =
    "INSERT INTO fact_states (pack_id, fact, state, step, stability, difficulty, due, last_review, scheduled_days, reps,"
    " lapses, last_rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (pack_id, fact) DO UPDATE SET state = excluded.state, step = excluded.step,"
    " stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,"
    " last_review = excluded.last_review, scheduled_days = excluded.scheduled_days, reps = excluded.reps,"
    " lapses = excluded.lapses, last_rating = excluded.last_rating"
    " WHERE excluded.last_review > fact_states.last_review OR (?13 AND excluded.last_review = fact_states.last_review)";
// "" for every pack. These three list their columns in the order *_from_row() reads them.
constexpr const char* kFactStates =
    "SELECT pack_id, fact, state, step, stability, difficulty, due, last_review, scheduled_days, reps, lapses, last_rating"
    " FROM fact_states WHERE ?1 = '' OR pack_id = ?1 ORDER BY pack_id, fact";
constexpr const char* kFactReviews =
    "SELECT pack_id, fact, rating, kind, at, state, step, stability, difficulty, due, last_review, scheduled_days, reps,"
    " lapses FROM fact_reviews WHERE (?1 = '' OR pack_id = ?1) AND at >= ?2 ORDER BY at, id";
constexpr const char* kStudyAnswers =
    "SELECT id, pack_id, lang, kind, prompt, correct, elapsed_ms, at FROM study_answers"
    " WHERE (?1 = '' OR pack_id = ?1) AND at >= ?2 ORDER BY at, id";

// Each is test-prepared when a save opens, so that a save whose tables do not fit
// them is found then, not in the middle of a game. Calls prepare their own. An old
// save that cannot be written stays at its version, so it is held only to the
// statements of its version and before: `since` is the version that made their tables.
struct KnownStatement {
    const char* sql;
    int64_t since;
};
constexpr KnownStatement kAllStatements[] = {
    {kGetSetting, 1},          {kSetSetting, 1},          {kInsertGame, 1},         {kInsertAnswer, 1},
    {kOfferBest, 1},           {kGetBest, 1},             {kRecentGames, 1},        {kGetGame, 1},
    {kGetAnswers, 1},          {kCountGames, 1},          {kInsertTeamGame, 3},     {kInsertTeam, 3},
    {kInsertTeamAnswer, 3},    {kRecentTeamGames, 3},     {kGetTeamGame, 3},        {kGetTeams, 3},
    {kGetTeamAnswers, 3},      {kInsertClassGame, 4},     {kInsertClassQuestion, 4}, {kInsertClassPlayer, 4},
    {kInsertClassAnswer, 4},   {kRecentClassGames, 4},    {kGetClassGame, 4},       {kGetClassQuestions, 4},
    {kGetClassPlayers, 4},     {kGetClassAnswers, 4},     {kInsertTimelineRun, 5},  {kBestTimelineRun, 5},
    {kInsertStudyAnswer, 5},   {kInsertReview, 5},        {kSetFactState, 5},       {kFactStates, 5},
    {kFactReviews, 5},         {kStudyAnswers, 5}};

// ---------------------------------------------------------------------------
// 2. Small parts
// ---------------------------------------------------------------------------

int exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }

// A prepared statement, finalized when it goes out of scope. The first failure, of
// the prepare or of a bind, is what step() returns, so callers check step() only.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : rc_(sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr)) {}
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return stmt_ != nullptr && rc_ == SQLITE_OK; }

    // Binds ?1, ?2, … in order.
    template <class... Values>
    void bind(const Values&... values) {
        int index = 0;
        (bind_one(++index, values), ...);
    }
    // SQLITE_ROW, SQLITE_DONE, or the error.
    int step() { return rc_ == SQLITE_OK ? sqlite3_step(stmt_) : rc_; }
    // Ready to step again; bind new values first.
    void reset() { sqlite3_reset(stmt_); }

    int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    int number(int column) const { return sqlite3_column_int(stmt_, column); }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::string text(int column) const {
        const auto* chars = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return chars ? std::string(chars, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }

private:
    void bind_one(int index, int64_t value) {
        if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_int64(stmt_, index, value);
    }
    // An int (or a bool, promoted) would stand between int64_t and double: this takes it.
    // (No bool overload: a const char* would take it rather than std::string.)
    void bind_one(int index, int value) { bind_one(index, static_cast<int64_t>(value)); }
    void bind_one(int index, double value) {
        if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_double(stmt_, index, value);
    }
    // An id that may be none: NULL.
    void bind_one(int index, std::optional<int64_t> value) {
        if (!value) {
            if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_null(stmt_, index);
        } else {
            bind_one(index, *value);
        }
    }
    void bind_one(int index, const std::string& value) {
        if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }

    sqlite3_stmt* stmt_ = nullptr;
    int rc_;
};

// BEGIN IMMEDIATE takes the write lock before the first write, so another program
// cannot make a game fail halfway for want of it. Rolls back unless committed, so
// any early return undoes what was written.
class Transaction {
public:
    explicit Transaction(sqlite3* db) : db_(db), begin_rc_(exec(db, "BEGIN IMMEDIATE")) {}
    ~Transaction() {
        if (!sqlite3_get_autocommit(db_)) exec(db_, "ROLLBACK");
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    int begin_rc() const { return begin_rc_; }
    int commit() { return exec(db_, "COMMIT"); }

private:
    sqlite3* db_;
    int begin_rc_;
};

// Text that is not UTF-8 has its bad bytes replaced rather than throwing.
std::string texts_to_json(const std::vector<std::string>& texts) {
    return nlohmann::json(texts).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A list edited by hand into something else reads as no texts, so the rest of the
// game can still be reviewed.
std::vector<std::string> texts_from_json(const std::string& text) {
    const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> texts;
    if (!list.is_array()) return texts;
    for (const nlohmann::json& item : list)
        if (item.is_string()) texts.push_back(item.get<std::string>());
    return texts;
}

// Option indices (an answer, a choice) as a JSON array of numbers.
std::string indices_to_json(const std::vector<size_t>& indices) { return nlohmann::json(indices).dump(); }

// Like texts_from_json: what is not an array of indices reads as none, or without the
// items that are not.
std::vector<size_t> indices_from_json(const std::string& text) {
    const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
    std::vector<size_t> indices;
    if (!list.is_array()) return indices;
    for (const nlohmann::json& item : list)
        if (item.is_number_unsigned()) indices.push_back(item.get<size_t>());
    return indices;
}

// ---------------------------------------------------------------------------
// 3. Opening
// ---------------------------------------------------------------------------

// Short, because the game waits on the UI thread: another copy of Chronicle saving a
// game holds the lock for milliseconds, and a longer lock is met by keeping the data
// in memory and trying again at the next write.
constexpr int kBusyTimeoutMs = 1000;

} // namespace

Detail os_reason(int errno_value) {
    switch (errno_value) {
    case EACCES:
    case EPERM:
        return Term::PermissionDenied;
    case EROFS:
        return Term::ReadOnlyFileSystem;
    case ENOSPC:
    case EDQUOT:
        return Term::DiskFull;
    case EIO:
        return Term::IoError;
    default:
        return std::system_category().message(errno_value);
    }
}

namespace {

// The reason for SQLite's `rc` on `db`, for the player: what they can act on (a lock,
// a full disk, permissions) as a Term, from SQLite's code or the OS's errno; anything
// else in SQLite's words.
Detail reason_of(sqlite3* db, int rc) {
    // The OS error of the last failing call: fresh for CANTOPEN and IOERR; for READONLY
    // it may be stale, and serves only to tell a read-only file system (EROFS) apart.
    const int os_errno = sqlite3_system_errno(db);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Term::LockedByAnotherProgram;
    case SQLITE_FULL:
        return Term::DiskFull;
    case SQLITE_PERM:
    case SQLITE_READONLY:
        return os_errno == EROFS ? Term::ReadOnlyFileSystem : Term::PermissionDenied;
    case SQLITE_IOERR: {
        // ENOSPC on a sync is a full disk, not a failing one.
        const Detail why = os_errno != 0 ? os_reason(os_errno) : Detail(Term::IoError);
        return std::holds_alternative<Term>(why) ? why : Detail(Term::IoError);
    }
    case SQLITE_CANTOPEN:
        // "unable to open database file" alone does not say why.
        if (os_errno != 0) {
            Detail why = os_reason(os_errno);
            if (auto* words = std::get_if<std::string>(&why)) *words = sqlite3_errmsg(db) + (": " + *words);
            return why;
        }
        break;
    }
    return std::string(sqlite3_errmsg(db));
}

// Why `path` cannot be written, as the OS says it; nullopt when the OS says it can
// (then SQLite's own reason is the best there is).
std::optional<Detail> write_refused(const std::string& path) {
    if (::access(path.c_str(), W_OK) == 0) return std::nullopt;
    return os_reason(errno);
}

// What came of opening a save: a database ready to use, or why not.
struct Attempt {
    Database db;
    bool damaged = false; // the fault is in the file: move it aside; otherwise leave it be
    bool may_pass = false; // not damaged, and the reason may pass (a lock, a full disk)
    Detail reason;        // for the player: a Term, or SQLite's words
    // With a database: the save can be read but not written, and why.
    std::optional<Issue> read_only;
};

Attempt damaged(Term reason) { return {nullptr, true, false, reason, std::nullopt}; }

// Locked by another program, no permission, memory or disk full, the disk failing:
// nothing says the file itself is bad, so it stays where it is. Any other failure to
// read it does.
bool fault_is_in_file(int rc) {
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_NOMEM:
    case SQLITE_FULL:
    case SQLITE_IOERR:
        return false;
    default:
        return true;
    }
}

// A lock, a full disk, a failing disk: reasons that may be gone at the next write.
bool may_pass(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_FULL || primary == SQLITE_IOERR;
}

Attempt failed(sqlite3* db, int rc) {
    Attempt a;
    a.damaged = fault_is_in_file(rc);
    a.may_pass = may_pass(rc);
    const int primary = rc & 0xff;
    if (primary == SQLITE_NOTADB) a.reason = Term::SaveNotADatabase;
    else if (primary == SQLITE_CORRUPT) a.reason = Term::SaveDamaged;
    else a.reason = reason_of(db, rc);
    return a;
}

// The first column of the one row `sql` yields; SQLITE_OK or the error.
int read_integer(sqlite3* db, const char* sql, int64_t& value) {
    Statement s(db, sql);
    const int rc = s.step();
    if (rc != SQLITE_ROW) return rc;
    value = s.integer(0);
    return SQLITE_OK;
}

int read_text(sqlite3* db, const char* sql, std::string& value) {
    Statement s(db, sql);
    const int rc = s.step();
    if (rc != SQLITE_ROW) return rc;
    value = s.text(0);
    return SQLITE_OK;
}

// Whether the save at `path`, open in `db`, can be written, found by writing: setting
// the version it has makes SQLite create the journal beside the save and write the
// file, as every later write will. So a read-only file or folder is found now, not
// after a game.
std::optional<Issue> refuses_writes(sqlite3* db, const std::string& path, int64_t version) {
    const std::string same_version = "PRAGMA user_version = " + std::to_string(version);
    int rc;
    {
        Transaction tx(db);
        rc = tx.begin_rc();
        if (rc == SQLITE_OK) rc = exec(db, same_version.c_str());
        if (rc == SQLITE_OK) rc = tx.commit();
        // What may pass is left to the writes, which say why if they fail.
        if (rc == SQLITE_OK || may_pass(rc)) return std::nullopt;
    }
    if (rc == SQLITE_READONLY_DIRECTORY || (rc & 0xff) == SQLITE_CANTOPEN) {
        // The journal could not be made: the folder is the problem.
        const std::string parent = fs::u8path(path).parent_path().u8string();
        const std::string folder = parent.empty() ? "." : parent;
        const std::optional<Detail> why = write_refused(folder);
        return Issue{Problem::SaveFolderReadOnly, {folder, why ? *why : reason_of(db, rc)}};
    }
    const std::optional<Detail> why = write_refused(path);
    return Issue{Problem::SaveReadOnly, {path, why ? *why : reason_of(db, rc)}};
}

// The statements a save made by a newer version must take to be shown.
constexpr const char* kReadStatements[] = {kGetSetting, kGetBest, kRecentGames, kGetGame, kGetAnswers, kCountGames};

// Opens or creates the save at `path` and makes sure this version can use it.
Attempt open_database(const std::string& path) {
    sqlite3* handle = nullptr;
    const int opened = sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Database db(handle); // there is a handle to close even when opening fails
    if (opened != SQLITE_OK) return failed(db.get(), opened);
    sqlite3_extended_result_codes(db.get(), 1); // SQLITE_READONLY_DIRECTORY tells a folder from a file
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    // The rollback journal (SQLite's default), not WAL: between writes the save is
    // one file, which the player can copy and which moves aside whole; WAL's -shm
    // needs shared memory that network and synced folders may not give; and one
    // write per finished game needs none of WAL's speed. synchronous=FULL syncs the
    // journal and the file at each commit, so a finished game survives a power cut.
    int rc = exec(db.get(), "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");

    int64_t version = 0;
    std::string check;
    if (rc == SQLITE_OK) rc = read_integer(db.get(), "PRAGMA user_version", version);
    // quick_check reads every page, which takes milliseconds for years of games and
    // finds what a truncated or half-copied file lacks.
    if (rc == SQLITE_OK) rc = read_text(db.get(), "PRAGMA quick_check", check);
    if (rc != SQLITE_OK) return failed(db.get(), rc);
    if (check != "ok") return damaged(Term::SaveDamaged);
    if (version > kSchemaVersion) {
        // Its history is the player's; a newer version may have changed the tables
        // only where this version does not look.
        for (const char* sql : kReadStatements)
            if (!Statement(db.get(), sql).prepared()) return {nullptr, false, false, Term::SaveFromNewerVersion, std::nullopt};
        exec(db.get(), "PRAGMA query_only = ON"); // and Storage refuses writes before they start
        return {std::move(db), false, false, {}, Issue{Problem::SaveNewerReadOnly, {path}}};
    }
    const std::string set_version = "PRAGMA user_version = " + std::to_string(kSchemaVersion);
    if (version == 0) {
        int64_t objects = 0;
        rc = read_integer(db.get(), "SELECT count(*) FROM sqlite_master", objects);
        if (rc != SQLITE_OK) return failed(db.get(), rc);
        if (objects > 0) return damaged(Term::SaveNotChronicle);
        // Version and tables appear together or not at all.
        Transaction tx(db.get());
        rc = tx.begin_rc();
        if (rc == SQLITE_OK) rc = exec(db.get(), kCreateSchema);
        if (rc == SQLITE_OK) rc = exec(db.get(), create_answers_table("answers").c_str());
        if (rc == SQLITE_OK) rc = exec(db.get(), kCreateTeamTables);
        if (rc == SQLITE_OK) rc = exec(db.get(), kCreateClassTables);
        if (rc == SQLITE_OK) rc = exec(db.get(), kCreateLearnTables);
        if (rc == SQLITE_OK) rc = exec(db.get(), set_version.c_str());
        if (rc == SQLITE_OK) rc = tx.commit();
        if (rc != SQLITE_OK) return failed(db.get(), rc); // before tx's rollback replaces the message
    } else if (version >= 1 && version < kSchemaVersion) {
        // Every step in one transaction: a save is at its version or this one, never between.
        Transaction tx(db.get());
        rc = tx.begin_rc();
        if (rc == SQLITE_OK && version < 2) rc = exec(db.get(), create_answers_table("answers_v2").c_str());
        if (rc == SQLITE_OK && version < 2) rc = exec(db.get(), kAnswersFromVersion1);
        if (rc == SQLITE_OK && version < 3) rc = exec(db.get(), kCreateTeamTables);
        if (rc == SQLITE_OK && version < 4) rc = exec(db.get(), kCreateClassTables);
        if (rc == SQLITE_OK) rc = exec(db.get(), kCreateLearnTables);
        if (rc == SQLITE_OK) rc = exec(db.get(), set_version.c_str());
        if (rc == SQLITE_OK) rc = tx.commit();
        // An old save without its tables; one that cannot be written stays as it
        // is, readable, and refuses_writes() says why.
        if (rc == SQLITE_ERROR) return damaged(Term::SaveWithoutTables);
        if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_READONLY) return failed(db.get(), rc);
        if (rc == SQLITE_OK) version = kSchemaVersion;
    } else if (version != kSchemaVersion) {
        return damaged(Term::SaveNotChronicle);
    }
    // An old save that stays as it is (it cannot be written) is read without the games
    // later versions added.
    const int64_t tables = version == 0 ? kSchemaVersion : version;
    for (const KnownStatement& s : kAllStatements)
        if (s.since <= tables && !Statement(db.get(), s.sql).prepared()) return damaged(Term::SaveWithoutTables);
    std::optional<Issue> read_only = version == 0 ? std::nullopt : refuses_writes(db.get(), path, version);
    if (read_only) exec(db.get(), "PRAGMA query_only = ON");
    return {std::move(db), false, false, {}, std::move(read_only)};
}

// SQLite keeps these beside a save. They move with it, under its new name, so a
// journal is never replayed into the new save and still pairs with the old one.
constexpr const char* kCompanions[] = {"-journal", "-wal", "-shm"};

struct Move {
    std::string to;    // where the save went; empty when it did not move
    std::string error; // why something did not move
};

// Renames the save, then its companions, to `<path>.damaged-<now>`, or `…-2`, `…-3`
// when that is taken: a rename would silently replace an earlier damaged save.
Move move_aside(const std::string& path, int64_t now) {
    auto taken = [](const std::string& name) {
        std::error_code ec;
        if (fs::exists(fs::u8path(name), ec)) return true;
        for (const char* suffix : kCompanions)
            if (fs::exists(fs::u8path(name + suffix), ec)) return true;
        return false;
    };
    const std::string base = path + ".damaged-" + std::to_string(now);
    Move move;
    std::string to = base;
    for (int n = 2; taken(to); ++n) to = base + "-" + std::to_string(n);
    std::error_code ec;
    fs::rename(fs::u8path(path), fs::u8path(to), ec);
    if (ec) {
        move.error = ec.message();
        return move;
    }
    move.to = to;
    for (const char* suffix : kCompanions) {
        fs::rename(fs::u8path(path + suffix), fs::u8path(to + suffix), ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {
            move.error = ec.message();
            return move;
        }
    }
    return move;
}

// The save to use and what to tell the player; no database means use memory.
struct Outcome {
    Database db;
    std::optional<Issue> notice;
    bool retry = false;                       // no database, for a reason that may pass: try again at each write
    std::optional<Detail> read_only = std::nullopt; // a database whose writes are refused, and why
};

Outcome open_save(const std::string& path, int64_t now) {
    std::error_code ec;
    const fs::file_type type = fs::status(fs::u8path(path), ec).type();
    if (type != fs::file_type::not_found && type != fs::file_type::regular) {
        const Detail why = type == fs::file_type::directory ? Detail(Term::SaveIsFolder)
                           : ec                             ? Detail(ec.message())
                                                            : Detail(Term::SaveNotAFile);
        return {nullptr, Issue{Problem::SaveCannotOpen, {path, why}}};
    }
    Attempt existing = open_database(path);
    if (existing.db) {
        Outcome outcome{std::move(existing.db), std::move(existing.read_only)};
        if (outcome.notice) { // SaveNewerReadOnly {path}, or SaveReadOnly / SaveFolderReadOnly {where, why}
            const Issue& said = *outcome.notice;
            outcome.read_only = said.problem == Problem::SaveNewerReadOnly ? Detail(Term::SaveFromNewerVersion) : said.details.at(1);
        }
        return outcome;
    }
    // open_database gives this reason only for a newer save it cannot read.
    if (existing.reason == Detail(Term::SaveFromNewerVersion))
        return {nullptr, Issue{Problem::SaveNewerUnreadable, {path}}};
    if (existing.may_pass) return {nullptr, Issue{Problem::SaveHeldInMemory, {path, existing.reason}}, true};
    if (!existing.damaged) return {nullptr, Issue{Problem::SaveCannotOpen, {path, existing.reason}}};

    const Move move = move_aside(path, now);
    if (move.to.empty()) return {nullptr, Issue{Problem::SaveNotMoved, {path, existing.reason, move.error}}};
    if (!move.error.empty())
        return {nullptr, Issue{Problem::SaveMovedNoNewSave, {path, existing.reason, move.to, move.error}}};
    Attempt fresh = open_database(path);
    if (!fresh.db) return {nullptr, Issue{Problem::SaveMovedNoNewSave, {path, existing.reason, move.to, fresh.reason}}};
    return {std::move(fresh.db), Issue{Problem::SaveMovedAside, {path, existing.reason, move.to}}};
}

// Copies `from`'s settings and games into `to`, inside a transaction the caller holds.
int copy_everything(sqlite3* from, sqlite3* to);

} // namespace

OpenResult Storage::open(const std::string& path, int64_t now_unix_seconds) {
    Outcome outcome = open_save(path, now_unix_seconds);
    const bool in_memory = !outcome.db;
    if (in_memory) outcome.db = open_database(":memory:").db;
    if (!outcome.db) return {nullptr, std::move(outcome.notice)};
    std::unique_ptr<Storage> storage(new Storage(std::move(outcome.db), in_memory));
    if (outcome.retry) storage->retry_path_ = path;
    storage->read_only_ = std::move(outcome.read_only);
    return {std::move(storage), std::move(outcome.notice)};
}

Storage::Storage(Database db, bool in_memory) : db_(std::move(db)), in_memory_(in_memory) {}

Storage::~Storage() {
    if (!retry_path_.empty()) move_into_save();
}

void Storage::fail(Problem problem, std::vector<Detail> details) const {
    details.push_back(reason_of(db_.get(), sqlite3_extended_errcode(db_.get())));
    last_error_ = Issue{problem, std::move(details)};
}

bool Storage::ready_to_write(Problem problem) {
    if (read_only_) {
        last_error_ = Issue{problem, {*read_only_}};
        return false;
    }
    if (!retry_path_.empty()) move_into_save();
    return true;
}

void Storage::move_into_save() {
    Attempt save = open_database(retry_path_);
    if (!save.db) {
        if (!save.may_pass) { // it will not open this run: stop trying, and say why
            retry_ended_ = Issue{Problem::SaveCannotOpen, {retry_path_, save.reason}};
            retry_path_.clear();
        }
        return;
    }
    if (save.read_only) { // newer, or not writable: memory keeps the run
        retry_ended_ = std::move(save.read_only);
        retry_path_.clear();
        return;
    }
    int rc;
    {
        Transaction tx(save.db.get());
        rc = tx.begin_rc();
        if (rc == SQLITE_OK) rc = copy_everything(db_.get(), save.db.get());
        if (rc == SQLITE_OK) rc = tx.commit();
    }
    if (rc != SQLITE_OK) return; // memory still holds everything; the next write tries again
    db_ = std::move(save.db);
    in_memory_ = false;
    retry_path_.clear();
}

// ---------------------------------------------------------------------------
// 4. Settings
// ---------------------------------------------------------------------------

std::optional<std::string> Storage::setting(const std::string& key) const {
    last_error_.reset();
    Statement get(db_.get(), kGetSetting);
    get.bind(key);
    const int rc = get.step();
    if (rc == SQLITE_ROW) return get.text(0);
    if (rc != SQLITE_DONE) fail(Problem::SettingNotRead, {key});
    return std::nullopt;
}

bool Storage::set_setting(const std::string& key, const std::string& value) { return set_settings({{key, value}}); }

bool Storage::set_settings(const std::vector<std::pair<std::string, std::string>>& entries) {
    last_error_.reset();
    if (!ready_to_write(Problem::SettingsNotSaved)) return false;
    // One transaction: one sync to disk for all of them, and all or none.
    Transaction transaction(db_.get());
    bool ok = transaction.begin_rc() == SQLITE_OK;
    Statement set(db_.get(), kSetSetting);
    for (size_t i = 0; ok && i < entries.size(); ++i) {
        set.reset();
        set.bind(entries[i].first, entries[i].second);
        ok = set.step() == SQLITE_DONE;
    }
    ok = ok && transaction.commit() == SQLITE_OK;
    if (!ok) fail(Problem::SettingsNotSaved);
    return ok;
}

// ---------------------------------------------------------------------------
// 5. Games and best scores
// ---------------------------------------------------------------------------

namespace {

// The texts of the options at `indices`. grade() takes any index and marks one that
// names no option wrong; such an index has no text and is left out.
std::vector<std::string> option_texts(const Question& q, const std::vector<size_t>& indices) {
    std::vector<std::string> texts;
    for (size_t i : indices)
        if (i < q.options.size()) texts.push_back(q.options[i].text);
    return texts;
}

GameRecord game_from_row(const Statement& row) {
    GameRecord g;
    g.id = row.integer(0);
    g.pack_id = row.text(1);
    // A name this version does not know (a hand-edited save) reads as the default.
    g.mode = mode_from_name(row.text(2)).value_or(Mode::Practice);
    g.difficulty = difficulty_from_name(row.text(3)).value_or(Difficulty::Normal);
    g.seed = static_cast<uint64_t>(row.integer(4));
    g.lang = row.text(5);
    g.finished_at = row.integer(6);
    g.questions = row.number(7);
    g.correct = row.number(8);
    g.points = row.number(9);
    g.best_streak = row.number(10);
    return g;
}

} // namespace

GameRecord game_record(const QuizSession& session, Mode mode, int64_t finished_at) {
    const Quiz& quiz = session.quiz();
    const Score& score = session.score();
    GameRecord g;
    g.pack_id = quiz.pack_id;
    g.mode = mode;
    g.difficulty = quiz.difficulty;
    g.seed = quiz.seed;
    g.lang = quiz.lang;
    g.finished_at = finished_at;
    g.questions = static_cast<int>(quiz.questions.size());
    g.correct = score.correct;
    g.points = score.points;
    g.best_streak = score.best_streak;
    for (size_t i = 0; i < session.answers().size(); ++i) {
        const Question& q = quiz.questions[i];
        const Answer& a = session.answers()[i];
        AnsweredQuestion answered;
        answered.kind = q.kind;
        answered.prompt = q.prompt;
        answered.chosen = option_texts(q, a.chosen);
        answered.right = option_texts(q, q.answer);
        answered.correct = a.grade.correct;
        answered.points = a.grade.points;
        answered.elapsed_ms = a.elapsed_ms;
        g.answers.push_back(std::move(answered));
    }
    return g;
}

namespace {

// Writes the game, its answers and its claim to the best score; the caller holds the
// transaction. SQLITE_OK with `id` set, or the error with `why` (taken before the
// failed statement is finalized, which would replace SQLite's message).
int write_game(sqlite3* db, const GameRecord& g, int64_t& id, Detail& why) {
    auto failed_step = [&](int rc) {
        why = reason_of(db, rc);
        return rc;
    };
    Statement insert_game(db, kInsertGame);
    insert_game.bind(g.pack_id, mode_name(g.mode), difficulty_name(g.difficulty), static_cast<int64_t>(g.seed), g.lang, g.finished_at,
                     g.questions, g.correct, g.points, g.best_streak);
    int rc = insert_game.step();
    if (rc != SQLITE_DONE) return failed_step(rc);
    id = sqlite3_last_insert_rowid(db);

    // Nothing is seen before COMMIT, so the best score may go in before the answers.
    Statement offer_best(db, kOfferBest);
    offer_best.bind(g.pack_id, mode_name(g.mode), id);
    if ((rc = offer_best.step()) != SQLITE_DONE) return failed_step(rc);

    Statement insert_answer(db, kInsertAnswer);
    for (size_t i = 0; i < g.answers.size(); ++i) {
        const AnsweredQuestion& a = g.answers[i];
        insert_answer.reset();
        insert_answer.bind(id, static_cast<int64_t>(i), kind_name(a.kind), a.prompt, texts_to_json(a.chosen),
                           texts_to_json(a.right), a.correct, a.points, a.elapsed_ms);
        if ((rc = insert_answer.step()) != SQLITE_DONE) return failed_step(rc);
    }
    return SQLITE_OK;
}

// The answers of game `id`, in the order asked; SQLITE_OK, or the error with `why`.
int read_answers(sqlite3* db, int64_t id, std::vector<AnsweredQuestion>& answers, Detail& why) {
    Statement list(db, kGetAnswers);
    list.bind(id);
    int rc;
    while ((rc = list.step()) == SQLITE_ROW) {
        AnsweredQuestion a;
        a.kind = kind_from_name(list.text(0)).value_or(Kind::First);
        a.prompt = list.text(1);
        a.chosen = texts_from_json(list.text(2));
        a.right = texts_from_json(list.text(3));
        a.correct = list.integer(4) != 0;
        a.points = list.number(5);
        a.elapsed_ms = list.integer(6);
        answers.push_back(std::move(a));
    }
    if (rc == SQLITE_DONE) return SQLITE_OK;
    why = reason_of(db, rc);
    return rc;
}

// Team games, like games: the caller holds the transaction.
int write_team_game(sqlite3* db, const TeamGameRecord& g, int64_t& id, Detail& why) {
    auto failed_step = [&](int rc) {
        why = reason_of(db, rc);
        return rc;
    };
    Statement insert_game(db, kInsertTeamGame);
    insert_game.bind(g.pack_id, difficulty_name(g.difficulty), static_cast<int64_t>(g.seed), g.lang, g.finished_at, g.questions);
    int rc = insert_game.step();
    if (rc != SQLITE_DONE) return failed_step(rc);
    id = sqlite3_last_insert_rowid(db);
    Statement insert_team(db, kInsertTeam);
    for (size_t i = 0; i < g.teams.size(); ++i) {
        const TeamRecord& t = g.teams[i];
        insert_team.reset();
        insert_team.bind(id, static_cast<int64_t>(i), t.name, t.colour, t.points);
        if ((rc = insert_team.step()) != SQLITE_DONE) return failed_step(rc);
    }
    Statement insert_answer(db, kInsertTeamAnswer);
    for (const TeamAnswerRecord& a : g.answers) {
        insert_answer.reset();
        insert_answer.bind(id, a.question, a.team, a.prompt, a.chosen, a.correct, a.points, a.elapsed_ms);
        if ((rc = insert_answer.step()) != SQLITE_DONE) return failed_step(rc);
    }
    return SQLITE_OK;
}

TeamGameRecord team_game_from_row(const Statement& row) {
    TeamGameRecord g;
    g.id = row.integer(0);
    g.pack_id = row.text(1);
    g.difficulty = difficulty_from_name(row.text(2)).value_or(Difficulty::Normal);
    g.seed = static_cast<uint64_t>(row.integer(3));
    g.lang = row.text(4);
    g.finished_at = row.integer(5);
    g.questions = row.number(6);
    return g;
}

// The teams of team game `g.id` and, with `answers`, their answers; SQLITE_OK or the error.
int read_team_parts(sqlite3* db, TeamGameRecord& g, bool answers) {
    Statement teams(db, kGetTeams);
    teams.bind(g.id);
    int rc;
    while ((rc = teams.step()) == SQLITE_ROW) g.teams.push_back({teams.text(0), teams.number(1), teams.number(2)});
    if (rc != SQLITE_DONE || !answers) return rc == SQLITE_DONE ? SQLITE_OK : rc;
    Statement list(db, kGetTeamAnswers);
    list.bind(g.id);
    while ((rc = list.step()) == SQLITE_ROW)
        g.answers.push_back({list.number(0), list.number(1), list.text(2), list.text(3), list.integer(4) != 0, list.number(5),
                             list.integer(6)});
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Class games, like games: the caller holds the transaction.
int write_class_game(sqlite3* db, const ClassGameRecord& g, int64_t& id, Detail& why) {
    auto failed_step = [&](int rc) {
        why = reason_of(db, rc);
        return rc;
    };
    Statement insert_game(db, kInsertClassGame);
    insert_game.bind(g.pack_id, class_mode_name(g.mode), difficulty_name(g.difficulty), static_cast<int64_t>(g.seed), g.lang,
                     g.finished_at);
    int rc = insert_game.step();
    if (rc != SQLITE_DONE) return failed_step(rc);
    id = sqlite3_last_insert_rowid(db);
    Statement insert_question(db, kInsertClassQuestion);
    for (size_t i = 0; i < g.questions.size(); ++i) {
        const ClassQuestionRecord& q = g.questions[i];
        insert_question.reset();
        insert_question.bind(id, static_cast<int64_t>(i), kind_name(q.kind), q.prompt, texts_to_json(q.options),
                             indices_to_json(q.answer), q.skipped);
        if ((rc = insert_question.step()) != SQLITE_DONE) return failed_step(rc);
    }
    Statement insert_player(db, kInsertClassPlayer);
    for (size_t i = 0; i < g.players.size(); ++i) {
        const ClassPlayerRecord& p = g.players[i];
        insert_player.reset();
        insert_player.bind(id, static_cast<int64_t>(i), p.name, p.points, p.rank, p.correct);
        if ((rc = insert_player.step()) != SQLITE_DONE) return failed_step(rc);
    }
    Statement insert_answer(db, kInsertClassAnswer);
    for (const ClassAnswerRecord& a : g.answers) {
        insert_answer.reset();
        insert_answer.bind(id, a.question, a.player, indices_to_json(a.chosen), a.correct, a.points, a.elapsed_ms);
        if ((rc = insert_answer.step()) != SQLITE_DONE) return failed_step(rc);
    }
    return SQLITE_OK;
}

ClassGameRecord class_game_from_row(const Statement& row) {
    ClassGameRecord g;
    g.id = row.integer(0);
    g.pack_id = row.text(1);
    g.mode = class_mode_from_name(row.text(2)).value_or(ClassMode::Live);
    g.difficulty = difficulty_from_name(row.text(3)).value_or(Difficulty::Normal);
    g.seed = static_cast<uint64_t>(row.integer(4));
    g.lang = row.text(5);
    g.finished_at = row.integer(6);
    return g;
}

// The questions and players of class game `g.id` and, with `answers`, their answers;
// SQLITE_OK or the error.
int read_class_parts(sqlite3* db, ClassGameRecord& g, bool answers) {
    Statement questions(db, kGetClassQuestions);
    questions.bind(g.id);
    int rc;
    while ((rc = questions.step()) == SQLITE_ROW)
        g.questions.push_back({kind_from_name(questions.text(0)).value_or(Kind::First), questions.text(1),
                               texts_from_json(questions.text(2)), indices_from_json(questions.text(3)), questions.integer(4) != 0});
    if (rc != SQLITE_DONE) return rc;
    Statement players(db, kGetClassPlayers);
    players.bind(g.id);
    while ((rc = players.step()) == SQLITE_ROW)
        g.players.push_back({players.text(0), players.number(1), players.number(2), players.number(3)});
    if (rc != SQLITE_DONE || !answers) return rc == SQLITE_DONE ? SQLITE_OK : rc;
    Statement list(db, kGetClassAnswers);
    list.bind(g.id);
    while ((rc = list.step()) == SQLITE_ROW)
        g.answers.push_back({list.number(0), list.number(1), indices_from_json(list.text(2)), list.integer(3) != 0, list.number(4),
                             list.integer(5)});
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Projector and class games are listed and read alike: a row of the game, then its
// parts (with their answers, or not) by `read_parts`.
template <class Record, class FromRow, class ReadParts>
int list_games(sqlite3* db, const char* sql, int limit, FromRow from_row, ReadParts read_parts, std::vector<Record>& games) {
    Statement list(db, sql);
    list.bind(limit);
    int rc;
    while ((rc = list.step()) == SQLITE_ROW) games.push_back(from_row(list));
    for (size_t i = 0; rc == SQLITE_DONE && i < games.size(); ++i)
        if (read_parts(db, games[i], false) != SQLITE_OK) rc = SQLITE_ERROR;
    return rc;
}

// The game with `id` and all its parts into `game` (left empty when there is none);
// the problem when it cannot be read.
template <class Record, class FromRow, class ReadParts>
std::optional<Problem> get_game(sqlite3* db, const char* sql, int64_t id, FromRow from_row, ReadParts read_parts,
                                std::optional<Record>& game) {
    Statement get(db, sql);
    get.bind(id);
    const int rc = get.step();
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) return Problem::GameNotRead;
    Record g = from_row(get);
    if (read_parts(db, g, true) != SQLITE_OK) return Problem::AnswersNotRead;
    game = std::move(g);
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Studying over days: the parts shared by the writes, the readers, the move from
// memory and the import
// ---------------------------------------------------------------------------

// The numbers the save keeps are FSRS's; one a hand-edited save holds that FSRS has
// not reads as the default.
int rating_number(fsrs::Rating r) { return static_cast<int>(r); }
fsrs::Rating rating_from_number(int n) { return n >= 1 && n <= 4 ? static_cast<fsrs::Rating>(n) : fsrs::Rating::Good; }
fsrs::State state_from_number(int n) { return n >= 0 && n <= 3 ? static_cast<fsrs::State>(n) : fsrs::State::New; }

// A card's nine columns, from `first` on, in the order the statements list them:
// state, step, stability, difficulty, due, last_review, scheduled_days, reps, lapses.
fsrs::Card card_from_row(const Statement& row, int first) {
    fsrs::Card c;
    c.state = state_from_number(row.number(first));
    c.step = row.number(first + 1);
    c.stability = row.real(first + 2);
    c.difficulty = row.real(first + 3);
    c.due = row.integer(first + 4);
    c.last_review = row.integer(first + 5);
    c.scheduled_days = row.number(first + 6);
    c.reps = row.number(first + 7);
    c.lapses = row.number(first + 8);
    return c;
}

FactState fact_state_from_row(const Statement& row) {
    return {row.text(0), row.text(1), card_from_row(row, 2), rating_from_number(row.number(11))};
}

FactReview review_from_row(const Statement& row) {
    FactReview r;
    r.pack_id = row.text(0);
    r.fact = row.text(1);
    r.rating = rating_from_number(row.number(2));
    r.kind = kind_from_name(row.text(3)).value_or(Kind::First);
    r.at = row.integer(4);
    r.card = card_from_row(row, 5);
    return r;
}

StudyAnswer study_answer_from_row(const Statement& row) {
    StudyAnswer a;
    a.id = row.integer(0);
    a.pack_id = row.text(1);
    a.lang = row.text(2);
    a.kind = kind_from_name(row.text(3)).value_or(Kind::First);
    a.prompt = row.text(4);
    a.correct = row.integer(5) != 0;
    a.elapsed_ms = row.integer(6);
    a.at = row.integer(7);
    return a;
}

TimelineRun timeline_run_from_row(const Statement& row) {
    TimelineRun r;
    r.id = row.integer(0);
    r.pack_id = row.text(1);
    r.lang = row.text(2);
    r.seed = static_cast<uint64_t>(row.integer(3));
    r.finished_at = row.integer(4);
    r.placed = row.number(5);
    r.wrong = row.number(6);
    return r;
}

// Offers `card`, rated `rating`, as the fact's state; kSetFactState keeps a later one,
// and with `tie_moves` not an equal one.
int offer_fact_state(Statement& set_state, const std::string& pack_id, const std::string& fact, const fsrs::Card& c,
                     fsrs::Rating rating, bool tie_moves = true) {
    set_state.reset();
    set_state.bind(pack_id, fact, static_cast<int>(c.state), c.step, c.stability, c.difficulty, c.due, c.last_review,
                   c.scheduled_days, c.reps, c.lapses, rating_number(rating), tie_moves);
    return set_state.step();
}

// Inserts one review, of game `game_id` or Learn answer `answer_id`.
int insert_review(Statement& insert, const FactReview& r, std::optional<int64_t> game_id, std::optional<int64_t> answer_id) {
    const fsrs::Card& c = r.card;
    insert.reset();
    insert.bind(r.pack_id, r.fact, rating_number(r.rating), kind_name(r.kind), r.at, static_cast<int>(c.state), c.step,
                c.stability, c.difficulty, c.due, c.last_review, c.scheduled_days, c.reps, c.lapses, game_id, answer_id);
    return insert.step();
}

// The reviews of game `game_id` or Learn answer `answer_id`, each moving its fact's
// state; the caller holds the transaction. SQLITE_OK, or the error with `why`.
int write_reviews(sqlite3* db, const std::vector<FactReview>& reviews, std::optional<int64_t> game_id,
                  std::optional<int64_t> answer_id, Detail& why) {
    Statement insert(db, kInsertReview);
    Statement set_state(db, kSetFactState);
    for (const FactReview& r : reviews) {
        int rc = insert_review(insert, r, game_id, answer_id);
        if (rc == SQLITE_DONE) rc = offer_fact_state(set_state, r.pack_id, r.fact, r.card, r.rating);
        if (rc != SQLITE_DONE) {
            why = reason_of(db, rc);
            return rc;
        }
    }
    return SQLITE_OK;
}

// A Learn answer; the caller holds the transaction.
int write_study_answer(sqlite3* db, const StudyAnswer& a, int64_t& id, Detail& why) {
    Statement insert(db, kInsertStudyAnswer);
    insert.bind(a.pack_id, a.lang, a.at, kind_name(a.kind), a.prompt, a.correct, a.elapsed_ms);
    const int rc = insert.step();
    if (rc != SQLITE_DONE) {
        why = reason_of(db, rc);
        return rc;
    }
    id = sqlite3_last_insert_rowid(db);
    return SQLITE_OK;
}

int write_timeline_run(sqlite3* db, const TimelineRun& r, int64_t& id, Detail& why) {
    Statement insert(db, kInsertTimelineRun);
    insert.bind(r.pack_id, r.lang, static_cast<int64_t>(r.seed), r.finished_at, r.placed, r.wrong);
    const int rc = insert.step();
    if (rc != SQLITE_DONE) {
        why = reason_of(db, rc);
        return rc;
    }
    id = sqlite3_last_insert_rowid(db);
    return SQLITE_OK;
}

// Every row `sql` yields, bound to `values`, through `from_row`; SQLITE_DONE or the error.
template <class Record, class FromRow, class... Values>
int read_all(sqlite3* db, const char* sql, FromRow from_row, std::vector<Record>& records, const Values&... values) {
    Statement list(db, sql);
    list.bind(values...);
    int rc;
    while ((rc = list.step()) == SQLITE_ROW) records.push_back(from_row(list));
    return rc;
}

// One save's records added to another, inside a transaction the caller holds: the
// move from memory into the save (everything, and memory's fact states are the
// later), and an import (what the save already has is skipped; a fact state moves
// only to a later review).
struct Merge {
    bool skip_present = false;
    ProgressImport added;
    // Games and Learn answers written into `to`: their id in `from` → in `to`. Their
    // reviews go with them; those of a record `to` had already are there already (two
    // reviews of one fact in one game are both kept).
    std::map<int64_t, int64_t> games;
    std::map<int64_t, int64_t> answers;
};

// The same game: pack, finish, seed, mode and points.
constexpr const char* kFindGame =
    "SELECT id FROM games WHERE pack_id = ?1 AND finished_at = ?2 AND seed = ?3 AND mode = ?4 AND points = ?5";
// A game that ties the best but finished earlier takes it (kOfferBest took one with more).
constexpr const char* kOfferEarlierBest =
    "UPDATE best_scores SET game_id = ?1 WHERE pack_id = ?2 AND mode = ?3"
    " AND (SELECT points FROM games WHERE id = ?1) = (SELECT points FROM games WHERE id = best_scores.game_id)"
    " AND (SELECT finished_at FROM games WHERE id = ?1) < (SELECT finished_at FROM games WHERE id = best_scores.game_id)";
constexpr const char* kAllGames = "SELECT id, pack_id, mode, difficulty, seed, lang, finished_at, questions, correct, points,"
                                  " best_streak FROM games ORDER BY id";
constexpr const char* kAllStudyAnswers =
    "SELECT id, pack_id, lang, kind, prompt, correct, elapsed_ms, at FROM study_answers ORDER BY id";
constexpr const char* kFindStudyAnswer =
    "SELECT id FROM study_answers WHERE pack_id = ?1 AND at = ?2 AND kind = ?3 AND prompt = ?4 AND correct = ?5";
constexpr const char* kAllReviews =
    "SELECT pack_id, fact, rating, kind, at, state, step, stability, difficulty, due, last_review, scheduled_days, reps,"
    " lapses, game_id, study_answer_id FROM fact_reviews ORDER BY id";
constexpr const char* kAllTimelineRuns =
    "SELECT id, pack_id, lang, seed, finished_at, placed, wrong FROM timeline_runs ORDER BY id";
constexpr const char* kFindTimelineRun =
    "SELECT id FROM timeline_runs WHERE pack_id = ?1 AND seed = ?2 AND finished_at = ?3 AND placed = ?4 AND wrong = ?5";

// Each row of `all` in `from`, read by `from_row`, is written into `to` by
// `write(row, record, present)`: `present` is the id of the same record in `to`, found
// by `find` bound by `key(find, record)`, when what is present is skipped.
template <class FromRow, class Key, class Write>
int merge_rows(sqlite3* from, sqlite3* to, bool skip_present, const char* all, const char* find, FromRow from_row, Key key,
               Write write) {
    Statement rows(from, all);
    Statement same(to, find);
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW) {
        auto record = from_row(rows);
        std::optional<int64_t> present;
        if (skip_present) {
            same.reset();
            key(same, record);
            rc = same.step();
            if (rc == SQLITE_ROW) present = same.integer(0);
            else if (rc != SQLITE_DONE) return rc;
        }
        if ((rc = write(rows, record, present)) != SQLITE_OK) return rc;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Games with their answers, each offered as the best score. SQLITE_OK or the error.
int merge_games(sqlite3* from, sqlite3* to, Merge& m) {
    Statement earlier_best(to, kOfferEarlierBest);
    return merge_rows(
        from, to, m.skip_present, kAllGames, kFindGame, game_from_row,
        [](Statement& find, const GameRecord& g) {
            find.bind(g.pack_id, g.finished_at, static_cast<int64_t>(g.seed), mode_name(g.mode), g.points);
        },
        [&](const Statement&, GameRecord& g, std::optional<int64_t> present) {
            int64_t id = present.value_or(0);
            Detail why; // the caller says what failed
            int rc = SQLITE_OK;
            if (!present) {
                if ((rc = read_answers(from, g.id, g.answers, why)) != SQLITE_OK) return rc;
                if ((rc = write_game(to, g, id, why)) != SQLITE_OK) return rc;
                ++m.added.games;
                if (m.skip_present) { // memory's games were all played after the save's
                    earlier_best.reset();
                    earlier_best.bind(id, g.pack_id, mode_name(g.mode));
                    if ((rc = earlier_best.step()) == SQLITE_DONE) rc = SQLITE_OK;
                }
            }
            if (!present) m.games[g.id] = id;
            return rc;
        });
}

// Learn answers, reviews (of games merged before), Timeline games and fact states.
int merge_learning(sqlite3* from, sqlite3* to, Merge& m) {
    Detail why;
    int rc = merge_rows(
        from, to, m.skip_present, kAllStudyAnswers, kFindStudyAnswer, study_answer_from_row,
        [](Statement& find, const StudyAnswer& a) { find.bind(a.pack_id, a.at, kind_name(a.kind), a.prompt, a.correct); },
        [&](const Statement&, const StudyAnswer& a, std::optional<int64_t> present) {
            int64_t id = present.value_or(0);
            if (!present) {
                const int written = write_study_answer(to, a, id, why);
                if (written != SQLITE_OK) return written;
                ++m.added.study_answers;
            }
            if (!present) m.answers[a.id] = id;
            return SQLITE_OK;
        });
    if (rc != SQLITE_OK) return rc;
    Statement insert(to, kInsertReview);
    Statement reviews(from, kAllReviews);
    while ((rc = reviews.step()) == SQLITE_ROW) {
        // With a game or a Learn answer written above; a review of neither (its record was
        // here already, or the save's CHECK would refuse it) is left out.
        const bool of_game = !reviews.is_null(14);
        const std::map<int64_t, int64_t>& ids = of_game ? m.games : m.answers;
        const auto to_id = ids.find(reviews.integer(of_game ? 14 : 15));
        if (to_id == ids.end()) continue;
        const std::optional<int64_t> none;
        const int inserted = insert_review(insert, review_from_row(reviews), of_game ? to_id->second : none,
                                           of_game ? none : to_id->second);
        if (inserted != SQLITE_DONE) return inserted;
        ++m.added.reviews;
    }
    if (rc != SQLITE_DONE) return rc;
    rc = merge_rows(
        from, to, m.skip_present, kAllTimelineRuns, kFindTimelineRun, timeline_run_from_row,
        [](Statement& find, const TimelineRun& r) {
            find.bind(r.pack_id, static_cast<int64_t>(r.seed), r.finished_at, r.placed, r.wrong);
        },
        [&](const Statement&, const TimelineRun& r, std::optional<int64_t> present) {
            int64_t id = 0;
            if (present) return SQLITE_OK;
            const int written = write_timeline_run(to, r, id, why);
            if (written == SQLITE_OK) ++m.added.timeline_runs;
            return written;
        });
    if (rc != SQLITE_OK) return rc;
    Statement states(from, kFactStates);
    states.bind(std::string());
    Statement set_state(to, kSetFactState);
    while ((rc = states.step()) == SQLITE_ROW) {
        const FactState f = fact_state_from_row(states);
        if ((rc = offer_fact_state(set_state, f.pack_id, f.fact, f.card, f.last_rating, !m.skip_present)) != SQLITE_DONE) return rc;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Memory's settings replace the save's (they were set later); its games are added in
// the order they were played, with new ids, each offered as the best score, and so are
// its projector, class and Timeline games, Learn answers and reviews; memory's fact
// states replace the save's, being later.
int copy_everything(sqlite3* from, sqlite3* to) {
    Statement settings(from, "SELECT key, value FROM settings");
    Statement set(to, kSetSetting);
    int rc;
    while ((rc = settings.step()) == SQLITE_ROW) {
        set.reset();
        set.bind(settings.text(0), settings.text(1));
        if ((rc = set.step()) != SQLITE_DONE) return rc;
    }
    if (rc != SQLITE_DONE) return rc;
    Merge merge;
    if ((rc = merge_games(from, to, merge)) != SQLITE_OK) return rc;
    Statement team_games(from, "SELECT id, pack_id, difficulty, seed, lang, finished_at, questions FROM team_games ORDER BY id");
    while ((rc = team_games.step()) == SQLITE_ROW) {
        TeamGameRecord g = team_game_from_row(team_games);
        int64_t id = 0;
        Detail why;
        if ((rc = read_team_parts(from, g, true)) != SQLITE_OK) return rc;
        if ((rc = write_team_game(to, g, id, why)) != SQLITE_OK) return rc;
    }
    if (rc != SQLITE_DONE) return rc;
    Statement class_games(from, "SELECT id, pack_id, mode, difficulty, seed, lang, finished_at FROM class_games ORDER BY id");
    while ((rc = class_games.step()) == SQLITE_ROW) {
        ClassGameRecord g = class_game_from_row(class_games);
        int64_t id = 0;
        Detail why;
        if ((rc = read_class_parts(from, g, true)) != SQLITE_OK) return rc;
        if ((rc = write_class_game(to, g, id, why)) != SQLITE_OK) return rc;
    }
    if (rc != SQLITE_DONE) return rc;
    return merge_learning(from, to, merge);
}

} // namespace

int64_t Storage::record(Problem problem, const std::function<int(sqlite3*, int64_t&, Detail&)>& write) {
    last_error_.reset();
    if (!ready_to_write(problem)) return -1;
    Transaction tx(db_.get());
    int64_t id = -1;
    Detail why;
    int rc = tx.begin_rc();
    if (rc == SQLITE_OK && (rc = write(db_.get(), id, why)) != SQLITE_OK) {
        last_error_ = Issue{problem, {why}};
        return -1;
    }
    if (rc == SQLITE_OK) rc = tx.commit();
    if (rc == SQLITE_OK) return id;
    fail(problem); // before the rollback replaces SQLite's message
    return -1;
}

int64_t Storage::record_game(const GameRecord& g, const std::vector<FactReview>& reviews) {
    return record(Problem::GameNotSaved, [&](sqlite3* db, int64_t& id, Detail& why) {
        const int rc = write_game(db, g, id, why);
        return rc == SQLITE_OK ? write_reviews(db, reviews, id, std::nullopt, why) : rc;
    });
}

std::optional<BestScore> Storage::best_score(const std::string& pack_id, Mode mode) const {
    last_error_.reset();
    Statement get(db_.get(), kGetBest);
    get.bind(pack_id, mode_name(mode));
    const int rc = get.step();
    if (rc == SQLITE_ROW) return BestScore{get.number(0), get.number(1), get.number(2), get.integer(3), get.integer(4)};
    if (rc != SQLITE_DONE) fail(Problem::BestScoreNotRead);
    return std::nullopt;
}

std::vector<GameRecord> Storage::recent_games(int limit) const {
    last_error_.reset();
    Statement list(db_.get(), kRecentGames);
    list.bind(limit);
    std::vector<GameRecord> games;
    int rc;
    while ((rc = list.step()) == SQLITE_ROW) games.push_back(game_from_row(list));
    if (rc == SQLITE_DONE) return games;
    fail(Problem::GamesNotListed);
    return {};
}

std::optional<GameRecord> Storage::game(int64_t id) const {
    last_error_.reset();
    Statement get(db_.get(), kGetGame);
    get.bind(id);
    const int rc = get.step();
    if (rc != SQLITE_ROW) {
        if (rc != SQLITE_DONE) fail(Problem::GameNotRead);
        return std::nullopt;
    }
    GameRecord g = game_from_row(get);
    Detail why;
    if (read_answers(db_.get(), id, g.answers, why) == SQLITE_OK) return g;
    last_error_ = Issue{Problem::AnswersNotRead, {why}};
    return std::nullopt;
}

int64_t Storage::game_count() const {
    last_error_.reset();
    Statement count(db_.get(), kCountGames);
    if (count.step() == SQLITE_ROW) return count.integer(0);
    fail(Problem::GamesNotCounted);
    return -1;
}

// ---------------------------------------------------------------------------
// 6. Projector games
// ---------------------------------------------------------------------------

int64_t Storage::record_team_game(const TeamGameRecord& g) {
    return record(Problem::GameNotSaved, [&](sqlite3* db, int64_t& id, Detail& why) { return write_team_game(db, g, id, why); });
}

std::vector<TeamGameRecord> Storage::recent_team_games(int limit) const {
    last_error_.reset();
    std::vector<TeamGameRecord> games;
    if (list_games(db_.get(), kRecentTeamGames, limit, team_game_from_row, read_team_parts, games) == SQLITE_DONE) return games;
    fail(Problem::GamesNotListed);
    return {};
}

std::optional<TeamGameRecord> Storage::team_game(int64_t id) const {
    last_error_.reset();
    std::optional<TeamGameRecord> g;
    if (const std::optional<Problem> failed = get_game(db_.get(), kGetTeamGame, id, team_game_from_row, read_team_parts, g))
        fail(*failed);
    return g;
}

// ---------------------------------------------------------------------------
// 7. Class games
// ---------------------------------------------------------------------------

int64_t Storage::record_class_game(const ClassGameRecord& g) {
    return record(Problem::GameNotSaved, [&](sqlite3* db, int64_t& id, Detail& why) { return write_class_game(db, g, id, why); });
}

std::vector<ClassGameRecord> Storage::recent_class_games(int limit) const {
    last_error_.reset();
    std::vector<ClassGameRecord> games;
    if (list_games(db_.get(), kRecentClassGames, limit, class_game_from_row, read_class_parts, games) == SQLITE_DONE) return games;
    fail(Problem::GamesNotListed);
    return {};
}

std::optional<ClassGameRecord> Storage::class_game(int64_t id) const {
    last_error_.reset();
    std::optional<ClassGameRecord> g;
    if (const std::optional<Problem> failed = get_game(db_.get(), kGetClassGame, id, class_game_from_row, read_class_parts, g))
        fail(*failed);
    return g;
}

// ---------------------------------------------------------------------------
// 8. Studying over days: Learn answers, reviews, fact states, Timeline games
// ---------------------------------------------------------------------------

int64_t Storage::record_study_answer(const StudyAnswer& answer, const std::vector<FactReview>& reviews) {
    return record(Problem::StudyAnswerNotSaved, [&](sqlite3* db, int64_t& id, Detail& why) {
        const int rc = write_study_answer(db, answer, id, why);
        return rc == SQLITE_OK ? write_reviews(db, reviews, std::nullopt, id, why) : rc;
    });
}

namespace {

// The records `sql` yields, bound to `values`, or none with `error` set to why.
template <class Record, class FromRow, class... Values>
std::vector<Record> progress_rows(sqlite3* db, std::optional<Issue>& error, const char* sql, FromRow from_row,
                                  const Values&... values) {
    error.reset();
    std::vector<Record> records;
    if (read_all(db, sql, from_row, records, values...) == SQLITE_DONE) return records;
    error = Issue{Problem::ProgressNotRead, {reason_of(db, sqlite3_extended_errcode(db))}};
    return {};
}

} // namespace

std::vector<FactState> Storage::fact_states(const std::string& pack_id) const {
    return progress_rows<FactState>(db_.get(), last_error_, kFactStates, fact_state_from_row, pack_id);
}

std::vector<FactReview> Storage::fact_reviews(const std::string& pack_id, int64_t since) const {
    return progress_rows<FactReview>(db_.get(), last_error_, kFactReviews, review_from_row, pack_id, since);
}

std::vector<StudyAnswer> Storage::study_answers(const std::string& pack_id, int64_t since) const {
    return progress_rows<StudyAnswer>(db_.get(), last_error_, kStudyAnswers, study_answer_from_row, pack_id, since);
}

int64_t Storage::record_timeline_run(const TimelineRun& run) {
    return record(Problem::TimelineRunNotSaved,
                  [&](sqlite3* db, int64_t& id, Detail& why) { return write_timeline_run(db, run, id, why); });
}

std::optional<TimelineRun> Storage::best_timeline_run(const std::string& pack_id) const {
    const std::vector<TimelineRun> best =
        progress_rows<TimelineRun>(db_.get(), last_error_, kBestTimelineRun, timeline_run_from_row, pack_id);
    if (best.empty()) return std::nullopt;
    return best.front();
}

// ---------------------------------------------------------------------------
// 9. Progress carried to another machine: export and import
// ---------------------------------------------------------------------------

namespace {

// The whole save, as one consistent snapshot, into the empty file at `to` (SQLite's
// VACUUM INTO, which takes a read transaction: a write waits or is waited for);
// nullopt, or why not. A save read but not written (query_only) is still copied:
// VACUUM INTO writes only the new file, though query_only refuses it as a write.
std::optional<Detail> vacuum_into(sqlite3* db, const std::string& to) {
    int64_t query_only = 0;
    int rc = read_integer(db, "PRAGMA query_only", query_only);
    if (rc == SQLITE_OK && query_only) rc = exec(db, "PRAGMA query_only = OFF");
    if (rc != SQLITE_OK) return reason_of(db, rc);
    std::optional<Detail> why;
    {
        Statement vacuum(db, "VACUUM INTO ?1");
        vacuum.bind(to);
        rc = vacuum.step();
        if (rc != SQLITE_DONE) why = reason_of(db, rc);
    }
    if (query_only) exec(db, "PRAGMA query_only = ON");
    return why;
}

// A progress file opened read-only, checked to be a save this version can read, and its
// version; or why not (a Term, or SQLite's or the OS's words).
struct ProgressFile {
    Database db;
    int64_t version = 0;
    std::optional<Detail> refused;
};

ProgressFile open_progress_file(const std::string& path) {
    ProgressFile file;
    std::error_code ec;
    const fs::file_type type = fs::status(fs::u8path(path), ec).type();
    if (type == fs::file_type::directory) file.refused = Term::SaveIsFolder;
    else if (type != fs::file_type::regular && type != fs::file_type::not_found) file.refused = Term::SaveNotAFile; // never wait on a FIFO
    if (file.refused) return file;
    sqlite3* handle = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
    file.db.reset(handle);
    std::string check;
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(handle, 1);
        sqlite3_busy_timeout(handle, kBusyTimeoutMs);
        rc = read_integer(handle, "PRAGMA user_version", file.version);
    }
    if (rc == SQLITE_OK) rc = read_text(handle, "PRAGMA quick_check", check);
    if (rc != SQLITE_OK) {
        file.refused = failed(handle, rc).reason;
    } else if (check != "ok") {
        file.refused = Term::SaveDamaged;
    } else if (file.version > kSchemaVersion) {
        file.refused = Term::SaveFromNewerVersion;
    } else if (file.version < 1) {
        file.refused = Term::SaveNotChronicle;
    } else {
        for (const KnownStatement& s : kAllStatements)
            if (s.since <= file.version && !Statement(handle, s.sql).prepared()) file.refused = Term::SaveWithoutTables;
    }
    if (file.refused) file.db.reset();
    return file;
}

} // namespace

// While the run lives in memory (the save would not open), the copy holds what memory holds.
bool Storage::export_progress(const std::string& path) const {
    last_error_.reset();
    const fs::path target = fs::u8path(path);
    std::error_code ec;
    if (fs::symlink_status(target, ec).type() != fs::file_type::not_found) {
        last_error_ = Issue{Problem::ExportTargetExists, {path}};
        return false;
    }
    const std::string folder = target.has_parent_path() ? target.parent_path().u8string() : std::string(".");
    // Written beside the target under a fresh name (mkstemp: O_EXCL, never through a
    // planted link), synced, then linked to its name: link() refuses a name that exists,
    // so nothing is ever written over, and no half-written file ever has the name.
    std::string temporary = (fs::u8path(folder) / (target.filename().u8string() + ".XXXXXX")).u8string();
    const int fd = mkstemp(temporary.data());
    if (fd < 0) {
        last_error_ = Issue{Problem::ProgressNotExported, {path, os_reason(errno)}};
        return false;
    }
    std::optional<Detail> why = vacuum_into(db_.get(), temporary);
    if (!why && fsync(fd) != 0) why = os_reason(errno);
    ::close(fd);
    if (!why && ::link(temporary.c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) {
            ::unlink(temporary.c_str());
            last_error_ = Issue{Problem::ExportTargetExists, {path}};
            return false;
        }
        why = os_reason(errno);
    }
    ::unlink(temporary.c_str());
    if (why) {
        last_error_ = Issue{Problem::ProgressNotExported, {path, *why}};
        return false;
    }
    // The new name is in its folder for good once the folder is synced.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        fsync(dir);
        ::close(dir);
    }
    return true;
}

// Projector and class games are not imported: they were played by a room, on the
// machine that hosted them, and are not the player's own progress.
std::optional<ProgressImport> Storage::import_progress(const std::string& path) {
    last_error_.reset();
    if (!ready_to_write(Problem::ProgressNotImported)) {
        last_error_->details.insert(last_error_->details.begin(), path);
        return std::nullopt;
    }
    ProgressFile file = open_progress_file(path);
    if (!file.db) {
        last_error_ = Issue{Problem::ProgressNotImported, {path, *file.refused}};
        return std::nullopt;
    }
    Merge merge;
    merge.skip_present = true;
    int rc;
    {
        Transaction tx(db_.get());
        rc = tx.begin_rc();
        if (rc == SQLITE_OK) rc = merge_games(file.db.get(), db_.get(), merge);
        // A file of an older version has nothing of studying over days.
        if (rc == SQLITE_OK && file.version >= 5) rc = merge_learning(file.db.get(), db_.get(), merge);
        if (rc == SQLITE_OK) rc = tx.commit();
        if (rc != SQLITE_OK) {
            // The reason is in whichever of the two failed; this save's first.
            const int own = sqlite3_errcode(db_.get());
            const Detail why = own != SQLITE_OK ? reason_of(db_.get(), sqlite3_extended_errcode(db_.get()))
                                                : reason_of(file.db.get(), sqlite3_extended_errcode(file.db.get()));
            last_error_ = Issue{Problem::ProgressNotImported, {path, why}};
            return std::nullopt;
        }
    }
    return merge.added;
}

} // namespace chronicle
