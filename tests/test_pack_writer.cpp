// The pack writer: a Pack as pack text that loads back as the same records, laid out
// as the importers have always written packs; and the importers, which build the Pack
// and check it without reading their text back.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/exchange/importer.h"
#include "core/pack/pack_writer.h"
#include "support.h"
#include "ui/messages.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

void same_text(const LocalText& a, const LocalText& b) { CHECK(a.by_lang == b.by_lang); }

void same_date(const std::optional<DateSpec>& a, const std::optional<DateSpec>& b) {
    REQUIRE(a.has_value() == b.has_value());
    if (a) CHECK(*a == *b);
}

// Every field a pack file holds, the loader's display names and index included.
void same_records(const Pack& a, const Pack& b) {
    CHECK(a.id == b.id);
    CHECK(a.version == b.version);
    CHECK(a.licence == b.licence);
    same_text(a.author, b.author);
    same_text(a.title, b.title);
    same_text(a.description, b.description);
    CHECK(a.languages == b.languages);
    CHECK(a.default_language == b.default_language);
    same_text(a.source.title, b.source.title);
    CHECK(a.source.url == b.source.url);
    same_text(a.source.note, b.source.note);
    same_date(a.source.date, b.source.date);
    REQUIRE(a.people.size() == b.people.size());
    for (size_t i = 0; i < a.people.size(); ++i) {
        const Person &x = a.people[i], &y = b.people[i];
        CHECK(x.id == y.id);
        CHECK(x.kind == y.kind);
        same_text(x.name, y.name);
        same_text(x.display, y.display);
        CHECK(x.aliases == y.aliases);
        same_text(x.description, y.description);
    }
    REQUIRE(a.events.size() == b.events.size());
    for (size_t i = 0; i < a.events.size(); ++i) {
        const Event &x = a.events[i], &y = b.events[i];
        CHECK(x.id == y.id);
        same_date(x.date, y.date);
        if (x.date) CHECK((x.interval.earliest == y.interval.earliest && x.interval.latest == y.interval.latest));
        same_date(x.end, y.end);
        CHECK(x.date_source == y.date_source);
        same_text(x.date_note, y.date_note);
        same_text(x.headline, y.headline);
        same_text(x.text, y.text);
        CHECK(x.actors == y.actors);
        same_text(x.who, y.who);
        CHECK(x.tags == y.tags);
    }
    REQUIRE(a.quotes.size() == b.quotes.size());
    for (size_t i = 0; i < a.quotes.size(); ++i) {
        const Quote &x = a.quotes[i], &y = b.quotes[i];
        CHECK(x.id == y.id);
        same_text(x.text, y.text);
        CHECK(x.speaker == y.speaker);
        CHECK(x.event == y.event);
        CHECK(x.catchphrase == y.catchphrase);
    }
    REQUIRE(a.numbers.size() == b.numbers.size());
    for (size_t i = 0; i < a.numbers.size(); ++i) {
        const NumberFact &x = a.numbers[i], &y = b.numbers[i];
        CHECK(x.id == y.id);
        CHECK(x.value == y.value);
        same_text(x.unit, y.unit);
        same_text(x.question, y.question);
        CHECK(x.event == y.event);
    }
    REQUIRE(a.questions.size() == b.questions.size());
    for (size_t i = 0; i < a.questions.size(); ++i) {
        const AuthoredQuestion &x = a.questions[i], &y = b.questions[i];
        CHECK(x.id == y.id);
        CHECK(x.type == y.type);
        same_text(x.prompt, y.prompt);
        REQUIRE(x.choices.size() == y.choices.size());
        for (size_t k = 0; k < x.choices.size(); ++k) {
            same_text(x.choices[k].text, y.choices[k].text);
            CHECK(x.choices[k].correct == y.choices[k].correct);
        }
        CHECK(x.answer == y.answer);
        same_text(x.explanation, y.explanation);
        CHECK(x.events == y.events);
    }
    CHECK(a.by_time == b.by_time);
    CHECK(a.next_after == b.next_after);
    CHECK(a.longest_chain == b.longest_chain);
    CHECK(a.people_by_kind == b.people_by_kind);
    CHECK(a.who_events == b.who_events);
    CHECK(a.number_groups == b.number_groups);
    CHECK(a.number_group == b.number_group);
}

