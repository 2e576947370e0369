// The class game without a network: nicknames, the live flow (answers, reveal by
// time or when all answered, speed points, streaks, chart, leaderboard), late joins,
// removal, skip, pause, end; and the self-paced flow.
#include <catch2/catch.hpp>

#include "core/classroom/class_game.h"

using namespace chronicle;

namespace {

// `n` questions of four options; the right one is option 0. With `order_at`, that
// question is an order question of four events whose right order is 2, 0, 3, 1.
Quiz class_quiz(size_t n, std::optional<size_t> order_at = std::nullopt) {
    Quiz quiz;
    quiz.pack_id = "test";
    quiz.lang = "en";
    for (size_t i = 0; i < n; ++i) {
        Question q;
        q.kind = i == order_at ? Kind::Order : Kind::First;
        q.prompt = "Q" + std::to_string(i);
        for (const char* id : {"A", "B", "C", "D"}) q.options.push_back({id, std::string("option ") + id, "", "", {}});
        q.answer = i == order_at ? std::vector<size_t>{2, 0, 3, 1} : std::vector<size_t>{0};
        q.key = "q" + std::to_string(i);
        quiz.questions.push_back(q);
    }
    return quiz;
}

size_t seat_of(std::variant<size_t, JoinRefusal, NameRefusal> joined) {
    REQUIRE(std::holds_alternative<size_t>(joined));
    return std::get<size_t>(joined);
}

} // namespace

TEST_CASE("Nicknames are trimmed, 1–20 characters, free of control characters and unique", "[class]") {
    CHECK(std::get<std::string>(check_nickname("  Ana \t")) == "Ana");
    CHECK(std::get<std::string>(check_nickname("\u3000李雷\u3000")) == "李雷");
    CHECK(std::get<std::string>(check_nickname("一二三四五六七八九十一二三四五六七八九十")) == "一二三四五六七八九十一二三四五六七八九十");
    CHECK(std::get<NameRefusal>(check_nickname("一二三四五六七八九十一二三四五六七八九十一")) == NameRefusal::TooLong);
    CHECK(std::get<NameRefusal>(check_nickname("   ")) == NameRefusal::Empty);
    CHECK(std::get<NameRefusal>(check_nickname("")) == NameRefusal::Empty);
    CHECK(std::get<NameRefusal>(check_nickname("A\nB")) == NameRefusal::Control);
    CHECK(std::get<NameRefusal>(check_nickname("A\x1b[2JB")) == NameRefusal::Control);
    CHECK(std::get<NameRefusal>(check_nickname("\u202Etxt.exe")) == NameRefusal::Control);
    CHECK(std::get<NameRefusal>(check_nickname("A\u200Bna")) == NameRefusal::Control); // would look like "Ana"
    CHECK(std::get<NameRefusal>(check_nickname("\uFEFFAna")) == NameRefusal::Control);
    CHECK(std::get<NameRefusal>(check_nickname("\xff\xfe")) == NameRefusal::Control);

    ClassGame game(class_quiz(2), {});
    seat_of(game.join("Ana", 0));
    CHECK(std::get<NameRefusal>(game.join(" ana ", 0)) == NameRefusal::Taken);
    const size_t bob = seat_of(game.join("Bob", 0));
    CHECK(game.rename(bob, "ANA") == NameRefusal::Taken);
    CHECK_FALSE(game.rename(bob, "Bobby").has_value());
    CHECK(game.players()[bob].name == "Bobby");
}

TEST_CASE("A game takes 200 players and no one after it ended", "[class]") {
    ClassGame game(class_quiz(1), {});
    CHECK_FALSE(game.start(0)); // no one to ask
    for (int i = 0; i < 200; ++i) seat_of(game.join("p" + std::to_string(i), 0));
    CHECK(std::get<JoinRefusal>(game.join("one more", 0)) == JoinRefusal::GameFull);
    REQUIRE(game.remove(7));
    seat_of(game.join("one more", 0)); // a removed player's place is free again
    REQUIRE(game.end());
    CHECK(std::get<JoinRefusal>(game.join("late", 0)) == JoinRefusal::GameOver);
}

