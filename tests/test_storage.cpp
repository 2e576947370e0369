#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <random>
#include <utility>
#include <sqlite3.h>

#include "core/quiz/generator.h"
#include "core/store/storage.h"
#include "fault_vfs.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::TempDir;
using chronicle::test::read_bytes;
using chronicle::test::open_cleanly;
using chronicle::test::run_sql;
using chronicle::test::Details;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kNow = 1700000000; // what the tests pass as "now"; names moved-aside files

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Eight questions of the seed pack, some of them ordering; the second and the
// fifth answered wrong, the rest right; question i takes (i + 1) seconds.
QuizSession played_session(uint64_t seed) {
    QuizOptions o;
    o.seed = seed;
    o.count = 8;
    o.lang = "en";
    o.kinds = {Kind::Order, Kind::When, Kind::WhoDid};
    QuizSession session(generate_quiz(chronicle::test::seed_pack(), o));
    REQUIRE(session.quiz().questions.size() == 8);
    while (!session.finished()) {
        const Question& q = session.current();
        std::vector<size_t> chosen = q.answer;
        if (session.index() == 1 || session.index() == 4) {
            if (q.kind == Kind::Order) std::swap(chosen[0], chosen[1]);
            else chosen = {(q.answer[0] + 1) % q.options.size()};
        }
        session.answer(chosen, 1000 * static_cast<int64_t>(session.index() + 1));
        session.advance();
    }
    return session;
}

std::vector<std::string> texts_at(const Question& q, const std::vector<size_t>& indices) {
    std::vector<std::string> texts;
    for (size_t i : indices) texts.push_back(q.options[i].text);
    return texts;
}

// A game of one pack and mode with the given points and no answers.
GameRecord scored(Mode mode, int points, int64_t finished_at) {
    GameRecord g;
    g.pack_id = "openai-2023";
    g.mode = mode;
    g.difficulty = Difficulty::Normal;
    g.seed = 1;
    g.lang = "en";
    g.finished_at = finished_at;
    g.questions = 10;
    g.correct = points / 1000;
    g.points = points;
    g.best_streak = g.correct;
    return g;
}

} // namespace

TEST_CASE("Settings round-trip and survive reopening", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a new save") {
        auto storage = open_cleanly(path);
        REQUIRE(fs::is_regular_file(path));
        CHECK_FALSE(storage->setting("language"));
        CHECK_FALSE(storage->last_error());
        WHEN("settings are written, one of them twice") {
            CHECK(storage->set_setting("language", "en"));
            CHECK(storage->set_setting("volume", "0.8"));
            CHECK(storage->set_setting("language", "中文"));
            THEN("the last value of each reads back") {
                CHECK(storage->setting("language") == std::optional<std::string>("中文"));
                CHECK(storage->setting("volume") == std::optional<std::string>("0.8"));
                CHECK_FALSE(storage->setting("theme"));
            }
            AND_WHEN("the save is closed and opened again") {
                storage.reset();
                auto reopened = open_cleanly(path);
                THEN("the settings are still there") {
                    CHECK(reopened->setting("language") == std::optional<std::string>("中文"));
                    CHECK(reopened->setting("volume") == std::optional<std::string>("0.8"));
                }
            }
        }
    }
}

