#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/exchange/export.h"
#include "core/quiz/generator.h"
#include "core/quiz/phrases.h"
#include "support.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

Quiz quiz_of(const Pack& p, std::vector<Kind> kinds, Difficulty d = Difficulty::Normal, uint64_t seed = 1,
             size_t count = 50, const std::string& lang = "en") {
    QuizOptions o;
    o.seed = seed;
    o.count = count;
    o.lang = lang;
    o.kinds = std::move(kinds);
    o.difficulty = d;
    return generate_quiz(p, o);
}

const Event& option_event(const Pack& p, const Option& o) { return event_by_id(p, o.event); }

const Person& person_by_id(const Pack& p, const std::string& id) {
    for (const Person& x : p.people)
        if (x.id == id) return x;
    FAIL("no person " << id);
    throw;
}

// A pack of n events, one a month from 1900, "who" phrases answered by person i % 10,
// so that difficulty and balance can be measured.
Pack spread_pack(int n) {
    std::string people = "\"people\": [";
    for (int i = 0; i < 10; ++i) people += std::string(i ? "," : "") + R"({"id": "p)" + std::to_string(i) + R"(", "name": "P)" + std::to_string(i) + "\"}";
    people += "],";
    std::string events = "[";
    for (int i = 0; i < n; ++i) {
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d", 1900 + i / 12, i % 12 + 1);
        events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "date": ")" + date +
                  R"(", "headline": "H)" + std::to_string(i) + R"(", "text": "T", "actors": ["p)" + std::to_string(i % 10) +
                  R"("], "who": "did thing )" + std::to_string(i) + "\"}";
    }
    LoadResult r = load(pack_with(events + "]", people));
    REQUIRE(r.pack);
    return std::move(*r.pack);
}

} // namespace

TEST_CASE("first and last ask about certainly ordered events", "[generator]") {
    const Pack& p = seed_pack();
    for (Kind kind : {Kind::First, Kind::Last}) {
        const Quiz quiz = quiz_of(p, {kind});
        REQUIRE_FALSE(quiz.questions.empty());
        for (const Question& q : quiz.questions) {
            REQUIRE(q.answer.size() == 1);
            CHECK(q.options.size() == 3);
            const Event& right = option_event(p, q.options[q.answer[0]]);
            for (const Option& o : q.options) {
                if (o.event == right.id) continue;
                const Event& other = option_event(p, o);
                CHECK((kind == Kind::First ? before(right.interval, other.interval) : before(other.interval, right.interval)));
            }
            CHECK_THAT(q.explanation, Catch::Contains(p.text(right.headline, "en")));
        }
    }
}

TEST_CASE("order questions list every option, earliest first", "[generator]") {
    const Pack& p = seed_pack();
    const Quiz quiz = quiz_of(p, {Kind::Order});
    REQUIRE_FALSE(quiz.questions.empty());
    for (const Question& q : quiz.questions) {
        CHECK(q.options.size() == 4);
        REQUIRE(q.answer.size() == q.options.size());
        std::vector<size_t> identity(q.answer.size());
        for (size_t i = 0; i < identity.size(); ++i) identity[i] = i;
        CHECK(q.answer != identity); // never shown already in order
        for (size_t i = 0; i + 1 < q.answer.size(); ++i)
            CHECK(before(option_event(p, q.options[q.answer[i]]).interval, option_event(p, q.options[q.answer[i + 1]]).interval));
    }
}

TEST_CASE("before_after is right about which came first", "[generator]") {
    const Pack& p = seed_pack();
    for (const Question& q : quiz_of(p, {Kind::BeforeAfter}).questions) {
        REQUIRE(q.events.size() == 2);
        const bool subject_first = before(event_by_id(p, q.events[0]).interval, event_by_id(p, q.events[1]).interval);
        CHECK(q.answer[0] == (subject_first ? 0 : 1));
        CHECK(q.options[0].text == "Before");
        CHECK_THAT(q.prompt, Catch::Contains(p.text(event_by_id(p, q.events[0]).headline, "en")));
    }
}

