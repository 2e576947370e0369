#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/pack/discovery.h"
#include "support.h"
#include "ui/messages.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// The one error a pack is expected to produce.
Diagnostic only_error(const std::string& text) {
    const LoadResult r = load(text);
    const auto errs = errors(r);
    INFO(text);
    for (const auto& d : r.diagnostics) INFO(ui::describe(d, ui::Lang::En));
    CHECK_FALSE(r.pack);
    REQUIRE(errs.size() == 1);
    return errs.front();
}

const std::string kEvent = R"({"id": "e1", "date": "2023", "headline": "H", "text": "T"})";

} // namespace

TEST_CASE("The seed pack holds the article's 13 events and 4 launches from the public record", "[loader][seed]") {
    const Pack& p = seed_pack();
    CHECK(p.id == "openai-2023");
    CHECK(p.version == "2.0.0");
    CHECK(p.default_language == "zh");
    CHECK(p.has_language("en"));
    REQUIRE(p.events.size() == 17);
    for (size_t i = 0; i < 17; ++i) {
        const std::string id = (i < 9 ? "e0" : "e") + std::to_string(i + 1);
        CHECK(p.events[i].id == id);
        CHECK_FALSE(p.text(p.events[i].headline, "en").empty());
        CHECK_FALSE(p.text(p.events[i].text, "zh").empty());
        CHECK(p.events[i].text.find("en")); // a real translation, not the fallback
    }
    CHECK(p.source.url == "https://mp.weixin.qq.com/s/eu2HIJ_1Hckkel_d34BgFw");
    SECTION("dates are honest: the article's vague items are ranges or unknown") {
        CHECK(iso(event_by_id(p, "e12").date->from) == "2023-11-17");
        CHECK(iso(event_by_id(p, "e11").date->from) == "2023-11-06");
        CHECK_FALSE(event_by_id(p, "e06").date);
        CHECK(event_by_id(p, "e02").date->is_range());
        CHECK(event_by_id(p, "e09").date->precision() == Precision::Year);
        // Item 7's holiday party (December 2022) comes before item 5's fraud crisis (2023).
        CHECK(before(event_by_id(p, "e07").interval, event_by_id(p, "e05").interval));
    }
    SECTION("the article's typo llya is Ilya") {
        const std::string& zh = p.text(event_by_id(p, "e07").text, "zh");
        CHECK(zh.find("llya") == std::string::npos);
        CHECK(zh.find("Ilya") != std::string::npos);
    }
    SECTION("quotes and numbers") {
        bool feel_agi = false;
        for (const Quote& q : p.quotes)
            if (p.text(q.text, "zh") == "感受下 AGI") feel_agi = p.people[static_cast<size_t>(q.speaker)].id == "sutskever";
        CHECK(feel_agi);
        std::vector<double> values;
        for (const NumberFact& n : p.numbers) values.push_back(n.value);
        CHECK_THAT(values, Catch::UnorderedEquals(std::vector<double>{10000, 1000000, 20, 20}));
    }
    SECTION("people") {
        for (const char* id : {"altman", "sutskever", "leike", "musk", "openai", "anthropic", "board"}) {
            INFO(id);
            CHECK(std::any_of(p.people.begin(), p.people.end(), [&](const Person& x) { return x.id == id; }));
        }
    }
    SECTION("version 2: the launches the article mentions, who did e08 and e12, the typo 检测工具") {
        CHECK(iso(event_by_id(p, "e14").date->from) == "2022-11-30"); // ChatGPT
        CHECK(iso(event_by_id(p, "e15").date->from) == "2023-02-01"); // ChatGPT Plus
        CHECK(iso(event_by_id(p, "e16").date->from) == "2023-03-01"); // the API
        CHECK(iso(event_by_id(p, "e17").date->from) == "2023-03-14"); // GPT-4
        for (const char* id : {"e14", "e15", "e16", "e17"}) CHECK(event_by_id(p, id).date_source == DateSource::PublicRecord);
        // Every dated event says where its date comes from; the article's vague items are estimates.
        for (const Event& e : p.events) CHECK((e.date_source != DateSource::Unstated) == e.date.has_value());
        for (const char* id : {"e03", "e04", "e05", "e07", "e13"}) CHECK(event_by_id(p, id).date_source == DateSource::Estimate);
        REQUIRE(p.source.date);
        CHECK(iso(p.source.date->from) == "2023-11");
        const Event& e08 = event_by_id(p, "e08");
        CHECK_FALSE(e08.who.empty());
        CHECK(e08.actors.size() == 2);
        const Event& e12 = event_by_id(p, "e12");
        CHECK_FALSE(e12.who.empty());
        REQUIRE(e12.actors.size() == 1); // the board; Altman was fired, he did not fire
        CHECK(p.people[e12.actors[0]].id == "board");
        const std::string& e03 = p.text(event_by_id(p, "e03").text, "zh");
        CHECK(e03.find("检测工具") == std::string::npos);
        CHECK(e03.find("也让监测工具失效") != std::string::npos);
        CHECK(p.quotes[0].catchphrase);
        CHECK_FALSE(p.quotes[1].catchphrase);
        std::vector<std::string> questions;
        for (const AuthoredQuestion& q : p.questions)
            questions.push_back(q.id);
        CHECK(questions == std::vector<std::string>{"mc01", "tf01", "mc02", "mc03", "mc04", "mc05"});
    }
}

