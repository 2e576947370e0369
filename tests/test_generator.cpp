#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/exchange/export.h"
#include "core/quiz/generator.h"
#include "core/quiz/kinds/interval.h"
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
    // mc01 and tf01 are both on e01, mc04 and mc05 both on e08: the event's text, shown
    // with the first of each pair, answers the other.
    CHECK(quiz.questions.size() == p.questions.size() - 2);
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
    CHECK_THAT(en.questions.at(0).prompt, Catch::Contains("did this happen: “"));
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

namespace {

// The calendar day, month or year a day falls in (months counted from year 0).
int64_t calendar_index(int64_t day, Precision unit) {
    int64_t y;
    int m, d;
    civil_from_days(day, y, m, d);
    return unit == Precision::Day ? day : unit == Precision::Month ? y * 12 + m - 1 : y;
}

// "11 days" → Day, "3 months" → Month, "1 year" → Year, from an English option.
Precision unit_of(const std::string& text) {
    if (text.find("day") != std::string::npos) return Precision::Day;
    if (text.find("month") != std::string::npos) return Precision::Month;
    REQUIRE(text.find("year") != std::string::npos);
    return Precision::Year;
}

// Two days a fortnight apart, months 6 to 10 apart and 1 to 4 apart (too close for
// 3 options with the answer at any rank), and what no interval can use: an event
// that lasted, an uncertain range, an estimated date, an undated event.
Pack interval_pack() {
    const LoadResult r = load(pack_with(R"([
    {"id": "guess", "date": "2022-06", "date_source": "estimate", "headline": "Guess", "text": "T"},
    {"id": "january", "date": "2023-01", "headline": "January", "text": "T"},
    {"id": "devday", "date": "2023-11-06", "headline": "DevDay", "text": "T"},
    {"id": "fired", "date": "2023-11-20", "headline": "Fired", "text": "T"},
    {"id": "july", "date": "2023-07", "headline": "July", "text": "T"},
    {"id": "october", "date": "2023-10", "headline": "October", "text": "T"},
    {"id": "lasted", "date": "2023-08-01", "end": "2023-08-20", "headline": "Lasted", "text": "T"},
    {"id": "unsure", "date": {"from": "2023-08-25", "to": "2023-09-10"}, "headline": "Unsure", "text": "T"},
    {"id": "undated", "headline": "Undated", "text": "T"}])"));
    REQUIRE(r.pack);
    return std::move(*r.pack);
}

} // namespace

