// Projector games in the save: written with their teams and answers, read back, and
// kept when a save of version 2 takes the team tables (and the class tables after them).
#include <catch2/catch.hpp>

#include <memory>
#include <sqlite3.h>

#include "core/play/team_game.h"
#include "core/store/storage.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::TempDir;
using chronicle::test::open_cleanly;
using chronicle::test::run_sql;
using chronicle::test::user_version;

namespace {

constexpr int64_t kNow = 1700000000;

// Three teams over three questions: the second skipped; team 2 wins, team 3 is second.
TeamGame played_team_game() {
    Quiz quiz;
    quiz.pack_id = "test-pack";
    quiz.seed = 42;
    quiz.lang = "zh";
    for (int i = 0; i < 3; ++i) {
        Question q;
        q.kind = Kind::When;
        q.prompt = "问题 " + std::to_string(i);
        for (const char* text : {"甲", "乙", "丙", "丁"}) q.options.push_back({text, text, "", "", {}});
        q.answer = {1};
        quiz.questions.push_back(q);
    }
    TeamGame game(quiz, {{"第1队", 0}, {"Team Two", 1}, {"第3队", 2}}, 0);
    game.enter(1, 1, 0);
    game.enter(2, 1, 4000);
    game.enter(0, 3, 1000);
    game.reveal(5000);
    game.next(5000);
    game.next(5000);
    game.skip(6000);
    game.enter(1, 2, 6000);
    game.reveal(8000);
    game.mark(2, true);
    game.next(8000);
    game.next(8000);
    REQUIRE(game.step() == TeamStep::Finished);
    return game;
}

} // namespace

SCENARIO("A finished projector game is saved with its teams and reads back", "[storage][teams]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a game of three teams played to the podium") {
        const TeamGame game = played_team_game();
        WHEN("it is recorded and the save reopened") {
            int64_t id = -1;
            {
                auto storage = open_cleanly(path);
                id = storage->record_team_game(game.record(kNow));
                REQUIRE(id > 0);
                CHECK_FALSE(storage->last_error());
            }
            auto storage = open_cleanly(path);
            THEN("its teams, points and answers are there; the skipped question has none") {
                const std::optional<TeamGameRecord> read = storage->team_game(id);
                REQUIRE(read);
                CHECK(read->pack_id == "test-pack");
                CHECK(read->seed == 42);
                CHECK(read->lang == "zh");
                CHECK(read->finished_at == kNow);
                CHECK(read->questions == 3);
                REQUIRE(read->teams.size() == 3);
                CHECK(read->teams[0].name == "第1队");
                CHECK(read->teams[1].name == "Team Two");
                CHECK(read->teams[2].colour == 2);
                for (size_t t = 0; t < 3; ++t) CHECK(read->teams[t].points == game.points(t));
                CHECK(read->teams[1].points == 1000);
                REQUIRE(read->answers.size() == 6);
                CHECK(read->answers[0].question == 0);
                CHECK(read->answers[0].chosen == "丁");
                CHECK_FALSE(read->answers[0].correct);
                CHECK(read->answers[3].question == 2);
                CHECK(read->answers[4].chosen == "丙");
                CHECK(read->answers[5].chosen.empty());
                CHECK(read->answers[5].correct); // marked right by the teacher
                CHECK(read->answers[5].points > 0);
                CHECK(read->answers[5].elapsed_ms == 2000);
            }
            THEN("it is listed with its teams") {
                const std::vector<TeamGameRecord> list = storage->recent_team_games(10);
                REQUIRE(list.size() == 1);
                CHECK(list[0].id == id);
                CHECK(list[0].teams.size() == 3);
                CHECK(list[0].answers.empty());
            }
            THEN("the single-player games are not touched") { CHECK(storage->game_count() == 0); }
        }
        WHEN("a record says a wrong answer scored") {
            TeamGameRecord bad = game.record(kNow);
            bad.answers[0].points = 100;
            auto storage = open_cleanly(path);
            THEN("it is refused whole") {
                CHECK(storage->record_team_game(bad) == -1);
                REQUIRE(storage->last_error());
                CHECK(storage->last_error()->problem == Problem::GameNotSaved);
                CHECK(storage->recent_team_games(-1).empty());
            }
        }
    }
}

SCENARIO("A save of version 2 takes the team tables and keeps everything", "[storage][teams]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a save of version 2 with a setting and a game") {
        chronicle::test::fill_older_save(*open_cleanly(path), kNow, false);
        // A version 2 save is this one without the team and class tables.
        run_sql(path, chronicle::test::kDropVersion5Tables);
        run_sql(path, "DROP TABLE team_game_answers; DROP TABLE team_game_teams; DROP TABLE team_games;"
                      "DROP TABLE class_game_answers; DROP TABLE class_game_players; DROP TABLE class_game_questions;"
                      "DROP TABLE class_games; PRAGMA user_version = 2;");
        WHEN("this version opens it") {
            auto storage = open_cleanly(path);
            THEN("it is at version 5 with its setting, game and best score, and takes a team game") {
                CHECK(user_version(path) == 5);
                chronicle::test::check_older_save(*storage, 0);
                CHECK(storage->recent_team_games(-1).empty());
                CHECK(storage->record_team_game(played_team_game().record(kNow)) > 0);
                CHECK(storage->recent_team_games(-1).size() == 1);
            }
        }
    }
}

SCENARIO("A projector game kept in memory while the save was locked goes into it later", "[storage][teams]") {
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
        WHEN("a projector game is recorded, the lock ends and the game closes") {
            REQUIRE(opened.storage->record_team_game(played_team_game().record(kNow)) > 0);
            REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
            opened.storage.reset();
            THEN("the save holds it with its teams and answers") {
                auto storage = open_cleanly(path);
                const std::vector<TeamGameRecord> games = storage->recent_team_games(-1);
                REQUIRE(games.size() == 1);
                const std::optional<TeamGameRecord> read = storage->team_game(games[0].id);
                REQUIRE(read);
                CHECK(read->teams.size() == 3);
                CHECK(read->answers.size() == 6);
            }
        }
    }
}
