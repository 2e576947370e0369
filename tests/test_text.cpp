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