TEST_CASE("interval asks only what both dates settle, among values certainly wrong", "[generator][interval]") {
    const Pack& seed = seed_pack();
    const Pack small = interval_pack();
    const Pack spread = spread_pack(120);
    const LoadResult decades = load(pack_with(R"([
    {"id": "a", "date": "1900", "headline": "A", "text": "T"}, {"id": "b", "date": "1910-05", "headline": "B", "text": "T"},
    {"id": "c", "date": "1925", "headline": "C", "text": "T"}, {"id": "d", "date": "1950-02-03", "headline": "D", "text": "T"}])"));
    REQUIRE(decades.pack);
    size_t asked = 0;
    double chance = 0, lowest = 0, highest = 0; // right answers of always picking one
    std::set<Precision> units;
    for (const Pack* p : {&seed, &small, &spread, &*decades.pack}) {
        for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard}) {
            for (uint64_t seed_number = 1; seed_number <= 30; ++seed_number) {
                for (const Question& q : quiz_of(*p, {Kind::Interval}, d, seed_number, 20).questions) {
                    INFO(q.prompt);
                    ++asked;
                    REQUIRE(q.events.size() == 2);
                    const Event& a = event_by_id(*p, q.events[0]);
                    const Event& b = event_by_id(*p, q.events[1]);
                    REQUIRE(a.date);
                    REQUIRE(b.date);
                    CHECK_FALSE(a.end);
                    CHECK_FALSE(b.end);
                    CHECK_THAT(q.prompt, Catch::Contains(p->text(a.headline, "en")) && Catch::Contains(p->text(b.headline, "en")));
                    const Option& right = q.options[q.answer.at(0)];
                    const Precision unit = unit_of(right.text);
                    units.insert(unit);
                    // Both dates lie within one unit each, so the count is certain.
                    for (const Event* e : {&a, &b})
                        CHECK(calendar_index(e->interval.earliest, unit) == calendar_index(e->interval.latest, unit));
                    const int64_t truth = calendar_index(b.interval.earliest, unit) - calendar_index(a.interval.earliest, unit);
                    CHECK(truth >= 1);
                    CHECK(right.value == static_cast<double>(truth));
                    CHECK_THAT(q.explanation, Catch::Contains(format_date(*a.date, "en")) &&
                                                  Catch::Contains(format_date(*b.date, "en")) && Catch::Contains(right.text));
                    for (size_t i = 0; i < q.options.size(); ++i) {
                        const Option& o = q.options[i];
                        REQUIRE(o.value);
                        CHECK(unit_of(o.text) == unit);
                        CHECK(*o.value >= 1);
                        if (i) CHECK(*q.options[i - 1].value < *o.value); // ascending
                        if (i == q.answer[0]) continue;
                        // A count of calendar months or years is the true span within one unit
                        // either way: a wrong one 2 or more away cannot be it.
                        CHECK(std::abs(*o.value - static_cast<double>(truth)) >= (unit == Precision::Day ? 1 : 2));
                    }
                    CHECK(q.options.size() >= 3);
                    chance += 1.0 / static_cast<double>(q.options.size());
                    lowest += q.answer[0] == 0;
                    highest += q.answer[0] + 1 == q.options.size();
                }
            }
        }
    }
    CHECK(units == std::set<Precision>{Precision::Day, Precision::Month, Precision::Year});
    CHECK(asked > 500);
    // The answer's rank is balanced: neither the smallest nor the largest wins.
    INFO("always the smallest " << lowest / chance << "× chance, always the largest " << highest / chance << "×");
    CHECK(lowest <= 1.1 * chance);
    CHECK(highest <= 1.1 * chance);
}

TEST_CASE("interval leaves out what the dates cannot settle", "[generator][interval]") {
    const Pack p = interval_pack();
    std::set<std::string> pairs;
    for (uint64_t seed = 1; seed <= 40; ++seed)
        for (const Question& q : quiz_of(p, {Kind::Interval}, Difficulty::Normal, seed, 20).questions)
            pairs.insert(q.events.at(0) + ">" + q.events.at(1));
    // The lasting, uncertain, estimated and undated events never; the pairs that are
    // settled and far enough apart, all.
    CHECK(pairs == std::set<std::string>{"devday>fired", "january>july", "january>october", "january>devday",
                                         "january>fired"});
    const Quiz days = quiz_of(p, {Kind::Interval}, Difficulty::Normal, 3, 20);
    for (const Question& q : days.questions) {
        if (q.events != std::vector<std::string>{"devday", "fired"}) continue;
        CHECK(q.options[q.answer[0]].text == "14 days");
        CHECK_THAT(q.explanation, Catch::EndsWith("14 days apart."));
    }

    const LoadResult same_month = load(pack_with(R"([
    {"id": "a", "date": "2023-07", "headline": "A", "text": "T"},
    {"id": "b", "date": "2023-07-20", "headline": "B", "text": "T"},
    {"id": "c", "date": {"from": "2023-06", "to": "2023-08"}, "headline": "C", "text": "T"}])"));
    REQUIRE(same_month.pack);
    CHECK_FALSE(kinds::interval_supported(*same_month.pack));
}

