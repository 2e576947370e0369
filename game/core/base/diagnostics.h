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

// Diagnostics about one file, each at a JSON path: what the loader and the pack's checks
// report through (positions are found afterwards, for all of them at once).
class PathReporter {
public:
    PathReporter(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}

    void error(const std::string& path, Problem p, std::vector<Detail> details = {}) {
        report(Severity::Error, path, {p, std::move(details)});
    }
    void warning(const std::string& path, Problem p, std::vector<Detail> details = {}) {
        report(Severity::Warning, path, {p, std::move(details)});
    }
    void report(Severity severity, const std::string& path, Issue issue) {
        Diagnostic d;
        d.severity = severity;
        d.file = file_;
        d.path = path;
        d.issue = std::move(issue);
        out_.push_back(std::move(d));
    }

protected:
    std::string file_;
    std::vector<Diagnostic>& out_;
};

inline bool has_errors(const std::vector<Diagnostic>& ds) {
    for (const auto& d : ds)
        if (d.severity == Severity::Error) return true;
    return false;
}

} // namespace chronicle
