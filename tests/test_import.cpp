// The importers: TimelineJS JSON and CSV spreadsheets → packs the loader accepts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/base/text.h"
#include "core/exchange/csv.h"
#include "core/quiz/generator.h"
#include "core/exchange/html_text.h"
#include "core/exchange/importer.h"
#include "support.h"
#include "ui/messages.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// The imported pack, loaded back: what a player would get.
Pack imported(const ImportResult& r) {
    for (const Diagnostic& d : r.diagnostics) INFO(ui::describe(d, ui::Lang::En));
    REQUIRE(r.pack_text);
    LoadResult back = load(*r.pack_text);
    REQUIRE(back.pack);
    CHECK(errors(back).empty());
    return std::move(*back.pack);
}

ImportResult timeline(const std::string& text, const std::string& lang = "") {
    ImportOptions o;
    o.file = "space-race.json";
    o.lang = lang;
    return import_timeline(text, o);
}

ImportResult csv(const std::string& text, const std::string& lang = "") {
    ImportOptions o;
    o.file = "sheet.csv";
    o.lang = lang;
    return import_csv(text, o);
}

// The first diagnostic about `problem`, or null.
const Diagnostic* find(const ImportResult& r, Problem problem) {
    for (const Diagnostic& d : r.diagnostics)
        if (d.issue.problem == problem) return &d;
    return nullptr;
}

// The first diagnostic about `problem`; the test stops when there is none.
const Diagnostic& reported(const ImportResult& r, Problem problem) {
    const Diagnostic* d = find(r, problem);
    INFO(Catch::StringMaker<Problem>::convert(problem));
    REQUIRE(d);
    return *d;
}

// The notes after a diagnostic, by problem.
std::vector<Problem> notes(const Diagnostic& d) {
    std::vector<Problem> problems;
    for (const Issue& note : d.notes) problems.push_back(note.problem);
    return problems;
}

const Event* event_with_headline(const Pack& p, const std::string& headline) {
    for (const Event& e : p.events)
        if (p.text(e.headline, p.default_language) == headline) return &e;
    return nullptr;
}

bool has_kind(const Pack& p, Kind k) {
    const auto kinds = supported_kinds(p);
    return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

const char* const kTimeline = R"({
  "title": {"text": {"headline": "The Space Race", "text": "<p>From Sputnik to Apollo&nbsp;11.</p>"}},
  "scale": "human",
  "events": [
    {"start_date": {"year": "1957", "month": "10", "day": "4"},
     "text": {"headline": "Sputnik 1", "text": "<p>The first <b>artificial satellite</b>.</p>"},
     "media": {"url": "https://example.org/s.jpg", "caption": "A replica", "credit": "NASA"},
     "group": "USSR", "unique_id": "sputnik"},
    {"start_date": {"year": 1961, "month": 4, "day": 12, "hour": "9", "minute": "07"},
     "text": {"headline": "Gagarin orbits the Earth", "text": "108 minutes"}},
    {"start_date": {"year": "1969", "month": "7", "day": "16"}, "end_date": {"year": "1969", "month": "7", "day": "24"},
     "text": {"headline": "Apollo 11", "text": "Launch to splashdown."}},
    {"start_date": {"year": "1975", "month": "", "day": ""}, "end_date": {"year": "", "month": "", "day": ""},
     "text": {"headline": "Apollo–Soyuz"}, "display_date": "Summer 1975"}
  ],
  "eras": [{"start_date": {"year": "1955"}, "end_date": {"year": "1975"}, "text": {"headline": "The race years"}}]
})";

} // namespace

TEST_CASE("HTML from a timeline becomes plain words", "[import][html]") {
    CHECK(plain_text_from_html("<p>Moon &amp; <b>Mars</b></p>") == "Moon & Mars");
    CHECK(plain_text_from_html("line one<br>line two<br/>three") == "line one\nline two\nthree");
    CHECK(plain_text_from_html("<p>One.</p>\n\n<p>Two.</p>") == "One.\nTwo.");
    CHECK(plain_text_from_html("it&#8217;s &#x4E2D;&#25991; &ldquo;ok&rdquo;") == "it’s 中文 “ok”");
    CHECK(plain_text_from_html("a&nbsp;&nbsp;b   c\n\td") == "a b c d");
    CHECK(plain_text_from_html("x<script>alert('<p>')</script>y<style>p{}</style>z") == "xyz");
    CHECK(plain_text_from_html("<!-- note -->kept") == "kept");
    CHECK(plain_text_from_html("AT&T &unknown; 3 < 4") == "AT&T &unknown; 3 < 4");
    CHECK(plain_text_from_html("bad &#0; &#xD800; &#1114112; refs") == "bad refs");
    CHECK(plain_text_from_html("<a href=\"x\">link</a> <i>end") == "link end");
}

