#include "core/exchange/html_text.h"

#include <cctype>
#include <utility>

#include "core/base/text.h"

namespace chronicle {

namespace {

// The named references people actually type; HTML5 has 2,231 of them.
constexpr std::pair<std::string_view, char32_t> kNamedReferences[] = {
    {"amp", U'&'},      {"lt", U'<'},        {"gt", U'>'},       {"quot", U'"'},     {"apos", U'\''},
    {"nbsp", U' '},     {"ensp", U' '},      {"emsp", U' '},     {"thinsp", U' '},   {"ndash", U'–'},
    {"mdash", U'—'},    {"hellip", U'…'},    {"lsquo", U'‘'},    {"rsquo", U'’'},    {"ldquo", U'“'},
    {"rdquo", U'”'},    {"laquo", U'«'},     {"raquo", U'»'},    {"middot", U'·'},   {"bull", U'•'},
    {"copy", U'©'},     {"reg", U'®'},       {"trade", U'™'},    {"deg", U'°'},      {"times", U'×'},
    {"divide", U'÷'},   {"plusmn", U'±'},    {"minus", U'−'},    {"frac12", U'½'},   {"sup2", U'²'},
    {"euro", U'€'},     {"pound", U'£'},     {"yen", U'¥'},      {"cent", U'¢'},     {"sect", U'§'},
    {"para", U'¶'},     {"iexcl", U'¡'},     {"iquest", U'¿'},   {"aacute", U'á'},   {"agrave", U'à'},
    {"acirc", U'â'},    {"auml", U'ä'},      {"aring", U'å'},    {"ccedil", U'ç'},   {"eacute", U'é'},
    {"egrave", U'è'},   {"ecirc", U'ê'},     {"euml", U'ë'},     {"iacute", U'í'},   {"icirc", U'î'},
    {"iuml", U'ï'},     {"ntilde", U'ñ'},    {"oacute", U'ó'},   {"ograve", U'ò'},   {"ocirc", U'ô'},
    {"ouml", U'ö'},     {"oslash", U'ø'},    {"uacute", U'ú'},   {"ugrave", U'ù'},   {"ucirc", U'û'},
    {"uuml", U'ü'},     {"szlig", U'ß'},     {"Aacute", U'Á'},   {"Eacute", U'É'},   {"Ouml", U'Ö'},
    {"Uuml", U'Ü'},     {"Auml", U'Ä'},      {"Ccedil", U'Ç'},   {"Ntilde", U'Ñ'},
};

// Tags after which the text continues on a new line.
bool breaks_line(std::string_view tag) {
    for (std::string_view b : {"br", "p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                               "blockquote", "section", "article", "hr", "table", "dd", "dt"})
        if (tag == b) return true;
    return false;
}

size_t find_ignoring_case(std::string_view s, std::string_view what, size_t from) {
    for (size_t at = from; at + what.size() <= s.size(); ++at) {
        size_t k = 0;
        while (k < what.size() && std::tolower(static_cast<unsigned char>(s[at + k])) == what[k]) ++k;
        if (k == what.size()) return at;
    }
    return std::string_view::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Decodes the reference starting at s[i] == '&'; on success appends it and returns
// the length consumed, else 0.
size_t decode_reference(std::string_view s, size_t i, std::string& out) {
    // References are short: look no further, or a text of many '&' takes quadratic time.
    const size_t semi = s.substr(i, 14).find(';');
    if (semi == std::string_view::npos) return 0;
    const std::string_view name = s.substr(i + 1, semi - 1);
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 8) return 0;
        char32_t cp = 0;
        for (char c : digits) {
            const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                                 : -1;
            if (v < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
        }
        // NUL, surrogates and out-of-range numbers are not characters: drop them.
        if (cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) append_utf8(out, cp == 0xA0 ? U' ' : cp);
        return semi + 1;
    }
    for (const auto& [n, cp] : kNamedReferences) {
        if (n == name) {
            append_utf8(out, cp);
            return semi + 1;
        }
    }
    return 0;
}

} // namespace

std::string plain_text_from_html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false, pending_break = false;
    auto flush_separator = [&] {
        if (!out.empty()) {
            if (pending_break) out += '\n';
            else if (pending_space) out += ' ';
        }
        pending_space = pending_break = false;
    };
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (is_space(c)) {
            pending_space = true;
            ++i;
        } else if (c == '<' && s.substr(i, 4) == "<!--") {
            const size_t end = s.find("-->", i + 4);
            i = end == std::string_view::npos ? s.size() : end + 3;
        } else if (c == '<' && i + 1 < s.size() &&
                   (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' || s[i + 1] == '!')) {
            const size_t end = s.find('>', i);
            if (end == std::string_view::npos) break; // an unclosed tag at the end: drop it
            const bool closing = s[i + 1] == '/';
            size_t n = i + 1 + closing;
            std::string tag;
            while (n < end && std::isalnum(static_cast<unsigned char>(s[n])))
                tag += static_cast<char>(std::tolower(static_cast<unsigned char>(s[n++])));
            i = end + 1;
            if (breaks_line(tag)) pending_break = true;
            if (!closing && (tag == "script" || tag == "style")) {
                // Their content is code, not words: skip to the closing tag.
                const size_t close = find_ignoring_case(s, "</" + tag, i);
                const size_t close_end = close == std::string_view::npos ? close : s.find('>', close);
                i = close_end == std::string_view::npos ? s.size() : close_end + 1;
            }
        } else if (c == '&') {
            std::string decoded;
            const size_t used = decode_reference(s, i, decoded);
            if (!decoded.empty()) {
                if (decoded == " ") {
                    pending_space = true;
                } else {
                    flush_separator();
                    out += decoded;
                }
            }
            if (used == 0) {
                flush_separator();
                out += '&';
            }
            i += used ? used : 1;
        } else {
            flush_separator();
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace chronicle