TEST_CASE("A finished game is saved with its answers and reads back after reopening", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    const uint64_t seed = 0xF00D000000000005u; // above INT64_MAX: SQLite integers are signed
    const QuizSession session = played_session(seed);
    const Quiz& quiz = session.quiz();
    REQUIRE(session.score().correct == 6);
    bool has_order = false;
    for (const Question& q : quiz.questions) has_order = has_order || q.kind == Kind::Order;
    REQUIRE(has_order); // so the player's order and the right order are both saved

    int64_t id = -1;
    {
        auto storage = open_cleanly(path);
        id = storage->record_game(game_record(session, Mode::Timed, kNow));
        REQUIRE(id > 0);
        CHECK_FALSE(storage->last_error());
    }
    auto storage = open_cleanly(path);
    CHECK(storage->game_count() == 1);
    const std::optional<GameRecord> g = storage->game(id);
    REQUIRE(g);
    CHECK(g->id == id);
    CHECK(g->pack_id == "openai-2023");
    CHECK(g->mode == Mode::Timed);
    CHECK(g->difficulty == Difficulty::Normal);
    CHECK(g->seed == seed);
    CHECK(g->lang == "en");
    CHECK(g->finished_at == kNow);
    CHECK(g->questions == 8);
    CHECK(g->correct == 6);
    CHECK(g->points == session.score().points);
    CHECK(g->best_streak == session.score().best_streak);
    REQUIRE(g->answers.size() == 8);
    for (size_t i = 0; i < 8; ++i) {
        const Question& q = quiz.questions[i];
        const Answer& played = session.answers()[i];
        const AnsweredQuestion& saved = g->answers[i];
        INFO("question " << i << ", " << kind_name(q.kind));
        CHECK(saved.kind == q.kind);
        CHECK(saved.prompt == q.prompt);
        CHECK(saved.chosen == texts_at(q, played.chosen));
        CHECK(saved.right == texts_at(q, q.answer));
        CHECK(saved.right.size() == (q.kind == Kind::Order ? q.options.size() : 1));
        CHECK(saved.correct == (i != 1 && i != 4));
        CHECK((saved.chosen == saved.right) == saved.correct);
        CHECK(saved.points == played.grade.points);
        CHECK(saved.elapsed_ms == 1000 * static_cast<int64_t>(i + 1));
    }

    const std::vector<GameRecord> listed = storage->recent_games(10);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == id);
    CHECK(listed[0].points == g->points);
    CHECK(listed[0].answers.empty()); // a listing, not a review
    CHECK_FALSE(storage->game(id + 1));
    CHECK_FALSE(storage->last_error()); // no such game is not an error
}

TEST_CASE("Recent games come newest first", "[storage]") {
    TempDir dir;
    auto storage = open_cleanly(dir.file("save.db"));
    REQUIRE(storage->record_game(scored(Mode::Practice, 1000, 300)) > 0);
    REQUIRE(storage->record_game(scored(Mode::Practice, 2000, 100)) > 0);
    REQUIRE(storage->record_game(scored(Mode::Practice, 3000, 200)) > 0);
    std::vector<int64_t> order;
    for (const GameRecord& g : storage->recent_games(-1)) order.push_back(g.finished_at);
    CHECK(order == std::vector<int64_t>{300, 200, 100});
    CHECK(storage->recent_games(2).size() == 2);
    CHECK(storage->recent_games(0).empty());
}

TEST_CASE("The best score per pack and mode changes only when beaten", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    auto storage = open_cleanly(path);
    CHECK_FALSE(storage->best_score("openai-2023", Mode::Timed));

    const int64_t first = storage->record_game(scored(Mode::Timed, 3000, kNow));
    REQUIRE(first > 0);
    auto best = storage->best_score("openai-2023", Mode::Timed);
    REQUIRE(best);
    CHECK(best->points == 3000);
    CHECK(best->correct == 3);
    CHECK(best->questions == 10);
    CHECK(best->finished_at == kNow);
    CHECK(best->game_id == first);

    WHEN("lower and equal scores follow") {
        REQUIRE(storage->record_game(scored(Mode::Timed, 2000, kNow + 1)) > 0);
        REQUIRE(storage->record_game(scored(Mode::Timed, 3000, kNow + 2)) > 0);
        THEN("the first game keeps the best score") {
            best = storage->best_score("openai-2023", Mode::Timed);
            REQUIRE(best);
            CHECK(best->points == 3000);
            CHECK(best->game_id == first);
        }
    }
    WHEN("another mode is played, higher") {
        const int64_t practice = storage->record_game(scored(Mode::Practice, 9000, kNow + 1));
        REQUIRE(practice > 0);
        THEN("each mode has its own best") {
            CHECK(storage->best_score("openai-2023", Mode::Practice)->game_id == practice);
            CHECK(storage->best_score("openai-2023", Mode::Timed)->game_id == first);
            CHECK_FALSE(storage->best_score("openai-2023", Mode::Test));
            CHECK_FALSE(storage->best_score("another-pack", Mode::Timed));
        }
    }
    WHEN("a higher score follows") {
        const int64_t better = storage->record_game(scored(Mode::Timed, 4000, kNow + 1));
        REQUIRE(better > 0);
        THEN("it takes the best score, also after reopening") {
            storage.reset();
            auto reopened = open_cleanly(path);
            best = reopened->best_score("openai-2023", Mode::Timed);
            REQUIRE(best);
            CHECK(best->points == 4000);
            CHECK(best->correct == 4);
            CHECK(best->finished_at == kNow + 1);
            CHECK(best->game_id == better);
        }
    }
}