TEST_CASE("A TimelineJS timeline imports as its format is published", "[import][timelinejs]") {
    const ImportResult r = timeline(kTimeline);
    const Pack p = imported(r);
    CHECK(r.format == ImportFormat::TimelineJS);
    CHECK(p.id == "space-race");
    CHECK(p.text(p.title, "en") == "The Space Race");
    CHECK(p.text(p.description, "en") == "From Sputnik to Apollo 11.");
    CHECK(r.lang == "en");
    CHECK(r.lang_guessed);
    REQUIRE(p.events.size() == 5);
    CHECK(r.events == 5);
    CHECK(r.skipped == 0);

    SECTION("dates are strings or numbers; empty strings are missing parts") {
        CHECK(iso(event_by_id(p, "sputnik").date->from) == "1957-10-04");
        CHECK(iso(event_with_headline(p, "Gagarin orbits the Earth")->date->from) == "1961-04-12");
        const Event* soyuz = event_with_headline(p, "Apollo–Soyuz");
        REQUIRE(soyuz);
        CHECK(soyuz->date->precision() == Precision::Year);
        CHECK_FALSE(soyuz->end); // an end date of empty strings is no end
        CHECK(p.text(soyuz->date_note, "en") == "Summer 1975");
    }
    SECTION("an end date means the event lasted; it is ordered by its start") {
        const Event* apollo = event_with_headline(p, "Apollo 11");
        REQUIRE(apollo);
        REQUIRE(apollo->end);
        CHECK(iso(apollo->end->from) == "1969-07-24");
        CHECK(iso(apollo->date->from) == "1969-07-16");
    }
    SECTION("HTML is stripped, groups become tags, media are kept as source notes") {
        const Event& sputnik = event_by_id(p, "sputnik");
        CHECK(p.text(sputnik.text, "en") == "The first artificial satellite.");
        CHECK(sputnik.tags == std::vector<std::string>{"USSR"});
        CHECK(p.text(p.source.note, "en") == "Sputnik 1: A replica (NASA)");
    }
    SECTION("eras become events that lasted, tagged \"era\"") {
        const Event* era = event_with_headline(p, "The race years");
        REQUIRE(era);
        CHECK(era->end);
        CHECK(std::find(era->tags.begin(), era->tags.end(), "era") != era->tags.end());
    }
    SECTION("a time of day is dropped with a warning") {
        const Diagnostic& d = reported(r, Problem::TimeOfDayDropped);
        CHECK(d.severity == Severity::Warning);
    }
    SECTION("the pack gives ordering and when questions") {
        CHECK(has_kind(p, Kind::Order));
        CHECK(has_kind(p, Kind::First));
        CHECK(has_kind(p, Kind::When));
    }
}

TEST_CASE("Negative years are years BCE as TimelineJS shows them; deep time stays plain", "[import][timelinejs][dates]") {
    GIVEN("the human scale") {
        const Pack p = imported(timeline(R"({"events": [
            {"start_date": {"year": "-44", "month": "3", "day": "15"}, "text": {"headline": "Caesar"}},
            {"start_date": {"year": -4600000000}, "text": {"headline": "Earth forms"}}]})"));
        THEN("-44 is 44 BC, the astronomical year -43") {
            const Event* caesar = event_with_headline(p, "Caesar");
            REQUIRE(caesar);
            CHECK(caesar->date->from.year == -43);
            CHECK(format_date(*caesar->date, "en") == "15 March 44 BC");
        }
        THEN("years beyond JavaScript dates are plain years") {
            CHECK(event_with_headline(p, "Earth forms")->date->from.year == -4'600'000'000);
        }
    }
    GIVEN("the cosmological scale") {
        const Pack p = imported(timeline(R"({"scale": "cosmological", "events": [
            {"start_date": {"year": "-13800000000", "month": "5"}, "text": {"headline": "Big Bang"}},
            {"start_date": {"year": -44}, "text": {"headline": "Plain year"}}]})"));
        THEN("years are plain numbers and months are ignored") {
            CHECK(format_date(*event_with_headline(p, "Big Bang")->date, "en") == "13.8 billion years ago");
            CHECK(event_with_headline(p, "Big Bang")->date->precision() == Precision::Year);
            CHECK(event_with_headline(p, "Plain year")->date->from.year == -44);
        }
    }
    WHEN("a year is beyond what packs hold") {
        const ImportResult r = timeline(R"({"events": [{"start_date": {"year": "-9999999999999"}, "text": {"headline": "Too old"}}]})");
        CHECK_FALSE(r.pack_text);
        const Diagnostic& d = reported(r, Problem::YearOutOfRange);
        CHECK(d.path == "/events/0/start_date/year");
        CHECK(d.issue.details == Details{"-9999999999999"});
    }
}