TEST_CASE("when offers the true date once, as the unit it asks, among other dates", "[generator]") {
    const Pack& p = seed_pack();
    for (Difficulty d : {Difficulty::Normal, Difficulty::Hard}) {
        const Quiz quiz = quiz_of(p, {Kind::When}, d);
        CHECK(quiz.questions.size() > 2);
        CHECK(quiz.questions.size() <= p.dated_event_count()); // each dated event at most once
        for (const Question& q : quiz.questions) {
            const Event& e = event_by_id(p, q.events.at(0));
            INFO(q.prompt);
            CHECK(q.options.size() >= 2);
            CHECK(q.options[q.answer[0]].event == e.id);
            CHECK(p.date_is_answer(e)); // an estimate is never keyed
            std::set<std::string> texts;
            for (const Option& o : q.options) texts.insert(o.text);
            CHECK(texts.size() == q.options.size());
            CHECK_THAT(q.explanation, Catch::Contains(format_date(*e.date, "en")));
            if (e.date->is_range()) continue;
            // A day is asked by its month unless the quiz is hard, and the prompt says so.
            const bool by_month = d != Difficulty::Hard && e.date->precision() == Precision::Day;
            const PartialDate asked{e.date->from.year, e.date->from.month, by_month ? 0 : e.date->from.day};
            CHECK(q.options[q.answer[0]].text == format_date(asked, "en"));
            CHECK((q.prompt.rfind("In which month", 0) == 0) == by_month);
        }
    }
}

TEST_CASE("An estimated date is never a keyed answer, and an order resting on one says so", "[generator][honest]") {
    const LoadResult r = load(pack_with(R"([
    {"id": "a", "date": "1950", "headline": "A", "text": "T"},
    {"id": "party", "date": "1960-12", "date_source": "estimate", "date_note": "Parties are in December", "headline": "Party", "text": "T"},
    {"id": "b", "date": "1970", "date_source": "source", "headline": "B", "text": "T"},
    {"id": "c", "date": {"from": "1980", "to": "1982"}, "date_note": "Some time then", "headline": "C", "text": "T"}
  ])"));
    REQUIRE(r.pack);
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        QuizOptions o;
        o.seed = seed;
        o.count = 20;
        o.lang = "en";
        o.kinds = {Kind::When, Kind::Order, Kind::First, Kind::Last};
        for (const Question& q : generate_quiz(*r.pack, o).questions) {
            INFO(q.prompt);
            if (q.kind == Kind::When) CHECK(q.events.at(0) != "party");
            const auto has = [&](const char* id) { return std::find(q.events.begin(), q.events.end(), id) != q.events.end(); };
            if (q.kind != Kind::When) {
                CHECK((q.explanation.find("Parties are in December") != std::string::npos) == has("party"));
                CHECK((q.explanation.find("Some time then") != std::string::npos) == has("c"));
                if (has("c")) CHECK_THAT(q.explanation, Catch::Contains("between 1980 and 1982"));
            }
        }
    }
}

TEST_CASE("Questions about events that lasted say when they began", "[generator]") {
    const LoadResult r = load(pack_with(R"([
    {"id": "war", "date": "1939", "end": "1945", "headline": "War", "text": "T"},
    {"id": "a", "date": "1950", "headline": "A", "text": "T"},
    {"id": "b", "date": "1960", "headline": "B", "text": "T"},
    {"id": "c", "date": "1970", "headline": "C", "text": "T"}
  ])"));
    REQUIRE(r.pack);
    const Quiz quiz = quiz_of(*r.pack, {Kind::First, Kind::Last, Kind::Order, Kind::BeforeAfter, Kind::When});
    REQUIRE_FALSE(quiz.questions.empty());
    for (const Question& q : quiz.questions) {
        INFO(q.prompt);
        const bool has_war = std::find(q.events.begin(), q.events.end(), "war") != q.events.end();
        const bool says_began = q.prompt.find("began") != std::string::npos || q.prompt.find("begin") != std::string::npos;
        CHECK(says_began == has_war);
        if (has_war) CHECK(q.explanation.find("1939 – 1945") != std::string::npos);
    }
}