TEST_CASE("A game that fails halfway leaves nothing behind", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    auto storage = open_cleanly(path);
    const int64_t first = storage->record_game(scored(Mode::Timed, 1000, kNow));
    REQUIRE(first > 0);

    GIVEN("a better game whose last answer is impossible: wrong, yet worth points") {
        GameRecord bad = game_record(played_session(7), Mode::Timed, kNow + 1);
        REQUIRE(bad.points > 1000);
        REQUIRE(bad.answers.size() == 8);
        bad.answers.back().kind = Kind::When; // only an order earns part of its points
        bad.answers.back().correct = false;
        bad.answers.back().points = 300;
        WHEN("it is recorded") {
            // The game row, the best score and seven answers are written before the
            // eighth answer fails, so all of them have to be rolled back.
            const int64_t id = storage->record_game(bad);
            THEN("nothing of it is saved and the error says why") {
                CHECK(id == -1);
                REQUIRE(storage->last_error());
                CHECK(storage->last_error()->problem == Problem::GameNotSaved);
                REQUIRE(storage->last_error()->details.size() == 1);
                CHECK_THAT(std::get<std::string>(storage->last_error()->details[0]),
                           Catch::Contains("CHECK constraint failed"));
                CHECK(storage->game_count() == 1);
                CHECK_FALSE(storage->game(first + 1));
                const auto best = storage->best_score("openai-2023", Mode::Timed);
                REQUIRE(best);
                CHECK(best->game_id == first);
                CHECK(best->points == 1000);
            }
            THEN("the next game saves normally, and the file agrees after reopening") {
                bad.answers.back().points = 0;
                const int64_t next = storage->record_game(bad);
                REQUIRE(next > 0);
                CHECK_FALSE(storage->last_error());
                storage.reset();
                auto reopened = open_cleanly(path);
                CHECK(reopened->game_count() == 2);
                CHECK(reopened->best_score("openai-2023", Mode::Timed)->game_id == next);
                REQUIRE(reopened->game(next));
                CHECK(reopened->game(next)->answers.size() == 8);
            }
        }
    }
}

// The tables as version 1 of the save made them, to test the move to version 2.
constexpr const char* kVersion1Schema = R"(
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
CREATE TABLE answers (
    game_id     INTEGER NOT NULL REFERENCES games (id),
    position    INTEGER NOT NULL, -- 0 for the first question asked
    kind        TEXT NOT NULL,
    prompt      TEXT NOT NULL,
    chosen      TEXT NOT NULL, -- JSON array of option texts
    right_texts TEXT NOT NULL, -- JSON array of option texts
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points      INTEGER NOT NULL,
    elapsed_ms  INTEGER NOT NULL,
    PRIMARY KEY (game_id, position),
    CHECK (correct OR points = 0) -- grade() gives a wrong answer nothing
);
-- The points live in the game named here, so the two cannot disagree.
CREATE TABLE best_scores (
    pack_id TEXT NOT NULL,
    mode    TEXT NOT NULL,
    game_id INTEGER NOT NULL REFERENCES games (id),
    PRIMARY KEY (pack_id, mode)
);
)";

TEST_CASE("A save of version 1 keeps its games and takes part of an order's points", "[storage][partial]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    run_sql(path, kVersion1Schema);
    run_sql(path, "PRAGMA user_version = 1;"
                  "INSERT INTO games VALUES (1, 'openai-2023', 'timed', 'normal', 5, 'en', 100, 1, 1, 900, 1);"
                  "INSERT INTO answers VALUES (1, 0, 'when', 'When?', '[\"May\"]', '[\"May\"]', 1, 900, 2000);"
                  "INSERT INTO best_scores VALUES ('openai-2023', 'timed', 1);");
    GameRecord partly = scored(Mode::Timed, 750, kNow);
    AnsweredQuestion order;
    order.kind = Kind::Order;
    order.prompt = "Put these in order";
    order.chosen = {"B", "A", "C", "D"};
    order.right = {"A", "B", "C", "D"};
    order.correct = false;
    order.points = 750; // 3 of 4 in place
    partly.answers = {order};
    partly.correct = 0;
    {
        auto storage = open_cleanly(path);
        const std::optional<GameRecord> old = storage->game(1);
        REQUIRE(old);
        CHECK(old->points == 900);
        REQUIRE(old->answers.size() == 1);
        CHECK(old->answers[0].chosen == std::vector<std::string>{"May"});
        CHECK(storage->best_score("openai-2023", Mode::Timed)->game_id == 1);
        REQUIRE(storage->record_game(partly) > 0);
        CHECK_FALSE(storage->last_error());
    }
    auto reopened = open_cleanly(path);
    CHECK(reopened->game_count() == 2);
    const std::optional<GameRecord> read = reopened->game(2);
    REQUIRE(read);
    REQUIRE(read->answers.size() == 1);
    CHECK(read->answers[0].points == 750);
    CHECK_FALSE(read->answers[0].correct);
    // Part of the points is for an order only: a wrong pick still earns nothing.
    partly.answers[0].kind = Kind::When;
    CHECK(reopened->record_game(partly) == -1);
}