TEST_CASE("Bad timeline events are reported by JSON path and line, and skipped", "[import][timelinejs][errors]") {
    const ImportResult r = timeline(R"({"events": [
  {"start_date": {"year": "1969", "month": "7"}, "text": {"headline": "Good"}},
  {"start_date": {"year": "1969", "month": "13"}, "text": {"headline": "Month 13"}},
  {"text": {"headline": "No start"}},
  {"start_date": {"year": "1969", "day": "5"}, "text": {"headline": "Day without month"}},
  {"start_date": {"year": "1969"}, "end_date": {"year": "1968"}, "text": {"headline": "Ends first"}},
  {"start_date": {"year": "1969"}, "text": {"text": "<p>no headline</p>"}},
  {"start_date": {"year": "nineteen"}, "text": {"headline": "Words"}},
  {"start_date": {"year": "1970", "month": "2", "day": "29"}, "text": {"headline": "No such day"}},
  "not an object"
]})");
    const Pack p = imported(r);
    CHECK(p.events.size() == 1);
    CHECK(r.skipped == 8);
    const Diagnostic& month = reported(r, Problem::NotAMonth);
    CHECK(month.path == "/events/1/start_date/month");
    CHECK(month.severity == Severity::Error);
    CHECK(month.line == 3);
    CHECK(month.issue.details == Details{"13"});
    CHECK(notes(month) == std::vector<Problem>{Problem::EventNotImported});
    const auto path_of = [&](Problem problem) { return reported(r, problem).path; };
    CHECK(path_of(Problem::EventWithoutStart) == "/events/2");
    CHECK(path_of(Problem::DayWithoutMonth) == "/events/3/start_date/day");
    CHECK(path_of(Problem::EndBeforeStart) == "/events/4/end_date");
    CHECK(reported(r, Problem::EndBeforeStart).issue.details == Details{year_spec(1968), year_spec(1969)});
    CHECK(path_of(Problem::SlideWithoutHeadline) == "/events/5/text/headline");
    CHECK(path_of(Problem::DatePartTextNotWhole) == "/events/6/start_date/year");
    CHECK(reported(r, Problem::DatePartTextNotWhole).issue.details == Details{"nineteen"});
    CHECK(path_of(Problem::NotADayOfMonth) == "/events/7/start_date/day");
    CHECK(reported(r, Problem::NotADayOfMonth).issue.details == Details{"29", "28"});
    CHECK(path_of(Problem::SlideNotAnObject) == "/events/8");
    CHECK(reported(r, Problem::SlideNotAnObject).issue.details == Details{Term::JsonString});
}

TEST_CASE("What is not a timeline is refused with the reason", "[import][timelinejs][errors]") {
    const ImportResult array = timeline("[1, 2]");
    CHECK(reported(array, Problem::TimelineNotAnObject).issue.details == Details{Term::JsonArray});
    CHECK(find(timeline("{\"title\": {}}"), Problem::NoEventsList));
    CHECK(find(timeline(pack_with(R"([{"id": "e1", "date": "2023", "headline": "H", "text": "T"}])")),
               Problem::AlreadyAPack));
    const ImportResult syntax = timeline("{\"events\": [}");
    REQUIRE(syntax.diagnostics.size() == 1);
    CHECK(syntax.diagnostics[0].file == "space-race.json");
    CHECK(syntax.diagnostics[0].line == 1);
    CHECK(syntax.diagnostics[0].column == 13);
    CHECK(syntax.diagnostics[0].issue.problem == Problem::JsonCommaBeforeBracket); // "unexpected '}'"
    CHECK(find(timeline("{\"events\": []}"), Problem::EmptyTimeline));
    for (const char* bad : {"[1, 2]", "{\"events\": []}", "{\"events\": 5}"}) CHECK_FALSE(timeline(bad).pack_text);
}

TEST_CASE("A spreadsheet with every column imports", "[import][csv]") {
    const ImportResult r = csv(
        "date,end date,headline,text,people,who,quote,quote by,number,unit,number question,group\n"
        "2022-11-30,,ChatGPT launches,OpenAI releases ChatGPT.,Sam Altman,launched ChatGPT,,,\"1,000,000\",users,"
        "How many users in five days?,product\n"
        "2023-03-14,,GPT-4,OpenAI releases GPT-4.,Sam Altman; Greg Brockman,,,,,,,\n"
        "2023-11-17,2023-11-22,The board crisis,Altman is fired and returns.,The board,,,,,,,\n"
        ",,,,,,Feel the AGI,Ilya Sutskever,,,,\n"
        "2023-11-06,,DevDay,Custom GPTs.,Sam Altman,,\"“Build your own GPT”\",Sam Altman,20%,,Share of …?,\n");
    const Pack p = imported(r);
    CHECK(r.format == ImportFormat::Csv);
    CHECK(p.id == "sheet");
    CHECK(r.events == 4);
    CHECK(r.skipped == 0);
    REQUIRE(p.people.size() == 4);
    CHECK(p.text(p.people[0].name, "en") == "Sam Altman");
    const Event* launch = event_with_headline(p, "ChatGPT launches");
    REQUIRE(launch);
    CHECK(launch->id == "row-2");
    CHECK(p.text(launch->who, "en") == "launched ChatGPT");
    CHECK(launch->actors.size() == 1);
    CHECK(launch->tags == std::vector<std::string>{"product"});
    CHECK(event_with_headline(p, "GPT-4")->actors.size() == 2);
    CHECK(event_with_headline(p, "The board crisis")->end);
    REQUIRE(p.quotes.size() == 2);
    CHECK(p.text(p.quotes[0].text, "en") == "Feel the AGI");
    CHECK_FALSE(p.quotes[0].event); // a row with only a quote
    CHECK(p.text(p.quotes[1].text, "en") == "Build your own GPT"); // typed quotation marks dropped
    REQUIRE(p.numbers.size() == 2);
    CHECK(p.numbers[0].value == 1'000'000);
    CHECK(p.text(p.numbers[0].unit, "en") == "users");
    CHECK(p.numbers[1].value == 20);
    CHECK(p.text(p.numbers[1].unit, "en") == "%");
    CHECK(has_kind(p, Kind::Order));
    CHECK(has_kind(p, Kind::When));
    CHECK(has_kind(p, Kind::WhoDid));
}

