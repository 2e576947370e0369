#include "core/json_locate.h"

#include <vector>

namespace chronicle {

TextPosition position_of(std::string_view text, size_t offset) {
    TextPosition p;
    const size_t end = offset < text.size() ? offset : text.size();
    size_t line_start = 0;
    for (size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    }
    p.column = static_cast<int>(end - line_start) + 1;
    return p;
}

std::string pointer_append(const std::string& pointer, std::string_view token) {
    std::string out = pointer + "/";
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

std::vector<std::string> split_pointer(std::string_view pointer) {
    std::vector<std::string> tokens;
    size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        std::string t;
        for (++i; i < pointer.size() && pointer[i] != '/'; ++i) {
            if (pointer[i] == '~' && i + 1 < pointer.size()) {
                t += pointer[i + 1] == '1' ? '/' : '~';
                ++i;
            } else {
                t += pointer[i];
            }
        }
        tokens.push_back(std::move(t));
    }
    return tokens;
}

void append_utf8(std::string& out, unsigned cp) {
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

// A forgiving cursor over text that nlohmann has already accepted as JSON.
struct Cursor {
    std::string_view s;
    size_t i = 0;

    bool at(char c) const { return i < s.size() && s[i] == c; }
    void skip_space() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    unsigned hex4() {
        unsigned v = 0;
        for (int k = 0; k < 4 && i < s.size(); ++k, ++i) {
            const char c = s[i];
            v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return v;
    }
    std::string read_string() {
        std::string out;
        ++i; // opening quote
        while (i < s.size() && s[i] != '"') {
            if (s[i] != '\\') {
                out += s[i++];
                continue;
            }
            if (++i >= s.size()) break;
            const char e = s[i++];
            switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                    i += 2;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
                }
                append_utf8(out, cp);
                break;
            }
            default: out += e;
            }
        }
        ++i; // closing quote
        return out;
    }
    void skip_value() {
        int depth = 0;
        do {
            skip_space();
            if (i >= s.size()) return;
            const char c = s[i];
            if (c == '"') {
                read_string();
            } else if (c == '{' || c == '[') {
                ++depth;
                ++i;
            } else if (c == '}' || c == ']') {
                --depth;
                ++i;
            } else if (c == ',' || c == ':') {
                ++i;
            } else {
                while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
                       s[i] != '\r' && s[i] != '\t')
                    ++i;
            }
        } while (depth > 0);
    }
};

} // namespace

size_t locate_json_pointer(std::string_view text, std::string_view pointer) {
    Cursor c{text};
    if (text.substr(0, 3) == "\xEF\xBB\xBF") c.i = 3;
    c.skip_space();
    size_t found = c.i;
    for (const std::string& token : split_pointer(pointer)) {
        bool descended = false;
        if (c.at('{')) {
            ++c.i;
            for (;;) {
                c.skip_space();
                if (!c.at('"')) return found;
                const std::string key = c.read_string();
                c.skip_space();
                if (c.at(':')) ++c.i;
                c.skip_space();
                if (key == token) {
                    descended = true;
                    break;
                }
                c.skip_value();
                c.skip_space();
                if (!c.at(',')) return found;
                ++c.i;
            }
        } else if (c.at('[')) {
            size_t index = 0;
            for (char ch : token) {
                if (ch < '0' || ch > '9') return found;
                index = index * 10 + static_cast<size_t>(ch - '0');
            }
            ++c.i;
            for (size_t n = 0;; ++n) {
                c.skip_space();
                if (c.at(']')) return found;
                if (n == index) {
                    descended = true;
                    break;
                }
                c.skip_value();
                c.skip_space();
                if (!c.at(',')) return found;
                ++c.i;
            }
        }
        if (!descended) return found;
        found = c.i;
    }
    return found;
}

} // namespace chronicle
