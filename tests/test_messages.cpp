// The words for core's problems: every code has both languages with the same
// details, and the English reads exactly as it did when core wrote it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/exchange/importer.h"
#include "support.h"
#include "core/quiz/phrases.h"
#include "ui/messages.h"

using namespace chronicle;
using namespace chronicle::test;
using ui::Lang;

namespace {

// The numbers n of every {n} in `pattern`.
std::set<size_t> placeholders(const std::string& pattern) {
    std::set<size_t> found;
    for (size_t at = pattern.find('{'); at != std::string::npos; at = pattern.find('{', at + 1)) {
        const size_t end = pattern.find_first_not_of("0123456789", at + 1);
        if (end != at + 1 && end != std::string::npos && pattern[end] == '}')
            found.insert(std::stoul(pattern.substr(at + 1, end - at - 1)));
    }
    return found;
}

ImportResult csv(const std::string& text) {
    ImportOptions o;
    o.file = "sheet.csv";
    return import_csv(text, o);
}

} // namespace

TEST_CASE("Every problem and term has words in both languages", "[messages]") {
    for (int i = 0; i < static_cast<int>(Problem::Count); ++i) {
        const auto p = static_cast<Problem>(i);
        INFO(ui::message_template(p, Lang::En));
        const std::string zh = ui::message_template(p, Lang::Zh), en = ui::message_template(p, Lang::En);
        CHECK_FALSE(zh.empty());
        CHECK_FALSE(en.empty());
        // The same details in both, each of 1..n used: a translation never drops or invents one.
        CHECK(placeholders(zh) == placeholders(en));
        CHECK(placeholders(en).size() == ui::placeholder_count(en.c_str()));
    }
    for (int i = 0; i < static_cast<int>(Term::Count); ++i) {
        const auto t = static_cast<Term>(i);
        INFO(ui::term(t, Lang::En));
        CHECK(std::string(ui::term(t, Lang::Zh)).size() > 0);
        CHECK(std::string(ui::term(t, Lang::En)).size() > 0);
        CHECK(placeholders(ui::term(t, Lang::Zh)).empty());
        CHECK(placeholders(ui::term(t, Lang::En)).empty());
    }
}

TEST_CASE("English reads as core used to write it", "[messages]") {
    CHECK(ui::message({Problem::MisspeltReference, {Term::Person, "altmann", "altman"}}, Lang::En) ==
          "unknown person \"altmann\"; did you mean \"altman\"?");
    CHECK(ui::message({Problem::EventEndsBeforeItBegins, {year_spec(1939), year_spec(1945)}}, Lang::En) ==
          "the event ends (1939) before it begins (1945); check both dates");
    CHECK(ui::message({Problem::JsonControlCharacter, {"invalid string: control character U+000A"}}, Lang::En) ==
          "JSON syntax: invalid string: control character U+000A (write a line break inside a string as \\n)");
    CHECK(ui::message({Problem::SaveMovedAside, {"/s/save.db", Term::SaveNotADatabase, "/s/save.db.damaged-1"}},
                      Lang::En) == "Your saved progress in /s/save.db could not be used (it is not a database file). "
                                   "It was moved to /s/save.db.damaged-1 and a new save was started.");
    CHECK(ui::message({Problem::CannotWrite, {"/p/x.json", "Permission denied"}}, Lang::En) ==
          "cannot write /p/x.json: Permission denied");

    SECTION("a pack's diagnostic, whole") {
        const LoadResult r = load(pack_with(R"([
    {"id": "e1", "headline": "H", "text": "T",
     "date": "2023-02-30"}
  ])"));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(ui::describe(r.diagnostics[0], Lang::En) ==
              "test.json:10:14: error: /events/0/date: \"2023-02-30\" is impossible: February 2023 has 28 days; "
              "write a real day, or \"2023-02\" if the day is unknown");
    }
    SECTION("a spreadsheet's, by row and column, with what became of the row") {
        const ImportResult r = csv("date,headline,text\n2023-13,Bad month,x\n2023,Too many,x,extra\n");
        REQUIRE(r.diagnostics.size() == 3);
        CHECK(ui::describe(r.diagnostics[0], Lang::En) ==
              "sheet.csv:2:1: error: row 2, column \"date\": \"2023-13\" has month 13; months are 01 to 12; the row "
              "is not imported");
        CHECK(ui::describe(r.diagnostics[1], Lang::En) ==
              "sheet.csv:3:17: error: row 3, column 4: more cells than the header has columns; give the column a name "
              "in the first row, or check for an unquoted comma; the row is not imported");
        CHECK(ui::describe(r.diagnostics[2], Lang::En) ==
              "sheet.csv: error: nothing to import: no event could be read (see the problems above)");
        const ImportResult no_column = csv("headline,number\nA,5\n");
        CHECK(ui::describe(no_column.diagnostics.at(0), Lang::En) ==
              "sheet.csv:2:1: error: row 2: a number needs its question, e.g. \"How many users did ChatGPT have?\" "
              "(add a \"number question\" column); the row is not imported");
        const ImportResult unknown = csv("Year,Month,Headline,Media,Background\n1970,13,Bad,x,y\n");
        CHECK_THAT(ui::describe(unknown.diagnostics.at(0), Lang::En),
                   Catch::StartsWith("sheet.csv:1:1: warning: row 1: columns not imported: \"Media\", \"Background\". "
                                     "Columns Chronicle reads: date, end date"));
    }
}

