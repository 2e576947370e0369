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

TEST_CASE("Ordering is all-or-nothing, with partial credit reported", "[scoring]") {
    const ScoreRules rules;
    const Question q = order_question();
    const Grade perfect = grade(q, {2, 0, 3, 1}, 0, 0, rules);
    CHECK(perfect.correct);
    CHECK(perfect.correct_pairs == 3);
    CHECK(perfect.pairs == 3);
    const Grade one_swap = grade(q, {0, 2, 3, 1}, 0, 0, rules);
    CHECK_FALSE(one_swap.correct);
    CHECK(one_swap.points == 0);
    CHECK(one_swap.correct_pairs == 2); // 2→3 and 3→1 are right, 0→2 is not
    const Grade reversed = grade(q, {1, 3, 0, 2}, 0, 0, rules);
    CHECK(reversed.correct_pairs == 0);
    const Grade not_a_permutation = grade(q, {2, 2, 3, 1}, 0, 0, rules);
    CHECK_FALSE(not_a_permutation.correct);
    CHECK(not_a_permutation.correct_pairs == 0);
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
                expected_points += wrong ? 0 : 1000 + std::min(streak * 100, 500);
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