TEST_CASE("A save that is not a database is moved aside, never deleted", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    const std::string moved = path + ".damaged-" + std::to_string(kNow);
    std::string garbage = "This is not a database.\n";
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>(i * 37 % 256);
    write_bytes(path, garbage);

    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    CHECK_FALSE(opened.storage->in_memory());
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveMovedAside);
    CHECK(opened.notice->details == Details{path, Term::SaveNotADatabase, moved});
    CHECK(read_bytes(moved) == garbage);
    CHECK(opened.storage->set_setting("language", "en"));
    CHECK(opened.storage->record_game(scored(Mode::Test, 1000, kNow)) > 0);
    CHECK(opened.storage->game_count() == 1);

    WHEN("it happens again within the same second") {
        opened.storage.reset();
        const std::string garbage2 = "Still not a database, and longer than the header." + garbage;
        write_bytes(path, garbage2);
        OpenResult again = Storage::open(path, kNow);
        REQUIRE(again.storage);
        THEN("the second file gets its own name and the first is untouched") {
            REQUIRE(again.notice);
            CHECK(again.notice->details == Details{path, Term::SaveNotADatabase, moved + "-2"});
            CHECK(read_bytes(moved + "-2") == garbage2);
            CHECK(read_bytes(moved) == garbage);
            CHECK(again.storage->game_count() == 0);
        }
    }
}

TEST_CASE("A truncated save is moved aside without a crash", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    {
        auto storage = open_cleanly(path);
        REQUIRE(storage->record_game(game_record(played_session(3), Mode::Practice, kNow)) > 0);
    }
    fs::resize_file(path, fs::file_size(path) / 2);
    const std::string truncated = read_bytes(path);

    OpenResult opened = Storage::open(path, kNow + 60);
    REQUIRE(opened.storage);
    CHECK_FALSE(opened.storage->in_memory());
    const std::string moved = path + ".damaged-" + std::to_string(kNow + 60);
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveMovedAside);
    CHECK(opened.notice->details == Details{path, Term::SaveDamaged, moved});
    CHECK(read_bytes(moved) == truncated);
    CHECK(opened.storage->game_count() == 0);
    CHECK(opened.storage->record_game(scored(Mode::Practice, 1000, kNow + 60)) > 0);
}

TEST_CASE("A journal left beside a damaged save moves with it", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    const std::string moved = path + ".damaged-" + std::to_string(kNow);
    write_bytes(path, std::string(5000, 'x'));
    // A zeroed journal, as SQLite's PERSIST mode leaves one, is not replayed or removed
    // by SQLite, so it is left for Storage to move.
    const std::string zeroed(512, '\0');
    write_bytes(path + "-journal", zeroed);

    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveMovedAside);
    CHECK(std::get<std::string>(opened.notice->details.at(2)) == moved);
    CHECK(read_bytes(moved) == std::string(5000, 'x'));
    CHECK(read_bytes(moved + "-journal") == zeroed);
    CHECK_FALSE(fs::exists(path + "-journal"));
}

