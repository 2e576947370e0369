#include "core/base/text.h"

#include <cctype>
#include <cmath>
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

namespace chronicle {

const std::string* LocalText::find(std::string_view lang) const {
    for (const auto& [l, t] : by_lang)
        if (l == lang) return &t;
    return nullptr;
}

const std::string& LocalText::get(std::string_view lang, std::string_view fallback) const {
    static const std::string kEmpty;
    if (const std::string* t = find(lang)) return *t;
    if (const std::string* t = find(fallback)) return *t;
    return by_lang.empty() ? kEmpty : by_lang.front().second;
}

size_t find_invalid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;      // no overlongs
            else if (c == 0xED) hi = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            else if (c == 0xF4) hi = 0x8F; // nothing past U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// The code point that starts at s[i] (valid UTF-8), and its length in bytes.
char32_t decode_at(std::string_view s, size_t i, size_t& len) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char c = p[i];
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
    return cp;
}

// Decodes the UTF-8 sequence that starts with the byte p[i] (0x80 or more) into `cp`;
// its length (2 to 4), or 0 when those bytes are not one, by find_invalid_utf8's
// rules: a stray continuation byte, a sequence cut short, an overlong form, a
// surrogate or a code point past U+10FFFF.
size_t decode_sequence(const unsigned char* p, size_t i, size_t n, char32_t& cp) {
    const unsigned char c = p[i];
    auto continues = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
    if (c < 0xE0) {
        if (c < 0xC2 || !continues(1)) return 0; // C0 and C1 only start overlongs
        cp = static_cast<char32_t>(c & 0x1F) << 6 | (p[i + 1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (!continues(1) || !continues(2)) return 0;
        cp = static_cast<char32_t>(c & 0x0F) << 12 | static_cast<char32_t>(p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3Fu);
        return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? 3 : 0;
    }
    if (c > 0xF4 || !continues(1) || !continues(2) || !continues(3)) return 0;
    cp = static_cast<char32_t>(c & 0x07) << 18 | static_cast<char32_t>(p[i + 1] & 0x3F) << 12 |
         static_cast<char32_t>(p[i + 2] & 0x3F) << 6 | (p[i + 3] & 0x3Fu);
    return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
}

} // namespace

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0, len = 0; i < s.size(); i += len) out.push_back(decode_at(s, i, len));
    return out;
}

std::u32string distinct_code_points(std::string_view s) {
    CodePointSet set;
    set.add_utf8(s);
    return set.code_points();
}

void CodePointSet::add_beyond_bmp(char32_t c) {
    const auto at = std::lower_bound(beyond_bmp_.begin(), beyond_bmp_.end(), c);
    if (at == beyond_bmp_.end() || *at != c) beyond_bmp_.insert(at, c);
}

void CodePointSet::add_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    // ASCII, most bytes of most packs, goes to two registers without a branch: in
    // memory each byte would wait for the write of the one before.
    uint64_t low = 0, high = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            const uint64_t bit = uint64_t{1} << (c % 64);
            low |= c < 64 ? bit : 0;
            high |= c < 64 ? 0 : bit;
            ++i;
            continue;
        }
        char32_t cp = 0;
        const size_t len = decode_sequence(p, i, n, cp);
        if (len == 0) {
            ++i;
            continue;
        }
        add(cp);
        i += len;
    }
    bmp_[0] |= low;
    bmp_[1] |= high;
}

std::u32string CodePointSet::code_points() const {
    std::u32string out;
    for (size_t word = 0; word < bmp_.size(); ++word)
        for (uint64_t bits = bmp_[word]; bits != 0; bits &= bits - 1) // lowest bit set, then cleared
            out += static_cast<char32_t>(word * 64 + static_cast<size_t>(__builtin_ctzll(bits)));
    out += std::u32string_view(beyond_bmp_.data(), beyond_bmp_.size());
    return out;
}

bool is_chinese(std::string_view lang) { return lang == "zh" || lang.substr(0, 3) == "zh-"; }

