#include "core/base/json_text.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/json_locate.h"
#include "core/base/text.h"

namespace chronicle {

using nlohmann::json;

namespace {

// Offset where nesting first exceeds the limit, or npos. Strings are skipped so a
// '[' inside text does not count.
size_t find_excess_depth(std::string_view s, int limit) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string_view::npos;
}


// nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
// error while parsing object - unexpected '}'; expected string literal": keep the part
// after the position, which we print ourselves, and pick the advice that fits.
Issue syntax_error(const std::string& what) {
    // Drop "[json.exception.parse_error.101] " and "parse error at line 3, column 5: ".
    std::string m = what.substr(what.find(']') == std::string::npos ? 0 : what.find(']') + 2);
    if (m.rfind("parse error", 0) == 0 && m.find(": ") != std::string::npos) m = m.substr(m.find(": ") + 2);
    Problem p = Problem::JsonSyntax;
    if (m.find("unexpected '}'") != std::string::npos || m.find("unexpected ']'") != std::string::npos)
        p = Problem::JsonCommaBeforeBracket;
    else if (m.find("unexpected end of input") != std::string::npos)
        p = Problem::JsonUnclosed;
    else if (m.find("control character") != std::string::npos)
        p = Problem::JsonControlCharacter;
    else if (m.find("number overflow") != std::string::npos)
        p = Problem::JsonNumberOverflow;
    return {p, {m}};
}

// nlohmann's own DOM builder with a depth limit, keeping the error and its position
// instead of throwing (a number too large for a double is an out_of_range error,
// not a parse_error). sax_parse calls these members by name, so hiding works.
class BoundedDomParser : public nlohmann::detail::json_sax_dom_parser<json> {
public:
    explicit BoundedDomParser(json& result) : json_sax_dom_parser(result, false) {}
    bool start_object(std::size_t n) { return deeper() && json_sax_dom_parser::start_object(n); }
    bool start_array(std::size_t n) { return deeper() && json_sax_dom_parser::start_array(n); }
    bool end_object() { return --depth_, json_sax_dom_parser::end_object(); }
    bool end_array() { return --depth_, json_sax_dom_parser::end_array(); }
    template <class Exception> bool parse_error(std::size_t position, const std::string&, const Exception& ex) {
        outcome.error_at = position;
        outcome.error = ex.what();
        return false;
    }

    SaxOutcome outcome;

private:
    bool deeper() {
        outcome.too_deep = outcome.too_deep || ++depth_ > kMaxJsonDepth;
        return !outcome.too_deep;
    }
    int depth_ = 0;
};

} // namespace

namespace {

void set_positions(std::vector<Diagnostic>& diagnostics, const std::vector<TextPosition>& at) {
    for (size_t i = 0; i < diagnostics.size(); ++i) {
        diagnostics[i].line = at[i].line;
        diagnostics[i].column = at[i].column;
    }
}

std::vector<std::string> paths_of(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> paths;
    for (const Diagnostic& d : diagnostics) paths.push_back(d.path);
    return paths;
}

} // namespace

void locate_diagnostics(std::string_view text, std::vector<Diagnostic>& diagnostics) {
    if (diagnostics.empty()) return;
    set_positions(diagnostics, positions_of(text, locate_json_pointers(text, paths_of(diagnostics))));
}

void locate_diagnostics_in_file(int fd, std::vector<Diagnostic>& diagnostics) {
    if (diagnostics.empty()) return;
    set_positions(diagnostics, positions_in_file(fd, paths_of(diagnostics)));
}

Issue too_big(size_t bytes, size_t limit) {
    return {Problem::FileTooBig, {std::to_string(mebibytes(bytes)), std::to_string(mebibytes(limit))}};
}

int open_input_file(const std::string& path, std::vector<Diagnostic>& out) {
    auto fail = [&](Issue issue) {
        out.push_back({Severity::Error, path, 0, 0, "", std::move(issue)});
        return -1;
    };
    // O_NONBLOCK: opening a FIFO must not wait for a writer. Only a regular file is then read.
    const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return fail({Problem::CannotOpenFile});
    struct stat st {};
    Issue refused;
    if (fstat(fd, &st) != 0) refused = {Problem::CannotOpenFile};
    else if (S_ISDIR(st.st_mode)) refused = {Problem::IsAFolder};
    else if (!S_ISREG(st.st_mode)) refused = {Problem::NotARegularFile};
    else if (static_cast<uintmax_t>(st.st_size) > kMaxInputBytes) refused = too_big(static_cast<size_t>(st.st_size));
    else return fd;
    close(fd);
    return fail(std::move(refused));
}

