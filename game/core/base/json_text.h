// Reading JSON input safely, for packs and for imported timelines alike: a size
// limit, a BOM, nesting depth, UTF-8, and syntax errors with line and column.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/diagnostics.h"

namespace chronicle {

// Limits that keep a hostile file from hurting the process.
constexpr size_t kMaxInputBytes = 256u << 20; // a 100,000-event pack with long texts is ~72 MB
// For readers that hold a whole tree of the file (parse_json_text): nlohmann's tree of a
// file of small values is many times its size.
constexpr size_t kMaxTreeInputBytes = 32u << 20;
constexpr int kMaxJsonDepth = 64; // a pack needs 6, a timeline 5; nlohmann's parser recurses

// Bytes in MiB, rounded up: what size messages show.
inline size_t mebibytes(size_t bytes) { return (bytes + (1u << 20) - 1) >> 20; }

// Problem::FileTooBig, for a file over `limit`.
Issue too_big(size_t bytes, size_t limit = kMaxInputBytes);

// A regular file opened for reading, after the checks read_input_file makes: -1 with one
// diagnostic when it cannot be opened, is a folder, not a regular file or too big.
int open_input_file(const std::string& path, std::vector<Diagnostic>& out);

// The whole file, or standard input when `path` is "-"; nullopt with one diagnostic
// (cannot open it, a folder, not a regular file, too big). A FIFO or a device is
// refused without waiting on it.
std::optional<std::string> read_input_file(const std::string& path, std::vector<Diagnostic>& out);

// Parses `text` (a UTF-8 BOM is skipped); nullopt with one diagnostic naming `file`,
// line and column when it is too big, too deep, not UTF-8 or not JSON.
std::optional<nlohmann::json> parse_json_text(const std::string& text, const std::string& file,
                                              std::vector<Diagnostic>& out);

// How a SAX parse of a body ended: past the depth limit, or nlohmann's error and its
// 1-based offset; neither when it succeeded.
struct SaxOutcome {
    bool too_deep = false;
    size_t too_many = 0; // when more values were kept than this allows: the allowance
    size_t error_at = 0;
    std::string error;
};

// What parse_json_text checks and says, around any SAX parse: `parse` is given the text
// after its BOM. False, with one diagnostic, when the text is refused.
bool parse_json_with(const std::string& text, const std::string& file, std::vector<Diagnostic>& out,
                     const std::function<SaxOutcome(std::string_view body)>& parse);

// Sets the line and column of diagnostics from their JSON paths, in one pass over
// the (syntactically valid) text.
void locate_diagnostics(std::string_view text, std::vector<Diagnostic>& diagnostics);
// The same in the file open on `fd`, read a window at a time.
void locate_diagnostics_in_file(int fd, std::vector<Diagnostic>& diagnostics);

// Term::JsonString, Term::JsonArray, …: for "must be X, not Y" problems.
Term json_kind(const nlohmann::json& j);

} // namespace chronicle
