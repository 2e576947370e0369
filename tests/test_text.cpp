#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/base/text.h"

using namespace chronicle;

TEST_CASE("Control characters are found, stripped and escaped", "[text]") {
    const std::string esc = "red \x1b[31mALERT\x1b[0m";
    const std::string osc = "\x1b]0;pwned\x07title";
    const std::string c1 = "csi \xc2\x9b" "31m";
    SECTION("found, with newline and tab passing only where running text allows them") {
        CHECK(find_control_character(esc, true) == 4);
        CHECK(find_control_character(c1, true) == 4);
        CHECK(find_control_character("a\tb\nc", true) == std::string_view::npos);
        CHECK(find_control_character("a\tb\nc", false) == 1);
        CHECK(find_control_character("DEL\x7f", true) == 3);
        CHECK(find_control_character("曹操 «é» ©", false) == std::string_view::npos); // é, « and © share C2/C3 lead bytes
    }
    SECTION("stripped") {
        CHECK(without_control_characters(esc, true) == "red [31mALERT[0m");
        CHECK(without_control_characters(osc, true) == "]0;pwnedtitle");
        CHECK(without_control_characters(c1, true) == "csi 31m");
        CHECK(without_control_characters("a\nb", false) == "ab");
        CHECK(without_control_characters("a\nb", true) == "a\nb");
    }
    SECTION("escaped for a terminal; newline and tab only where running text allows them") {
        CHECK(printable(esc) == "red \\x1b[31mALERT\\x1b[0m");
        CHECK(printable(osc) == "\\x1b]0;pwned\\x07title");
        CHECK(printable(c1) == "csi \\u009b31m");
        CHECK(printable("line\n\ttab 中文", true) == "line\n\ttab 中文");
        CHECK(printable("fake\nok") == "fake\\x0aok"); // one-line text: a newline cannot fake a line of output
        CHECK(first_control_character(c1, true) == "\xc2\x9b");
        CHECK(first_control_character("a\tb", true).empty());
        CHECK(first_control_character("a\tb", false) == "\t");
    }
}

TEST_CASE("The bounded edit distance agrees with the full one up to its limit", "[text]") {
    // Every pair of strings of up to 5 letters from {a, b}, and a few long ones.
    std::vector<std::string> words{""};
    for (size_t k = 0; k < words.size() && words.size() < 63; ++k)
        for (char c : {'a', 'b'}) words.push_back(words[k] + c);
    words.push_back(std::string(64, 'a'));
    words.push_back(std::string(63, 'a') + "b");
    words.push_back("b" + std::string(62, 'a') + "b");
    for (const std::string& a : words) {
        for (const std::string& b : words) {
            INFO(a << " / " << b);
            for (size_t limit = 0; limit <= 3; ++limit) CHECK(edit_distance(a, b, limit) == std::min(edit_distance(a, b), limit + 1));
        }
    }
}