namespace {

// Every Chinese text of a pack: what a Chinese player or reader can meet.
std::vector<std::string> chinese_texts(const Pack& p) {
    std::vector<std::string> out;
    const auto add = [&](const LocalText& t) {
        if (const std::string* zh = t.find("zh")) out.push_back(*zh);
    };
    for (const LocalText* t : {&p.title, &p.description, &p.author, &p.source.title, &p.source.note}) add(*t);
    for (const Person& x : p.people) add(x.name), add(x.display), add(x.description);
    for (const Event& e : p.events) add(e.headline), add(e.text), add(e.date_note), add(e.who);
    for (const Quote& q : p.quotes) add(q.text);
    for (const NumberFact& n : p.numbers) add(n.unit), add(n.question);
    for (const AuthoredQuestion& q : p.questions) {
        add(q.prompt), add(q.explanation);
        for (const auto& c : q.choices) add(c.text);
    }
    return out;
}

bool han(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }
bool latin_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char32_t c) { return c >= '0' && c <= '9'; }

} // namespace

TEST_CASE("The seed pack's Chinese keeps one rule for punctuation and spacing", "[loader][seed][punctuation]") {
    const std::vector<std::string> texts = chinese_texts(seed_pack());
    CHECK(texts.size() > 100);
    for (const std::string& text : texts) {
        INFO(text);
        CHECK_FALSE(find_ascii_punctuation(text));
        const std::vector<char32_t> c = code_points(text);
        for (size_t i = 0; i + 1 < c.size(); ++i) {
            // A Latin word and Chinese: one space ("ChatGPT 发布").
            CHECK_FALSE(((han(c[i]) && latin_letter(c[i + 1])) || (latin_letter(c[i]) && han(c[i + 1]))));
            // A number and Chinese: no space ("2023年7月", "20美元"); a Latin word ending in a digit keeps its space ("GPT-4 的").
            if (i + 2 < c.size() && c[i + 1] == ' ') {
                size_t start = i + 1;
                while (start > 0 && (digit(c[start - 1]) || c[start - 1] == '.')) --start;
                const bool number_before = digit(c[i]) && (start == 0 || !(latin_letter(c[start - 1]) || c[start - 1] == '-'));
                CHECK_FALSE((number_before && han(c[i + 2])));
                CHECK_FALSE((han(c[i]) && digit(c[i + 2])));
            }
        }
    }
}

TEST_CASE("JSON syntax errors name the line and column", "[loader][errors]") {
    const Diagnostic d = only_error("{\n  \"id\": \"x\",\n  \"events\": [1, 2,]\n}\n");
    CHECK(d.file == "test.json");
    CHECK(d.line == 3);
    CHECK(d.column == 19);
    CHECK(d.issue.problem == Problem::JsonCommaBeforeBracket);
    REQUIRE(d.issue.details.size() == 1);
    CHECK_THAT(std::get<std::string>(d.issue.details[0]), Catch::Contains("unexpected ']'")); // the parser's words
}

TEST_CASE("Content errors name the JSON path and its line", "[loader][errors]") {
    SECTION("impossible date") {
        const std::string text = pack_with(R"([
    {"id": "e1", "headline": "H", "text": "T",
     "date": "2023-02-30"}
  ])");
        const Diagnostic d = only_error(text);
        CHECK(d.path == "/events/0/date");
        CHECK(d.line == 10);
        CHECK(d.column == 14);
        CHECK(d.issue.problem == Problem::DayOutOfMonth);
        CHECK(d.issue.details == Details{"2023-02-30", Term::February, "2023", "28", "2023-02"});
    }
    SECTION("range that ends before it starts") {
        const Diagnostic d = only_error(pack_with(R"([{"id": "e1", "headline": "H", "text": "T",
            "date": {"from": "2023-05", "to": "2023-04-30"}}])"));
        CHECK(d.path == "/events/0/date");
        CHECK(d.issue.problem == Problem::RangeBackwards);
        CHECK(d.issue.details == Details{"2023-04-30", "2023-05"});
    }
    SECTION("wrong type") {
        const Diagnostic d = only_error(pack_with(R"([{"id": "e1", "headline": 5, "text": "T"}])"));
        CHECK(d.path == "/events/0/headline");
        CHECK(d.issue.problem == Problem::NotText);
        CHECK(d.issue.details == Details{Term::Headline, "en", Term::JsonNumber});
    }
    SECTION("missing required field points at the object that lacks it") {
        const Diagnostic d = only_error(pack_with("[\n    {\"id\": \"e1\", \"text\": \"T\"}\n  ]"));
        CHECK(d.path == "/events/0/headline");
        CHECK(d.line == 9);
        CHECK(d.column == 5);
        CHECK(d.issue.problem == Problem::MissingField);
        CHECK(d.issue.details == Details{"headline", Term::Headline});
    }
    SECTION("duplicate ids") {
        const Diagnostic d = only_error(pack_with("[" + kEvent + ", " + kEvent + "]"));
        CHECK(d.path == "/events/1/id");
        CHECK(d.issue.problem == Problem::DuplicateId);
        CHECK(d.issue.details == Details{"e1", "/events/0"});
    }
    SECTION("duplicate quote ids") {
        const std::string people = R"("people": [{"id": "ann", "name": "Ann"}],
  "quotes": [{"id": "q", "text": "x", "speaker": "ann"}, {"id": "q", "text": "y", "speaker": "ann"}],)";
        const Diagnostic d = only_error(pack_with("[" + kEvent + "]", people));
        CHECK(d.path == "/quotes/1/id");
    }
    SECTION("unknown ids, with a suggestion") {
        const Diagnostic d = only_error(pack_with(R"([{"id": "e1", "headline": "H", "text": "T", "actors": ["altmann"]}])",
                                                  R"("people": [{"id": "altman", "name": "Sam Altman"}],)"));
        CHECK(d.path == "/events/0/actors/0");
        CHECK(d.issue.problem == Problem::MisspeltReference);
        CHECK(d.issue.details == Details{Term::Person, "altmann", "altman"});
    }
    SECTION("undeclared language") {
        const Diagnostic d = only_error(pack_with(R"([{"id": "e1", "headline": {"fr": "H"}, "text": "T"}])"));
        CHECK(d.path == "/events/0/headline/fr");
        CHECK(d.issue.problem == Problem::UndeclaredLanguage);
        CHECK(d.issue.details == Details{"fr"});
    }
    SECTION("misspelt field") {
        const Diagnostic d = only_error(pack_with(R"([{"id": "e1", "hedline": "H", "headline": "H", "text": "T"}])"));
        CHECK(d.path == "/events/0/hedline");
        CHECK(d.issue.problem == Problem::MisspeltField);
        CHECK(d.issue.details == Details{"hedline", Term::EventRecord, "headline"});
    }
    SECTION("no events") {
        const Diagnostic d = only_error(pack_with("[]"));
        CHECK(d.path == "/events");
        CHECK(d.issue.problem == Problem::NoEvents);
    }
    SECTION("default language not declared") {
        std::string text = pack_with("[" + kEvent + "]");
        text.replace(text.find("\"default_language\": \"en\""), 24, "\"default_language\": \"de\"");
        const Diagnostic d = only_error(text);
        CHECK(d.path == "/default_language");
        CHECK(d.issue.problem == Problem::DefaultLanguageNotListed);
        CHECK(d.issue.details == Details{"de"});
    }
    SECTION("a multiple-choice question needs exactly one right option") {
        const Diagnostic d = only_error(pack_with("[" + kEvent + "]", R"("questions": [{"id": "q1", "type": "multiple_choice",
            "prompt": "P", "options": [{"text": "a", "correct": true}, {"text": "b", "correct": true}]}],)"));
        CHECK(d.path == "/questions/0/options");
        CHECK(d.issue.problem == Problem::CorrectOptionCount);
        CHECK(d.issue.details == Details{"2"});
    }
    SECTION("empty translation") {
        const Diagnostic d = only_error(pack_with(R"([{"id": "e1", "headline": {"en": "H", "zh": ""}, "text": "T"}])"));
        CHECK(d.path == "/events/0/headline/zh");
        CHECK(d.issue.problem == Problem::EmptyTranslation);
        CHECK(d.issue.details == Details{Term::Headline});
    }
}