TEST_CASE("who_said and who_did offer only people who certainly are not the answer", "[generator]") {
    const Pack& p = seed_pack();
    for (const Question& q : quiz_of(p, {Kind::WhoSaid}).questions) {
        const Quote* quote = nullptr;
        for (const Quote& x : p.quotes)
            if (q.prompt.find(p.text(x.text, "en")) != std::string::npos) quote = &x;
        REQUIRE(quote);
        const Person& speaker = p.people[static_cast<size_t>(quote->speaker)];
        CHECK(q.options[q.answer[0]].person == speaker.id);
        for (const Option& o : q.options) {
            if (o.person == speaker.id) continue;
            CHECK(person_by_id(p, o.person).kind == speaker.kind);
        }
    }
    const Quiz who_did = quiz_of(p, {Kind::WhoDid});
    CHECK(who_did.questions.size() == p.who_events.size());
    for (const Question& q : who_did.questions) {
        const Event& e = event_by_id(p, q.events.at(0));
        auto is_actor = [&](const std::string& id) {
            return std::any_of(e.actors.begin(), e.actors.end(), [&](PersonIndex a) { return p.people[a].id == id; });
        };
        for (size_t i = 0; i < q.options.size(); ++i) CHECK(is_actor(q.options[i].person) == (i == q.answer[0]));
        CHECK_THAT(q.prompt, Catch::StartsWith("Who "));
    }
}

TEST_CASE("number distractors are plausible and never equal", "[generator]") {
    const Pack& p = seed_pack();
    for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard}) {
        const Quiz quiz = quiz_of(p, {Kind::Number}, d);
        // n01 and n02 come from e02, whose text, shown with the first, says the other.
        CHECK(quiz.questions.size() == p.numbers.size() - 1);
        for (const Question& q : quiz.questions) {
            const double right = *q.options[q.answer[0]].value;
            std::set<double> values;
            for (const Option& o : q.options) {
                REQUIRE(o.value);
                values.insert(*o.value);
                CHECK(*o.value > 0);
                if (o.text.back() == '%') CHECK(*o.value <= 100);
            }
            CHECK(values.size() == q.options.size());
            CHECK(std::is_sorted(q.options.begin(), q.options.end(), [](auto& a, auto& b) { return *a.value < *b.value; }));
            CHECK(std::any_of(p.numbers.begin(), p.numbers.end(), [&](const NumberFact& n) { return n.value == right; }));
        }
    }
}

TEST_CASE("hand-written questions keep their answer", "[generator]") {
    const Pack& p = seed_pack();
    const Quiz quiz = quiz_of(p, {Kind::Authored});
    // mc01 and tf01 are both on e01, whose text, shown with the first, answers the other.
    CHECK(quiz.questions.size() == p.questions.size() - 1);
    for (const Question& q : quiz.questions) {
        const AuthoredQuestion* a = nullptr;
        for (const AuthoredQuestion& x : p.questions)
            if (p.text(x.prompt, "en") == q.prompt) a = &x;
        REQUIRE(a);
        if (a->type == AuthoredQuestion::Type::TrueFalse) {
            CHECK(q.options[q.answer[0]].text == (a->answer ? "True" : "False"));
        } else {
            const auto right = std::find_if(a->choices.begin(), a->choices.end(), [](auto& c) { return c.correct; });
            CHECK(q.options[q.answer[0]].text == p.text(right->text, "en"));
        }
    }
}

TEST_CASE("Kinds a pack cannot support are skipped, never padded", "[generator]") {
    GIVEN("a pack whose events all overlap and which has no people, quotes or numbers") {
        const LoadResult r = load(pack_with(R"([
    {"id": "a", "date": "2023", "headline": "A", "text": "T"},
    {"id": "b", "date": "2023-05", "headline": "B", "text": "T"},
    {"id": "c", "date": {"from": "2023-05", "to": "2026"}, "headline": "C", "text": "T"}])"));
        REQUIRE(r.pack);
        THEN("only when is supported") {
            CHECK(supported_kinds(*r.pack) == std::vector<Kind>{Kind::When});
            CHECK(quiz_of(*r.pack, {Kind::Order, Kind::First, Kind::WhoSaid}).questions.empty());
            // Only B can be asked: A is the pack's first year (every wrong year would be
            // later) and C's ends share no year.
            const Quiz all = quiz_of(*r.pack, {});
            REQUIRE(all.questions.size() == 1);
            CHECK(all.questions[0].kind == Kind::When);
            CHECK(all.questions[0].events == std::vector<std::string>{"b"});
        }
    }
    GIVEN("a pack with exactly two ordered events") {
        const LoadResult r = load(pack_with(R"([
    {"id": "a", "date": "2020", "headline": "A", "text": "T"},
    {"id": "b", "date": "2021", "headline": "B", "text": "T"}])"));
        REQUIRE(r.pack);
        THEN("order is skipped and first has two options, even when hard") {
            CHECK(quiz_of(*r.pack, {Kind::Order}).questions.empty());
            const Quiz q = quiz_of(*r.pack, {Kind::First}, Difficulty::Hard);
            REQUIRE(q.questions.size() == 1);
            CHECK(q.questions[0].options.size() == 2);
        }
    }
}

