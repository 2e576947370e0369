#include <catch2/catch.hpp>

#include "core/quiz/generator.h"
#include "core/quiz/scoring.h"
#include "support.h"

using namespace chronicle;

namespace {

Question single_answer(size_t right, size_t options = 4) {
    Question q;
    q.kind = Kind::When;
    q.options.resize(options);
    q.answer = {right};
    return q;
}

Question order_question() {
    Question q;
    q.kind = Kind::Order;
    q.options.resize(4);
    q.answer = {2, 0, 3, 1}; // option 2 is earliest, then 0, 3, 1
    return q;
}

} // namespace

TEST_CASE("Single-answer questions score the right option only", "[scoring]") {
    const ScoreRules rules;
    const Question q = single_answer(2);
    CHECK(grade(q, {2}, 0, 0, rules).correct);
    CHECK(grade(q, {2}, 0, 0, rules).points == 1000);
    CHECK_FALSE(grade(q, {1}, 0, 0, rules).correct);
    CHECK(grade(q, {1}, 0, 0, rules).points == 0);
    CHECK_FALSE(grade(q, {}, 0, 0, rules).correct);
    CHECK_FALSE(grade(q, {2, 1}, 0, 0, rules).correct);
    CHECK_FALSE(grade(q, {7}, 0, 0, rules).correct);
}

TEST_CASE("Streaks add a bonus that stops growing", "[scoring]") {
    const ScoreRules rules;
    const Question q = single_answer(0);
    CHECK(grade(q, {0}, 0, 1, rules).points == 1100);
    CHECK(grade(q, {0}, 0, 5, rules).points == 1500);
    CHECK(grade(q, {0}, 0, 50, rules).points == 1500);
}

TEST_CASE("With a time limit, faster answers earn more, late ones nothing", "[scoring]") {
    ScoreRules rules;
    rules.time_limit_ms = 20000;
    const Question q = single_answer(0);
    CHECK(grade(q, {0}, 0, 0, rules).points == 1000);
    CHECK(grade(q, {0}, 10000, 0, rules).points == 750);
    CHECK(grade(q, {0}, 20000, 0, rules).points == 500);
    const Grade late = grade(q, {0}, 20001, 0, rules);
    CHECK(late.timed_out);
    CHECK_FALSE(late.correct);
    CHECK(late.points == 0);
}

TEST_CASE("Ordering earns the part of its points that is in order", "[scoring][partial]") {
    const ScoreRules rules;
    const Question q = order_question(); // true order: options 2, 0, 3, 1
    const Grade perfect = grade(q, {2, 0, 3, 1}, 0, 2, rules);
    CHECK(perfect.correct);
    CHECK(perfect.in_place == 4);
    CHECK(perfect.placed == 4);
    CHECK(perfect.points == 1200); // with the streak bonus

    // The longest run in the right relative order, not neighbouring pairs: the first
    // event moved to the end leaves 3 of 4 in order (2 of 3 neighbouring pairs)...
    const Grade first_moved_last = grade(q, {0, 3, 1, 2}, 0, 2, rules);
    CHECK_FALSE(first_moved_last.correct);
    CHECK(first_moved_last.in_place == 3);
    CHECK(first_moved_last.points == 750); // no streak bonus for a part
    // ...while two halves swapped leave 2 of 4 (also 2 of 3 neighbouring pairs).
    const Grade halves_swapped = grade(q, {3, 1, 2, 0}, 0, 0, rules);
    CHECK(halves_swapped.in_place == 2);
    CHECK(halves_swapped.points == 500);
    const Grade one_swap = grade(q, {0, 2, 3, 1}, 0, 0, rules);
    CHECK(one_swap.in_place == 3);
    // Reversed: no two in order, and a lone event is no order.
    const Grade reversed = grade(q, {1, 3, 0, 2}, 0, 0, rules);
    CHECK(reversed.in_place == 0);
    CHECK(reversed.points == 0);
    const Grade not_a_permutation = grade(q, {2, 2, 3, 1}, 0, 0, rules);
    CHECK_FALSE(not_a_permutation.correct);
    CHECK(not_a_permutation.in_place == 0);
    CHECK(not_a_permutation.points == 0);
}