TEST_CASE("Every problem is reported, not just the first", "[loader][errors]") {
    const LoadResult r = load(pack_with(R"([
    {"id": "e1", "date": "2023-02-30", "headline": "H", "text": "T"},
    {"id": "e1", "date": "2023-13", "text": "T"}
  ])"));
    CHECK(errors(r).size() == 4); // impossible day, month 13, missing headline, duplicate id
}

TEST_CASE("Hostile input is refused before it can hurt", "[loader][limits]") {
    SECTION("100,000 nested brackets") {
        const Diagnostic d = only_error(std::string(100000, '['));
        CHECK(d.issue.problem == Problem::TooDeep);
        CHECK(d.issue.details == Details{"64"});
        CHECK(d.column == 65);
    }
    SECTION("brackets inside strings do not count") {
        const std::string deep_text = "\"" + std::string(500, '[') + "\"";
        const LoadResult r = load(pack_with(R"([{"id": "e1", "headline": "H", "text": )" + deep_text + "}]"));
        CHECK(r.pack);
    }
    SECTION("invalid UTF-8, with its byte offset") {
        std::string text = pack_with("[" + kEvent + "]");
        const size_t at = text.find("\"H\"") + 1;
        text[at] = '\xC3'; // a lead byte followed by '"'
        const Diagnostic d = only_error(text);
        CHECK(d.issue.problem == Problem::InvalidUtf8);
        CHECK(d.issue.details == Details{std::to_string(at)});
    }
    SECTION("overlong encodings and surrogates are invalid") {
        for (const char* text : {"\"\xC0\xAF\"", "\"\xED\xA0\x80\""}) {
            const Diagnostic d = only_error(text);
            CHECK(d.issue.problem == Problem::InvalidUtf8);
            CHECK(d.issue.details == Details{"1"});
        }
    }
    SECTION("a number too large for a double") {
        const Diagnostic d = only_error("{\n  \"id\": 1e400\n}");
        CHECK(d.line == 2);
        CHECK(d.issue.problem == Problem::JsonNumberOverflow);
    }
    SECTION("a year too large for 64 bits is out of range, not wrapped around") {
        const Diagnostic d = only_error(pack_with(R"([{"id": "e1", "date": 18446744073709551615, "headline": "H", "text": "T"}])"));
        CHECK(d.issue.problem == Problem::YearOutOfRange);
        CHECK(d.issue.details == Details{"18446744073709551615"});
    }
    SECTION("a file over the size limit") {
        const std::string huge(kMaxInputBytes + 1, ' ');
        const Diagnostic d = only_error(huge);
        CHECK(d.issue.problem == Problem::FileTooBig);
        CHECK(d.issue.details == Details{"257", "256"});
    }
    SECTION("a UTF-8 byte order mark is accepted and positions still count from the file's start") {
        const LoadResult ok = load("\xEF\xBB\xBF" + pack_with("[" + kEvent + "]"));
        CHECK(ok.pack);
        const Diagnostic d = only_error("\xEF\xBB\xBF{,}");
        CHECK(d.line == 1);
        CHECK(d.column == 5); // the BOM's three bytes, '{', then ','
    }
}

