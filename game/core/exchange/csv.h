// CSV as spreadsheet programs write it (RFC 4180): quoted fields with "" for a quote
// and commas or line breaks inside, CRLF or LF, a UTF-8 BOM. The separator is the
// one the header row uses most: ',' (RFC 4180), ';' (Excel in many European
// locales) or a tab (TSV downloads).
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostics.h"

namespace chronicle {

constexpr size_t kMaxCsvColumns = 1000;
constexpr size_t kMaxCsvCells = 2'000'000; // 100,000 rows of 20 columns

struct CsvCell {
    std::string text;
    int line = 1;   // where the cell starts in the file, 1-based
    int column = 1; // in bytes, 1-based
};

struct CsvRow {
    int number = 0; // 1 for the header: the row number a spreadsheet shows
    std::vector<CsvCell> cells;
};

struct CsvTable {
    char separator = ',';
    std::vector<CsvRow> rows;
};

// nullopt with one diagnostic naming `file` when the text cannot be read as CSV
// (not UTF-8, a quoted field never closed, over the limits above). Text after a
// closing quote is kept, as spreadsheet programs do. Excel's "sep=;" first line names
// the separator and is not a row.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file, std::vector<Diagnostic>& out);

// The same, a row at a time: each row is handed to `row` with the separator as soon as
// it is read, and none is kept. Returns the separator; nullopt, with the one diagnostic,
// when the text cannot be read (rows handed over before then were part of a text that
// is refused).
using CsvRowHandler = std::function<void(const CsvRow& row, char separator)>;
std::optional<char> read_csv_rows(std::string_view text, const std::string& file, std::vector<Diagnostic>& out, const CsvRowHandler& row);

// One row as RFC 4180 writes it: cells joined by ',', a cell holding a comma, a quote
// or a line break quoted (with "" for a quote), and CRLF at the end.
std::string csv_row(const std::vector<std::string>& cells);

} // namespace chronicle
