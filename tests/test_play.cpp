// The play flow without a window: a round from Home's choices, answered, timed out,
// finished, saved and scored against the best; the settings the screens change.
#include <catch2/catch.hpp>

#include <cerrno>
#include <fstream>
#include <functional>
#include <memory>
#include <sqlite3.h>

#include "core/play/play.h"
#include "core/quiz/generator.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::TempDir;

namespace {

constexpr int64_t kUnixNow = 1'700'000'000;

// A Play over the bundled packs, with its save in `dir`.
Play play_in(const TempDir& dir) { return Play(dir.path(), {{"bundled", CHRONICLE_PACKS_DIR}}, "en", kUnixNow); }

Moment at(uint64_t ms) { return {ms, kUnixNow + static_cast<int64_t>(ms / 1000)}; }

// A wrong answer to q: the right order with its first two swapped, or the next option.
std::vector<size_t> wrong_answer(const Question& q) {
    std::vector<size_t> chosen = q.answer;
    if (asks_for_order(q.kind)) std::swap(chosen[0], chosen[1]);
    else chosen = {(q.answer[0] + 1) % q.options.size()};
    return chosen;
}

// Answers every question of the round, right or by `right(index)`, moving on after each.
void play_out(Round& round, uint64_t& ms, const std::function<bool(size_t)>& right = [](size_t) { return true; }) {
    while (round.step() != RoundStep::Finished) {
        if (round.step() == RoundStep::Revealing) {
            REQUIRE(round.next(at(ms)));
            continue;
        }
        const Question& q = round.question();
        ms += 2000;
        REQUIRE(round.answer(right(round.session().index()) ? q.answer : wrong_answer(q), at(ms)));
    }
}

} // namespace