TEST_CASE("Weak but legal packs load with warnings", "[loader][warnings]") {
    const LoadResult r = load(pack_with(R"([{"id": "e1", "headline": "H", "text": "T", "actors": ["ann"]}])",
                                        R"("people": [{"id": "ann", "name": "Ann"}, {"id": "acme", "kind": "organization", "name": "Acme"}],)"));
    REQUIRE(r.pack);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].issue.problem == Problem::PersonUnused);
    CHECK(r.diagnostics[0].issue.details == Details{"acme"});
    CHECK(r.diagnostics[1].issue.problem == Problem::EventUndated);
    CHECK(r.diagnostics[1].issue.details == Details{"e1"});
    CHECK(r.pack->by_time.empty());
}

TEST_CASE("Many undated events make one warning, not one each", "[loader][warnings]") {
    std::string events = "[";
    for (int i = 0; i < 7; ++i) events += std::string(i ? "," : "") + R"({"id": "u)" + std::to_string(i) + R"(", "headline": "H)" + std::to_string(i) + R"(", "text": "T"})";
    const LoadResult r = load(pack_with(events + "]"));
    REQUIRE(r.pack);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].issue.problem == Problem::EventsUndated);
    CHECK(r.diagnostics[0].issue.details == Details{"7", "u0, u1, u2, u3, u4"});
    CHECK(r.diagnostics[0].path == "/events/0");
}

TEST_CASE("Two events with the same headline in a language are an error", "[loader][headlines]") {
    SECTION("the same in one language") {
        const Diagnostic d = only_error(pack_with(R"([
    {"id": "a", "date": "1969", "headline": {"en": "Moon landing", "zh": "登月"}, "text": "T"},
    {"id": "b", "date": "1972", "headline": {"en": "Moon landing", "zh": "再次登月"}, "text": "T"}])"));
        CHECK(d.path == "/events/1/headline");
        CHECK(d.issue.problem == Problem::SameHeadlineInLanguage);
        CHECK(d.issue.details == Details{"a", "b", "en"});
    }
    SECTION("the same once a missing translation falls back to the default language") {
        const Diagnostic d = only_error(pack_with(R"([
    {"id": "a", "date": "1969", "headline": {"en": "Landing", "zh": "登月"}, "text": "T"},
    {"id": "b", "date": "1972", "headline": {"en": "登月"}, "text": "T"}])"));
        CHECK(d.issue.problem == Problem::SameHeadlineInLanguage);
        CHECK(d.issue.details == Details{"a", "b", "zh"});
    }
    SECTION("the same when the earlier one falls back and the later one is written") {
        const Diagnostic d = only_error(pack_with(R"([
    {"id": "a", "date": "1969", "headline": {"en": "登月"}, "text": "T"},
    {"id": "b", "date": "1972", "headline": {"en": "Landing", "zh": "登月"}, "text": "T"}])"));
        CHECK(d.issue.problem == Problem::SameHeadlineInLanguage);
        CHECK(d.issue.details == Details{"a", "b", "zh"});
    }
    SECTION("different in every language is fine") {
        CHECK(load(pack_with(R"([
    {"id": "a", "date": "1969", "headline": {"en": "Landing", "zh": "登月"}, "text": "T"},
    {"id": "b", "date": "1972", "headline": {"en": "Landing again", "zh": "再次登月"}, "text": "T"}])")).pack);
    }
}

TEST_CASE("null means what leaving the field out means, for every field", "[loader][null]") {
    SECTION("required fields: missing") {
        const std::string mc = R"("questions": [{"id": "q1", "type": "multiple_choice", "prompt": "P", "options": null}],)";
        Diagnostic d = only_error(pack_with("[" + kEvent + "]", mc));
        CHECK(d.path == "/questions/0/options");
        CHECK(d.issue.problem == Problem::MissingField);
        CHECK(d.issue.details == Details{"options", Term::Options});
        const std::string tf = R"("questions": [{"id": "q1", "type": "true_false", "prompt": "P", "answer": null}],)";
        d = only_error(pack_with("[" + kEvent + "]", tf));
        CHECK(d.issue.problem == Problem::MissingField);
        CHECK(d.issue.details == Details{"answer", Term::TrueOrFalse});
        d = only_error(pack_with("null"));
        CHECK(d.path == "/events");
        CHECK(d.issue.problem == Problem::MissingField);
        d = only_error(R"({"format": "chronicle-pack/1", "id": "x", "title": "T", "languages": null, "default_language": "en", "events": []})");
        CHECK(d.path == "/languages");
        CHECK(d.issue.problem == Problem::MissingField);
        d = only_error(pack_with(R"([{"id": "e1", "headline": "H", "text": "T", "who": "did it", "actors": null}])"));
        CHECK(d.path == "/events/0/who");
        CHECK(d.issue.problem == Problem::WhoWithoutActors);
        d = only_error(pack_with("[" + kEvent + "]", R"("numbers": [{"id": "n", "value": null, "question": "Q"}],)"));
        CHECK(d.issue.problem == Problem::MissingField);
        CHECK(d.issue.details == Details{"value", Term::NumberValue});
    }
    SECTION("optional fields: not given") {
        const LoadResult r = load(pack_with(
            R"([{"id": "e1", "date": "2023", "end": null, "date_note": null, "headline": "H", "text": "T", "actors": null,
                 "who": null, "tags": null}])",
            R"("$schema": null, "version": null, "licence": null, "author": null, "description": null, "source": null,
  "people": [{"id": "ann", "kind": null, "name": "Ann", "aliases": null, "description": null}],
  "quotes": [{"id": "q", "text": "x", "speaker": "ann", "event": null}],
  "numbers": [{"id": "n", "value": 1, "unit": null, "question": "Q", "event": null}],
  "questions": [{"id": "q1", "type": "true_false", "prompt": "P", "answer": true, "options": null, "explanation": null,
                 "events": null},
                {"id": "q2", "type": "multiple_choice", "prompt": "P", "answer": null,
                 "options": [{"text": "a", "correct": true}, {"text": "b", "correct": null}]}],)"));
        for (const Diagnostic& d : r.diagnostics) INFO(ui::describe(d, ui::Lang::En));
        REQUIRE(r.pack);
        CHECK(r.pack->people[0].kind == PersonKind::Person);
        CHECK_FALSE(r.pack->events[0].end);
        CHECK_FALSE(r.pack->questions[1].choices[1].correct);
    }
}

