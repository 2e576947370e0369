// Learn: the facts of a pack, a question for each, how answers rate them, and the
// Learn session's order (due, then new, then learning steps), with time passed in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/learn/learn_session.h"
#include "core/quiz/generator.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::seed_pack;

namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1'760'000'000; // a Thursday in October 2025

Moment at(int64_t unix_seconds) { return {static_cast<uint64_t>(unix_seconds - kStart) * 1000 + 1, unix_seconds, 0}; }

// The option indices that answer q rightly, or (wrong) another option / the reverse order.
std::vector<size_t> answer_for(const Question& q, bool right) {
    if (asks_for_order(q.kind)) {
        std::vector<size_t> order = q.answer;
        if (!right) std::reverse(order.begin(), order.end());
        return order;
    }
    if (right) return q.answer;
    return {(q.answer.at(0) + 1) % q.options.size()};
}

// The facts an answer to q rates.
std::vector<std::string> facts_of(const Question& q) {
    std::vector<std::string> facts;
    for (const FactRating& r : rate_answer(q, q.answer, Grade{true, false, 0, 0, 0}, 0)) facts.push_back(r.fact);
    return facts;
}

LearnOptions options_in(const std::string& lang, size_t new_facts) {
    LearnOptions o;
    o.quiz.lang = lang;
    o.quiz.seed = 7;
    o.new_facts = new_facts;
    return o;
}

} // namespace

TEST_CASE("every fact of the seed pack has a key that finds it, and a question that tests it", "[learn]") {
    const Pack& pack = seed_pack();
    const std::vector<Fact> facts = pack_facts(pack);
    REQUIRE(facts.size() > 20);
    std::set<std::string> keys;
    size_t asked = 0;
    for (const Fact& f : facts) {
        const std::string key = fact_key(pack, f);
        CHECK(keys.insert(key).second);
        const std::optional<Fact> found = find_fact(pack, key);
        REQUIRE(found);
        CHECK(*found == f);
        for (const char* lang : {"zh", "en"}) {
            QuizOptions options;
            options.lang = lang;
            const std::optional<Question> q = question_for_fact(pack, options, f);
            if (!q) continue;
            ++asked;
            const std::vector<std::string> tested = facts_of(*q);
            CHECK(std::find(tested.begin(), tested.end(), key) != tested.end());
            CHECK(q->answer.size() == (asks_for_order(q->kind) ? q->options.size() : 1));
        }
    }
    // Every fact has a question: a date "when" cannot ask fairly is asked by "before or after".
    CHECK(asked == facts.size() * 2);
    CHECK_FALSE(find_fact(pack, "date:no-such-event"));
    CHECK_FALSE(find_fact(pack, "colour:e01"));
    CHECK_FALSE(find_fact(pack, "date"));
}

TEST_CASE("an answer rates the facts its question tested", "[learn]") {
    const Pack& pack = seed_pack();
    QuizOptions options;
    options.seed = 3;
    options.count = 40;
    options.lang = "en";
    const Quiz quiz = generate_quiz(pack, options);
    bool saw_order = false, saw_first = false;
    for (const Question& q : quiz.questions) {
        const std::vector<size_t> right = answer_for(q, true);
        const Grade good = grade(q, right, 1000, 0, rules_for(Mode::Practice));
        WHEN("it is right and quick, every fact it tested is Good") {
            for (const FactRating& r : rate_answer(q, right, good, 1000)) CHECK(r.rating == fsrs::Rating::Good);
        }
        WHEN("it is right but slower than half the Timed limit, Hard") {
            const int64_t slow = rules_for(Mode::Timed).limit_for(q.kind) / 2 + 1;
            for (const FactRating& r : rate_answer(q, right, good, slow)) CHECK(r.rating == fsrs::Rating::Hard);
        }
        if (q.kind == Kind::Order && q.options.size() >= 4) {
            saw_order = true;
            THEN("an order with one event moved rates that event Again and the rest Good") {
                std::vector<size_t> moved = q.answer;
                std::rotate(moved.begin(), moved.begin() + 1, moved.end()); // the first put last
                const Grade g = grade(q, moved, 1000, 0, rules_for(Mode::Practice));
                const std::vector<FactRating> rated = rate_answer(q, moved, g, 1000);
                REQUIRE(rated.size() == q.options.size());
                for (const FactRating& r : rated) {
                    const bool is_moved = r.fact == "date:" + q.options[q.answer[0]].event;
                    CHECK(r.rating == (is_moved ? fsrs::Rating::Again : fsrs::Rating::Good));
                }
            }
        }
        if (q.kind == Kind::First || q.kind == Kind::Last) {
            saw_first = true;
            THEN("a wrong first or last rates the right event and the chosen one Again, and no other") {
                const std::vector<size_t> wrong = answer_for(q, false);
                const Grade g = grade(q, wrong, 1000, 0, rules_for(Mode::Practice));
                const std::vector<FactRating> rated = rate_answer(q, wrong, g, 1000);
                REQUIRE(rated.size() == 2);
                CHECK(rated[0].fact == "date:" + q.options[q.answer[0]].event);
                CHECK(rated[1].fact == "date:" + q.options[wrong[0]].event);
                for (const FactRating& r : rated) CHECK(r.rating == fsrs::Rating::Again);
            }
        }
    }
    CHECK(saw_order);
    CHECK(saw_first);
}

