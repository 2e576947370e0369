// Finds where a JSON value sits in the source text. The loader parses with
// nlohmann::json, which keeps no positions; instead of paying for positions on
// every value, an error re-scans the text once to turn its JSON path into a line.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle {

struct TextPosition {
    int line = 1;   // 1-based
    int column = 1; // 1-based, in bytes
};

TextPosition position_of(std::string_view text, size_t offset);
// The positions of many offsets, in one pass over the text.
std::vector<TextPosition> positions_of(std::string_view text, const std::vector<size_t>& offsets);

// Byte offsets of the values at `pointers` (RFC 6901, e.g. "/events/3/date") in
// syntactically valid JSON, found in one pass; for a path that does not exist (a
// missing field), the offset of its deepest existing ancestor.
std::vector<size_t> locate_json_pointers(std::string_view text, const std::vector<std::string>& pointers);

// Line and column of the values at `pointers` in the JSON file open on `fd` (read from its
// start, a window at a time: the text is never held whole).
std::vector<TextPosition> positions_in_file(int fd, const std::vector<std::string>& pointers);

// Appends a reference token to a JSON pointer, escaping '~' and '/'.
std::string pointer_append(const std::string& pointer, std::string_view token);

} // namespace chronicle