TEST_CASE("Timed scales an order's points by the part in order, unless all or nothing is chosen", "[scoring][partial]") {
    const Question q = order_question();
    const ScoreRules timed = rules_for(Mode::Timed);
    CHECK(timed.partial_order_credit);
    // Half an order's 30 s gone leaves 750 of 1000; three of four in order earn 3/4 of that.
    CHECK(grade(q, {0, 3, 1, 2}, 15'000, 0, timed).points == 562);
    CHECK(grade(q, {0, 3, 1, 2}, 30'001, 0, timed).points == 0); // too late
    const ScoreRules all_or_nothing = rules_for(Mode::Timed, false);
    const Grade strict = grade(q, {0, 3, 1, 2}, 15'000, 0, all_or_nothing);
    CHECK(strict.points == 0);
    CHECK(strict.in_place == 3); // still reported
    CHECK(grade(q, {2, 0, 3, 1}, 15'000, 0, all_or_nothing).points == 750);
    // Choices that are not orders are all or nothing whatever the setting.
    CHECK(grade(single_answer(0), {1}, 0, 0, timed).points == 0);
}

TEST_CASE("A session adds part of an order's points and ends the streak", "[scoring][session][partial]") {
    Quiz quiz;
    quiz.questions = {single_answer(0), order_question(), single_answer(1)};
    QuizSession session(quiz);
    session.answer({0}, 0);
    session.advance();
    const std::optional<Grade> partly = session.answer({0, 3, 1, 2}, 0);
    REQUIRE(partly);
    CHECK(partly->points == 750);
    session.advance();
    session.answer({1}, 0);
    CHECK(session.score().points == 1000 + 750 + 1000);
    CHECK(session.score().correct == 2);
    CHECK(session.score().best_streak == 1);
}

TEST_CASE("A session keeps score, streaks and results per kind", "[scoring][session]") {
    GIVEN("a generated quiz of the seed pack") {
        QuizOptions o;
        o.seed = 3;
        o.count = 10;
        o.lang = "en";
        QuizSession session(generate_quiz(chronicle::test::seed_pack(), o));
        REQUIRE(session.quiz().questions.size() == 10);
        WHEN("the player answers every question right except the fourth") {
            int expected_points = 0, streak = 0;
            while (!session.finished()) {
                const Question& q = session.current();
                const bool wrong = session.index() == 3;
                std::vector<size_t> chosen = q.answer;
                if (wrong) {
                    if (q.kind == Kind::Order) std::swap(chosen[0], chosen[1]);
                    else chosen = {(q.answer[0] + 1) % q.options.size()};
                }
                const std::optional<Grade> g = session.answer(chosen, 0);
                REQUIRE(g);
                CHECK(g->correct == !wrong);
                // Two neighbours swapped leave all but one of an order in place.
                const int n = static_cast<int>(q.options.size());
                expected_points += !wrong ? 1000 + std::min(streak * 100, 500) : q.kind == Kind::Order ? 1000 * (n - 1) / n : 0;
                streak = wrong ? 0 : streak + 1;
                session.answer(q.answer, 0); // a second answer changes nothing
                session.advance();
            }
            THEN("the score adds up") {
                const Score& s = session.score();
                CHECK(s.answered == 10);
                CHECK(s.correct == 9);
                CHECK(s.points == expected_points);
                CHECK(s.best_streak == 6);
                CHECK(s.streak == 6);
                CHECK(s.accuracy() == Approx(0.9));
                int asked = 0, correct = 0;
                for (const KindResult& k : s.by_kind) asked += k.asked, correct += k.correct;
                CHECK(asked == 10);
                CHECK(correct == 9);
                CHECK(session.answers().size() == 10);
            }
        }
    }
}

TEST_CASE("A session does not move on before an answer", "[scoring][session]") {
    Quiz quiz;
    quiz.questions = {single_answer(0), single_answer(1)};
    QuizSession session(quiz);
    session.advance();
    CHECK(session.index() == 0);
    session.answer({0}, 0);
    session.advance();
    CHECK(session.index() == 1);
}

TEST_CASE("When the clock runs out, the question counts as a late wrong answer", "[scoring][session]") {
    Quiz quiz;
    quiz.questions = {single_answer(0), single_answer(1)};
    QuizSession session(quiz, rules_for(Mode::Timed));
    REQUIRE(session.rules().time_limit_ms == 20000);
    session.answer({0}, 1000);
    session.advance();
    const std::optional<Grade> g = session.expire();
    REQUIRE(g);
    CHECK(g->timed_out);
    CHECK_FALSE(g->correct);
    CHECK(g->points == 0);
    CHECK(session.score().streak == 0);
    CHECK(session.score().correct == 1);
    CHECK(session.answers().back().chosen.empty());
    CHECK(rules_for(Mode::Practice).time_limit_ms == 0);
    CHECK_FALSE(reveals_each_answer(Mode::Test));
}

SCENARIO("Each kind of question has its own time limit", "[scoring][limits]") {
    GIVEN("the Timed rules") {
        const ScoreRules rules = rules_for(Mode::Timed);
        THEN("an order gets 30 s, a true-or-false 15 s, the others 20 s") {
            CHECK(rules.limit_for(Kind::Order) == 30000);
            CHECK(rules.limit_for(Kind::TrueFalse) == 15000);
            for (Kind k : {Kind::First, Kind::Last, Kind::BeforeAfter, Kind::When, Kind::Interval, Kind::WhoSaid, Kind::WhoDid,
                           Kind::Number, Kind::Authored})
                CHECK(rules.limit_for(k) == 20000);
        }
        THEN("an order answered at 25 s is in time and earns more than half; at 30.001 s it is late") {
            Question q = order_question();
            const Grade in_time = grade(q, q.answer, 25000, 0, rules);
            CHECK(in_time.correct);
            CHECK(in_time.points == 1000 - 1000 * 25000 / 60000);
            CHECK(grade(q, q.answer, 30001, 0, rules).timed_out);
        }
        THEN("a true-or-false answered at 16 s is late") {
            Question q = single_answer(0, 2);
            q.kind = Kind::TrueFalse;
            CHECK(grade(q, {0}, 14000, 0, rules).correct);
            CHECK(grade(q, {0}, 16000, 0, rules).timed_out);
        }
    }
    GIVEN("untimed rules") {
        THEN("no kind has a limit") {
            for (Kind k : kAllKinds) CHECK(rules_for(Mode::Practice).limit_for(k) == 0);
        }
    }
    GIVEN("a Timed session whose second question is an order") {
        Quiz quiz;
        quiz.questions = {single_answer(0), order_question()};
        QuizSession session(quiz, rules_for(Mode::Timed));
        session.answer({0}, 1000);
        session.advance();
        WHEN("its clock runs out") {
            const std::optional<Grade> g = session.expire();
            THEN("it is late by the order's limit") {
                REQUIRE(g);
                CHECK(g->timed_out);
                CHECK(session.answers().back().elapsed_ms == 30001);
            }
        }
    }
}