TEST_CASE("A quiz never repeats a question and stops when the pack runs out", "[generator]") {
    const Pack& p = seed_pack();
    std::set<Kind> kinds;
    for (uint64_t seed = 1; seed <= 5; ++seed) {
        const Quiz quiz = quiz_of(p, {}, Difficulty::Normal, seed, 1000);
        std::set<std::string> keys;
        for (const Question& q : quiz.questions) CHECK(keys.insert(q.key).second);
        CHECK(quiz.questions.size() < 1000);
        CHECK(quiz.questions.size() > 40);
        for (const Question& q : quiz.questions) kinds.insert(q.kind);
    }
    // A kind may be crowded out of one long quiz (what it would show answers others).
    CHECK(kinds.size() == kKindCount);
}

TEST_CASE("The same seed gives the same quiz, byte for byte", "[generator][determinism]") {
    const Pack& p = seed_pack();
    for (const char* lang : {"zh", "en"}) {
        const std::string a = quiz_to_json(quiz_of(p, {}, Difficulty::Normal, 42, 10, lang));
        const std::string b = quiz_to_json(quiz_of(p, {}, Difficulty::Normal, 42, 10, lang));
        const std::string c = quiz_to_json(quiz_of(p, {}, Difficulty::Normal, 43, 10, lang));
        CHECK(a == b);
        CHECK(a != c);
    }
}

TEST_CASE("Difficulty sets the number of options and how close events are", "[generator][difficulty]") {
    const Pack p = spread_pack(1200);
    auto mean_span = [&](Difficulty d) {
        double total = 0;
        const Quiz quiz = quiz_of(p, {Kind::Order}, d, 9, 200);
        for (const Question& q : quiz.questions) {
            const Event& first = option_event(p, q.options[static_cast<size_t>(q.answer.front())]);
            const Event& last = option_event(p, q.options[static_cast<size_t>(q.answer.back())]);
            total += static_cast<double>(last.interval.earliest - first.interval.earliest) / static_cast<double>(q.options.size() - 1);
        }
        return total / static_cast<double>(quiz.questions.size());
    };
    const double easy = mean_span(Difficulty::Easy), normal = mean_span(Difficulty::Normal), hard = mean_span(Difficulty::Hard);
    INFO("mean days between neighbours: easy " << easy << ", normal " << normal << ", hard " << hard);
    CHECK(easy > normal);
    CHECK(normal > hard * 5);
    CHECK(quiz_of(p, {Kind::First}, Difficulty::Easy, 1, 5).questions[0].options.size() == 3);
    CHECK(quiz_of(p, {Kind::First}, Difficulty::Hard, 1, 5).questions[0].options.size() == 4);
    CHECK(quiz_of(p, {Kind::Order}, Difficulty::Easy, 1, 5).questions[0].options.size() == 3);
    CHECK(quiz_of(p, {Kind::Order}, Difficulty::Hard, 1, 5).questions[0].options.size() == 5);
    CHECK(quiz_of(p, {Kind::WhoDid}, Difficulty::Hard, 1, 5).questions[0].options.size() == 5);
}