namespace {

std::string grouped(long long v) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

// "1.5" for 150 hundredths, "1000" for 100000.
std::string from_hundredths(long long hundredths) {
    std::string out = std::to_string(hundredths / 100);
    if (const long long rest = hundredths % 100) {
        out += '.' + std::to_string(rest / 10);
        if (rest % 10) out += std::to_string(rest % 10);
    }
    return out;
}

// A whole number as a Chinese editor writes it: in 万亿, 亿 or 万 with at most five
// digits before the unit and two decimals when that is exact ("1.5万", "12345万",
// "1万亿"), else its digits ("1234", "123456789", "13799700000").
std::string chinese_count(long long n) {
    const long long magnitude = n < 0 ? -n : n;
    const std::string sign = n < 0 ? "-" : "";
    for (const auto& [unit, name] : {std::pair<long long, const char*>{1'000'000'000'000, "万亿"},
                                     {100'000'000, "亿"}, {10'000, "万"}}) {
        if (magnitude < unit || magnitude % (unit / 100) != 0) continue; // two decimals at most
        if (magnitude / unit >= 100'000 && unit != 1'000'000'000'000) continue; // "1379970万" reads as nothing
        return sign + from_hundredths(magnitude / (unit / 100)) + name;
    }
    return std::to_string(n);
}

} // namespace

std::string format_number(double v, std::string_view lang) {
    const bool integral = std::fabs(v) < 1e15 && v == std::floor(v);
    if (integral) {
        const auto n = static_cast<long long>(v);
        return is_chinese(lang) ? chinese_count(n) : grouped(n);
    }
    // Six significant digits, the whole part grouped in English: "12,345.5".
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    std::string text = buf;
    if (text.find('e') != std::string::npos && std::fabs(v) >= 1 && std::fabs(v) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", std::strtod(text.c_str(), nullptr)); // 1.23457e+06 → 1234570
        text = buf;
    }
    if (is_chinese(lang) || text.find('e') != std::string::npos) return text;
    const size_t start = text[0] == '-' ? 1 : 0;
    const size_t point = std::min(text.find('.'), text.size());
    return text.substr(0, start) + grouped(std::stoll(text.substr(start, point - start))) + text.substr(point);
}

std::string format_quantity(double v, std::string_view unit, std::string_view lang) {
    std::string s = format_number(v, lang);
    if (unit.empty()) return s;
    const bool tight = unit == "%" || is_chinese(lang);
    return s + (tight ? "" : " ") + std::string(unit);
}

bool is_chinese_character(char32_t c) {
    return (c >= 0x3000 && c <= 0x303F) ||   // CJK symbols and punctuation: 、。「」
           (c >= 0x3400 && c <= 0x4DBF) ||   // Han, extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||   // Han
           (c >= 0xF900 && c <= 0xFAFF) ||   // Han compatibility
           (c >= 0xFF01 && c <= 0xFF60) ||   // full-width forms: ，（）
           (c >= 0x20000 && c <= 0x3FFFF);   // Han, further extensions
}

namespace {

enum class BreakClass { Ideographic, Opening, Closing, Space, Other };

bool is_ideographic(char32_t c) {
    return is_chinese_character(c) || (c >= 0x1100 && c <= 0x11FF) || // Hangul jamo
           (c >= 0x3040 && c <= 0x33FF) ||                            // kana, bopomofo, CJK compatibility
           (c >= 0xAC00 && c <= 0xD7AF) ||                            // Hangul syllables
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFFE0 && c <= 0xFFE6) || // CJK compatibility forms, full-width signs
           (c >= 0x1F300 && c <= 0x1FAFF);                            // pictographs
}

BreakClass break_class(char32_t c) {
    switch (c) {
    case U'）': case U'。': case U'，': case U'、': case U'；': case U'：': case U'？': case U'！': case U'」': case U'』':
    case U'》': case U'〉': case U'】': case U'〕': case U'〗': case U'］': case U'｝': case U'．': case U'…': case U'—':
    case U'”': case U'’': case U'ー': case ')': case ']': case '}': case '.': case ',': case ';': case ':': case '!':
    case '?': case '%':
        return BreakClass::Closing;
    case U'（': case U'「': case U'『': case U'《': case U'〈': case U'【': case U'〔': case U'〖': case U'［': case U'｛':
    case U'“': case U'‘': case '(': case '[': case '{':
        return BreakClass::Opening;
    case ' ': case '\t': return BreakClass::Space;
    default: return is_ideographic(c) ? BreakClass::Ideographic : BreakClass::Other;
    }
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Whether a line may end between `a` and `b`.
bool may_break_between(char32_t a, char32_t b) {
    const BreakClass ca = break_class(a), cb = break_class(b);
    if (cb == BreakClass::Space || cb == BreakClass::Closing || ca == BreakClass::Opening) return false;
    if (ca == BreakClass::Space) return true;
    if (is_digit(a) && cb == BreakClass::Ideographic) return false; // a number and its unit
    // Wide characters break on either side: a full-width closing mark after itself, a
    // full-width opening mark before itself; ASCII ones stay with their Latin text.
    const bool wide_a = ca == BreakClass::Ideographic || (ca == BreakClass::Closing && a >= 0x2000);
    const bool wide_b = cb == BreakClass::Ideographic || (cb == BreakClass::Opening && b >= 0x2000);
    return wide_a || wide_b;
}

} // namespace

std::vector<size_t> line_break_opportunities(std::string_view s) {
    std::vector<size_t> out;
    size_t len = 0;
    if (s.empty()) return out;
    char32_t previous = decode_at(s, 0, len);
    for (size_t i = len; i < s.size(); i += len) {
        const char32_t c = decode_at(s, i, len);
        if (may_break_between(previous, c)) out.push_back(i);
        previous = c;
    }
    return out;
}

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

namespace {

std::string_view full_width_of(char32_t c) {
    switch (c) {
    case ',': return "，";
    case '.': return "。";
    case ':': return "：";
    case ';': return "；";
    case '?': return "？";
    case '!': return "！";
    case '(': return "（";
    case ')': return "）";
    default: return {};
    }
}

// Per code point of `cps`: whether it is an ASCII mark that Chinese text writes full width.
std::vector<bool> misplaced_marks(const std::vector<char32_t>& cps) {
    const size_t n = cps.size();
    // Whether the character next to i, spaces skipped, is Chinese. A full stop only counts
    // what touches it: "1. 下面" and "A. 选项" are list markers, not sentence ends.
    const auto chinese_beside = [&](size_t i, bool forward) {
        for (size_t k = i;;) {
            if (forward ? k + 1 >= n : k == 0) return false;
            k = forward ? k + 1 : k - 1;
            if (cps[k] != ' ' || cps[i] == '.') return is_chinese_character(cps[k]);
        }
    };
    std::vector<bool> misplaced(n, false);
    for (size_t i = 0; i < n; ++i) {
        if (full_width_of(cps[i]).empty()) continue;
        // A dot in "...", or between a Chinese word and a Latin one ("登月.csv", "新浪.com"), is no full stop.
        const auto latin_or_dot = [&](size_t k) {
            return k < n && (cps[k] == '.' || (cps[k] < 0x80 && std::isalnum(static_cast<int>(cps[k]))));
        };
        const bool not_a_stop = cps[i] == '.' && ((i > 0 && latin_or_dot(i - 1)) || latin_or_dot(i + 1));
        misplaced[i] = !not_a_stop && (chinese_beside(i, false) || chinese_beside(i, true));
    }
    std::vector<size_t> open;
    for (size_t i = 0; i < n; ++i) {
        if (cps[i] == '(') open.push_back(i);
        if (cps[i] != ')' || open.empty()) continue;
        const size_t k = open.back();
        open.pop_back();
        misplaced[k] = misplaced[i] = misplaced[k] || misplaced[i];
    }
    return misplaced;
}

} // namespace

namespace {

// Whether the text holds one of , . : ; ? ! ( ): a table lookup per byte, where
// find_first_of would search the set for each.
bool has_ascii_mark(std::string_view text) {
    static constexpr std::array<bool, 256> kMark = [] {
        std::array<bool, 256> mark{};
        for (const char c : std::string_view(",.:;?!()")) mark[static_cast<unsigned char>(c)] = true;
        return mark;
    }();
    return std::any_of(text.begin(), text.end(), [](char c) { return kMark[static_cast<unsigned char>(c)]; });
}

} // namespace

std::optional<MisplacedPunctuation> find_ascii_punctuation(std::string_view text) {
    // Most text has no ASCII mark at all: decode nothing then.
    if (!has_ascii_mark(text)) return std::nullopt;
    const std::vector<char32_t> cps = code_points(text);
    const std::vector<bool> misplaced = misplaced_marks(cps);
    size_t offset = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
        if (misplaced[i]) return MisplacedPunctuation{offset, static_cast<char>(cps[i]), full_width_of(cps[i])};
        std::string bytes;
        append_utf8(bytes, cps[i]);
        offset += bytes.size();
    }
    return std::nullopt;
}

std::string with_full_width_punctuation(std::string_view text) {
    if (!has_ascii_mark(text)) return std::string(text);
    const std::vector<char32_t> cps = code_points(text);
    const std::vector<bool> misplaced = misplaced_marks(cps);
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < cps.size(); ++i) {
        if (!misplaced[i]) {
            append_utf8(out, cps[i]);
            continue;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += full_width_of(cps[i]);
        while (i + 1 < cps.size() && cps[i + 1] == ' ') ++i;
    }
    return out;
}

namespace {

// Length in bytes of the control character at `i` (1 for C0 and DEL, 2 for a C1 in
// UTF-8), or 0 when there is none there.
size_t control_at(std::string_view text, size_t i, bool line_breaks_allowed) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) return line_breaks_allowed && (c == '\n' || c == '\t') ? 0 : 1;
    if (c == 0xc2 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (next >= 0x80 && next <= 0x9f) return 2;
    }
    return 0;
}

} // namespace