// What the diagnostics about `file` say, with their places in it or without.
std::vector<std::string> described(const std::vector<Diagnostic>& ds, const std::string& file, bool placed = true) {
    std::vector<std::string> out;
    for (Diagnostic d : ds) {
        if (!placed) d.line = d.column = 0;
        if (d.file == file) out.push_back(ui::describe(d, ui::Lang::En));
    }
    return out;
}

// The import's pack, and what it says of it, are what the loader reads from its text.
void loads_as_built(const ImportResult& r, const std::string& name) {
    REQUIRE(r.pack_text);
    REQUIRE(r.pack);
    const LoadResult back = load_pack_text(*r.pack_text, name);
    REQUIRE(back.pack);
    same_records(*r.pack, *back.pack);
    CHECK(r.pack->path == back.pack->path);
    CHECK(described(r.diagnostics, name) == described(back.diagnostics, name));
}

ImportResult import_as(const std::string& file, const std::string& text, const std::string& lang = "") {
    ImportOptions o;
    o.file = file;
    o.lang = lang;
    o.output = "out.pack.json";
    return import_text(text, o);
}

} // namespace

TEST_CASE("A pack written and read back has the same records", "[writer]") {
    const Pack& seed = seed_pack();
    const std::string text = write_pack(seed);
    const LoadResult back = load_pack_text(text, seed.path);
    for (const Diagnostic& d : back.diagnostics) INFO(ui::describe(d, ui::Lang::En));
    REQUIRE(back.pack);
    CHECK(!has_errors(back.diagnostics));
    same_records(seed, *back.pack);
    CHECK(write_pack(*back.pack) == text); // and the same text again
}

TEST_CASE("Every field of a pack survives the writer", "[writer]") {
    const LoadResult loaded = load(R"({
  "format": "chronicle-pack/1", "id": "all-fields", "version": "1.2", "licence": "CC0",
  "author": {"en": "Ann", "zh": "安"}, "title": "All \"fields\"\\", "description": "Line one\nline\ttwo",
  "languages": ["en", "zh"], "default_language": "en",
  "source": {"title": "A book", "url": "https://example.org/a?b=c", "date": {"from": "2001-02", "to": "2001-03"}, "note": "n"},
  "people": [
    {"id": "ann", "kind": "person", "name": {"en": "Ann Lee", "zh": "李安"}, "aliases": ["Lee", "A. L."], "description": "A maker"},
    {"id": "acme", "kind": "organization", "name": "Acme", "display": "Acme Inc."},
    {"id": "crowd", "kind": "group", "name": "The crowd"}
  ],
  "events": [
    {"id": "e1", "date": "2000-01-02", "end": "2000-02", "date_source": "source", "date_note": "about", "headline": "One",
     "text": "First", "actors": ["ann", "acme"], "who": "made it", "tags": ["a", "b"]},
    {"id": "e2", "date": -13800000000, "date_source": "estimate", "headline": "Big bang", "text": "Long ago"},
    {"id": "e3", "date": {"from": "-0043", "to": "0010"}, "date_source": "public_record", "headline": {"en": "Three", "zh": "三"}, "text": "Third"},
    {"id": "e4", "headline": "Undated", "text": "When?"}
  ],
  "quotes": [{"id": "q1", "text": "Hello", "speaker": "ann", "event": "e1", "catchphrase": true},
             {"id": "q2", "text": "Bye", "speaker": "crowd"}],
  "numbers": [{"id": "n1", "value": 1000000, "unit": "people", "question": "How many?", "event": "e1"},
              {"id": "n2", "value": 3.25, "unit": "people", "question": "How much?"},
              {"id": "n3", "value": -2.5e-7, "question": "How small?"}],
  "questions": [
    {"id": "mc", "type": "multiple_choice", "prompt": "Which?", "options": [{"text": "A", "correct": true}, {"text": {"en": "B", "zh": "乙"}}],
     "explanation": "Because", "events": ["e1", "e3"]},
    {"id": "tf", "type": "true_false", "prompt": "True?", "answer": false}
  ]
})");
    for (const Diagnostic& d : loaded.diagnostics) INFO(ui::describe(d, ui::Lang::En));
    REQUIRE(loaded.pack);
    const std::string text = write_pack(*loaded.pack);
    const LoadResult back = load(text);
    REQUIRE(back.pack);
    same_records(*loaded.pack, *back.pack);
    CHECK(described(back.diagnostics, "test.json", false) == described(loaded.diagnostics, "test.json", false));
    // Short records of plain values on one line, others a member a line; the rest as nlohmann writes JSON.
    CHECK(text.find(R"(    {"id": "crowd", "kind": "group", "name": "The crowd"}
)") != std::string::npos);
    CHECK(text.find(R"(      "tags": ["a", "b"])") != std::string::npos);
    CHECK(text.find(R"("title": "All \"fields\"\\")") != std::string::npos);
    CHECK(text.find(R"("date": null)") != std::string::npos);
    CHECK(text.find(R"("value": 1000000,)") != std::string::npos);
    CHECK(text.find(R"("value": -2.5e-07,)") != std::string::npos);
    CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(write_pack(*back.pack)));
}