TEST_CASE("Numbers read as a Chinese editor and an English one expect", "[text][numbers]") {
    SECTION("Chinese counts in 万 and 亿 when that reads short, else plain digits, never thousands commas") {
        CHECK(format_number(10'000, "zh") == "1万");
        CHECK(format_number(15'000, "zh") == "1.5万");
        CHECK(format_number(12'500, "zh") == "1.25万");
        CHECK(format_number(10'000'000, "zh") == "1000万");
        CHECK(format_number(100'000'000, "zh") == "1亿");
        CHECK(format_number(150'000'000, "zh") == "1.5亿");
        CHECK(format_number(123'450'000, "zh") == "12345万");
        CHECK(format_number(1'000'000, "zh") == "100万");
        CHECK(format_number(-20'000, "zh") == "-2万");
        CHECK(format_number(13'799'700'000, "zh") == "13799700000"); // not "1379970万"
        CHECK(format_number(1e12, "zh") == "1万亿");
        CHECK(format_number(1000, "zh") == "1000");
        CHECK(format_number(12'345, "zh") == "12345");
        CHECK(format_number(123'456'789, "zh") == "123456789");
        CHECK(format_number(3.5, "zh") == "3.5");
        CHECK(format_quantity(15'000, "名用户", "zh") == "1.5万名用户");
    }
    SECTION("English groups thousands, fractions too") {
        CHECK(format_number(15'000, "en") == "15,000");
        CHECK(format_number(1'000'000, "en") == "1,000,000");
        CHECK(format_number(12'345.5, "en") == "12,345.5");
        CHECK(format_number(-12'345.75, "en") == "-12,345.8");
        CHECK(format_number(1'234'567.5, "en") == "1,234,570");
        CHECK(format_number(0.25, "en") == "0.25");
        CHECK(format_quantity(15'000, "users", "en") == "15,000 users");
    }
}

TEST_CASE("ASCII punctuation next to Chinese characters is found and made full width", "[text][punctuation]") {
    SECTION("each mark next to a Han character or CJK punctuation") {
        CHECK(with_full_width_punctuation("OpenAI 的混乱:从 ChatGPT 发布") == "OpenAI 的混乱：从 ChatGPT 发布");
        CHECK(with_full_width_punctuation("功能,Sutskever 怒了. 为什么? 好! 一;二") == "功能，Sutskever 怒了。为什么？好！一；二");
        CHECK(with_full_width_punctuation("今年 (2023 年) 7 月") == "今年（2023 年）7 月");
        // A pair goes together: the closing one touches 」, the opening one only Latin.
        CHECK(with_full_width_punctuation("「感受下 AGI(feel the AGI)」") == "「感受下 AGI（feel the AGI）」");
        CHECK(with_full_width_punctuation("感受下 AGI!感受下 AGI!」") == "感受下 AGI！感受下 AGI！」");
    }
    SECTION("ASCII stays in Latin runs, numbers, URLs, list markers and ellipses") {
        for (const char* kept : {"发布 GPT-3.5 的产品", "feel the AGI, and more", "见 https://example.org/a?b=c 的说明",
                                 "3.5万名用户", "1,000万", "1. 下面哪件事", "A. 选项", "等等...", "登月.csv", "20% 的芯片", "(GPT-4)",
                                 "Who said “Feel the AGI”?"}) {
            CAPTURE(kept);
            CHECK_FALSE(find_ascii_punctuation(kept));
            CHECK(with_full_width_punctuation(kept) == kept);
        }
    }
    SECTION("the first one found says where, what and what to write") {
        const auto found = find_ascii_punctuation("GPT-3.5 的混乱:从");
        REQUIRE(found);
        CHECK(found->offset == std::string("GPT-3.5 的混乱").size());
        CHECK(found->ascii == ':');
        CHECK(found->full_width == "：");
    }
}

namespace {

// The text cut at every break opportunity, "|" between the pieces.
std::string pieces(std::string_view text) {
    std::string out;
    size_t from = 0;
    for (size_t at : line_break_opportunities(text)) {
        out += std::string(text.substr(from, at - from)) + "|";
        from = at;
    }
    return out + std::string(text.substr(from));
}

} // namespace

TEST_CASE("Lines break between Chinese characters and at spaces, never beside the wrong punctuation", "[text][wrap]") {
    GIVEN("Chinese text") {
        THEN("a line may end between any two characters") { CHECK(pieces("中文换行") == "中|文|换|行"); }
        THEN("never before closing punctuation nor after opening punctuation") {
            CHECK(pieces("你好，世界。") == "你|好，|世|界。");
            CHECK(pieces("书名《红楼梦》好") == "书|名|《红|楼|梦》|好");
            CHECK(pieces("他说：「走！」然后……走了——") == "他|说：|「走！」|然|后……|走|了——");
        }
        THEN("a file name in brackets never splits so that \"（.\" or \"csv）\" end a line") {
            CHECK(pieces("导入（.csv）文件") == "导|入|（.csv）|文|件");
        }
        THEN("a number stays with its unit") { CHECK(pieces("约100万人") == "约|100万|人"); }
    }
    GIVEN("Latin text") {
        THEN("lines end after spaces only, with the spaces on the line they follow") {
            CHECK(pieces("Hello, wide world (really).") == "Hello, |wide |world |(really).");
        }
        THEN("a long word has no opportunity inside it") { CHECK(line_break_opportunities("Supercalifragilistic").empty()); }
    }
    GIVEN("mixed text") {
        THEN("Latin words stay whole between Chinese characters") {
            CHECK(pieces("用ChatGPT写诗") == "用|ChatGPT|写|诗");
            CHECK(pieces("用GPT-3.5写") == "用|GPT-3.5写"); // a number keeps the character after it
        }
    }
    GIVEN("kana and Hangul") {
        THEN("they break like Han") {
            CHECK(pieces("かな") == "か|な");
            CHECK(pieces("한글") == "한|글");
        }
    }
    CHECK(line_break_opportunities("").empty());
    CHECK(utf8_length("中文ab") == 4);
}