TEST_CASE("certain_interval counts days, then calendar months, then years", "[generator][interval]") {
    auto day = [](int64_t y, int m, int d) { return DayInterval{days_from_civil(y, m, d), days_from_civil(y, m, d)}; };
    auto month = [](int64_t y, int m) { return DayInterval{days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m))}; };
    using kinds::certain_interval;
    CHECK(certain_interval(day(2023, 11, 6), day(2023, 11, 17))->value == 11);
    CHECK(certain_interval(day(2023, 11, 6), day(2023, 11, 17))->unit == Precision::Day);
    CHECK_FALSE(certain_interval(day(2023, 11, 6), day(2023, 11, 6)));
    CHECK_FALSE(certain_interval(day(2023, 11, 17), day(2023, 11, 6)));
    CHECK(certain_interval(month(2023, 7), day(2023, 10, 2))->unit == Precision::Month);
    CHECK(certain_interval(month(2023, 7), day(2023, 10, 2))->value == 3);
    CHECK_FALSE(certain_interval(month(2023, 7), day(2023, 7, 20)));
    // A long span moves to a coarser unit: 100 days is 3 calendar months.
    CHECK(certain_interval(day(2023, 1, 1), day(2023, 4, 11))->unit == Precision::Month);
    CHECK(certain_interval(month(2000, 1), month(2010, 6))->unit == Precision::Year);
    CHECK(certain_interval(month(2000, 1), month(2010, 6))->value == 10);
    CHECK(kinds::interval_text(Precision::Day, 1, "en") == "1 day");
    CHECK(kinds::interval_text(Precision::Month, 3, "zh") == "3个月");
    CHECK(kinds::interval_text(Precision::Year, 12000, "en") == "12,000 years");
}

namespace {

// The days an English date of the generator's reads as: "17 November 2023",
// "November 2023" or "2023".
DayInterval read_date(const std::string& text) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    const std::vector<std::string> words = split(text, ' ');
    const int64_t year = std::stoll(words.back());
    int month = 0;
    if (words.size() >= 2)
        for (int m = 1; m <= 12; ++m)
            if (words[words.size() - 2] == months[m - 1]) month = m;
    if (words.size() == 3) {
        const int64_t d = days_from_civil(year, month, std::stoi(words[0]));
        return {d, d};
    }
    if (month) return {days_from_civil(year, month, 1), days_from_civil(year, month, days_in_month(year, month))};
    return {days_from_civil(year, 1, 1), days_from_civil(year, 12, 31)};
}

bool named_anywhere(const Person& p, const LocalText& text) {
    for (const auto& [lang, t] : text.by_lang) {
        for (const auto& [name_lang, name] : p.name.by_lang)
            if (t.find(name) != std::string::npos) return true;
        for (const std::string& alias : p.aliases)
            if (t.find(alias) != std::string::npos) return true;
    }
    return false;
}

// Whether a true_false statement holds, read from the pack's records alone; fails the
// test when the statement is neither certainly true nor certainly false.
bool statement_holds(const Pack& p, const Question& q) {
    const std::string& s = q.prompt;
    const std::string key_id = q.key.substr(q.key.rfind(':') + 1);
    if (q.key.rfind("who_said:", 0) == 0) {
        const Quote& quote = *std::find_if(p.quotes.begin(), p.quotes.end(), [&](const Quote& x) { return x.id == key_id; });
        const std::string name = s.substr(0, s.find(" said “"));
        const Person& said = *std::find_if(p.people.begin(), p.people.end(), [&](const Person& x) { return p.text(x.name, "en") == name; });
        if (&said == &p.people[quote.speaker]) return true;
        CHECK_FALSE(quote.catchphrase); // anyone may have said a catchphrase
        CHECK(said.kind == p.people[quote.speaker].kind);
        CHECK_FALSE(named_anywhere(said, quote.text));
        if (quote.event) { // nor anyone the quote's event names
            CHECK_FALSE(named_anywhere(said, p.events[*quote.event].headline));
            CHECK_FALSE(named_anywhere(said, p.events[*quote.event].text));
        }
        return false;
    }
    if (q.key.rfind("number:", 0) == 0) {
        const NumberFact& fact = *std::find_if(p.numbers.begin(), p.numbers.end(), [&](const NumberFact& x) { return x.id == key_id; });
        const size_t at = s.rfind("The answer is ");
        REQUIRE(at != std::string::npos);
        const std::string value = s.substr(at + 14, s.size() - at - 15);
        if (value == format_quantity(fact.value, p.text(fact.unit, "en"), "en")) return true;
        if (value.back() == '%') CHECK(std::stod(value) < 100);
        return false;
    }
    if (q.key.rfind("when:", 0) == 0) {
        const Event& e = event_by_id(p, key_id);
        const size_t at = s.rfind(" happened ");
        const std::string date = s.substr(at + 13, s.size() - at - 14); // after "on " or "in "
        const DayInterval said = read_date(date);
        if (said.earliest <= e.interval.earliest && e.interval.latest <= said.latest) return true;
        CHECK_FALSE(overlap(said, e.interval));
        DayInterval window = p.events[p.by_time.front()].interval;
        for (EventIndex i : p.by_time) window.latest = std::max(window.latest, p.events[i].interval.latest);
        CHECK(overlap(said, window));
        return false;
    }
    // "“X” happened before “Y”.": whichever headline comes first in the sentence is X.
    REQUIRE(q.events.size() == 2);
    const Event& a = event_by_id(p, q.events[0]);
    const Event& b = event_by_id(p, q.events[1]);
    const std::string ha = "“" + p.text(a.headline, "en") + "”", hb = "“" + p.text(b.headline, "en") + "”";
    const bool a_said_first = s.rfind(ha, 0) == 0;
    CHECK(s.rfind(a_said_first ? ha : hb, 0) == 0);
    const Event& x = a_said_first ? a : b;
    const Event& y = a_said_first ? b : a;
    const std::string rest = s.substr((a_said_first ? ha : hb).size());
    const bool says_before = rest.rfind(" happened before ", 0) == 0 || rest.rfind(" began before ", 0) == 0;
    CHECK((says_before || rest.rfind(" happened after ", 0) == 0 || rest.rfind(" began after ", 0) == 0));
    CHECK((before(x.interval, y.interval) || before(y.interval, x.interval)));
    return says_before == before(x.interval, y.interval);
}

} // namespace