TEST_CASE("Chinese column names, a BOM and Chinese dates", "[import][csv]") {
    const ImportResult r = csv("\xEF\xBB\xBF日期,标题,内容,人物,引语,说话人\n"
                               "2022-11-30,ChatGPT 上线,OpenAI 发布 ChatGPT,奥特曼、布罗克曼,,\n"
                               "2023年11月17日,董事会解雇奥特曼,董事会宣布解雇奥特曼,董事会,,\n"
                               "公元前44年3月15日,凯撒遇刺,凯撒在元老院遇刺,,,\n"
                               ",,,,感受下 AGI,苏茨克维\n");
    const Pack p = imported(r);
    CHECK(r.lang == "zh");
    CHECK(p.default_language == "zh");
    REQUIRE(p.events.size() == 3);
    CHECK(iso(event_with_headline(p, "董事会解雇奥特曼")->date->from) == "2023-11-17");
    CHECK(iso(event_with_headline(p, "凯撒遇刺")->date->from) == "-0043-03-15");
    CHECK(event_with_headline(p, "ChatGPT 上线")->actors.size() == 2);
    CHECK(p.quotes.size() == 1);
}

TEST_CASE("CSV follows RFC 4180: quotes, commas and line breaks inside cells", "[import][csv]") {
    std::vector<Diagnostic> problems;
    const auto table = parse_csv("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",z\r\n", "t.csv", problems);
    REQUIRE(table);
    REQUIRE(table->rows.size() == 3);
    CHECK(table->rows[1].cells[0].text == "x, y");
    CHECK(table->rows[1].cells[1].text == "say \"hi\"");
    CHECK(table->rows[2].cells[0].text == "two\nlines");
    CHECK(table->rows[2].cells[1].line == 4); // after the line break inside the quoted cell
    CHECK(table->rows[2].number == 3);

    SECTION("semicolons and tabs are separators when the header uses them") {
        CHECK(parse_csv("date;headline\n2023;x,y\n", "t.csv", problems)->rows[1].cells[1].text == "x,y");
        CHECK(parse_csv("date\theadline\n2023\tx\n", "t.csv", problems)->separator == '\t');
    }
    SECTION("an unclosed quote, UTF-16 and other encodings are refused with a fix") {
        CHECK_FALSE(parse_csv("a,b\n\"open,x\n", "t.csv", problems));
        CHECK(problems.back().issue.problem == Problem::UnclosedQuote);
        CHECK(problems.back().file == "t.csv");
        CHECK(problems.back().line == 2);
        CHECK(problems.back().column == 1);
        CHECK_FALSE(parse_csv("date,\xB1\xEA\xCC\xE2\n", "t.csv", problems)); // GBK
        CHECK(problems.back().issue.problem == Problem::InvalidUtf8InCsv);
        CHECK(problems.back().issue.details == Details{"5"});
        CHECK_FALSE(parse_csv("\xFF\xFE" "d\0a\0", "t.csv", problems));
        CHECK(problems.back().issue.problem == Problem::Utf16);
    }
    SECTION("row numbers are the spreadsheet's, even after a cell with line breaks") {
        const ImportResult r = csv("date,headline,text\n2023,A,\"two\nlines\"\n2023-02-30,B,x\n");
        const Diagnostic& d = reported(r, Problem::DayOutOfMonth);
        CHECK(d.row == 3);
        CHECK(d.column_name == "date");
        CHECK(d.line == 4);
        CHECK(d.column == 1);
    }
}

TEST_CASE("Bad rows are reported by row and column and skipped; good rows import", "[import][csv][errors]") {
    const ImportResult r = csv("date,headline,text,quote,quote by,number,number question\n"
                               "2023-07,Good,fine,,,,\n"
                               "2023-13,Bad month,x,,,,\n"
                               "11/17/2023,Year last,x,,,,\n"
                               "2023-02-29,No such day,x,,,,\n"
                               "2023,Bad number,x,,,12abc,How many?\n"
                               "2023,No question,x,,,5,\n"
                               "2023,Quote alone,x,Words,,,\n"
                               "2023,,headless,,,,\n"
                               "sometime,Words for a date,x,,,,\n"
                               "2023,Too many,x,,,,,extra\n"
                               ",,,,,,\n");
    const Pack p = imported(r);
    CHECK(p.events.size() == 1);
    CHECK(r.skipped == 9);
    const Diagnostic& month = reported(r, Problem::MonthOutOfRange);
    CHECK(month.file == "sheet.csv");
    CHECK(month.line == 3);
    CHECK(month.column == 1);
    CHECK(month.row == 3);
    CHECK(month.column_name == "date");
    CHECK(month.issue.details == Details{"2023-13", "13"});
    // Each bad row's problem, by row and the column named in the header.
    const auto cell_of = [&](Problem problem) {
        const Diagnostic& d = reported(r, problem);
        return std::pair{d.row, d.column_name};
    };
    CHECK(cell_of(Problem::YearLast) == std::pair{4, std::string("date")});
    CHECK(reported(r, Problem::YearLast).issue.details == Details{"11/17/2023", "2023"});
    CHECK(cell_of(Problem::DayOutOfMonth) == std::pair{5, std::string("date")});
    CHECK(cell_of(Problem::NotANumber) == std::pair{6, std::string("number")});
    CHECK(reported(r, Problem::NotANumber).issue.details == Details{"12abc"});
    CHECK(cell_of(Problem::NumberWithoutQuestion) == std::pair{7, std::string("number question")});
    CHECK(cell_of(Problem::QuoteWithoutSpeaker) == std::pair{8, std::string("quote by")});
    CHECK(cell_of(Problem::RowWithoutHeadline) == std::pair{9, std::string("headline")});
    CHECK(cell_of(Problem::CellNotADate) == std::pair{10, std::string("date")});
    CHECK(reported(r, Problem::CellNotADate).issue.details == Details{"sometime"});
    const Diagnostic& extra = reported(r, Problem::ExtraCells);
    CHECK(extra.row == 11);
    CHECK(extra.column_name.empty());
    CHECK(extra.column_number == 8); // past the header: no name
    for (const Diagnostic& d : r.diagnostics) {
        CHECK(d.row != 12); // a blank row is no problem
        if (d.severity == Severity::Error) CHECK(notes(d) == std::vector<Problem>{Problem::RowNotImported});
    }
}

TEST_CASE("Knight Lab's TimelineJS spreadsheet template imports as it is", "[import][csv][timelinejs]") {
    const ImportResult r = csv(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,"
        "Media Caption,Media Thumbnail,Type,Group,Background\n"
        "1955,,,,,,,,,The Space Race,<not imported as html>,,,,,title,,\n"
        "1957,10,4,,,,,,,Sputnik 1,First satellite,https://x/s.jpg,NASA,A replica,,,USSR,\n"
        "-44,3,15,12:00,,,,,Ides of March,Caesar,Killed in the Senate,,,,,,,\n"
        "1969,7,16,,1969,7,24,,,Apollo 11,To the Moon,,,,,,USA,\n"
        "1947,,,,1991,,,,,Cold War,,,,,,era,,\n"
        "1970,13,,,,,,,,Bad,x,,,,,,,\n");
    const Pack p = imported(r);
    CHECK(p.text(p.title, "en") == "The Space Race");
    CHECK(r.events == 4);
    CHECK(r.skipped == 1);
    const Diagnostic& month = reported(r, Problem::NotAMonth);
    CHECK(month.row == 7);
    CHECK(month.column_name == "Month");
    CHECK(month.issue.details == Details{"13"});
    const Event* caesar = event_with_headline(p, "Caesar");
    REQUIRE(caesar);
    CHECK(format_date(*caesar->date, "en") == "15 March 44 BC");
    CHECK(p.text(caesar->date_note, "en") == "Ides of March");
    CHECK(event_with_headline(p, "Apollo 11")->end);
    const Event* cold_war = event_with_headline(p, "Cold War");
    CHECK(std::find(cold_war->tags.begin(), cold_war->tags.end(), "era") != cold_war->tags.end());
    CHECK(p.text(p.source.note, "en") == "Sputnik 1: A replica (NASA)");
    CHECK(reported(r, Problem::UnknownColumns).issue.details ==
          Details{std::vector<std::string>{"Media", "Media Thumbnail", "Background"}});
    CHECK(find(r, Problem::TimeOfDayDropped));
}

TEST_CASE("Spreadsheet dates: BC, deep time and year-first forms", "[import][csv][dates]") {
    const Pack p = imported(csv("date,headline\n44 BC,Caesar\n-13800000000,Big Bang\n2023.7.5,Dots\n2023/11/17,Slashes\n"
                                "1969,Year\n-0043-03-15,ISO\n"));
    CHECK(event_with_headline(p, "Caesar")->date->from.year == -43);
    CHECK(format_date(*event_with_headline(p, "Big Bang")->date, "en") == "13.8 billion years ago");
    CHECK(iso(event_with_headline(p, "Dots")->date->from) == "2023-07-05");
    CHECK(iso(event_with_headline(p, "Slashes")->date->from) == "2023-11-17");
    CHECK(event_with_headline(p, "Year")->date->precision() == Precision::Year);
    CHECK(format_date(*event_with_headline(p, "ISO")->date, "en") == "15 March 44 BC");
}

TEST_CASE("Numbers: thousands separators, percentages, 万; a decimal comma is never misread", "[import][csv]") {
    const ImportResult r = csv("headline,number,number question\n"
                               "a,\"1,000,000\",q\nb,2 500,q\nc,20%,q\nd,100万,q\ne,-3.5e2,q\n"
                               "f,\"3,5\",q\ng,\"1,00,000\",q\nh,\"3.5,1\",q\n");
    const Pack p = imported(r);
    std::vector<double> values;
    for (const NumberFact& n : p.numbers) values.push_back(n.value);
    CHECK(values == std::vector<double>{1'000'000, 2500, 20, 1'000'000, -350});
    CHECK(r.skipped == 3);
    const Diagnostic& comma = reported(r, Problem::NotANumber);
    CHECK(comma.row == 7);
    CHECK(comma.column_name == "number");
    CHECK(comma.issue.details == Details{"3,5"});
    const ImportResult european = csv("headline;number;number question\nReunification;3,5;Decimal comma?\n");
    CHECK_FALSE(european.pack_text);
    CHECK(reported(european, Problem::AmbiguousComma).issue.details == Details{"3,5"});
}

TEST_CASE("A sheet without the columns Chronicle needs says which to add", "[import][csv][errors]") {
    const ImportResult r = csv("when it was,what\n2023,x\n");
    CHECK_FALSE(r.pack_text);
    CHECK(find(r, Problem::NoHeadlineColumn));
    CHECK(reported(r, Problem::UnknownColumns).issue.details == Details{std::vector<std::string>{"when it was", "what"}});
    CHECK(find(csv(""), Problem::EmptyFile));
}

TEST_CASE("Review findings: what an import must not get wrong", "[import][errors]") {
    SECTION("a name with a comma is one person") {
        const Pack p = imported(csv("date,headline,people\n1961,Inauguration,\"Kennedy, John F.; Johnson, Lyndon B.\"\n"));
        REQUIRE(p.people.size() == 2);
        CHECK(p.text(p.people[0].name, "en") == "Kennedy, John F.");
    }
    SECTION("events with the same headline get their dates, so questions tell them apart") {
        const ImportResult r = csv("date,headline\n1969-07-20,Moon landing\n1972-12-11,Moon landing\n2000,Other\n");
        const Pack p = imported(r);
        CHECK(event_with_headline(p, "Moon landing (20 July 1969)"));
        CHECK(event_with_headline(p, "Moon landing (11 December 1972)"));
        CHECK(reported(r, Problem::SameHeadlinesDated).issue.details == Details{"2", "row-2, row-3", "Moon landing"});
        const Pack undated = imported(csv("date,headline\n,Launch\n,Launch\n"));
        CHECK(event_with_headline(undated, "Launch (1)"));
        CHECK(event_with_headline(undated, "Launch (2)"));
    }
    SECTION("a display date is kept as the note, with a warning that the given date is asked") {
        const ImportResult r = timeline(R"({"events": [{"start_date": {"year": "1500"}, "display_date": "c. 1500",
                                                        "text": {"headline": "Painting finished"}}]})");
        imported(r);
        const Diagnostic& d = reported(r, Problem::DisplayDateKept);
        CHECK(d.issue.details == Details{"c. 1500"});
        CHECK(d.severity == Severity::Warning);
    }
    SECTION("a title that cannot be read costs the title, not the events") {
        const ImportResult r = timeline(R"({"title": {"text": {"headline": 5}},
                                            "events": [{"start_date": {"year": "1969"}, "text": {"headline": "A"}}]})");
        const Pack p = imported(r);
        CHECK(p.text(p.title, "en") == "space-race");
        const Diagnostic& d = reported(r, Problem::TextMemberNotAString);
        CHECK(d.path == "/title/text/headline");
        CHECK(d.severity == Severity::Warning);
        CHECK(notes(d) == std::vector<Problem>{Problem::TitleLeftOut});
    }
    SECTION("authors' unique_ids are kept; a repeated one is renamed with a warning") {
        const ImportResult r = timeline(R"({"events": [
            {"start_date": {"year": "1961"}, "text": {"headline": "A"}, "unique_id": "a"},
            {"start_date": {"year": "1962"}, "text": {"headline": "B"}, "unique_id": "a"},
            {"start_date": {"year": "1963"}, "text": {"headline": "C"}, "unique_id": "e2"},
            {"start_date": {"year": "1964"}, "text": {"headline": "D"}}]})");
        const Pack p = imported(r);
        CHECK(event_with_headline(p, "A")->id == "a");
        CHECK(event_with_headline(p, "C")->id == "e2"); // the author's, though it was some slide's place
        CHECK(event_with_headline(p, "B")->id != "e2");
        CHECK(event_with_headline(p, "D")->id == "e4");
        const Diagnostic& d = reported(r, Problem::UniqueIdTaken);
        CHECK(d.path == "/events/1/unique_id");
        CHECK(d.issue.details == Details{"a", event_with_headline(p, "B")->id});
    }
    SECTION("the TimelineJS template: HTML, the first title, years with commas, an end without a year") {
        const ImportResult r = csv(
            "Year,Month,Day,End Year,End Month,Headline,Text,Type\n"
            ",,,,,<b>Space</b> &amp; time,<p>Intro</p>,title\n"
            "\"1,969\",7,20,,8,Moon,<p>First <i>steps</i></p>,\n"
            "1970,,,,,Second title,x,title\n");
        const Pack p = imported(r);
        CHECK(p.text(p.title, "en") == "Space & time");
        CHECK(p.text(p.description, "en") == "Intro");
        const Event* moon = event_with_headline(p, "Moon");
        REQUIRE(moon);
        CHECK(iso(moon->date->from) == "1969-07-20");
        CHECK_FALSE(moon->end);
        CHECK(p.text(moon->text, "en") == "First steps");
        CHECK(event_with_headline(p, "Second title"));
        const Diagnostic& d = reported(r, Problem::EndMonthWithoutYear);
        CHECK(d.row == 3);
        CHECK(d.column_name == "End Month");
    }
    SECTION("Excel's sep= line, and limits on the width of a sheet") {
        const Pack p = imported(csv("sep=;\ndate;headline\n1969;Moon, at last\n"));
        CHECK(event_with_headline(p, "Moon, at last"));
        std::vector<Diagnostic> problems;
        const auto not_sep = parse_csv("sep=Year,Headline\n1969,x\n", "t.csv", problems); // a header, not a sep= line
        REQUIRE(not_sep);
        CHECK(not_sep->separator == ',');
        CHECK(not_sep->rows.front().cells.front().text == "sep=Year");
        const ImportResult wide = csv(std::string(1200, ',') + "\n");
        CHECK(reported(wide, Problem::TooManyCellsInRow).issue.details == Details{"1", "1000"});
    }
    SECTION("nothing to import says why") {
        CHECK(find(csv("headline\n"), Problem::NoHeadlineRows));
        CHECK(find(csv("quote,quote by\nHello,Bob\n"), Problem::NoHeadlineColumn));
        CHECK(find(timeline("{\"events\": []}"), Problem::EmptyTimeline));
        CHECK(find(timeline("{\"timeline\": {\"date\": []}}"), Problem::TimelineJs2));
        CHECK(detect_import_format("[1, 2]") == ImportFormat::TimelineJS);
    }
    SECTION("a missing column is named in the message") {
        const ImportResult r = csv("headline,number\nA,5\n");
        const Diagnostic& d = reported(r, Problem::NumberWithoutQuestion);
        REQUIRE(d.notes.size() == 2);
        CHECK(d.notes[0].problem == Problem::MissingColumn);
        CHECK(d.notes[0].details == Details{"number question"});
        CHECK(d.notes[1].problem == Problem::RowNotImported);
    }
}