TEST_CASE("A save interrupted in the middle of a write is recovered, not moved aside", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    const std::string crashed = dir.file("crashed.db");
    {
        auto storage = open_cleanly(path);
        for (const char* key : {"a", "b", "c"}) REQUIRE(storage->set_setting(key, "before"));
    }
    // Enough rows that an update spans many pages.
    run_sql(path, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                  " INSERT INTO settings SELECT 'filler' || i, 'before' FROM n");
    const std::string committed = read_bytes(path);
    {
        // A writer that dies inside its transaction leaves a half-written file and a
        // hot journal; copying both while the transaction is open is the same thing.
        // A one-page cache makes SQLite write pages into the file before COMMIT.
        sqlite3* writer = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &writer) == SQLITE_OK);
        std::unique_ptr<sqlite3, int (*)(sqlite3*)> close_writer(writer, sqlite3_close);
        REQUIRE(sqlite3_exec(writer, "PRAGMA cache_size = 1; BEGIN IMMEDIATE; UPDATE settings SET value = 'after'",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        fs::copy_file(path, crashed);
        fs::copy_file(path + "-journal", crashed + "-journal");
        REQUIRE(read_bytes(crashed) != committed); // the write really was halfway
        REQUIRE(sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    OpenResult opened = Storage::open(crashed, kNow);
    REQUIRE(opened.storage);
    CHECK_FALSE(opened.notice);
    CHECK_FALSE(opened.storage->in_memory());
    for (const char* key : {"a", "b", "c", "filler1", "filler1000", "filler2000"})
        CHECK(opened.storage->setting(key) == std::optional<std::string>("before"));
    CHECK_FALSE(fs::exists(crashed + ".damaged-" + std::to_string(kNow)));
    CHECK_FALSE(fs::exists(crashed + "-journal"));
}

TEST_CASE("A save from a newer Chronicle is read, never changed, moved or called damaged", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    int64_t id = -1;
    {
        auto storage = open_cleanly(path);
        REQUIRE(storage->set_setting("ui_lang", "zh"));
        id = storage->record_game(game_record(played_session(3), Mode::Timed, kNow));
        REQUIRE(id > 0);
    }
    const std::string moved = path + ".damaged-" + std::to_string(kNow);
    SECTION("one whose tables this version can read") {
        run_sql(path, "PRAGMA user_version = 6; CREATE TABLE achievements (name TEXT)");
        const std::string newer = read_bytes(path);
        {
            OpenResult opened = Storage::open(path, kNow);
            REQUIRE(opened.storage);
            Storage& storage = *opened.storage;
            REQUIRE(opened.notice);
            CHECK(opened.notice->problem == Problem::SaveNewerReadOnly);
            CHECK(opened.notice->details == Details{path});
            CHECK_FALSE(storage.in_memory());
            CHECK(storage.read_only() == std::optional<Detail>(Term::SaveFromNewerVersion));
            // The player still sees their history and best scores.
            CHECK(storage.setting("ui_lang") == std::optional<std::string>("zh"));
            CHECK(storage.game_count() == 1);
            REQUIRE(storage.game(id));
            CHECK(storage.game(id)->answers.size() == 8);
            REQUIRE(storage.best_score("openai-2023", Mode::Timed));
            CHECK(storage.best_score("openai-2023", Mode::Timed)->game_id == id);
            // Writes are refused, saying why.
            CHECK(storage.record_game(scored(Mode::Timed, 9000, kNow + 1)) == -1);
            REQUIRE(storage.last_error());
            CHECK(storage.last_error()->problem == Problem::GameNotSaved);
            CHECK(storage.last_error()->details == Details{Term::SaveFromNewerVersion});
            CHECK_FALSE(storage.set_setting("ui_lang", "en"));
            CHECK(storage.last_error()->problem == Problem::SettingsNotSaved);
            CHECK(storage.game_count() == 1);
        }
        CHECK(read_bytes(path) == newer);
    }
    SECTION("one whose tables this version cannot read") {
        run_sql(path, "PRAGMA user_version = 6; ALTER TABLE games RENAME TO played");
        const std::string newer = read_bytes(path);
        {
            OpenResult opened = Storage::open(path, kNow);
            REQUIRE(opened.storage);
            REQUIRE(opened.notice);
            CHECK(opened.notice->problem == Problem::SaveNewerUnreadable);
            CHECK(opened.notice->details == Details{path});
            CHECK(opened.storage->in_memory());
            CHECK(opened.storage->record_game(scored(Mode::Timed, 1000, kNow)) > 0); // kept for the run
        }
        CHECK(read_bytes(path) == newer);
    }
    CHECK_FALSE(fs::exists(moved));
}

// Run as root, a file's permissions do not stop writes, so the test plays what the OS
// does without them: the file opens read-only, or the journal beside it cannot be made.
TEST_CASE("A save or folder that cannot be written is found at start, and the save is still read", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    int64_t id = -1;
    {
        auto storage = open_cleanly(path);
        id = storage->record_game(scored(Mode::Timed, 3000, kNow));
        REQUIRE(id > 0);
    }
    const std::string before = read_bytes(path);
    chronicle::test::FaultVfs vfs;
    Issue expected;
    SECTION("a read-only file") {
        vfs.read_only_databases();
        expected = {Problem::SaveReadOnly, {path, Term::PermissionDenied}};
    }
    SECTION("a folder without write permission") {
        vfs.refuse_journals(EACCES);
        expected = {Problem::SaveFolderReadOnly, {dir.path(), Term::PermissionDenied}};
    }
    SECTION("a folder on a read-only disk") {
        vfs.refuse_journals(EROFS);
        expected = {Problem::SaveFolderReadOnly, {dir.path(), Term::ReadOnlyFileSystem}};
    }
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == expected.problem);
    CHECK(opened.notice->details == expected.details);
    CHECK_FALSE(opened.storage->in_memory());
    CHECK(opened.storage->read_only() == std::optional<Detail>(expected.details[1]));
    CHECK(opened.storage->best_score("openai-2023", Mode::Timed)->game_id == id);
    CHECK(opened.storage->record_game(scored(Mode::Timed, 9000, kNow)) == -1);
    REQUIRE(opened.storage->last_error());
    CHECK(opened.storage->last_error()->details == Details{expected.details[1]});
    opened.storage.reset();
    CHECK(read_bytes(path) == before);
    CHECK_FALSE(fs::exists(path + ".damaged-" + std::to_string(kNow)));
}

TEST_CASE("A write that fails says the reason the player can act on", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    open_cleanly(path);
    chronicle::test::FaultVfs vfs;
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    REQUIRE_FALSE(opened.notice);
    const int opened_after = vfs.operations();
    Detail expected;
    SECTION("the disk is full") {
        vfs.fail_at(opened_after + 2, SQLITE_FULL); // the first is the journal's open, the second its first write
        expected = Term::DiskFull;
    }
    SECTION("the disk fails") {
        vfs.fail_at(opened_after + 2, SQLITE_IOERR_WRITE);
        expected = Term::IoError;
    }
    CHECK(opened.storage->record_game(scored(Mode::Timed, 3000, kNow)) == -1);
    CHECK(vfs.struck());
    REQUIRE(opened.storage->last_error());
    CHECK(opened.storage->last_error()->problem == Problem::GameNotSaved);
    CHECK(opened.storage->last_error()->details == Details{expected});
    CHECK(opened.storage->record_game(scored(Mode::Timed, 3000, kNow)) > 0); // the next one saves
}

TEST_CASE("A database that is not a Chronicle save is moved aside", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    Term why = Term::SaveNotChronicle;
    SECTION("another program's database") {
        run_sql(path, "CREATE TABLE notes (text TEXT)");
    }
    SECTION("the right version number over other tables") {
        run_sql(path, "CREATE TABLE settings (name TEXT); PRAGMA user_version = 1");
        why = Term::SaveWithoutTables;
    }
    const std::string original = read_bytes(path);
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    CHECK_FALSE(opened.storage->in_memory());
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveMovedAside);
    CHECK(opened.notice->details == Details{path, why, path + ".damaged-" + std::to_string(kNow)});
    CHECK(read_bytes(path + ".damaged-" + std::to_string(kNow)) == original);
    CHECK(opened.storage->set_setting("language", "en"));
}