TEST_CASE("The right option's position is balanced among questions with as many options", "[generator][balance]") {
    const Pack p = spread_pack(600);
    for (Kind kind : {Kind::WhoDid, Kind::When, Kind::First}) {
        std::map<size_t, std::map<size_t, int>> slots; // [options][slot]
        const Quiz quiz = quiz_of(p, {kind}, Difficulty::Normal, 11, 200);
        REQUIRE(quiz.questions.size() == 200);
        for (const Question& q : quiz.questions) ++slots[q.options.size()][q.answer[0]];
        INFO(kind_name(kind));
        for (const auto& [options, counts] : slots) {
            int questions = 0;
            for (const auto& [slot, n] : counts) questions += n;
            if (questions < static_cast<int>(options)) continue;
            REQUIRE(counts.size() == options);
            for (const auto& [slot, n] : counts) CHECK(std::abs(n - questions / static_cast<int>(options)) <= 1);
        }
    }
}

TEST_CASE("Questions read in the language asked, falling back to the pack's default", "[generator]") {
    const Pack& p = seed_pack();
    const Quiz zh = quiz_of(p, {Kind::First}, Difficulty::Normal, 1, 1, "zh");
    CHECK(zh.questions.at(0).prompt == "下面哪件事最先发生？");
    const Quiz en = quiz_of(p, {Kind::When}, Difficulty::Normal, 1, 1, "en");
    CHECK_THAT(en.questions.at(0).prompt, Catch::StartsWith("When did this happen"));
    QuizOptions o;
    const Quiz fallback = generate_quiz(p, o);
    CHECK(fallback.lang == "zh");
}

TEST_CASE("fill_in fills each placeholder once and never re-reads what it put in", "[generator][placeholders]") {
    CHECK(fill_in("{a} before {b}?", {{"a", "Alpha {b} marker"}, {"b", "Beta"}}) == "Alpha {b} marker before Beta?");
    CHECK(fill_in("“{q}” — {name}", {{"q", "I say {name}"}, {"name", "Alice"}}) == "“I say {name}” — Alice");
    CHECK(fill_in("{a}{a}", {{"a", "{a}"}}) == "{a}{a}");
    CHECK(fill_in("{{a}} {x} { } {", {{"a", "1"}}) == "{1} {x} { } {");
}

TEST_CASE("Pack text holding placeholders and braces comes out as written, in every kind", "[generator][placeholders]") {
    // Every text in the pack is "X<n> " and then this; a placeholder filled in twice breaks it.
    const std::string braces = "{a} {b} {e} {p} {q} {name} {n} {} } {";
    int n = 0;
    auto text = [&] { return "\"X" + std::to_string(n++) + " " + braces + "\""; };
    std::string people = "\"people\": [";
    for (int i = 0; i < 4; ++i)
        people += std::string(i ? "," : "") + R"({"id": "p)" + std::to_string(i) + R"(", "name": )" + text() + "}";
    people += "], \"quotes\": [";
    for (int i = 0; i < 3; ++i)
        people += std::string(i ? "," : "") + R"({"id": "q)" + std::to_string(i) + R"(", "text": )" + text() + R"(, "speaker": "p)" +
                  std::to_string(i) + R"(", "event": "e0"})";
    people += R"(], "numbers": [{"id": "n0", "value": 1200, "unit": )" + text() + R"(, "question": )" + text() + R"(}],
        "questions": [{"id": "mc", "type": "multiple_choice", "prompt": )" + text() + R"(, "explanation": )" + text() +
              R"(, "options": [{"text": )" + text() + R"(, "correct": true}, {"text": )" + text() + R"(, "correct": false}]},
                      {"id": "tf", "type": "true_false", "prompt": )" + text() + R"(, "answer": true}],)";
    std::string events = "[";
    for (int i = 0; i < 6; ++i)
        events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "date": ")" +
                  std::to_string(1900 + 10 * i) + R"(", "headline": )" + text() + R"(, "text": )" + text() +
                  R"(, "actors": ["p)" + std::to_string(i % 4) + R"("], "who": )" + text() + "}";
    const LoadResult r = load(pack_with(events + "]", people));
    for (const Diagnostic& d : errors(r)) UNSCOPED_INFO(d.path << ": " << Catch::StringMaker<Problem>::convert(d.issue.problem));
    REQUIRE(r.pack);
    for (Kind kind : kAllKinds) {
        for (const char* lang : {"en", "zh"}) {
            INFO(kind_spec(kind).name << " in " << lang);
            const Quiz quiz = quiz_of(*r.pack, {kind}, Difficulty::Normal, 7, 50, lang);
            REQUIRE_FALSE(quiz.questions.empty());
            for (const Question& q : quiz.questions) {
                std::vector<std::string> shown = {q.prompt, q.explanation};
                for (const Option& o : q.options) shown.push_back(o.text);
                size_t pack_texts = 0;
                for (const std::string& s : shown) {
                    INFO(s);
                    for (size_t at = s.find('X'); at != std::string::npos; at = s.find('X', at + 1)) {
                        const size_t end = s.find(' ', at);
                        REQUIRE(end != std::string::npos);
                        CHECK(s.compare(end + 1, braces.size(), braces) == 0);
                        ++pack_texts;
                    }
                }
                CHECK(pack_texts > 0);
            }
        }
    }
}