TEST_CASE("Empty ids, formats, kinds and types are refused", "[loader][ids]") {
    const std::string good = pack_with("[" + kEvent + "]");
    auto with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    Diagnostic d = only_error(with(R"("id": "test")", R"("id": "")"));
    CHECK(d.path == "/id");
    CHECK(d.issue.problem == Problem::EmptyId);
    d = only_error(with(R"("id": "e1")", R"("id": "")"));
    CHECK(d.path == "/events/0/id");
    CHECK(d.issue.problem == Problem::EmptyId);
    d = only_error(with(R"("format": "chronicle-pack/1")", R"("format": "")"));
    CHECK(d.issue.problem == Problem::UnknownFormat);
    d = only_error(with(R"("default_language": "en")", R"("default_language": "")"));
    CHECK(d.issue.problem == Problem::DefaultLanguageNotListed);
    d = only_error(pack_with("[" + kEvent + "]", R"("people": [{"id": "ann", "kind": "", "name": "Ann"}],)"));
    CHECK(d.path == "/people/0/kind");
    CHECK(d.issue.problem == Problem::UnknownPersonKind);
    d = only_error(pack_with("[" + kEvent + "]", R"("questions": [{"id": "q", "type": "", "prompt": "P"}],)"));
    CHECK(d.path == "/questions/0/type");
    CHECK(d.issue.problem == Problem::UnknownQuestionType);
    d = only_error(with(R"("format")", R"("$schema": 5, "format")"));
    CHECK(d.path == "/$schema");
    CHECK(d.issue.problem == Problem::NotAString);
}

TEST_CASE("The options of a hand-written question read differently in every language", "[loader][options]") {
    auto question = [](const std::string& options) {
        return R"("questions": [{"id": "q1", "type": "multiple_choice", "prompt": "P", "options": )" + options + "}],";
    };
    Diagnostic d = only_error(pack_with("[" + kEvent + "]", question(R"([{"text": "a", "correct": true}, {"text": "b"}, {"text": "a"}])")));
    CHECK(d.path == "/questions/0/options/2/text");
    CHECK(d.issue.problem == Problem::SameOptionTextInLanguage);
    CHECK(d.issue.details == Details{"a", "/questions/0/options/0", "en"});
    d = only_error(pack_with("[" + kEvent + "]", question(R"([{"text": {"en": "a", "zh": "甲"}, "correct": true}, {"text": {"en": "b", "zh": "甲"}}])")));
    CHECK(d.path == "/questions/0/options/1/text");
    CHECK(d.issue.details == Details{"甲", "/questions/0/options/0", "zh"});
    CHECK(load(pack_with("[" + kEvent + "]", question(R"([{"text": {"en": "a", "zh": "甲"}, "correct": true}, {"text": {"en": "b", "zh": "乙"}}])"))).pack);
}

