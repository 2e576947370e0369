// base/: building blocks every part of core uses: dates, text, randomness, diagnostics, files, JSON input.
//
// Text in several languages, and the small text utilities the core needs
// (UTF-8 checks, number formatting) without pulling in a locale library.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronicle {

// A human-readable string in one or more languages. A pack writes either a plain
// string (the pack's default language) or {"zh": "…", "en": "…"}.
struct LocalText {
    std::vector<std::pair<std::string, std::string>> by_lang; // (language, text)

    bool empty() const { return by_lang.empty(); }
    const std::string* find(std::string_view lang) const;
    // The text in `lang`, else in `fallback`, else the first one; "" when empty.
    const std::string& get(std::string_view lang, std::string_view fallback) const;
};

// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and code
// points past U+10FFFF included), or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);

void append_utf8(std::string& out, char32_t code_point);

// Decodes the code points of valid UTF-8 text.
std::vector<char32_t> code_points(std::string_view text);
// Each code point of UTF-8 text once, ascending (a CodePointSet's); bytes that are not
// UTF-8 are skipped.
std::u32string distinct_code_points(std::string_view text);

// The distinct code points of some texts, gathered from the texts where they lie (no
// concatenated copy). A bitset over the Basic Multilingual Plane, 8 KiB whatever the
// text, where nearly every character of a pack is (Latin, CJK, punctuation: all that
// Dear ImGui 1.86 can draw), so adding one is setting a bit; the rare rest (emoji,
// CJK Extension B and beyond) in a small sorted vector rather than 128 KiB more of bits.
class CodePointSet {
public:
    void add(char32_t c) {
        if (c < kPlane) bmp_[c / 64] |= uint64_t{1} << (c % 64);
        else add_beyond_bmp(c);
    }
    void add(std::u32string_view code_points) {
        for (char32_t c : code_points) add(c);
    }
    // Decodes `text` in place; a byte that does not start a valid UTF-8 sequence (as
    // find_invalid_utf8 rules) is skipped, and decoding goes on at the next one.
    void add_utf8(std::string_view text);
    // Each code point once, ascending.
    std::u32string code_points() const;

private:
    static constexpr char32_t kPlane = 0x10000;
    void add_beyond_bmp(char32_t c);
    std::array<uint64_t, kPlane / 64> bmp_{};
    std::vector<char32_t> beyond_bmp_; // ascending
};

bool is_chinese(std::string_view lang);

// "1,000,000" and "12,345.5" in English; in Chinese, counted in 万 and 亿 when that reads
// short ("1万", "1.5万", "1000万", "1亿", "12345万"), else plain digits ("1234", "123456789").
// Fractions keep up to 6 significant digits.
std::string format_number(double value, std::string_view lang);
// A number with its unit: "20%", "1,000,000 users", "100万名用户".
std::string format_quantity(double value, std::string_view unit, std::string_view lang);

// Chinese typography: in Chinese text the punctuation , . : ; ? ! ( ) next to a Chinese
// character (a Han ideograph or CJK punctuation, spaces between skipped) is written full
// width: ，。：；？！（）. ASCII stays inside Latin runs and numbers ("GPT-3.5", "feel the
// AGI", "https://…", "3.5万"); a pair of parentheses goes full width together when either
// of them is next to a Chinese character. A dot is a full stop only when it touches a
// Chinese character and no Latin letter, digit or other dot: "1. 下面" (a list marker),
// "登月.csv" and "..." stay.
bool is_chinese_character(char32_t c);
struct MisplacedPunctuation {
    size_t offset = 0;           // byte offset of the ASCII mark in the text
    char ascii = 0;              // the mark
    std::string_view full_width; // what Chinese text writes instead
};
// The first ASCII mark that Chinese text writes full width, if any.
std::optional<MisplacedPunctuation> find_ascii_punctuation(std::string_view text);
// The text with every such mark full width, and the spaces around it dropped (a
// full-width mark carries its own space): "混乱: 从" → "混乱：从".
std::string with_full_width_punctuation(std::string_view text);

// Line breaking (a small part of Unicode's UAX #14): the byte offsets before which a
// line may end. A line may end between any two Han, kana, Hangul or full-width
// characters, after spaces (Latin words are never split here), but never before
// closing punctuation (）。，、；：？！」』》〉】…— and ASCII ) . , ; : ! ?) nor after
// opening punctuation (（「『《〈【 and ASCII (), and never between a number and the
// Han character after it ("100万"). Spaces stay at the end of the line they follow. Valid UTF-8.
std::vector<size_t> line_break_opportunities(std::string_view utf8);
// The number of code points of valid UTF-8 text.
size_t utf8_length(std::string_view utf8);

// The parts with `separator` between them: join({"zh", "en"}, ", ") is "zh, en".
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// The pieces between separators: split("a,,b", ',') is {"a", "", "b"}; "" gives {""}.
std::vector<std::string> split(std::string_view text, char separator);

// Control characters: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). Printed raw they
// move the cursor, recolour or retitle a terminal; pack text must not hold them.
// Offset of the first one in valid UTF-8 text, or npos; newline and tab pass when
// `line_breaks_allowed` (fields of running text may hold them).
size_t find_control_character(std::string_view text, bool line_breaks_allowed);
// The bytes of the first one (one for C0 and DEL, two for C1), or "" when there is none.
std::string_view first_control_character(std::string_view text, bool line_breaks_allowed);
// The text without its control characters (newline and tab kept when allowed).
std::string without_control_characters(std::string_view text, bool line_breaks_allowed);
// The text safe to print to a terminal: each control character is written out as an
// escape, \x1b or \u009b; newline and tab too unless `line_breaks_allowed` (a file
// name or a title with a newline could fake a line of output).
std::string printable(std::string_view text, bool line_breaks_allowed = false);

// Edit distance, for "did you mean" hints on misspelt field names.
size_t edit_distance(std::string_view a, std::string_view b);
// The same when it is at most `limit`, else limit + 1, in O(length × limit): for
// hints over many candidates or long text.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

} // namespace chronicle