SCENARIO("A live question closes when everyone answered, with Kahoot!'s speed points", "[class]") {
    GIVEN("three players and the first question opened at 1000 ms (20 s limit)") {
        ClassGame game(class_quiz(3), {});
        const size_t ana = seat_of(game.join("Ana", 0)), bob = seat_of(game.join("Bob", 0)), cai = seat_of(game.join("蔡", 0));
        REQUIRE(game.start(1000));
        REQUIRE(game.phase() == ClassPhase::Question);
        CHECK(game.expected_count() == 3);
        WHEN("Ana answers right at once, Bob right after 10 s, Cai wrong") {
            REQUIRE_FALSE(game.answer(ana, 0, {0}, 1000));
            REQUIRE_FALSE(game.answer(bob, 0, {0}, 11'000));
            CHECK(game.phase() == ClassPhase::Question); // Cai has not answered
            CHECK(game.answered_count() == 2);
            REQUIRE_FALSE(game.answer(cai, 0, {2}, 12'000));
            THEN("the question is revealed at once and points follow 1000 × (1 − t/2T)") {
                CHECK(game.phase() == ClassPhase::Reveal);
                CHECK(game.players()[ana].answers[0].grade.points == 1000);
                CHECK(game.players()[bob].answers[0].grade.points == 750);
                CHECK(game.players()[cai].answers[0].grade.points == 0);
                const ClassChart chart = game.chart(0);
                CHECK(chart.per_option == std::vector<int>{2, 0, 1, 0});
                CHECK(chart.no_answer == 0);
            }
            AND_WHEN("the second question: both right at once") {
                REQUIRE(game.next(13'000));
                CHECK(game.phase() == ClassPhase::Leaderboard);
                REQUIRE(game.next(14'000));
                REQUIRE(game.index() == 1);
                REQUIRE_FALSE(game.answer(ana, 1, {0}, 14'000));
                REQUIRE_FALSE(game.answer(bob, 1, {0}, 14'000));
                REQUIRE_FALSE(game.answer(cai, 1, {0}, 14'000));
                THEN("a second right answer in a row earns the streak bonus; Cai's streak starts") {
                    CHECK(game.players()[ana].answers[1].grade.points == 1100);
                    CHECK(game.players()[cai].answers[1].grade.points == 1000);
                    CHECK(game.players()[ana].points == 2100);
                    CHECK(game.players()[bob].streak == 2);
                    CHECK(game.rank(ana) == 1);
                    CHECK(game.rank(bob) == 2);
                    CHECK(game.rank(cai) == 3);
                }
            }
        }
        WHEN("one answers twice, answers another question, or gives no valid choice") {
            CHECK(game.answer(ana, 0, {5}, 2000) == ClassGame::AnswerRefusal::BadChoice);
            CHECK(game.answer(ana, 0, {0, 1}, 2000) == ClassGame::AnswerRefusal::BadChoice);
            CHECK(game.answer(ana, 1, {0}, 2000) == ClassGame::AnswerRefusal::NotOpen);
            REQUIRE_FALSE(game.answer(ana, 0, {1}, 2000));
            THEN("only the first valid answer counts") {
                CHECK(game.answer(ana, 0, {0}, 2500) == ClassGame::AnswerRefusal::NotOpen);
                CHECK(game.players()[ana].answers[0].chosen == std::vector<size_t>{1});
            }
        }
        WHEN("time runs out with one answer in") {
            REQUIRE_FALSE(game.answer(ana, 0, {0}, 3000));
            CHECK(game.ms_until_due(3000) == 18'000);
            CHECK_FALSE(game.tick(20'999));
            CHECK(game.answer(bob, 0, {0}, 21'001) == ClassGame::AnswerRefusal::NotOpen);
            THEN("the tick at the limit reveals it; the others count as no answer") {
                REQUIRE(game.tick(21'000));
                CHECK(game.phase() == ClassPhase::Reveal);
                CHECK(game.chart(0).no_answer == 2);
                CHECK(game.players()[bob].answers[0].graded);
                CHECK(game.players()[bob].points == 0);
            }
        }
        WHEN("the teacher removes the one who has not answered") {
            REQUIRE_FALSE(game.answer(ana, 0, {0}, 2000));
            REQUIRE_FALSE(game.answer(bob, 0, {0}, 2000));
            REQUIRE(game.remove(cai));
            THEN("everyone left has answered: revealed; Cai is out of the standings") {
                CHECK(game.phase() == ClassPhase::Reveal);
                CHECK(game.standings().size() == 2);
                CHECK(game.rank(cai) == 0);
            }
        }
        WHEN("the game is paused for 5 s") {
            REQUIRE(game.pause(3000));
            CHECK(game.answer(ana, 0, {0}, 4000) == ClassGame::AnswerRefusal::NotOpen);
            CHECK_FALSE(game.ms_until_due(4000).has_value());
            REQUIRE(game.resume(8000));
            THEN("the clock stood still: an answer at 13 s of wall time took 7 s") {
                REQUIRE_FALSE(game.answer(ana, 0, {0}, 13'000));
                CHECK(game.players()[ana].answers[0].elapsed_ms == 7000);
                CHECK(game.ms_left(bob, 13'000) == 13'000);
            }
        }
    }
}

SCENARIO("A late player joins from the next question; skip and end take back points", "[class]") {
    GIVEN("two players, the first question answered and revealed") {
        ClassGame game(class_quiz(3), {});
        const size_t ana = seat_of(game.join("Ana", 0)), bob = seat_of(game.join("Bob", 0));
        REQUIRE(game.start(0));
        REQUIRE_FALSE(game.answer(ana, 0, {0}, 0));
        REQUIRE_FALSE(game.answer(bob, 0, {1}, 0));
        REQUIRE(game.phase() == ClassPhase::Reveal);
        WHEN("Dan joins during the reveal") {
            const size_t dan = seat_of(game.join("Dan", 0));
            THEN("he has no question until the next one, then he is expected") {
                CHECK_FALSE(game.question_for(dan).has_value());
                REQUIRE(game.next(0));
                REQUIRE(game.next(0));
                CHECK(game.question_for(dan) == 1u);
                CHECK(game.expected_count() == 3);
            }
        }
        WHEN("the second question is answered and then skipped") {
            REQUIRE(game.next(0));
            REQUIRE(game.next(0));
            REQUIRE_FALSE(game.answer(ana, 1, {0}, 0));
            REQUIRE_FALSE(game.answer(bob, 1, {0}, 0));
            REQUIRE(game.players()[ana].points == 2100);
            REQUIRE(game.skip(0));
            THEN("its points and streaks are undone, and the third question is open") {
                CHECK(game.skipped(1));
                CHECK(game.players()[ana].points == 1000);
                CHECK(game.players()[ana].streak == 1);
                CHECK(game.players()[bob].points == 0);
                CHECK(game.players()[bob].streak == 0);
                CHECK(game.index() == 2);
                CHECK(game.phase() == ClassPhase::Question);
            }
        }
        WHEN("the teacher ends the game during the next question, after one answer") {
            REQUIRE(game.next(0));
            REQUIRE(game.next(0));
            REQUIRE_FALSE(game.answer(bob, 1, {0}, 0));
            REQUIRE(game.end());
            THEN("that question counts for nobody; the standings stand") {
                CHECK(game.phase() == ClassPhase::Finished);
                CHECK(game.players()[bob].points == 0);
                CHECK(game.standings()[0].entrant == ana);
            }
        }
    }
}

TEST_CASE("An order question in class: every option once, partly right earns a part", "[class]") {
    ClassGame game(class_quiz(1, 0), {});
    const size_t ana = seat_of(game.join("Ana", 0)), bob = seat_of(game.join("Bob", 0)), cai = seat_of(game.join("Cai", 0));
    REQUIRE(game.start(0));
    CHECK(game.time_limit_ms(0) == 30'000);
    CHECK(game.answer(ana, 0, {2, 0, 3}, 0) == ClassGame::AnswerRefusal::BadChoice);
    CHECK(game.answer(ana, 0, {2, 0, 3, 3}, 0) == ClassGame::AnswerRefusal::BadChoice);
    REQUIRE_FALSE(game.answer(ana, 0, {2, 0, 3, 1}, 0));
    REQUIRE_FALSE(game.answer(bob, 0, {2, 0, 1, 3}, 0)); // three of four in order
    REQUIRE_FALSE(game.answer(cai, 0, {1, 3, 0, 2}, 0)); // reversed
    REQUIRE(game.phase() == ClassPhase::Reveal);
    CHECK(game.players()[ana].points == 1000);
    CHECK(game.players()[bob].points == 750);
    CHECK(game.players()[cai].points == 0);
    const ClassChart chart = game.chart(0);
    CHECK(chart.per_option.empty());
    CHECK(chart.right == 1);
    CHECK(chart.partly == 1);
    CHECK(chart.wrong == 1);
}

TEST_CASE("Questions with more than four options are not asked in class", "[class]") {
    Quiz quiz = class_quiz(3);
    quiz.questions[1].options.push_back({"E", "option E", "", "", {}});
    ClassGame game(quiz, {});
    REQUIRE(game.quiz().questions.size() == 2);
    CHECK(game.quiz().questions[1].prompt == "Q2");
}

SCENARIO("Self-paced: each player on their own question with their own clock", "[class]") {
    GIVEN("a self-paced game of two questions and two players") {
        ClassSettings settings;
        settings.mode = ClassMode::SelfPaced;
        ClassGame game(class_quiz(2), settings);
        const size_t ana = seat_of(game.join("Ana", 0)), bob = seat_of(game.join("Bob", 0));
        REQUIRE(game.start(1000));
        CHECK(game.phase() == ClassPhase::Running);
        WHEN("Ana answers at once and moves on; Bob waits") {
            REQUIRE_FALSE(game.answer(ana, 0, {0}, 1000));
            THEN("her answer is graded at once, and she alone moves to the next question") {
                CHECK(game.players()[ana].answers[0].graded);
                CHECK(game.players()[ana].points == 1000);
                REQUIRE(game.next_for(ana, 5000));
                CHECK(game.question_for(ana) == 1u);
                CHECK(game.question_for(bob) == 0u);
                CHECK_FALSE(game.next_for(bob, 5000)); // not answered yet
                CHECK(game.ms_left(ana, 6000) == 19'000);
            }
            AND_WHEN("Bob's time runs out and Carl joins late") {
                CHECK(game.ms_until_due(1000) == 20'000);
                REQUIRE(game.tick(21'000));
                const size_t carl = seat_of(game.join("Carl", 30'000));
                THEN("Bob's question is graded as no answer; Carl starts at the first with a full clock") {
                    CHECK(game.players()[bob].answers[0].graded);
                    CHECK(game.players()[bob].answers[0].chosen.empty());
                    CHECK(game.question_for(carl) == 0u);
                    CHECK(game.ms_left(carl, 30'000) == 20'000);
                }
            }
        }
        WHEN("Ana finishes both questions") {
            REQUIRE_FALSE(game.answer(ana, 0, {0}, 1000));
            REQUIRE(game.next_for(ana, 1000));
            REQUIRE_FALSE(game.answer(ana, 1, {1}, 2000));
            REQUIRE(game.next_for(ana, 2000));
            THEN("she has finished; the game runs on until the teacher ends it") {
                CHECK(game.players()[ana].finished);
                CHECK_FALSE(game.question_for(ana).has_value());
                CHECK(game.phase() == ClassPhase::Running);
                REQUIRE(game.end());
                CHECK(game.rank(ana) == 1);
            }
        }
    }
}

TEST_CASE("The projector's clock counts down the class's question, stands still while paused, and is gone after it", "[class]") {
    ClassGame game(class_quiz(2), {});
    const size_t ana = seat_of(game.join("Ana", 0));
    seat_of(game.join("Bob", 0));
    CHECK_FALSE(game.ms_left_on_screen(0)); // the lobby: nothing asked
    REQUIRE(game.start(1000));
    const int64_t limit = game.time_limit_ms(0);
    CHECK(game.ms_left_on_screen(1000) == limit);
    CHECK(game.ms_left_on_screen(4000) == limit - 3000);
    // One player's answer stops their clock, not the class's.
    REQUIRE_FALSE(game.answer(ana, 0, {0}, 4000));
    CHECK_FALSE(game.ms_left(ana, 4000));
    CHECK(game.ms_left_on_screen(5000) == limit - 4000);
    REQUIRE(game.pause(5000));
    CHECK(game.ms_left_on_screen(9000) == limit - 4000);
    REQUIRE(game.resume(9000));
    CHECK(game.ms_left_on_screen(10000) == limit - 5000);
    CHECK(game.ms_left_on_screen(1000000) == 0);
    REQUIRE(game.reveal());
    CHECK_FALSE(game.ms_left_on_screen(10000));
}