TEST_CASE("A save locked at start is left where it is and written once the lock ends", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    {
        auto storage = open_cleanly(path);
        REQUIRE(storage->set_setting("ui_lang", "zh"));
        REQUIRE(storage->set_setting("theme", "dark"));
        REQUIRE(storage->record_game(scored(Mode::Timed, 5000, kNow)) > 0);
    }
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> close_other(other, sqlite3_close);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);

    OpenResult opened = Storage::open(path, kNow); // waits out the busy timeout, then holds the data in memory
    REQUIRE(opened.storage);
    Storage& storage = *opened.storage;
    CHECK(storage.in_memory());
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveHeldInMemory);
    CHECK(opened.notice->details == Details{path, Term::LockedByAnotherProgram});
    CHECK_FALSE(fs::exists(path + ".damaged-" + std::to_string(kNow)));

    // While the lock lasts, writes go to memory and say so.
    REQUIRE(storage.set_setting("theme", "light"));
    const int64_t while_locked = storage.record_game(scored(Mode::Timed, 2000, kNow + 1));
    CHECK(while_locked > 0);
    CHECK(storage.in_memory());

    REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    const int64_t after = storage.record_game(scored(Mode::Timed, 7000, kNow + 2));
    REQUIRE(after > 0);
    SECTION("the next write moves what memory held into the save, keeping what was there") {
        CHECK_FALSE(storage.in_memory());
        CHECK(storage.game_count() == 3);
        CHECK(storage.setting("ui_lang") == std::optional<std::string>("zh"));
        CHECK(storage.setting("theme") == std::optional<std::string>("light"));
        CHECK(storage.best_score("openai-2023", Mode::Timed)->game_id == after);
        opened.storage.reset();
        auto reopened = open_cleanly(path);
        std::vector<int> points;
        for (const GameRecord& g : reopened->recent_games(-1)) points.push_back(g.points);
        CHECK(points == std::vector<int>{7000, 2000, 5000});
        CHECK(reopened->setting("theme") == std::optional<std::string>("light"));
    }
}