std::optional<std::string> read_input_file(const std::string& path, std::vector<Diagnostic>& out) {
    auto fail = [&](Issue issue) -> std::optional<std::string> {
        out.push_back({Severity::Error, path, 0, 0, "", std::move(issue)});
        return std::nullopt;
    };
    const bool standard_input = path == "-";
    const int fd = standard_input ? STDIN_FILENO : open_input_file(path, out);
    if (fd < 0) return std::nullopt;
    struct CloseFile {
        int fd;
        ~CloseFile() {
            if (fd != STDIN_FILENO) close(fd);
        }
    } closer{fd};
    std::string text;
    if (struct stat st {}; !standard_input && fstat(fd, &st) == 0) text.reserve(static_cast<size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail({Problem::CannotOpenFile});
        if (n == 0) return text;
        text.append(buffer, static_cast<size_t>(n));
        if (text.size() > kMaxInputBytes) return fail(too_big(text.size())); // grew, or standard input
    }
}

bool parse_json_with(const std::string& text, const std::string& file, std::vector<Diagnostic>& out,
                     const std::function<SaxOutcome(std::string_view body)>& parse) {
    auto raw_error = [&](size_t offset, Issue issue) {
        const TextPosition p = position_of(text, offset);
        out.push_back({Severity::Error, file, p.line, p.column, "", std::move(issue)});
        return false;
    };
    if (text.size() > kMaxInputBytes) return raw_error(0, too_big(text.size()));
    std::string_view body = text;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3); // spreadsheet programs write a BOM
    const size_t skipped = text.size() - body.size();
    // nlohmann would skip a second BOM too; JSON allows none, and other readers (an editor's
    // JSON Schema check) refuse it.
    if (body.substr(0, 3) == "\xEF\xBB\xBF")
        return raw_error(skipped, {Problem::JsonSyntax, {"unexpected byte order mark U+FEFF"}});

    const SaxOutcome outcome = parse(body);
    if (outcome.too_many) return raw_error(skipped, {Problem::TooManyValues, {std::to_string(outcome.too_many)}});
    if (outcome.too_deep) {
        const size_t deep = find_excess_depth(body, kMaxJsonDepth);
        return raw_error(skipped + deep, {Problem::TooDeep, {std::to_string(kMaxJsonDepth)}});
    }
    if (!outcome.error.empty()) {
        // nlohmann rejects bad UTF-8 as a syntax error; say what it really is.
        if (size_t bad = find_invalid_utf8(body); bad != std::string_view::npos)
            return raw_error(skipped + bad, {Problem::InvalidUtf8, {std::to_string(skipped + bad)}});
        // The position is 1-based and points just past the offending character.
        const size_t at = outcome.error_at > 0 ? outcome.error_at - 1 : 0;
        return raw_error(skipped + std::min(at, body.size()), syntax_error(outcome.error));
    }
    return true;
}

std::optional<json> parse_json_text(const std::string& text, const std::string& file, std::vector<Diagnostic>& out) {
    if (text.size() > kMaxTreeInputBytes) {
        out.push_back({Severity::Error, file, 1, 1, "", too_big(text.size(), kMaxTreeInputBytes)});
        return std::nullopt;
    }
    json root;
    const bool parsed = parse_json_with(text, file, out, [&](std::string_view body) {
        BoundedDomParser parser(root);
        json::sax_parse(body.begin(), body.end(), &parser);
        return parser.outcome;
    });
    if (!parsed) return std::nullopt;
    return root;
}

Term json_kind(const json& j) {
    switch (j.type()) {
    case json::value_t::null: return Term::JsonNull;
    case json::value_t::object: return Term::JsonObject;
    case json::value_t::array: return Term::JsonArray;
    case json::value_t::string: return Term::JsonString;
    case json::value_t::boolean: return Term::JsonBoolean;
    case json::value_t::number_float: return Term::JsonDecimal;
    default: return Term::JsonNumber;
    }
}


} // namespace chronicle