size_t find_control_character(std::string_view text, bool line_breaks_allowed) {
    for (size_t i = 0; i < text.size(); ++i)
        if (control_at(text, i, line_breaks_allowed)) return i;
    return std::string_view::npos;
}

std::string_view first_control_character(std::string_view text, bool line_breaks_allowed) {
    for (size_t i = 0; i < text.size(); ++i)
        if (const size_t n = control_at(text, i, line_breaks_allowed)) return text.substr(i, n);
    return {};
}

std::string without_control_characters(std::string_view text, bool line_breaks_allowed) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const size_t n = control_at(text, i, line_breaks_allowed);
        if (n == 0) out += text[i++];
        else i += n;
    }
    return out;
}

std::string printable(std::string_view text, bool line_breaks_allowed) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const size_t n = control_at(text, i, line_breaks_allowed);
        if (n == 0) {
            out += text[i++];
            continue;
        }
        char escape[8];
        if (n == 1) std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(text[i]));
        else std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
        out += escape;
        i += n;
    }
    return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
    const size_t far = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return far;
    // Only cells within `limit` of the diagonal can lead to a distance within it; the
    // others count as `far`.
    std::vector<size_t> row(b.size() + 1, far);
    for (size_t j = 0; j <= std::min(b.size(), limit); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        const size_t lo = i > limit ? i - limit : 1, hi = std::min(b.size(), i + limit);
        size_t diag = row[lo - 1];
        row[lo - 1] = lo == 1 && i <= limit ? i : far;
        size_t best = row[lo - 1];
        for (size_t j = lo; j <= hi; ++j) {
            const size_t up = row[j];
            row[j] = std::min({up + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1]), far});
            diag = up;
            best = std::min(best, row[j]);
        }
        if (best > limit) return far;
    }
    return std::min(row[b.size()], far);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
        const size_t end = std::min(text.find(separator, start), text.size());
        parts.emplace_back(text.substr(start, end - start));
        if (end == text.size()) return parts;
        start = end + 1;
    }
}

} // namespace chronicle