TEST_CASE("a Learn session asks the due facts first, then new ones, and brings a forgotten one back", "[learn]") {
    const Pack& pack = seed_pack();
    const std::vector<Fact> facts = pack_facts(pack);
    GIVEN("two facts due (one more overdue), one due next week, and room for three new ones") {
        auto reviewed = [&](size_t i, int64_t due) {
            FactState s;
            s.pack_id = pack.id;
            s.fact = fact_key(pack, facts[i]);
            s.card = fsrs::review({}, fsrs::Rating::Good, kStart - 10 * kDay, {});
            s.card = fsrs::review(s.card, fsrs::Rating::Good, kStart - 9 * kDay, {});
            s.card.due = due;
            return s;
        };
        const std::vector<FactState> states = {reviewed(0, kStart - kDay), reviewed(1, kStart - 3 * kDay),
                                               reviewed(2, kStart + 7 * kDay)};
        for (const char* lang : {"en", "zh"}) {
            LearnSession learn(pack, states, options_in(lang, 3), nullptr, at(kStart));
            REQUIRE(learn.step() == LearnStep::Asking);
            CHECK(learn.due_left() == 2);
            CHECK(learn.new_left() == 3);
            THEN("the most overdue comes first, then the other due one") {
                CHECK(learn.fact() == states[1].fact);
                REQUIRE(learn.answer(answer_for(learn.question(), true), at(kStart + 5)));
                CHECK(learn.reviews().size() == 1);
                CHECK(learn.reviews()[0].card.due > kStart + kDay);
                REQUIRE(learn.next(at(kStart + 6)));
                CHECK(learn.fact() == states[0].fact);
                REQUIRE(learn.answer(answer_for(learn.question(), true), at(kStart + 10)));
                REQUIRE(learn.next(at(kStart + 11)));
                AND_THEN("three new facts, the first forgotten, which comes back at the end; never the one not due") {
                    std::vector<std::string> asked;
                    int64_t t = kStart + 20;
                    while (learn.step() == LearnStep::Asking) {
                        const std::string fact = learn.fact();
                        CHECK(fact != states[2].fact);
                        const bool forget = asked.empty();
                        asked.push_back(fact);
                        REQUIRE(learn.answer(answer_for(learn.question(), !forget), at(t += 5)));
                        if (forget) CHECK(learn.reviews().at(0).rating == fsrs::Rating::Again);
                        learn.next(at(t += 1));
                        REQUIRE(asked.size() < 20);
                    }
                    CHECK(learn.step() == LearnStep::Finished);
                    REQUIRE(asked.size() >= 4);
                    CHECK(std::set<std::string>(asked.begin(), asked.begin() + 3).size() == 3);
                    CHECK(std::count(asked.begin(), asked.end(), asked.front()) >= 2);
                    CHECK(learn.summary().new_facts == 3);
                    CHECK(learn.summary().again >= 1);
                    REQUIRE(learn.summary().next_due);
                    CHECK(*learn.summary().next_due > t);
                }
            }
        }
    }
}

TEST_CASE("a Learn session never asks a fact an earlier question of it gave away", "[learn]") {
    const Pack& pack = seed_pack();
    LearnSession learn(pack, {}, options_in("en", 1000), nullptr, at(kStart));
    std::set<std::string> shown, facts;
    int64_t t = kStart;
    int asked = 0;
    while (learn.step() == LearnStep::Asking && asked < 200) {
        const Question& q = learn.question();
        // A fact asked again in its learning steps was shown on purpose; any other never.
        if (facts.insert(learn.fact()).second)
            for (const std::vector<std::string>& group : q.answered_by)
                CHECK_FALSE(std::all_of(group.begin(), group.end(), [&](const std::string& f) { return shown.count(f) > 0; }));
        shown.insert(q.reveals.begin(), q.reveals.end());
        learn.answer(answer_for(q, true), at(t += 3));
        learn.next(at(t += 1));
        ++asked;
    }
    CHECK(learn.step() == LearnStep::Finished);
    CHECK(asked > 10);
}