TEST_CASE("Options: the language, the id and the format", "[import]") {
    CHECK(csv("date,headline\n2023,凯撒\n").lang == "zh");
    CHECK(csv("date,headline\n2023,Caesar\n").lang == "en");
    const ImportResult fr = csv("date,headline\n2023,César\n", "fr");
    CHECK(fr.lang == "fr");
    CHECK_FALSE(fr.lang_guessed);
    CHECK(imported(fr).default_language == "fr");
    ImportOptions o;
    o.file = "x.csv";
    o.id = "Bad Id";
    const ImportResult bad_id = import_csv("date,headline\n2023,x\n", o);
    CHECK(reported(bad_id, Problem::BadIdOption).issue.details == Details{"Bad Id"});
    o.id = "";
    o.lang = "english";
    const ImportResult bad_lang = import_csv("date,headline\n2023,x\n", o);
    CHECK(reported(bad_lang, Problem::BadLangOption).issue.details == Details{"english"});
    o.lang = "";
    o.file = "/data/登月.csv";
    const ImportResult moon = import_csv("date,headline\n1969,登月\n", o);
    o.file = "/data/太空竞赛.csv";
    const ImportResult race = import_csv("date,headline\n1969,登月\n", o);
    CHECK(moon.id.rfind("pack-", 0) == 0); // a name without ASCII letters still gives an id
    CHECK(moon.id != race.id);
    o.file = "My Space Race (2).csv";
    CHECK(import_csv("date,headline\n1969,x\n", o).id == "my-space-race-2");
    CHECK(detect_import_format("\xEF\xBB\xBF  {\"events\": []}") == ImportFormat::TimelineJS);
    CHECK(detect_import_format("date,headline\n") == ImportFormat::Csv);
}

