// Class games in the save: written with their questions, players and answers, read
// back; kept when an older save takes the class tables; an older save that cannot be
// written read without them; read, not changed, in a save from a newer version; moved
// from memory into the save once it opens.
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <sqlite3.h>

#include "core/classroom/class_game.h"
#include "core/play/team_game.h"
#include "core/store/storage.h"
#include "fault_vfs.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::Details;
using chronicle::test::TempDir;
using chronicle::test::read_bytes;
using chronicle::test::open_cleanly;
using chronicle::test::run_sql;
using chronicle::test::user_version;

namespace {

constexpr int64_t kNow = 1700000000;

size_t seat_of(std::variant<size_t, JoinRefusal, NameRefusal> joined) {
    REQUIRE(std::holds_alternative<size_t>(joined));
    return std::get<size_t>(joined);
}

// Four questions of four options, right option 0, but question 1, an order question
// whose right order is 2, 0, 3, 1. Live: 李雷 and Ana play to the end; Bob answers the
// first and is removed during the second; Ana gives no answer to the third; the
// fourth is skipped.
ClassGame played_class_game() {
    Quiz quiz;
    quiz.pack_id = "test-pack";
    quiz.seed = 42;
    quiz.lang = "zh";
    quiz.difficulty = Difficulty::Hard;
    for (size_t i = 0; i < 4; ++i) {
        Question q;
        q.kind = i == 1 ? Kind::Order : Kind::First;
        q.prompt = "问题 " + std::to_string(i);
        for (const char* text : {"甲", "乙", "丙", "丁"}) q.options.push_back({text, text, "", "", {}});
        q.answer = i == 1 ? std::vector<size_t>{2, 0, 3, 1} : std::vector<size_t>{0};
        q.key = "q" + std::to_string(i);
        quiz.questions.push_back(q);
    }
    ClassGame game(quiz, {});
    const size_t li = seat_of(game.join("李雷", 0)), ana = seat_of(game.join("Ana", 0)), bob = seat_of(game.join("Bob", 0));
    REQUIRE(game.start(1000));
    REQUIRE_FALSE(game.answer(li, 0, {0}, 1000));
    REQUIRE_FALSE(game.answer(ana, 0, {1}, 3000));
    REQUIRE_FALSE(game.answer(bob, 0, {0}, 2000));
    REQUIRE(game.phase() == ClassPhase::Reveal);
    REQUIRE(game.next(5000));
    REQUIRE(game.next(5000));
    REQUIRE_FALSE(game.answer(li, 1, {2, 0, 3, 1}, 8000));
    REQUIRE_FALSE(game.answer(ana, 1, {2, 0, 1, 3}, 9000));
    REQUIRE(game.remove(bob));
    REQUIRE(game.phase() == ClassPhase::Reveal);
    REQUIRE(game.next(10'000));
    REQUIRE(game.next(10'000));
    REQUIRE_FALSE(game.answer(li, 2, {0}, 11'000));
    REQUIRE(game.tick(30'000)); // Ana's time is up
    REQUIRE(game.next(31'000));
    REQUIRE(game.next(31'000));
    REQUIRE(game.skip(32'000));
    REQUIRE(game.phase() == ClassPhase::Finished);
    return game;
}

void check_same(const ClassGameRecord& read, const ClassGameRecord& written) {
    CHECK(read.pack_id == written.pack_id);
    CHECK(read.mode == written.mode);
    CHECK(read.difficulty == written.difficulty);
    CHECK(read.seed == written.seed);
    CHECK(read.lang == written.lang);
    CHECK(read.finished_at == written.finished_at);
    REQUIRE(read.questions.size() == written.questions.size());
    for (size_t i = 0; i < read.questions.size(); ++i) {
        CHECK(read.questions[i].kind == written.questions[i].kind);
        CHECK(read.questions[i].prompt == written.questions[i].prompt);
        CHECK(read.questions[i].options == written.questions[i].options);
        CHECK(read.questions[i].answer == written.questions[i].answer);
        CHECK(read.questions[i].skipped == written.questions[i].skipped);
    }
    REQUIRE(read.players.size() == written.players.size());
    for (size_t i = 0; i < read.players.size(); ++i) {
        CHECK(read.players[i].name == written.players[i].name);
        CHECK(read.players[i].points == written.players[i].points);
        CHECK(read.players[i].rank == written.players[i].rank);
        CHECK(read.players[i].correct == written.players[i].correct);
    }
    REQUIRE(read.answers.size() == written.answers.size());
    for (size_t i = 0; i < read.answers.size(); ++i) {
        CHECK(read.answers[i].question == written.answers[i].question);
        CHECK(read.answers[i].player == written.answers[i].player);
        CHECK(read.answers[i].chosen == written.answers[i].chosen);
        CHECK(read.answers[i].correct == written.answers[i].correct);
        CHECK(read.answers[i].points == written.answers[i].points);
        CHECK(read.answers[i].elapsed_ms == written.answers[i].elapsed_ms);
    }
}

} // namespace

TEST_CASE("A class game's record keeps the players still in it and every graded answer", "[class][storage]") {
    const ClassGame game = played_class_game();
    const ClassGameRecord r = game.record(kNow);
    CHECK(r.pack_id == "test-pack");
    CHECK(r.mode == ClassMode::Live);
    CHECK(r.difficulty == Difficulty::Hard);
    CHECK(r.seed == 42);
    CHECK(r.lang == "zh");
    CHECK(r.finished_at == kNow);
    REQUIRE(r.questions.size() == 4);
    CHECK(r.questions[1].kind == Kind::Order);
    CHECK(r.questions[1].prompt == "问题 1");
    CHECK(r.questions[1].options == std::vector<std::string>{"甲", "乙", "丙", "丁"});
    CHECK(r.questions[1].answer == std::vector<size_t>{2, 0, 3, 1});
    CHECK_FALSE(r.questions[2].skipped);
    CHECK(r.questions[3].skipped);
    // Bob was removed: he and his answer to the first question are gone.
    REQUIRE(r.players.size() == 2);
    CHECK(r.players[0].name == "李雷");
    CHECK(r.players[0].points == game.players()[0].points);
    CHECK(r.players[0].rank == 1);
    CHECK(r.players[0].correct == 3);
    CHECK(r.players[1].name == "Ana");
    CHECK(r.players[1].rank == 2);
    CHECK(r.players[1].correct == 0);
    REQUIRE(r.answers.size() == 6);
    int li_points = 0;
    for (const ClassAnswerRecord& a : r.answers) li_points += a.player == 0 ? a.points : 0;
    CHECK(li_points == r.players[0].points);
    CHECK(r.answers[1].question == 0);
    CHECK(r.answers[1].player == 1);
    CHECK(r.answers[1].chosen == std::vector<size_t>{1});
    CHECK(r.answers[1].elapsed_ms == 2000);
    CHECK(r.answers[3].chosen == std::vector<size_t>{2, 0, 1, 3});
    CHECK_FALSE(r.answers[3].correct);
    CHECK(r.answers[3].points > 0); // part of an order's points
    CHECK(r.answers[5].question == 2);
    CHECK(r.answers[5].player == 1);
    CHECK(r.answers[5].chosen.empty()); // time ran out
    CHECK(r.answers[5].points == 0);
}

SCENARIO("A finished class game is saved and reads back whole", "[class][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("the record of a class game with a Chinese nickname, an order question and a skipped one") {
        const ClassGameRecord written = played_class_game().record(kNow);
        WHEN("it is recorded and the save reopened") {
            int64_t id = -1;
            {
                auto storage = open_cleanly(path);
                id = storage->record_class_game(written);
                REQUIRE(id > 0);
                CHECK_FALSE(storage->last_error());
            }
            auto storage = open_cleanly(path);
            THEN("it reads back as it was written") {
                const std::optional<ClassGameRecord> read = storage->class_game(id);
                REQUIRE(read);
                CHECK(read->id == id);
                check_same(*read, written);
            }
            THEN("it is listed with its questions and players, not its answers") {
                const std::vector<ClassGameRecord> list = storage->recent_class_games(10);
                REQUIRE(list.size() == 1);
                CHECK(list[0].id == id);
                CHECK(list[0].questions.size() == 4);
                CHECK(list[0].players.size() == 2);
                CHECK(list[0].answers.empty());
            }
            THEN("there is no other game by that id, and the other games are not touched") {
                CHECK_FALSE(storage->class_game(id + 1));
                CHECK_FALSE(storage->last_error());
                CHECK(storage->game_count() == 0);
                CHECK(storage->recent_team_games(-1).empty());
            }
        }
        WHEN("a self-paced game is recorded after it") {
            auto storage = open_cleanly(path);
            ClassGameRecord later = written;
            later.mode = ClassMode::SelfPaced;
            later.finished_at = kNow + 60;
            const int64_t first = storage->record_class_game(written);
            const int64_t second = storage->record_class_game(later);
            THEN("the newest is listed first, with its mode") {
                const std::vector<ClassGameRecord> list = storage->recent_class_games(-1);
                REQUIRE(list.size() == 2);
                CHECK(list[0].id == second);
                CHECK(list[0].mode == ClassMode::SelfPaced);
                CHECK(list[1].id == first);
                CHECK(storage->recent_class_games(1).size() == 1);
            }
        }
        WHEN("a record breaks what a game can produce") {
            auto storage = open_cleanly(path);
            auto refused = [&](ClassGameRecord bad) {
                CHECK(storage->record_class_game(bad) == -1);
                REQUIRE(storage->last_error());
                CHECK(storage->last_error()->problem == Problem::GameNotSaved);
            };
            THEN("it is refused whole") {
                ClassGameRecord bad = written;
                bad.answers[1].points = 100; // a wrong pick that scored
                refused(bad);
                bad = written;
                bad.answers.push_back({3, 0, {0}, true, 900, 1000}); // an answer to the skipped question
                refused(bad);
                bad = written;
                bad.answers[0].player = 2; // an answer by no player
                refused(bad);
                bad = written;
                bad.players[1].points = -1;
                refused(bad);
                CHECK(storage->recent_class_games(-1).empty());
            }
        }
    }
}

SCENARIO("A save of version 3 takes the class tables and keeps everything", "[class][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a save of version 3 with a setting, a game and a projector game") {
        const int64_t team_id = chronicle::test::fill_older_save(*open_cleanly(path), kNow, true);
        // A version 3 save is this one without the class tables.
        run_sql(path, chronicle::test::kDropVersion5Tables);
        run_sql(path, "DROP TABLE class_game_answers; DROP TABLE class_game_players; DROP TABLE class_game_questions;"
                      "DROP TABLE class_games; PRAGMA user_version = 3;");
        REQUIRE(user_version(path) == 3);
        WHEN("this version opens it") {
            auto storage = open_cleanly(path);
            THEN("it is at version 5 with its setting and games, and takes a class game") {
                CHECK(user_version(path) == 5);
                chronicle::test::check_older_save(*storage, team_id);
                CHECK(storage->recent_class_games(-1).empty());
                CHECK_FALSE(storage->last_error());
                const int64_t id = storage->record_class_game(played_class_game().record(kNow));
                REQUIRE(id > 0);
                REQUIRE(storage->class_game(id));
                CHECK(storage->class_game(id)->answers.size() == 6);
            }
        }
    }
}

TEST_CASE("A save of version 3 that cannot be written is read as it is, without class games", "[class][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    int64_t team_id = -1;
    {
        auto storage = open_cleanly(path);
        TeamGameRecord t;
        t.pack_id = "openai-2023";
        t.questions = 1;
        t.teams = {{"第1队", 0, 0}};
        team_id = storage->record_team_game(t);
        REQUIRE(team_id > 0);
    }
    run_sql(path, chronicle::test::kDropVersion5Tables);
    run_sql(path, "DROP TABLE class_game_answers; DROP TABLE class_game_players; DROP TABLE class_game_questions;"
                  "DROP TABLE class_games; PRAGMA user_version = 3;");
    const std::string before = read_bytes(path);
    chronicle::test::FaultVfs vfs;
    vfs.read_only_databases();
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveReadOnly); // not moved aside for want of the class tables
    CHECK_FALSE(opened.storage->in_memory());
    CHECK(opened.storage->team_game(team_id));
    CHECK(opened.storage->record_class_game(played_class_game().record(kNow)) == -1);
    REQUIRE(opened.storage->last_error());
    CHECK(opened.storage->last_error()->problem == Problem::GameNotSaved);
    CHECK(opened.storage->recent_class_games(-1).empty());
    REQUIRE(opened.storage->last_error());
    CHECK(opened.storage->last_error()->problem == Problem::GamesNotListed);
    opened.storage.reset();
    CHECK(read_bytes(path) == before);
    CHECK(user_version(path) == 3);
}

TEST_CASE("A save from a newer version shows its class games and takes none", "[class][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    int64_t id = -1;
    {
        auto storage = open_cleanly(path);
        id = storage->record_class_game(played_class_game().record(kNow));
        REQUIRE(id > 0);
    }
    run_sql(path, "PRAGMA user_version = 6; CREATE TABLE class_game_photos (name TEXT)");
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveNewerReadOnly);
    Storage& storage = *opened.storage;
    REQUIRE(storage.class_game(id));
    CHECK(storage.class_game(id)->players.size() == 2);
    CHECK(storage.recent_class_games(-1).size() == 1);
    CHECK(storage.record_class_game(played_class_game().record(kNow)) == -1);
    REQUIRE(storage.last_error());
    CHECK(storage.last_error()->problem == Problem::GameNotSaved);
    CHECK(storage.last_error()->details == Details{Term::SaveFromNewerVersion});
    CHECK(user_version(path) == 6);
}

SCENARIO("A class game kept in memory while the save was locked goes into it later", "[class][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a save another program locks at start") {
        open_cleanly(path);
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
        std::unique_ptr<sqlite3, int (*)(sqlite3*)> closer(other, sqlite3_close);
        REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
        OpenResult opened = Storage::open(path, kNow);
        REQUIRE(opened.storage);
        REQUIRE(opened.storage->in_memory());
        WHEN("a class game is recorded, the lock ends and the game closes") {
            const ClassGameRecord written = played_class_game().record(kNow);
            REQUIRE(opened.storage->record_class_game(written) > 0);
            REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
            opened.storage.reset();
            THEN("the save holds it whole") {
                auto storage = open_cleanly(path);
                const std::vector<ClassGameRecord> games = storage->recent_class_games(-1);
                REQUIRE(games.size() == 1);
                const std::optional<ClassGameRecord> read = storage->class_game(games[0].id);
                REQUIRE(read);
                check_same(*read, written);
            }
        }
    }
}