SCENARIO("A practice round from Home's choices to the saved result", "[play]") {
    TempDir dir;
    GIVEN("the bundled pack chosen, 5 questions of practice") {
        Play play = play_in(dir);
        play.settings().pack = "openai-2023";
        play.settings().length = 5;
        play.settings().mode = Mode::Practice;
        REQUIRE(play.chosen_pack());
        WHEN("a round starts") {
            REQUIRE(play.start_round(7, at(0)) == StartProblem::None);
            Round& round = *play.round();
            THEN("it asks the first of 5 questions, untimed, in the interface's language") {
                CHECK(round.step() == RoundStep::Asking);
                CHECK(round.session().quiz().questions.size() == 5);
                CHECK(round.session().quiz().lang == "en");
                CHECK_FALSE(round.ms_left(0));
                CHECK_FALSE(round.clock_running());
            }
            AND_WHEN("a question is answered") {
                const std::optional<Grade> g = round.answer(round.question().answer, at(1500));
                THEN("the answer is revealed before the next question") {
                    REQUIRE(g);
                    CHECK(g->correct);
                    CHECK(round.step() == RoundStep::Revealing);
                    CHECK(round.revealed().elapsed_ms == 1500);
                    CHECK_FALSE(round.answer(round.question().answer, at(1600))); // not asking: refused
                    CHECK(round.session().score().answered == 1);
                    REQUIRE(round.next(at(2000)));
                    CHECK(round.step() == RoundStep::Asking);
                    CHECK(round.session().index() == 1);
                    CHECK_FALSE(round.next(at(2100))); // nothing revealed: refused
                }
            }
            AND_WHEN("every question is answered, the second one wrongly") {
                uint64_t ms = 0;
                play_out(round, ms, [](size_t i) { return i != 1; });
                THEN("the round is finished and saved with its score") {
                    CHECK(round.step() == RoundStep::Finished);
                    REQUIRE(round.record().game_id);
                    CHECK_FALSE(round.record().save_error);
                    CHECK_FALSE(round.record().in_memory);
                    CHECK(round.record().new_best);
                    CHECK_FALSE(round.previous_best());
                    const std::optional<GameRecord> saved = play.storage()->game(*round.record().game_id);
                    REQUIRE(saved);
                    CHECK(saved->questions == 5);
                    CHECK(saved->correct == 4);
                    CHECK(saved->points == round.session().score().points);
                    CHECK(saved->mode == Mode::Practice);
                    CHECK(saved->finished_at == kUnixNow + 10);
                }
                THEN("nothing more can be answered or moved on") {
                    CHECK_FALSE(round.answer({0}, at(ms + 1)));
                    CHECK_FALSE(round.expire_if_due(at(ms + 100'000)));
                    CHECK_FALSE(round.next(at(ms + 2)));
                    CHECK(round.session().answers().size() == 5);
                }
                THEN("the settings remember the pack played") {
                    Play again = play_in(dir);
                    CHECK(again.settings().pack == "openai-2023");
                    CHECK(again.settings().length == 5);
                }
            }
        }
    }
}

SCENARIO("A timed round: the clock, a time-out, and the best score", "[play]") {
    TempDir dir;
    Play play = play_in(dir);
    play.settings().mode = Mode::Timed;
    play.settings().length = 5;
    GIVEN("a timed round with a best score to beat") {
        REQUIRE(play.start_round(3, at(0)) == StartProblem::None);
        uint64_t ms = 0;
        play_out(*play.round(), ms, [](size_t i) { return i == 0; });
        const int first_points = play.round()->session().score().points;
        REQUIRE(play.round()->record().new_best);

        REQUIRE(play.start_round(3, at(100'000)) == StartProblem::None);
        Round& round = *play.round();
        CHECK(round.previous_best() == first_points);
        THEN("the clock runs while a question waits") {
            CHECK(round.clock_running());
            CHECK(round.ms_left(100'000) == 20'000);
            CHECK(round.ms_left(105'000) == 15'000);
            CHECK_FALSE(round.expire_if_due(at(119'999)));
        }
        WHEN("the time runs out") {
            const std::optional<Grade> g = round.expire_if_due(at(120'000));
            THEN("the question counts as a late wrong answer, revealed") {
                REQUIRE(g);
                CHECK(g->timed_out);
                CHECK_FALSE(g->correct);
                CHECK(round.step() == RoundStep::Revealing);
                CHECK_FALSE(round.clock_running());
                CHECK(round.session().answers().back().chosen.empty());
                CHECK_FALSE(round.expire_if_due(at(130'000))); // once
            }
        }
        WHEN("every question is answered right and fast") {
            ms = 100'000;
            play_out(round, ms);
            THEN("it beats the best, as saved") {
                CHECK(round.session().score().points > first_points);
                CHECK(round.record().new_best);
                const auto best = play.storage()->best_score("openai-2023", Mode::Timed);
                REQUIRE(best);
                CHECK(best->game_id == *round.record().game_id);
            }
        }
    }
}

SCENARIO("A test round reveals nothing until the end", "[play]") {
    TempDir dir;
    Play play = play_in(dir);
    play.settings().mode = Mode::Test;
    play.settings().length = 5;
    REQUIRE(play.start_round(11, at(0)) == StartProblem::None);
    Round& round = *play.round();
    for (size_t i = 0; i < 4; ++i) {
        REQUIRE(round.answer(wrong_answer(round.question()), at(1000 * (i + 1))));
        CHECK(round.step() == RoundStep::Asking);
    }
    REQUIRE(round.answer(round.question().answer, at(5000)));
    CHECK(round.step() == RoundStep::Finished);
    CHECK(round.session().score().correct == 1);
    CHECK(round.record().game_id);
}

TEST_CASE("A round that cannot start says why", "[play]") {
    TempDir dir;
    SECTION("no pack at all") {
        Play play(dir.path(), {{"bundled", dir.file("none")}}, "en", kUnixNow);
        CHECK_FALSE(play.chosen_pack());
        CHECK(play.start_round(1, at(0)) == StartProblem::NoPack);
        CHECK_FALSE(play.round());
    }
    SECTION("a pack with nothing to ask") {
        std::ofstream(dir.file("undated.json"))
            << chronicle::test::pack_with(R"([{"id": "e1", "headline": "A", "text": "a"}])");
        Play play(dir.path(), {{"bundled", dir.path()}}, "en", kUnixNow);
        CHECK(play.library().entries().size() == 1);
        CHECK_FALSE(play.chosen_pack()); // loaded, but not playable
        CHECK(play.start_round(1, at(0)) == StartProblem::NoPack);
    }
    SECTION("a pack that gives no question of the kinds chosen") {
        std::ofstream(dir.file("dated.json")) << chronicle::test::pack_with(
            R"([{"id": "e1", "date": "2020", "headline": "A", "text": "a"},
                {"id": "e2", "date": "2021", "headline": "B", "text": "b"}])");
        Play play(dir.path(), {{"bundled", dir.path()}}, "en", kUnixNow);
        REQUIRE(play.chosen_pack());
        play.settings().kinds = {Kind::WhoSaid};
        CHECK(play.kinds_to_ask().empty());
        CHECK(play.start_round(1, at(0)) == StartProblem::NoQuestions);
        CHECK_FALSE(play.round());
        play.settings().kinds = {Kind::When};
        CHECK(play.start_round(1, at(0)) == StartProblem::None);
        play.leave_round();
        CHECK_FALSE(play.round());
    }
}

TEST_CASE("Settings changed in place are saved and read back", "[play][settings]") {
    TempDir dir;
    {
        Play play = play_in(dir);
        CHECK(play.settings().ui_lang == "en"); // the system's language at first
        play.settings().ui_lang = "zh";
        play.settings().text_size = 150;
        play.settings().kinds = {Kind::When, Kind::WhoSaid};
        REQUIRE(play.save_settings());
    }
    Play play = play_in(dir);
    CHECK(play.settings().ui_lang == "zh");
    CHECK(play.settings().text_size == 150);
    CHECK(play.settings().kinds == std::vector<Kind>{Kind::When, Kind::WhoSaid});
    REQUIRE(play.start_round(5, at(0)) == StartProblem::None);
    const Quiz& quiz = (*play.round()).session().quiz();
    CHECK(quiz.lang == "zh");
    for (const Question& q : quiz.questions)
        CHECK((q.kind == Kind::When || q.kind == Kind::WhoSaid));
}

TEST_CASE("A data folder that cannot be made is said with its own reason", "[play][storage]") {
    TempDir dir;
    std::ofstream(dir.file("not-a-folder")) << "a file where the data folder's parent should be";
    const std::string folder = dir.file("not-a-folder/chronicle");
    Play play(folder, {{"bundled", CHRONICLE_PACKS_DIR}}, "en", kUnixNow);
    REQUIRE(play.opened().notice);
    CHECK(play.opened().notice->problem == Problem::SaveFolderNotMade);
    CHECK(play.opened().notice->details == chronicle::test::Details{folder, os_reason(ENOTDIR)});
    REQUIRE(play.storage());
    CHECK(play.storage()->in_memory());
}

TEST_CASE("A save locked at start keeps the settings the player did not change this run", "[play][storage][settings]") {
    TempDir dir;
    {
        Play play = play_in(dir);
        play.settings().ui_lang = "zh";
        play.settings().text_size = 150;
        REQUIRE(play.save_settings());
    }
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(dir.file("chronicle.db").c_str(), &other) == SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> close_other(other, sqlite3_close);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    {
        Play play = play_in(dir);
        REQUIRE(play.opened().notice);
        CHECK(play.opened().notice->problem == Problem::SaveHeldInMemory);
        CHECK(play.settings().ui_lang == "en"); // the save could not be read: the defaults
        play.settings().theme = Theme::Light;
        REQUIRE(play.save_settings()); // into memory
        REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
        REQUIRE(play.start_round(1, at(0)) == StartProblem::None); // saves the pack chosen: the save opens
        CHECK_FALSE(play.storage()->in_memory());
        CHECK_FALSE(play.opened().notice); // Home no longer says the save is held in memory
    }
    Play play = play_in(dir);
    CHECK_FALSE(play.opened().notice);
    CHECK(play.settings().ui_lang == "zh");
    CHECK(play.settings().text_size == 150);
    CHECK(play.settings().theme == Theme::Light);
    CHECK(play.settings().pack == "openai-2023");
}

TEST_CASE("Files added to the library: a pack is copied as a pack and becomes the chosen one", "[play][install]") {
    TempDir dir;
    setenv("CHRONICLE_DATA_DIR", dir.path().c_str(), 1); // where the user's packs go
    std::ofstream(dir.file("mine.json")) << chronicle::test::pack_with(
        R"([{"id": "e1", "date": "2020", "headline": "A", "text": "a"},
            {"id": "e2", "date": "2021", "headline": "B", "text": "b"}])");
    Play play(dir.file("data"), {{"user", dir.path() + "/packs"}}, "en", kUnixNow);
    CHECK(play.library().entries().empty());
    const std::vector<AddedPack> added = play.add_files({dir.file("mine.json"), dir.file("missing.csv")});
    REQUIRE(added.size() == 2);
    CHECK(added[0].added());
    CHECK(added[0].import.format == ImportFormat::Pack);
    CHECK(std::string(import_format_name(ImportFormat::Pack)) == "Chronicle pack");
    CHECK_FALSE(added[1].added());
    CHECK(added[1].file == dir.file("missing.csv"));
    REQUIRE(play.library().entries().size() == 1);
    REQUIRE(play.chosen_pack());
    CHECK(play.chosen_pack()->id == "test");
    CHECK(play.settings().pack == "test");
    unsetenv("CHRONICLE_DATA_DIR");
}