TEST_CASE("Control characters in an import are removed with a warning by place", "[import][control]") {
    // An SGR colour, an OSC window title ended by BEL, a bare BEL and a C1 CSI (U+009B).
    const std::string sgr = "\x1b[31m", osc = "\x1b]0;x\x07", bel = "\x07", csi = "\xc2\x9b";
    auto control_free = [](const std::string& pack_text) {
        return find_control_character(pack_text, true) == std::string::npos;
    };
    SECTION("a spreadsheet: each cell told once, by row and column; the text keeps its line breaks") {
        const ImportResult r = csv("date,headline,text,people\n"
                                   "1969-07-20," + sgr + "Eagle lands,\"Tranquility" + osc + "\nBase\"," + "Armstrong" + bel + "\n"
                                   "1972-12," + csi + "Apollo 17,Last,Cernan\n");
        const Pack p = imported(r);
        REQUIRE(r.pack_text);
        CHECK(control_free(*r.pack_text));
        CHECK(event_with_headline(p, "[31mEagle lands"));
        CHECK(event_with_headline(p, "Apollo 17"));
        CHECK(p.text(event_with_headline(p, "Apollo 17")->text, "en") == "Last");
        CHECK(p.text(event_with_headline(p, "[31mEagle lands")->text, "en") == "Tranquility]0;x\nBase");
        std::vector<std::pair<int, std::string>> told; // (row, column) of each warning
        for (const Diagnostic& d : r.diagnostics) {
            if (d.issue.problem != Problem::ControlCharactersRemoved) continue;
            CHECK(d.severity == Severity::Warning);
            told.emplace_back(d.row, d.column_name);
        }
        CHECK(told == std::vector<std::pair<int, std::string>>{{2, "headline"}, {2, "text"}, {2, "people"}, {3, "headline"}});
        CHECK(reported(r, Problem::ControlCharactersRemoved).issue.details == Details{std::string("\\x1b")});
        CHECK(reported(r, Problem::ControlCharactersRemoved).line == 2);
    }
    SECTION("a timeline: raw or written as a character reference, told by JSON path") {
        const ImportResult r = timeline(R"({"title": {"text": {"headline": "Moon\u001b]0;owned\u0007"}},
            "events": [{"start_date": {"year": 1969}, "text": {"headline": "Eagle&#27;[2J lands", "text": "a\u009bb\nc"}},
                       {"start_date": {"year": 1972}, "text": {"headline": "Apollo 17"}}]})");
        const Pack p = imported(r);
        REQUIRE(r.pack_text);
        CHECK(control_free(*r.pack_text));
        CHECK(p.text(p.title, "en") == "Moon]0;owned");
        CHECK(event_with_headline(p, "Eagle[2J lands"));
        std::vector<std::string> paths;
        for (const Diagnostic& d : r.diagnostics)
            if (d.issue.problem == Problem::ControlCharactersRemoved) paths.push_back(d.path);
        std::sort(paths.begin(), paths.end());
        CHECK(paths == std::vector<std::string>{"/events/0/text/headline", "/events/0/text/text", "/title/text/headline"});
        CHECK(reported(r, Problem::ControlCharactersRemoved).issue.details == Details{std::string("\\x1b")});
    }
    SECTION("the file's own name, when it becomes the title") {
        ImportOptions o;
        o.file = "moon\x1b[1m.csv";
        const ImportResult r = import_csv("date,headline\n1969,Eagle\n1972,Apollo 17\n", o);
        REQUIRE(r.pack_text);
        CHECK(control_free(*r.pack_text));
        const Pack p = imported(r);
        CHECK(p.text(p.title, "en") == "moon[1m");
    }
}

