// The paper worksheet: a PDF, the same bytes for the same quiz, the paper asked for,
// and a layout that keeps questions whole and the answer key on pages of its own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "core/quiz/generator.h"
#include "print/worksheet.h"
#include "support.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

Quiz quiz_of(const std::string& lang, size_t count, uint64_t seed = 8) {
    QuizOptions o;
    o.seed = seed;
    o.count = count;
    o.lang = lang;
    return generate_quiz(seed_pack(), o);
}

size_t count_of(const std::string& pdf, const std::string& pattern) {
    const std::regex re(pattern);
    return static_cast<size_t>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), re), std::sregex_iterator()));
}

} // namespace

TEST_CASE("A worksheet is a PDF, the same bytes for the same quiz", "[print]") {
    for (const char* lang : {"en", "zh"}) {
        INFO(lang);
        const Quiz quiz = quiz_of(lang, 10);
        const print::Worksheet a = print::render_worksheet(quiz, seed_pack(), print::Paper::A4);
        REQUIRE_FALSE(a.error);
        CHECK(a.pdf.rfind("%PDF-", 0) == 0);
        CHECK(a.pdf.find("%%EOF") != std::string::npos);
        CHECK(print::render_worksheet(quiz, seed_pack(), print::Paper::A4).pdf == a.pdf);
        CHECK(print::render_worksheet(quiz_of(lang, 10, 9), seed_pack(), print::Paper::A4).pdf != a.pdf);
        // Every page the layout counted is in the file.
        CHECK(count_of(a.pdf, "/Type /Page[^s]") == a.layout.pages);
    }
}

TEST_CASE("The paper gives the page size: A4 595×842 pt, Letter 612×792 pt", "[print]") {
    const Quiz quiz = quiz_of("en", 10);
    CHECK(print::paper_from_name("a4") == print::Paper::A4);
    CHECK(print::paper_from_name("letter") == print::Paper::Letter);
    CHECK_FALSE(print::paper_from_name("A5"));
    const print::Worksheet a4 = print::render_worksheet(quiz, seed_pack(), print::Paper::A4);
    const print::Worksheet letter = print::render_worksheet(quiz, seed_pack(), print::Paper::Letter);
    CHECK(count_of(a4.pdf, R"(/MediaBox \[ 0 0 595 842 \])") == a4.layout.pages);
    CHECK(count_of(letter.pdf, R"(/MediaBox \[ 0 0 612 792 \])") == letter.layout.pages);
    CHECK(count_of(a4.pdf, "612 792") == 0);
}

TEST_CASE("Questions fill pages in order, whole, and the answer key starts a page of its own", "[print]") {
    for (const char* lang : {"en", "zh"}) {
        for (print::Paper paper : {print::Paper::A4, print::Paper::Letter}) {
            INFO(lang << (paper == print::Paper::A4 ? " A4" : " Letter"));
            const Quiz few = quiz_of(lang, 3), many = quiz_of(lang, 40);
            REQUIRE(many.questions.size() > 30);
            const print::WorksheetLayout small = print::render_worksheet(few, seed_pack(), paper).layout;
            const print::WorksheetLayout big = print::render_worksheet(many, seed_pack(), paper).layout;
            CHECK(big.pages > small.pages);
            for (const print::WorksheetLayout* l : {&small, &big}) {
                REQUIRE(l->question_page.size() == l->answer_page.size());
                CHECK(l->question_page.front() == 0);
                CHECK(std::is_sorted(l->question_page.begin(), l->question_page.end()));
                CHECK(std::is_sorted(l->answer_page.begin(), l->answer_page.end()));
                // Cut off, or kept back, the key takes no question with it.
                CHECK(l->answer_key_page == l->question_page.back() + 1);
                CHECK(l->answer_page.front() == l->answer_key_page);
                CHECK(l->pages == l->answer_page.back() + 1);
            }
            // Forty questions take more than one page, and so do their answers.
            CHECK(big.question_page.back() > 0);
            CHECK(big.answer_page.back() > big.answer_key_page);
        }
    }
}

TEST_CASE("A worksheet is named for its pack and seed", "[print]") {
    CHECK(print::worksheet_file_name(quiz_of("en", 3, 42)) == "chronicle-openai-2023-42.pdf");
}
