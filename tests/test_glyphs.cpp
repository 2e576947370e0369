// The characters of texts as a set, decoded where the text lies; a pack's, kept in the
// pack index's cache file and trusted from it only for the same file.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "core/base/text.h"
#include "core/play/library.h"
#include "support.h"

using namespace chronicle;

namespace {

std::string testing_hex(const std::string& bytes) {
    std::string out;
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out += "0123456789ABCDEF"[b / 16], out += "0123456789ABCDEF"[b % 16], out += ' ';
    }
    return out;
}

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

TEST_CASE("A code point set skips exactly the bytes find_invalid_utf8 rejects", "[glyphs]") {
    // Bytes near every boundary of UTF-8's rules, and ASCII, in random strings.
    const unsigned char edges[] = {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                   0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF};
    std::mt19937 rng(14);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        for (auto len = rng() % 12; len > 0; --len)
            text += static_cast<char>(rng() % 4 == 0 ? 'a' + rng() % 26 : edges[rng() % sizeof edges]);
        // What a reader keeps who drops the first byte find_invalid_utf8 rejects, again and again.
        std::string valid;
        for (std::string_view rest = text; !rest.empty();) {
            const size_t bad = find_invalid_utf8(rest);
            valid += rest.substr(0, bad);
            rest.remove_prefix(bad == std::string_view::npos ? rest.size() : bad + 1);
        }
        const std::vector<char32_t> decoded = code_points(valid);
        const std::set<char32_t> expected(decoded.begin(), decoded.end());
        INFO(testing_hex(text));
        CHECK(set_of({text}) == std::u32string(expected.begin(), expected.end()));
    }
}

TEST_CASE("A pack's characters are those of all its text, without a copy of it", "[glyphs]") {
    const Pack& seed = test::seed_pack();
    std::u32string expected = distinct_code_points(all_text(seed));
    expected.erase(expected.find(U'\n'), 1); // all_text's separator, no character of the pack
    CHECK(pack_characters(seed) == expected);
    CHECK(expected.find(U'时') != std::u32string::npos);

    const LoadResult r = test::load(test::pack_with(
        R"([{"id": "e1", "date": "2020", "headline": {"en": "Party 🎉", "zh": "派对"}, "text": "𠀀 ok",
              "date_note": "½"}])",
        R"("people": [{"id": "p", "name": "Ŧom"}],)"));
    REQUIRE(r.pack);
    const std::u32string characters = pack_characters(*r.pack);
    for (char32_t c : {U'🎉', U'派', U'\U00020000', U'½', U'Ŧ'}) CHECK(characters.find(c) != std::u32string::npos);
    CHECK(characters == set_of({all_text(*r.pack)}).erase(0, 1)); // '\n' is the lowest of them
}

namespace {

namespace fs = std::filesystem;

struct Folder {
    test::TempDir dir;
    Folder() { fs::create_directories(dir.file("packs")); }
    std::string pack() const { return dir.file("packs/a.json"); }
    std::string index() const { return dir.file("pack-index.json"); }
    void write(const std::string& text) const { std::ofstream(pack(), std::ios::binary) << text; }
    PackLibrary library() const { return PackLibrary({{"user", dir.file("packs")}}, index()); }
    std::string cache() const {
        std::stringstream text;
        text << std::ifstream(index(), std::ios::binary).rdbuf();
        return text.str();
    }
};

void index_all(PackLibrary& library) {
    for (std::vector<LoadJob> jobs = library.take_jobs(); !jobs.empty(); jobs = library.take_jobs())
        for (const LoadJob& job : jobs) library.finish(run_load_job(job));
}

const std::u32string& characters_of(const PackLibrary& library) {
    const LibraryEntry& e = library.entries().at(0);
    REQUIRE(e.summary);
    return e.summary->characters;
}

std::string pack_titled(const std::string& title) {
    return test::pack_with(R"([{"id": "e1", "date": "2020", "headline": ")" + title + R"(", "text": "t"}])");
}

} // namespace

SCENARIO("A pack's characters are cached on disk for the same size and modification time only", "[glyphs][library]") {
    Folder f;
    f.write(pack_titled("Party 🎉 派对")); // 🎉 and 派对: beyond the BMP and CJK through the cache
    PackLibrary first = f.library();
    index_all(first);
    const std::u32string indexed = characters_of(first);
    REQUIRE(indexed == pack_characters(*load_pack_file(f.pack()).pack));
    REQUIRE(indexed.find(U'🎉') != std::u32string::npos);
    REQUIRE(fs::exists(f.index()));

    WHEN("the library starts again with the file unchanged") {
        PackLibrary again = f.library();
        THEN("the characters come from the cache, the same, and no job reads the pack") {
            CHECK(again.take_jobs().empty());
            CHECK(characters_of(again) == indexed);
        }
    }
    WHEN("the file gets other characters and another size") {
        f.write(pack_titled("Party 🎊 派对 again"));
        PackLibrary again = f.library();
        THEN("the cached characters are not used: the pack is indexed again, with its new ones") {
            CHECK(again.entries().at(0).indexing());
            index_all(again);
            CHECK(characters_of(again).find(U'🎊') != std::u32string::npos);
            CHECK(characters_of(again).find(U'🎉') == std::u32string::npos);
        }
    }
    WHEN("the file gets other characters of the same size, and only its modification time tells") {
        const auto mtime = fs::last_write_time(f.pack());
        f.write(pack_titled("Party 🎊 派对")); // 🎊 is as long as 🎉 in UTF-8
        fs::last_write_time(f.pack(), mtime + std::chrono::seconds(1));
        PackLibrary again = f.library();
        THEN("the pack is indexed again, with its new characters") {
            CHECK(again.entries().at(0).indexing());
            index_all(again);
            CHECK(characters_of(again).find(U'🎊') != std::u32string::npos);
        }
    }
    WHEN("the characters in the cache file are damaged") {
        const std::string cache = f.cache();
        const std::string field = "\"characters\":\"";
        const size_t at = cache.find(field);
        REQUIRE(at != std::string::npos);
        const size_t from = at + field.size(), to = cache.find("\",", from); // its end: no '"' in the pack
        REQUIRE(to != std::string::npos);
        THEN("the cache is ignored: the pack is indexed again, with the same characters") {
            for (const std::string& damaged : {cache.substr(0, from) + "\xFF" + cache.substr(from),           // not UTF-8
                                               cache.substr(0, from - 1) + "7" + cache.substr(to + 1),        // not a string
                                               cache.substr(0, from) + "\\ud800" + cache.substr(from),      // a lone surrogate
                                               cache.substr(0, from + 2)}) {                                  // cut short
                INFO(damaged);
                std::ofstream(f.index(), std::ios::binary) << damaged;
                PackLibrary again = f.library();
                CHECK(again.entries().at(0).indexing());
                index_all(again);
                CHECK(characters_of(again) == indexed);
            }
        }
    }
}