TEST_CASE("Control characters are refused, line breaks only in running text", "[loader][control]") {
    Diagnostic d = only_error(pack_with(R"([{"id": "e1", "headline": "\u001b[31mRed", "text": "T"}])"));
    CHECK(d.path == "/events/0/headline");
    CHECK(d.issue.problem == Problem::ControlCharacter);
    CHECK(d.issue.details == Details{"\\x1b"});
    d = only_error(pack_with(R"([{"id": "e1", "headline": {"en": "H", "zh": "标\u009b题"}, "text": "T"}])"));
    CHECK(d.path == "/events/0/headline/zh");
    CHECK(d.issue.details == Details{"\\u009b"});
    d = only_error(pack_with(R"([{"id": "e1", "headline": "Two\nlines", "text": "T"}])"));
    CHECK(d.path == "/events/0/headline");
    d = only_error(pack_with(R"([{"id": "e1", "headline": "H", "text": "T", "tags": ["ok", "bell\u0007"]}])"));
    CHECK(d.path == "/events/0/tags/1");
    d = only_error(pack_with("[" + kEvent + "]", R"("licence": "CC\u0000", )"));
    CHECK(d.path == "/licence");
    const LoadResult ok = load(pack_with(R"([{"id": "e1", "headline": "H", "text": "Line one\n\tLine two"}])",
                                         R"("description": "A\nB", )"));
    CHECK(ok.pack);
}

TEST_CASE("A pack lists at most 100 languages", "[loader][limits]") {
    // Every text is looked up, and headlines compared, per language: 30,000 languages took 23 s.
    auto pack = [](size_t n) {
        std::string langs = R"(["en")", title = R"({"en": "T")";
        for (size_t i = 1; i < n; ++i) {
            const std::string code = "en-x" + std::to_string(i);
            langs += ", \"" + code + "\"";
            title += ", \"" + code + "\": \"T\"";
        }
        return R"({"format": "chronicle-pack/1", "id": "many", "title": )" + title + R"(}, "languages": )" + langs +
               R"(], "default_language": "en", "events": [{"id": "e", "headline": "H", "text": "T"}]})";
    };
    CHECK(load(pack(100)).pack);
    const Diagnostic d = only_error(pack(30000));
    CHECK(d.path == "/languages");
    CHECK(d.issue.problem == Problem::TooManyLanguages);
    CHECK(d.issue.details == Details{"30000", "100"});
}

TEST_CASE("Unknown references cost linear time: 30,000 people, 30,000 near misses", "[loader][limits]") {
    // Each event names a person one letter off a declared one: the case that took 242 s
    // when every unknown id was compared with every known one.
    constexpr int n = 30000;
    std::string people = "\"people\": [";
    std::string events = "[";
    for (int i = 0; i < n; ++i) {
        const std::string id = "person" + std::to_string(100000 + i);
        people += std::string(i ? "," : "") + R"({"id": ")" + id + R"(", "name": "N)" + std::to_string(i) + "\"}";
        events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "headline": "H)" +
                  std::to_string(i) + R"(", "text": "T", "actors": ["persn)" + id.substr(6) + "\"]}";
    }
    const LoadResult r = load(pack_with(events + "]", people + "],"));
    const std::vector<Diagnostic> errs = errors(r);
    REQUIRE(errs.size() == n);
    for (size_t i = 0; i < errs.size(); ++i) {
        INFO(i);
        REQUIRE(errs[i].path == "/events/" + std::to_string(i) + "/actors/0");
        REQUIRE(errs[i].line > 0);
        // The first few get a suggestion; the rest say where to declare the id.
        if (i < 16) {
            REQUIRE(errs[i].issue.problem == Problem::MisspeltReference);
            REQUIRE(errs[i].issue.details == Details{Term::Person, "persn" + std::to_string(100000 + i), "person" + std::to_string(100000 + i)});
        } else {
            REQUIRE(errs[i].issue.problem == Problem::UnknownReference);
        }
    }
}

TEST_CASE("A missing translation falls back to the default language", "[loader]") {
    const LoadResult r = load(pack_with(R"([{"id": "e1", "date": "2023", "headline": {"en": "Hello"}, "text": "T"}])"));
    REQUIRE(r.pack);
    const Event& e = r.pack->events[0];
    CHECK(r.pack->text(e.headline, "zh") == "Hello");
    CHECK(r.pack->text(e.text, "zh") == "T");
}

TEST_CASE("Dates may be integers, ranges, deep time or unknown", "[loader]") {
    const LoadResult r = load(pack_with(R"([
    {"id": "bang", "date": -13800000000, "headline": "Big Bang", "text": "T"},
    {"id": "autumn", "date": {"from": "2022-09", "to": "2022-11"}, "headline": "Autumn", "text": "T"},
    {"id": "whole", "date": 2023.0, "headline": "Whole year", "text": "T"},
    {"id": "unknown", "date": null, "headline": "Unknown", "text": "T"}
  ])"));
    REQUIRE(r.pack);
    const Pack& p = *r.pack;
    CHECK(event_by_id(p, "bang").date->from.year == -13'800'000'000);
    CHECK(event_by_id(p, "autumn").date->is_range());
    CHECK(event_by_id(p, "whole").date->from.year == 2023);
    CHECK_FALSE(event_by_id(p, "unknown").date);
    CHECK(p.by_time.size() == 3);
    CHECK(p.events[static_cast<size_t>(p.by_time.front())].id == "bang");
}

TEST_CASE("An event that lasted has an end; ordering uses when it began", "[loader]") {
    GIVEN("a war that lasted six years and a battle inside it") {
        const LoadResult r = load(pack_with(R"([
    {"id": "war", "date": "1939-09-01", "end": "1945-09-02", "headline": "War", "text": "T"},
    {"id": "battle", "date": "1944-06-06", "headline": "Battle", "text": "T"}
  ])"));
        REQUIRE(r.pack);
        const Event& war = event_by_id(*r.pack, "war");
        THEN("the end is kept and the event is ordered by its start") {
            REQUIRE(war.end);
            CHECK(iso(war.end->from) == "1945-09-02");
            CHECK(before(war.interval, event_by_id(*r.pack, "battle").interval));
        }
    }
    WHEN("the end comes before the start, or there is no start") {
        const Diagnostic backwards = only_error(pack_with(
            R"([{"id": "e1", "date": "1945", "end": "1939", "headline": "H", "text": "T"}])"));
        CHECK(backwards.path == "/events/0/end");
        CHECK(backwards.issue.problem == Problem::EventEndsBeforeItBegins);
        CHECK(backwards.issue.details == Details{year_spec(1939), year_spec(1945)});
        const Diagnostic no_start = only_error(pack_with(R"([{"id": "e1", "end": "1939", "headline": "H", "text": "T"}])"));
        CHECK(no_start.path == "/events/0/end");
        CHECK(no_start.issue.problem == Problem::EndWithoutDate);
    }
}

TEST_CASE("Events say where their date comes from, and none is after the source", "[loader]") {
    GIVEN("each date source, and none") {
        const LoadResult r = load(pack_with(R"([
    {"id": "a", "date": "2023", "date_source": "source", "headline": "A", "text": "T"},
    {"id": "b", "date": "2023", "date_source": "public_record", "headline": "B", "text": "T"},
    {"id": "c", "date": "2023", "date_source": "estimate", "headline": "C", "text": "T"},
    {"id": "d", "date": "2023", "date_source": null, "headline": "D", "text": "T"}
  ])", R"("source": {"title": "S", "date": "2023-11"},)"));
        REQUIRE(r.pack);
        CHECK(event_by_id(*r.pack, "a").date_source == DateSource::Source);
        CHECK(event_by_id(*r.pack, "b").date_source == DateSource::PublicRecord);
        CHECK(event_by_id(*r.pack, "c").date_source == DateSource::Estimate);
        CHECK(event_by_id(*r.pack, "d").date_source == DateSource::Unstated);
        CHECK_FALSE(r.pack->date_is_answer(event_by_id(*r.pack, "c")));
        CHECK(r.pack->date_is_answer(event_by_id(*r.pack, "b")));
        REQUIRE(r.pack->source.date);
        CHECK(iso(r.pack->source.date->from) == "2023-11");
    }
    WHEN("the source is unknown, or there is no date to come from anywhere") {
        const Diagnostic unknown = only_error(pack_with(R"([{"id": "e1", "date": "1945", "date_source": "guess", "headline": "H", "text": "T"}])"));
        CHECK(unknown.path == "/events/0/date_source");
        CHECK(unknown.issue.problem == Problem::UnknownDateSource);
        CHECK(unknown.issue.details == Details{"guess"});
        const Diagnostic undated = only_error(pack_with(R"([{"id": "e1", "date_source": "estimate", "headline": "H", "text": "T"}])"));
        CHECK(undated.path == "/events/0/date_source");
        CHECK(undated.issue.problem == Problem::DateSourceWithoutDate);
    }
    WHEN("an event begins after the source was written") {
        const Diagnostic later = only_error(pack_with(R"([{"id": "e1", "date": "2024-01", "headline": "H", "text": "T"}])",
                                                      R"("source": {"date": "2023-11"},)"));
        CHECK(later.path == "/events/0/date");
        CHECK(later.issue.problem == Problem::EventAfterSource);
        CHECK(later.issue.details.size() == 2);
    }
}

TEST_CASE("One broken pack never stops the others", "[loader][discovery]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "chronicle-discovery-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "user");
    auto write = [](const fs::path& path, const std::string& text) { std::ofstream(path) << text; };
    std::string good = pack_with("[" + kEvent + "]");
    write(dir / "a-good.json", good);
    write(dir / "b-broken.json", "{ not json");
    write(dir / "notes.txt", "ignored");
    std::string other = good;
    other.replace(other.find("\"id\": \"test\""), 12, "\"id\": \"other\"");
    write(dir / "user" / "other.json", other);
    write(dir / "user" / "same-id.json", good);

    const auto entries = discover_packs({{"bundled", dir.string()}, {"user", (dir / "user").string()}, {"user", (dir / "missing").string()}});
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].pack);
    CHECK_FALSE(entries[1].pack);
    CHECK(entries[1].diagnostics.at(0).file == (dir / "b-broken.json").string());
    CHECK(entries[1].diagnostics.at(0).line == 1);
    CHECK(entries[2].pack);
    CHECK(entries[2].origin == "user");
    CHECK_FALSE(entries[3].pack);
    CHECK(entries[3].diagnostics.back().issue.problem == Problem::DuplicatePackId);
    CHECK(entries[3].diagnostics.back().issue.details == Details{"test", (dir / "a-good.json").string()});
    fs::remove_all(dir);
}