namespace {

// A new save that another program holds locked while Chronicle opens it.
struct LockedAtStart {
    TempDir dir;
    const std::string path = dir.file("save.db");
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> other{nullptr, sqlite3_close};
    OpenResult opened;

    LockedAtStart() {
        open_cleanly(path);
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        other.reset(db);
        REQUIRE(sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
        opened = Storage::open(path, kNow);
        REQUIRE(opened.storage);
        REQUIRE(opened.storage->in_memory());
    }
};

} // namespace

TEST_CASE("What memory holds goes into the save when it closes, if the lock has ended", "[storage]") {
    LockedAtStart locked;
    REQUIRE(locked.opened.storage->record_game(scored(Mode::Test, 4000, kNow)) > 0);
    REQUIRE(sqlite3_exec(locked.other.get(), "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    locked.opened.storage.reset();
    CHECK(open_cleanly(locked.path)->game_count() == 1);
}

TEST_CASE("A save locked at start that turns out newer when the lock ends says so, and keeps the run in memory", "[storage]") {
    LockedAtStart locked;
    OpenResult& opened = locked.opened;
    sqlite3* other = locked.other.get();
    CHECK_FALSE(opened.storage->retry_ended());
    // The other program was a newer Chronicle: it leaves the save at its own version.
    REQUIRE(sqlite3_exec(other, "PRAGMA user_version = 99; COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(opened.storage->record_game(scored(Mode::Test, 4000, kNow)) > 0);
    CHECK(opened.storage->in_memory());
    REQUIRE(opened.storage->retry_ended());
    CHECK(opened.storage->retry_ended()->problem == Problem::SaveNewerReadOnly);
    opened.storage.reset();
    sqlite3_int64 games = -1;
    REQUIRE(sqlite3_exec(other, "SELECT count(*) FROM games", [](void* out, int, char** v, char**) {
        *static_cast<sqlite3_int64*>(out) = std::atoll(v[0]);
        return 0;
    }, &games, nullptr) == SQLITE_OK);
    CHECK(games == 0); // the newer save was not changed
}

TEST_CASE("Where no save can be written, progress lives in memory for the run", "[storage]") {
    TempDir dir;
    std::string path;
    bool folder = false;
    SECTION("a folder that does not exist") {
        path = dir.file("missing/save.db");
    }
    SECTION("a path that is a folder") {
        path = dir.file("save.db");
        fs::create_directory(path);
        folder = true;
    }
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    CHECK(opened.storage->in_memory());
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveCannotOpen);
    REQUIRE(opened.notice->details.size() == 2);
    CHECK(opened.notice->details[0] == Detail(path));
    if (folder) CHECK(opened.notice->details[1] == Detail(Term::SaveIsFolder));
    CHECK(opened.storage->set_setting("language", "en"));
    CHECK(opened.storage->setting("language") == std::optional<std::string>("en"));
    const int64_t id = opened.storage->record_game(game_record(played_session(5), Mode::Test, kNow));
    CHECK(id > 0);
    CHECK(opened.storage->best_score("openai-2023", Mode::Test)->game_id == id);
    CHECK(opened.storage->game(id)->answers.size() == 8);
    CHECK_FALSE(fs::exists(dir.file("missing")));
    CHECK_FALSE(fs::is_regular_file(path)); // the folder is still a folder
    CHECK_FALSE(fs::exists(path + ".damaged-" + std::to_string(kNow)));
}