TEST_CASE("reviewing mistakes asks those facts alone, due or not", "[learn]") {
    const Pack& pack = seed_pack();
    const std::vector<Fact> facts = pack_facts(pack);
    FactState s;
    s.pack_id = pack.id;
    s.fact = fact_key(pack, facts[3]);
    s.card = fsrs::review({}, fsrs::Rating::Again, kStart - kDay, {});
    s.card.due = kStart + 30 * kDay;
    s.last_rating = fsrs::Rating::Again;
    LearnOptions options = options_in("zh", 20);
    options.only = {s.fact};
    LearnSession learn(pack, {s}, options, nullptr, at(kStart));
    REQUIRE(learn.step() == LearnStep::Asking);
    CHECK(learn.fact() == s.fact);
    learn.answer(answer_for(learn.question(), true), at(kStart + 4));
    learn.next(at(kStart + 5));
    CHECK(learn.step() == LearnStep::Finished);
    CHECK(learn.summary().new_facts == 0);
}

TEST_CASE("every answer of a Learn session is saved at once, with its reviews", "[learn][storage]") {
    const Pack& pack = seed_pack();
    test::TempDir dir;
    const std::string path = dir.file("chronicle.db");
    {
        std::unique_ptr<Storage> save = test::open_cleanly(path);
        LearnSession learn(pack, {}, options_in("en", 2), save.get(), at(kStart));
        REQUIRE(learn.answer(answer_for(learn.question(), true), at(kStart + 4)));
        CHECK(learn.saved());
        REQUIRE(learn.next(at(kStart + 5)));
        REQUIRE(learn.answer(answer_for(learn.question(), false), at(kStart + 9)));
        CHECK(learn.saved());
        CHECK(learn.summary().saved == 2);
    }
    std::unique_ptr<Storage> save = test::open_cleanly(path);
    CHECK(save->study_answers(pack.id, 0).size() == 2);
    const std::vector<FactState> states = save->fact_states(pack.id);
    REQUIRE(states.size() == 2);
    const auto forgotten = std::find_if(states.begin(), states.end(), [](const FactState& s) {
        return s.last_rating == fsrs::Rating::Again;
    });
    REQUIRE(forgotten != states.end());
    CHECK(forgotten->card.due == kStart + 9 + 60); // the first learning step: a minute
}

TEST_CASE("every Learn session ends: slow right answers wait for their next step, a fact missed again and again for the next session", "[learn]") {
    const Pack& pack = seed_pack();
    for (const bool right : {true, false}) {
        LearnSession learn(pack, {}, options_in("en", 5), nullptr, at(kStart));
        int64_t t = kStart;
        int asked = 0;
        while (learn.step() == LearnStep::Asking) {
            REQUIRE(++asked <= 5 * 4);
            Moment answered = at(t += 15); // slower than half the Timed limit: Hard when right
            answered.ms += 14000;
            REQUIRE(learn.answer(answer_for(learn.question(), right), answered));
            learn.next(at(t += 1));
        }
        if (right) CHECK(asked == 5);
        else CHECK(asked > 5 * 2); // each missed fact back, at most four tries in all (a partner's miss counts too)
        CHECK(learn.summary().new_facts == 5);
    }
}

TEST_CASE("a fact in review due later today is due in today's session", "[learn]") {
    const Pack& pack = seed_pack();
    FactState s;
    s.pack_id = pack.id;
    s.fact = fact_key(pack, pack_facts(pack)[4]);
    s.card = fsrs::review({}, fsrs::Rating::Good, kStart - 5 * kDay, {});
    s.card = fsrs::review(s.card, fsrs::Rating::Good, kStart - 4 * kDay, {});
    REQUIRE(s.card.state == fsrs::State::Review);
    s.card.due = kStart + 3 * 3600;
    LearnOptions options = options_in("en", 0);
    options.day_end = kStart + 10 * 3600;
    LearnSession today(pack, {s}, options, nullptr, at(kStart));
    REQUIRE(today.step() == LearnStep::Asking);
    CHECK(today.fact() == s.fact);
    CHECK(today.due_left() == 1);
    options.day_end = kStart + 3600; // tomorrow's study day begins before it is due
    LearnSession tonight(pack, {s}, options, nullptr, at(kStart));
    CHECK(tonight.step() == LearnStep::Finished);
}