TEST_CASE("ASCII punctuation next to Chinese characters in Chinese text is a warning that says what to write",
          "[loader][warnings][punctuation]") {
    SECTION("the text's path, the mark and its full-width form; English text and Latin runs are left alone") {
        const LoadResult r = load(pack_with(R"([{"id": "e1", "date": "2023", "text": "T: a, b (c).",
            "headline": {"en": "Chaos: from launch", "zh": "OpenAI 的混乱:从 GPT-3.5 发布"}}])"));
        REQUIRE(r.pack);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::Warning);
        CHECK(r.diagnostics[0].path == "/events/0/headline/zh");
        CHECK(r.diagnostics[0].issue.problem == Problem::AsciiPunctuation);
        CHECK(r.diagnostics[0].issue.details == Details{":", "："});
    }
    SECTION("plain strings count as the default language") {
        std::string pack = pack_with(R"([{"id": "e1", "date": "2023", "headline": "混乱,从", "text": "T"}])");
        pack.replace(pack.find(R"("default_language": "en")"), 24, R"("default_language": "zh")");
        const LoadResult r = load(pack);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].path == "/events/0/headline");
        CHECK(r.diagnostics[0].issue.details == Details{",", "，"});
    }
    SECTION("a pack full of it gets a few warnings and a count, not one each") {
        std::string events = "[";
        for (int i = 0; i < 14; ++i)
            events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "date": ")" +
                      std::to_string(2000 + i) + R"(", "headline": {"en": "H)" + std::to_string(i) +
                      R"(", "zh": "第)" + std::to_string(i) + R"(个事件?"}, "text": "T"})";
        const LoadResult r = load(pack_with(events + "]"));
        REQUIRE(r.pack);
        REQUIRE(r.diagnostics.size() == 11);
        CHECK(r.diagnostics[9].issue.problem == Problem::AsciiPunctuation);
        CHECK(r.diagnostics[10].issue.problem == Problem::MoreAsciiPunctuation);
        CHECK(r.diagnostics[10].issue.details == Details{"4"});
    }
}

