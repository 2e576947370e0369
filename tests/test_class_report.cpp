// A class game's results as CSV: the exact rows of both tables, quoting, the guard
// against formulas, and the same file from a game read back from the save.
#include <catch2/catch.hpp>

#include "core/exchange/class_report.h"
#include "core/exchange/csv.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::TempDir;

namespace {

// Three players (joined as Ana, 李雷, "=1+1") over four questions: a choice, an order,
// one skipped, and one where two wrong options tie and Ana gives no answer.
ClassGameRecord small_game() {
    ClassGameRecord g;
    g.pack_id = "test-pack";
    g.lang = "zh";
    g.finished_at = 1700000000;
    g.questions = {
        {Kind::First, "Who said \"yes\", first?", {"A", "B", "C", "D"}, {0}, false},
        {Kind::Order, "Put in order", {"甲", "乙", "丙"}, {2, 0, 1}, false},
        {Kind::First, "=cmd|' /C calc'!A0", {"A", "B"}, {0}, true},
        {Kind::Last, "Which came last?", {"W", "X", "Y", "Z"}, {0}, false},
    };
    g.players = {{"Ana", 800, 2, 1}, {"李雷", 1900, 1, 2}, {"=1+1", 500, 3, 0}};
    g.answers = {
        {0, 0, {0}, true, 800, 6000},          {0, 1, {0}, true, 1000, 2000},       {0, 2, {1}, false, 0, 4000},
        {1, 0, {0, 2, 1}, false, 0, 6000},     {1, 1, {2, 0, 1}, true, 900, 3000},  {1, 2, {0, 2, 1}, false, 500, 5000},
        {3, 0, {}, false, 0, 0},               {3, 1, {3}, false, 0, 1000},         {3, 2, {2}, false, 0, 2000},
    };
    return g;
}

constexpr const char* kExpected =
    "\xEF\xBB\xBF"
    "rank,name,score,correct,answered,questions\r\n"
    "1,李雷,1900,2,3,3\r\n"
    "2,Ana,800,1,2,3\r\n"
    "3,'=1+1,500,0,3,3\r\n"
    "\r\n"
    "question,kind,prompt,answered,percent_right,most_chosen_wrong,most_chosen_wrong_count,average_ms\r\n"
    "1,first,\"Who said \"\"yes\"\", first?\",3,67,B,1,4000\r\n"
    "2,order,Put in order,3,33,甲 → 丙 → 乙,2,4667\r\n"
    "3,first,'=cmd|' /C calc'!A0,0,,,0,\r\n"
    "4,last,Which came last?,2,0,Y,1,1500\r\n";

} // namespace

TEST_CASE("A class game's CSV has a row per player by rank and a row per question", "[class][export]") {
    CHECK(class_results_csv(small_game()) == kExpected);
}

TEST_CASE("The class CSV reads back as the cells written", "[class][export]") {
    std::vector<Diagnostic> problems;
    const std::optional<CsvTable> table = parse_csv(class_results_csv(small_game()), "results.csv", problems);
    REQUIRE(table);
    CHECK(problems.empty());
    CHECK(table->separator == ',');
    REQUIRE(table->rows.size() == 10);
    CHECK(table->rows[4].cells.size() == 1); // the empty line between the tables
    CHECK(table->rows[4].cells[0].text.empty());
    REQUIRE(table->rows[6].cells.size() == 8);
    CHECK(table->rows[6].cells[2].text == "Who said \"yes\", first?");
}

TEST_CASE("Cells that a spreadsheet would run as formulas are made text; control characters go", "[class][export]") {
    ClassGameRecord g;
    g.players = {{"+SUM(A1)", 0, 1, 0}, {"-2", 0, 1, 0}, {"@me", 0, 1, 0}, {"a=b", 0, 1, 0}, {"\x1b=1", 0, 1, 0}};
    g.questions = {{Kind::First, "@prompt", {"=A", "B"}, {1}, false}};
    g.answers = {{0, 0, {0}, false, 0, 100}};
    const std::string csv = class_results_csv(g);
    CHECK(csv.find("1,'+SUM(A1),") != std::string::npos);
    CHECK(csv.find("1,'-2,") != std::string::npos);
    CHECK(csv.find("1,'@me,") != std::string::npos);
    CHECK(csv.find("1,a=b,") != std::string::npos);
    CHECK(csv.find("1,'=1,") != std::string::npos); // the escape (from a save edited by hand) is dropped first
    CHECK(csv.find('\x1b') == std::string::npos);
    CHECK(csv.find("1,first,'@prompt,1,0,'=A,1,100\r\n") != std::string::npos);
}

TEST_CASE("A class game read back from the save gives the same CSV", "[class][export][storage]") {
    TempDir dir;
    OpenResult opened = Storage::open(dir.file("save.db"), 1700000000);
    REQUIRE(opened.storage);
    const int64_t id = opened.storage->record_class_game(small_game());
    REQUIRE(id > 0);
    const std::optional<ClassGameRecord> read = opened.storage->class_game(id);
    REQUIRE(read);
    CHECK(class_results_csv(*read) == kExpected);
}