TEST_CASE("No question shows two options that read the same", "[generator][distinct]") {
    // Two people called "Sam": a "who said" question offering both would have no single
    // right answer, so the generator leaves such a set of options out.
    const LoadResult r = load(pack_with(R"([{"id": "e1", "date": "2023", "headline": "H", "text": "T"}])",
                                        R"("people": [{"id": "sam1", "name": "Sam"}, {"id": "sam2", "name": "Sam"},
                {"id": "kim", "name": "Kim"}, {"id": "lee", "name": "Lee"}, {"id": "max", "name": "Max"},
                {"id": "ann", "name": "Ann"}, {"id": "bo", "name": "Bo"}, {"id": "cy", "name": "Cy"}],
  "quotes": [{"id": "q1", "text": "One", "speaker": "sam1"}, {"id": "q2", "text": "Two", "speaker": "kim"},
             {"id": "q3", "text": "Three", "speaker": "lee"}],)"));
    REQUIRE(r.pack);
    size_t asked = 0;
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        for (const Question& q : quiz_of(*r.pack, {Kind::WhoSaid}, Difficulty::Normal, seed).questions) {
            ++asked;
            std::set<std::string> texts;
            for (const Option& o : q.options) CHECK(texts.insert(o.text).second);
        }
    }
    CHECK(asked > 0);
}

TEST_CASE("A Chinese quiz has no ASCII punctuation next to Chinese characters", "[generator][punctuation]") {
    const Pack& p = seed_pack();
    size_t texts = 0;
    for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard}) {
        for (uint64_t seed = 1; seed <= 6; ++seed) {
            const Quiz quiz = quiz_of(p, {}, d, seed, 30, "zh");
            for (const Question& q : quiz.questions) {
                std::vector<std::string> shown{q.prompt, q.explanation};
                for (const Option& o : q.options) shown.push_back(o.text);
                for (const std::string& text : shown) {
                    INFO(kind_name(q.kind) << ": " << text);
                    CHECK_FALSE(find_ascii_punctuation(text));
                    ++texts;
                }
            }
        }
    }
    CHECK(texts > 1000);
}

TEST_CASE("Person options show the name the pack's text uses", "[generator][display]") {
    const Pack& p = seed_pack();
    bool sutskever_shown = false;
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        for (const Question& q : quiz_of(p, {Kind::WhoDid, Kind::WhoSaid}, Difficulty::Normal, seed, 10, "zh").questions) {
            for (const Option& o : q.options) {
                if (o.person.empty()) continue;
                const Person& person = person_by_id(p, o.person);
                CHECK(o.text == p.display_name(person, "zh"));
                if (o.person == "sutskever") sutskever_shown = o.text == "伊尔亚·苏茨克维（Sutskever）";
            }
        }
    }
    CHECK(sutskever_shown);
}

TEST_CASE("A catchphrase is asked as one", "[generator][who_said]") {
    const Pack& p = seed_pack();
    std::set<std::string> prompts;
    for (uint64_t seed = 1; seed <= 20; ++seed)
        for (const Question& q : quiz_of(p, {Kind::WhoSaid}, Difficulty::Normal, seed, 3, "zh").questions)
            prompts.insert(q.prompt);
    CHECK(prompts.count("谁的口头禅是「感受下 AGI」？"));
    CHECK_FALSE(prompts.count("谁说过「感受下 AGI」？"));
    CHECK(prompts.count("谁说过「如果你能感受到 AGI，你就应聘 OpenAI」？"));
}