TEST_CASE("Facts no question can compare with anything are warnings that say what to add", "[loader][warnings]") {
    const std::string people =
        R"("people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "acme", "kind": "organization", "name": "Acme"}],)";
    const auto problems = [](const LoadResult& r) {
        std::vector<Problem> out;
        for (const Diagnostic& d : r.diagnostics) out.push_back(d.issue.problem);
        return out;
    };
    SECTION("a who whose actors have no one of their kind left to be a wrong answer") {
        const LoadResult r = load(pack_with(R"([
            {"id": "e1", "date": "2001", "headline": "A", "text": "T", "actors": ["acme"], "who": "did A"},
            {"id": "e2", "date": "2002", "headline": "B", "text": "T", "actors": ["ann", "bob"], "who": "did B"},
            {"id": "e3", "date": "2003", "headline": "C", "text": "T", "actors": ["ann"], "who": "did C"}])", people));
        REQUIRE(r.pack);
        REQUIRE(problems(r) == std::vector<Problem>{Problem::WhoUnusable, Problem::WhoUnusable});
        CHECK(r.diagnostics[0].path == "/events/0/who");
        CHECK(r.diagnostics[0].issue.details == Details{"e1", "organization"});
        CHECK(r.diagnostics[1].issue.details == Details{"e2", "person"});
    }
    SECTION("no two events in order, or all on one date") {
        const LoadResult overlapping = load(pack_with(R"([
            {"id": "e1", "date": "2001", "headline": "A", "text": "T"},
            {"id": "e2", "date": "2001-05", "headline": "B", "text": "T"}])"));
        CHECK(problems(overlapping) == std::vector<Problem>{Problem::NoOrderedEvents});
        const LoadResult same = load(pack_with(R"([
            {"id": "e1", "date": "2001-05", "headline": "A", "text": "T"},
            {"id": "e2", "date": "2001-05", "headline": "B", "text": "T"}])"));
        REQUIRE(problems(same) == std::vector<Problem>{Problem::AllEventsOneDate});
        CHECK(same.diagnostics[0].issue.details == Details{DateSpec{{2001, 5, 0}, {2001, 5, 0}}});
        const LoadResult ordered = load(pack_with(R"([
            {"id": "e1", "date": "2001", "headline": "A", "text": "T"},
            {"id": "e2", "date": "2002", "headline": "B", "text": "T"}])"));
        CHECK(ordered.diagnostics.empty());
    }
    SECTION("a quote whose speaker has no one of their kind beside them; a number alone in its unit") {
        const LoadResult r = load(pack_with(R"([
            {"id": "e1", "date": "2001", "headline": "A", "text": "T", "actors": ["ann", "acme"]},
            {"id": "e2", "date": "2002", "headline": "B", "text": "T", "actors": ["bob"]}])",
            people + R"("quotes": [{"id": "q1", "text": "Hi", "speaker": "acme"}, {"id": "q2", "text": "Yo", "speaker": "ann"}],
            "numbers": [{"id": "n1", "value": 5, "unit": "km", "question": "How far?"},
                        {"id": "n2", "value": 7, "unit": "kg", "question": "How heavy?"},
                        {"id": "n3", "value": 9, "unit": "kg", "question": "How heavy then?"}],)"));
        REQUIRE(r.pack);
        REQUIRE(problems(r) == std::vector<Problem>{Problem::QuoteAlone, Problem::NumberAlone});
        CHECK(r.diagnostics[0].path == "/quotes/0");
        CHECK(r.diagnostics[0].issue.details == Details{"q1", "acme", "organization"});
        CHECK(r.diagnostics[1].path == "/numbers/0");
        CHECK(r.diagnostics[1].issue.details == Details{"n1", "km"});
    }
}

TEST_CASE("A person's name in options is the form the pack's text uses", "[loader][display]") {
    SECTION("derived where the text uses an alias but never the name") {
        const Pack& p = seed_pack();
        const auto person = [&](const std::string& id) -> const Person& {
            return *std::find_if(p.people.begin(), p.people.end(), [&](const Person& x) { return x.id == id; });
        };
        CHECK(p.display_name(person("sutskever"), "zh") == "伊尔亚·苏茨克维（Sutskever）");
        CHECK(p.display_name(person("altman"), "zh") == "萨姆·奥尔特曼（Altman）");
        CHECK(p.display_name(person("leike"), "zh") == "扬·莱克（Leike）");
        // The text says 马斯克, part of his name; English text uses surnames that are part of the names.
        CHECK(p.display_name(person("musk"), "zh") == "埃隆·马斯克");
        CHECK(p.display_name(person("sutskever"), "en") == "Ilya Sutskever");
        CHECK(p.display_name(person("board"), "zh") == "OpenAI 董事会");
    }
    SECTION("a pack's own display form wins, per language") {
        const LoadResult r = load(pack_with(R"([{"id": "e1", "date": "2001", "headline": "Ike wins",
                "text": {"en": "Ike won.", "zh": "Ike 赢了。"}, "actors": ["ike"]}])",
            R"("people": [{"id": "ike", "name": {"en": "Dwight D. Eisenhower", "zh": "德怀特·艾森豪威尔"},
                           "display": {"zh": "艾森豪威尔（Ike）"}, "aliases": ["Ike"]}],)"));
        REQUIRE(r.pack);
        CHECK(r.pack->display_name(r.pack->people[0], "zh") == "艾森豪威尔（Ike）");
        CHECK(r.pack->display_name(r.pack->people[0], "en") == "Dwight D. Eisenhower (Ike)");
    }
}
