// The characters of texts as a set, decoded where the text lies.
#include <catch2/catch.hpp>

#include "core/base/text.h"

using namespace chronicle;

namespace {

std::u32string set_of(std::initializer_list<std::string_view> texts) {
    CodePointSet set;
    for (std::string_view t : texts) set.add_utf8(t);
    return set.code_points();
}

} // namespace

TEST_CASE("A code point set holds each character once, ascending, from every plane", "[glyphs]") {
    SECTION("ASCII") {
        CHECK(set_of({"banana", "nab"}) == U"abn");
        CHECK(set_of({"\t~ \x7f"}) == U"\t ~\x7f"); // control characters are kept: the font check skips them
        CHECK(set_of({}).empty());
        CHECK(set_of({""}).empty());
    }
    SECTION("Latin, CJK and the ends of the Basic Multilingual Plane") {
        CHECK(set_of({"é中文", "文中é", "\xEF\xBF\xBF"}) == U"é中文\uFFFF");
        CHECK(set_of({"，。「」"}) == U"。「」，"); // U+3002, U+300C, U+300D, U+FF0C
        // Both neighbours of each 64-bit word's edges.
        CHECK(set_of({"\x3F\x40\x41\x7F\xC2\x80"}) == U"\x3F\x40\x41\x7F\x80");
    }
    SECTION("beyond the BMP: emoji, CJK Extension B, the last code point") {
        CHECK(set_of({"🎉a𠀀🎉", "\xF4\x8F\xBF\xBF", "𐀀"}) == U"a\U00010000\U0001F389\U00020000\U0010FFFF");
    }
    SECTION("code points added one by one and as text agree") {
        CodePointSet set;
        set.add(U'中');
        set.add(U"🎉a");
        set.add_utf8("a中🎉");
        CHECK(set.code_points() == U"a中🎉");
    }
    SECTION("bytes that are not UTF-8 are skipped, and decoding goes on after them") {
        CHECK(set_of({"a\xFF" "b"}) == U"ab");               // never a UTF-8 byte
        CHECK(set_of({"\x80" "c\xBF"}) == U"c");              // continuation bytes alone
        CHECK(set_of({"\xC0\xAF" "d"}) == U"d");              // an overlong '/'
        CHECK(set_of({"\xE0\x80\xAF" "e"}) == U"e");          // an overlong '/' in three bytes
        CHECK(set_of({"\xED\xA0\x80" "f"}) == U"f");          // a surrogate, U+D800
        CHECK(set_of({"\xF4\x90\x80\x80" "g"}) == U"g");      // past U+10FFFF
        CHECK(set_of({"h\xE4\xB8"}) == U"h");                 // 中 cut short at the end
        CHECK(set_of({"\xE4\xB8" "i中"}) == U"i中");          // cut short before more text
        CHECK(set_of({"\xF0\x9F\x8E" "j"}) == U"j");          // 🎉 cut short
    }
}