TEST_CASE("Chinese text imports with full-width punctuation next to Chinese characters, and says so",
          "[import][punctuation]") {
    const auto made_full_width = [](const ImportResult& r) {
        return std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                             [](const Diagnostic& d) { return d.issue.problem == Problem::PunctuationMadeFullWidth; });
    };
    SECTION("a Chinese sheet: marks next to Han characters change, Latin runs and numbers keep theirs") {
        const ImportResult r = csv("日期,标题,内容,人物,引语,说话人\n"
                                   "2022-11-30,ChatGPT 上线,\"OpenAI 发布 GPT-3.5 版本:用户 3.5万,很快!\",奥特曼,,\n"
                                   "2023-11-17,董事会解雇奥特曼(线上会议),董事会宣布解雇奥特曼。,董事会,,\n"
                                   ",,,,他说(大意):感受下 AGI!,苏茨克维\n");
        const Pack p = imported(r);
        CHECK(p.text(p.events[0].text, "zh") == "OpenAI 发布 GPT-3.5 版本：用户 3.5万，很快！");
        CHECK(p.text(p.events[1].headline, "zh") == "董事会解雇奥特曼（线上会议）");
        // The last mark touches only Latin: left as it is.
        CHECK(p.text(p.quotes[0].text, "zh") == "他说（大意）：感受下 AGI!");
        REQUIRE(made_full_width(r) == 1);
        const Diagnostic& d = *std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& x) {
            return x.issue.problem == Problem::PunctuationMadeFullWidth;
        });
        CHECK(d.severity == Severity::Warning);
        CHECK(d.issue.details == Details{"3", ":", "："});
        // What the loader would have warned about is gone.
        const LoadResult back = load(*r.pack_text);
        CHECK(std::none_of(back.diagnostics.begin(), back.diagnostics.end(),
                           [](const Diagnostic& x) { return x.issue.problem == Problem::AsciiPunctuation; }));
    }
    SECTION("English text keeps its punctuation") {
        const ImportResult r = csv("date,headline,text\n2022-11-30,Launch: ChatGPT,\"OpenAI (the lab) ships, fast!\"\n");
        const Pack p = imported(r);
        CHECK(p.text(p.events[0].text, "en") == "OpenAI (the lab) ships, fast!");
        CHECK(made_full_width(r) == 0);
    }
    SECTION("same headlines told apart in Chinese get full-width brackets") {
        const Pack p = imported(csv("日期,标题\n2001,发射\n2002,发射\n"));
        CHECK(p.text(p.events[0].headline, "zh") == "发射（2001年）");
    }
}
