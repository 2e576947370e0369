// What is wrong with an input file, said so that a pack author can fix it:
// where (file, line, column, JSON path), what, and how to fix it.
#pragma once
#include <string>
#include <vector>

namespace chronicle {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based, in bytes
    std::string path; // JSON pointer ("/events/3/date"), empty for syntax errors
    std::string message;

    // "file:line:col: error: /events/3/date: message"
    std::string to_string() const;
};

inline bool has_errors(const std::vector<Diagnostic>& ds) {
    for (const auto& d : ds)
        if (d.severity == Severity::Error) return true;
    return false;
}

} // namespace chronicle
