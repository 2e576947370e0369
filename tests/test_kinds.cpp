// The table of question kinds: every kind once, named, labelled and made.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "core/quiz/generator.h"
#include "core/quiz/kind.h"
#include "core/quiz/phrases.h"
#include "support.h"

using namespace chronicle;

TEST_CASE("Every kind has one entry, with its name, label and maker", "[kinds]") {
    std::set<std::string> names;
    size_t count = 0;
    for (Kind k : kAllKinds) {
        const KindSpec& spec = kind_spec(k);
        INFO(spec.name);
        CHECK(spec.kind == k);
        CHECK(names.insert(spec.name).second);
        CHECK(kind_from_name(spec.name) == k);
        CHECK(std::string(spec.label.zh).size() > 0);
        CHECK(std::string(spec.label.en).size() > 0);
        CHECK(spec.supported != nullptr);
        CHECK(spec.make != nullptr);
        for (const Words& w : spec.phrases) CHECK(generated_characters().find(w.zh) != std::string::npos);
        ++count;
    }
    CHECK(count == kKindCount);
    CHECK_THROWS_AS(kind_spec(Kind::Count), std::out_of_range); // no kind: never read past the table
    CHECK_FALSE(kind_from_name("firstt"));
    CHECK(kind_names_list() == "first,last,order,before_after,when,interval,who_said,who_did,number,true_false,authored");
}

TEST_CASE("Each kind the seed pack supports makes its own questions", "[kinds]") {
    const Pack& p = chronicle::test::seed_pack();
    for (Kind k : supported_kinds(p)) {
        INFO(kind_name(k));
        QuizOptions o;
        o.kinds = {k};
        o.count = 3;
        const Quiz quiz = generate_quiz(p, o);
        REQUIRE_FALSE(quiz.questions.empty());
        for (const Question& q : quiz.questions) {
            CHECK(q.kind == k);
            CHECK(q.answer.size() == (asks_for_order(k) ? q.options.size() : 1));
        }
    }
}

TEST_CASE("Words speak Chinese to zh and English to anything else", "[kinds]") {
    const Words w{"之前", "Before"};
    CHECK(std::string(w.in("zh")) == "之前");
    CHECK(std::string(w.in("zh-Hant")) == "之前");
    CHECK(std::string(w.in("en")) == "Before");
    CHECK(std::string(w.in("fr")) == "Before");
}