TEST_CASE("true_false states facts, true or certainly false, as often one as the other", "[generator][true_false]") {
    const Pack& p = seed_pack();
    size_t said_true = 0, said_false = 0;
    std::set<std::string> sorts;
    for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard}) {
        for (uint64_t seed = 1; seed <= 40; ++seed) {
            for (const Question& q : quiz_of(p, {Kind::TrueFalse}, d, seed, 10).questions) {
                INFO(q.key << ": " << q.prompt);
                REQUIRE(q.options.size() == 2);
                CHECK(q.options[0].text == "True");
                CHECK(q.options[1].text == "False");
                const bool holds = statement_holds(p, q);
                CHECK(q.answer.at(0) == (holds ? 0u : 1u));
                (holds ? said_true : said_false)++;
                // A statement has the key of the fact it states, shared with the kind that asks it.
                const std::string fact = q.key.substr(0, q.key.find(':'));
                sorts.insert(fact == "when" ? "date" : fact == "who_said" ? "said" : fact == "number" ? "number" : "order");
                for (const std::string& id : q.events) {
                    const Event& e = event_by_id(p, id);
                    if (e.date) CHECK_THAT(q.explanation, Catch::Contains(format_date(*e.date, "en")));
                }
            }
            const Quiz zh = quiz_of(p, {Kind::TrueFalse}, d, seed, 3, "zh");
            for (const Question& q : zh.questions) CHECK((q.options[0].text == "对" && q.options[1].text == "错"));
        }
    }
    INFO("true " << said_true << ", false " << said_false);
    CHECK(sorts == std::set<std::string>{"order", "date", "said", "number"});
    const size_t total = said_true + said_false;
    CHECK(total > 500);
    CHECK(std::max(said_true, said_false) * 100 <= total * 52);
}

TEST_CASE("true_false states no order or date that rests on an estimate", "[generator][true_false]") {
    const LoadResult r = load(pack_with(R"([
    {"id": "a", "date": "2020-03", "headline": "A", "text": "T"},
    {"id": "guess", "date": "2021-05", "date_source": "estimate", "headline": "Guess", "text": "T"},
    {"id": "b", "date": "2022-07", "headline": "B", "text": "T"},
    {"id": "c", "date": "2023-09", "headline": "C", "text": "T"}])"));
    REQUIRE(r.pack);
    size_t asked = 0;
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        for (const Question& q : quiz_of(*r.pack, {Kind::TrueFalse}, Difficulty::Normal, seed, 10).questions) {
            ++asked;
            INFO(q.prompt);
            CHECK(std::find(q.events.begin(), q.events.end(), "guess") == q.events.end());
            CHECK(q.answer.at(0) == (statement_holds(*r.pack, q) ? 0u : 1u));
        }
    }
    CHECK(asked > 40);
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
