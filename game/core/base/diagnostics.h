// What is wrong with an input file, so that a pack author can fix it: where (file,
// line, column, JSON path or CSV cell) and what (an Issue, worded by the UI:
// ui::describe() gives "file:line:col: error: /events/3/date: message").
#pragma once
#include <string>
#include <vector>

#include "core/base/problem.h"

namespace chronicle {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based, in bytes
    std::string path; // JSON pointer ("/events/3/date"); empty for syntax errors and CSV
    Issue issue;
    std::vector<Issue> notes = {}; // what followed from it, said after it: "the row is not imported"
    // CSV: the row as a spreadsheet numbers it (1 is the header; 0 when not CSV), and
    // the cell's column by its name in the header, or by number past the header's end.
    int row = 0;
    std::string column_name = {};
    int column_number = 0;
};

inline bool has_errors(const std::vector<Diagnostic>& ds) {
    for (const auto& d : ds)
        if (d.severity == Severity::Error) return true;
    return false;
}

} // namespace chronicle