TEST_CASE("Strings are escaped as nlohmann writes them", "[writer]") {
    Pack p;
    p.id = "p";
    p.languages = {"en"};
    p.default_language = "en";
    std::string all;
    for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
    all += "中文 ü";
    p.title.by_lang.emplace_back("en", all);
    const std::string text = write_pack(p);
    CHECK(text.find("\"title\": " + nlohmann::json(all).dump() + ",\n") != std::string::npos);
}

TEST_CASE("An import's pack and its warnings are what the loader reads from the written file", "[writer][import]") {
    SECTION("a timeline") {
        loads_as_built(import_as("space.json", R"({"title": {"text": {"headline": "Space"}}, "events": [
            {"start_date": {"year": 1957, "month": 10, "day": 4}, "text": {"headline": "Sputnik", "text": "<p>First</p>"}, "group": "USSR"},
            {"start_date": {"year": 1957, "month": 11}, "text": {"headline": "Sputnik"}},
            {"start_date": {"year": -13800000000}, "end_date": {"year": 2000}, "text": {"headline": "Everything"}},
            {"start_date": {"year": 1969}, "end_date": {"year": 1969, "month": 7}, "text": {"headline": "Apollo"}, "unique_id": "apollo"}]})"),
                       "out.pack.json");
    }
    SECTION("a sheet with people, quotes and numbers") {
        loads_as_built(import_as("sheet.csv",
                                 "Date,Headline,Text,People,Who,Quote,Quote by,Number,Unit,Number question\n"
                                 "1961-04-12,Gagarin flies,,Yuri Gagarin,Who flew?,Poyekhali!,Yuri Gagarin,108,minutes,How long?\n"
                                 ",Undated,Someday,,,,,,,\n"
                                 "1969-07-20,Moon landing,Eagle,Neil Armstrong; Buzz Aldrin,Who landed?,,,-0,,How cold?\n"
                                 "1969-07-21,Moon walk,,,,One small step,Neil Armstrong,3.5,km,How far?\n"),
                       "out.pack.json");
    }
    SECTION("a Chinese sheet whose file name has ASCII punctuation the import leaves") {
        const ImportResult r = import_as("登月(草稿).csv", "日期,标题,内容\n1969-07-20,登月,阿波罗11号: 人类首次登月.\n1969-07-21,登月,第二天\n");
        loads_as_built(r, "out.pack.json");
        // The title and the source's title come from the file name, which the import does not change.
        std::vector<std::string> punctuation;
        for (const Diagnostic& d : r.diagnostics)
            if (d.issue.problem == Problem::AsciiPunctuation) punctuation.push_back(d.path);
        CHECK(punctuation == std::vector<std::string>{"/title", "/source/title"});
    }
}

TEST_CASE("A sheet read row by row is still refused as a whole when its text is not CSV", "[writer][import][csv]") {
    // The rows before the unclosed quote were read and imported before the quote was found.
    const ImportResult r = import_as("sheet.csv", "Date,Headline\n2001,A\n20x1,B\n2003,\"C\n");
    CHECK_FALSE(r.pack_text);
    CHECK_FALSE(r.pack);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].issue.problem == Problem::UnclosedQuote);
    CHECK(r.diagnostics[0].line == 4);
    CHECK((r.events == 0 && r.skipped == 0));
}
