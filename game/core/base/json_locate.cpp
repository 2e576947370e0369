#include "core/base/json_locate.h"

#include "core/base/text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <vector>

#include <unistd.h>

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

// Text in memory, for Cursor.
struct MemoryText {
    std::string_view s;
    bool has(size_t i) const { return i < s.size(); }
    char operator[](size_t i) const { return s[i]; }
};

// A file read a window at a time, for Cursor: it only moves forward, looking at most a
// few bytes behind where it has read up to.
class FileText {
public:
    explicit FileText(int fd) : fd_(fd), buffer_(kWindow) {}
    bool has(size_t i) {
        while (i >= base_ + len_)
            if (!refill()) return false;
        return true;
    }
    char operator[](size_t i) { return has(i) ? buffer_[i - base_] : '\0'; }

private:
    static constexpr size_t kKept = 16; // of the old window, for a look behind
    static constexpr size_t kWindow = size_t{1} << 16;
    bool refill() {
        if (ended_) return false;
        const size_t keep = std::min(len_, kKept);
        std::memmove(buffer_.data(), buffer_.data() + len_ - keep, keep);
        base_ += len_ - keep;
        for (;;) {
            const ssize_t n = pread(fd_, buffer_.data() + keep, kWindow - keep, static_cast<off_t>(base_ + keep));
            if (n < 0 && errno == EINTR) continue;
            len_ = keep + (n > 0 ? static_cast<size_t>(n) : 0);
            ended_ = n <= 0;
            return !ended_;
        }
    }
    int fd_;
    std::vector<char> buffer_;
    size_t base_ = 0, len_ = 0;
    bool ended_ = false;
};

// A forgiving cursor over text that nlohmann has already accepted as JSON.
template <class Text> struct Cursor {
    Text& s;
    size_t i = 0;

    bool at(char c) { return s.has(i) && s[i] == c; }
    void skip_space() {
        while (s.has(i) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    unsigned hex4() {
        unsigned v = 0;
        for (int k = 0; k < 4 && s.has(i); ++k, ++i) {
            const int c = s[i];
            v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return v;
    }
    std::string read_string() {
        std::string out;
        ++i; // opening quote
        while (s.has(i) && s[i] != '"') {
            if (s[i] != '\\') {
                out += s[i++];
                continue;
            }
            if (!s.has(++i)) break;
            const char e = s[i++];
            switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = hex4();
                if (cp >= 0xD800 && cp < 0xDC00 && s.has(i + 1) && s[i] == '\\' && s[i + 1] == 'u') {
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
    // Past a string without decoding it.
    void skip_string() {
        for (++i; s.has(i) && s[i] != '"'; ++i)
            if (s[i] == '\\') ++i;
        ++i;
    }
    void skip_value() {
        int depth = 0;
        do {
            skip_space();
            if (!s.has(i)) return;
            const char c = s[i];
            if (c == '"') {
                skip_string();
            } else if (c == '{' || c == '[') {
                ++depth;
                ++i;
            } else if (c == '}' || c == ']') {
                --depth;
                ++i;
            } else if (c == ',' || c == ':') {
                ++i;
            } else {
                while (s.has(i) && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n' &&
                       s[i] != '\r' && s[i] != '\t')
                    ++i;
            }
        } while (depth > 0);
    }
};

} // namespace

namespace {

// Walks the value at the cursor, recording the offset of every path in `wanted`
// (the pointers and all their ancestors) and skipping whatever leads to none.
// Returns true once every wanted path is found, to stop early.
template <class Text>
bool walk(Cursor<Text>& c, const std::string& here, const std::set<std::string>& wanted, std::map<std::string, size_t>& found) {
    c.skip_space();
    found[here] = c.i;
    if (found.size() == wanted.size()) return true;
    bool done = false;
    auto visit = [&](const std::string& child) {
        if (wanted.count(child)) done = walk(c, child, wanted, found);
        else c.skip_value();
        c.skip_space();
        if (done || !c.at(',')) return false;
        ++c.i;
        return true;
    };
    if (c.at('{')) {
        ++c.i;
        for (;;) {
            c.skip_space();
            if (!c.at('"')) break;
            const std::string key = c.read_string();
            c.skip_space();
            if (c.at(':')) ++c.i;
            if (!visit(pointer_append(here, key))) break;
        }
    } else if (c.at('[')) {
        ++c.i;
        for (size_t index = 0;; ++index) {
            c.skip_space();
            if (c.at(']')) break;
            if (!visit(here + "/" + std::to_string(index))) break;
        }
    } else {
        c.skip_value();
        return false;
    }
    ++c.i; // the closing bracket
    return done;
}

template <class Text> std::vector<size_t> locate_in(Text& text, const std::vector<std::string>& pointers) {
    std::set<std::string> wanted{""};
    for (const std::string& p : pointers)
        for (size_t cut = p.size(); cut != std::string::npos && cut > 0; cut = p.rfind('/', cut - 1)) wanted.insert(p.substr(0, cut));
    Cursor<Text> c{text};
    if (text.has(2) && text[0] == '\xEF' && text[1] == '\xBB' && text[2] == '\xBF') c.i = 3;
    std::map<std::string, size_t> found;
    walk(c, "", wanted, found);
    std::vector<size_t> offsets;
    for (std::string p : pointers) {
        // The deepest ancestor that exists.
        while (!found.count(p)) p = p.substr(0, p.rfind('/'));
        offsets.push_back(found[p]);
    }
    return offsets;
}

template <class Text> std::vector<TextPosition> positions_in(Text& text, const std::vector<size_t>& offsets) {
    std::vector<size_t> order(offsets.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
    std::vector<TextPosition> out(offsets.size());
    TextPosition p;
    size_t at = 0, line_start = 0;
    for (size_t k : order) {
        const size_t end = offsets[k];
        for (; at < end && text.has(at); ++at)
            if (text[at] == '\n') ++p.line, line_start = at + 1;
        out[k] = {p.line, static_cast<int>(at - line_start) + 1};
    }
    return out;
}

} // namespace

std::vector<size_t> locate_json_pointers(std::string_view text, const std::vector<std::string>& pointers) {
    MemoryText in{text};
    return locate_in(in, pointers);
}

std::vector<TextPosition> positions_of(std::string_view text, const std::vector<size_t>& offsets) {
    MemoryText in{text};
    return positions_in(in, offsets);
}

std::vector<TextPosition> positions_in_file(int fd, const std::vector<std::string>& pointers) {
    FileText located(fd);
    const std::vector<size_t> offsets = locate_in(located, pointers);
    FileText counted(fd);
    return positions_in(counted, offsets);
}

} // namespace chronicle