TEST_CASE("Chinese has its own labels, quotes and dates", "[messages]") {
    const ImportResult r = csv("date,headline,text\n2023-13,Bad month,x\n");
    CHECK(ui::describe(r.diagnostics.at(0), Lang::Zh) ==
          "sheet.csv:2:1: 错误：第 2 行「date」列：「2023-13」的月份是 13；月份应为 01 到 12；这一行没有导入");
    CHECK(ui::message({Problem::DayOutOfMonth, {"2023-02-30", Term::February, "2023", "28", "2023-02"}}, Lang::Zh) ==
          "「2023-02-30」是不存在的日期：2023 年 2 月只有 28 天；请写真实的日子，日子不明时写「2023-02」");
    const DateSpec moon{{1969, 7, 20}, {1969, 7, 20}};
    CHECK(ui::message({Problem::EndBeforeStart, {year_spec(1968), moon}}, Lang::Zh) ==
          "结束日期（1968年）早于开始日期（1969年7月20日）；请检查这两个日期");
    CHECK_THAT(ui::message({Problem::UnknownColumns, {std::vector<std::string>{"Media", "Background"}}}, Lang::Zh),
               Catch::StartsWith("未导入的列：「Media」、「Background」。"));
    const Diagnostic warning{Severity::Warning, "p.json", 3, 5, "/people/1", {Problem::PersonUnused, {"acme"}}};
    CHECK_THAT(ui::describe(warning, Lang::Zh), Catch::StartsWith("p.json:3:5: 警告：/people/1：没有题目能用到「acme」"));
}

TEST_CASE("Every diagnostic of the fuzz seed corpus fills its sentence", "[messages]") {
    namespace fs = std::filesystem;
    size_t seen = 0;
    for (const auto& entry : fs::recursive_directory_iterator(CHRONICLE_FUZZ_CORPUS)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        ImportOptions o;
        o.file = entry.path().filename().string();
        std::vector<Diagnostic> all = load(text.str()).diagnostics;
        for (const ImportResult& r : {import_timeline(text.str(), o), import_csv(text.str(), o)})
            all.insert(all.end(), r.diagnostics.begin(), r.diagnostics.end());
        for (const Diagnostic& d : all) {
            INFO(entry.path().string() << ": " << ui::describe(d, Lang::En));
            CHECK(d.issue.details.size() == ui::placeholder_count(ui::message_template(d.issue.problem, Lang::En)));
            for (const Issue& note : d.notes)
                CHECK(note.details.size() == ui::placeholder_count(ui::message_template(note.problem, Lang::En)));
            ++seen;
        }
    }
    CHECK(seen > 100);
}

TEST_CASE("Counts on screen: the singular for one, thousands grouped in English, 万 in Chinese", "[messages][plural]") {
    using ui::T;
    CHECK(std::string(ui::text(ui::for_count(1, T::Point, T::Points), Lang::En)) == "+{n} point");
    CHECK(std::string(ui::text(ui::for_count(2, T::Point, T::Points), Lang::En)) == "+{n} points");
    CHECK(std::string(ui::text(ui::for_count(1, T::PointTotal, T::PointsTotal), Lang::En)) == "{n} point");
    CHECK(std::string(ui::text(ui::for_count(1, T::PackEvent, T::PackEvents), Lang::En)) == "{n} event");
    CHECK(std::string(ui::text(ui::for_count(0, T::PackEvent, T::PackEvents), Lang::En)) == "{n} events");
    CHECK(std::string(ui::text(ui::for_count(1, T::PackAddedOne, T::PackAdded), Lang::En)).find("{n} event.") !=
          std::string::npos);
    CHECK(ui::number_text(12'000, Lang::En) == "12,000");
    CHECK(ui::number_text(12'000, Lang::Zh) == "1.2万");
    CHECK(ui::number_text(1500, Lang::Zh) == "1500");
}

TEST_CASE("Counts on screen are grouped like every other number", "[messages][numbers]") {
    CHECK(ui::number_text(11'100, Lang::En) == "11,100");
    CHECK(ui::number_text(11'100, Lang::Zh) == "1.11万");
    CHECK(ui::number_text(7, Lang::Zh) == "7");
    CHECK(fill_in(ui::text(ui::T::BestScore, Lang::En), {{"m", "Timed"}, {"n", ui::number_text(11'100, Lang::En)}}) ==
          "Best in Timed: 11,100");
}
