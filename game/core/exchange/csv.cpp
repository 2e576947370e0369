#include "core/exchange/csv.h"

#include <algorithm>

#include "core/base/json_locate.h"
#include "core/base/text.h"

namespace chronicle {

namespace {

// The separator the first line uses most, outside quotes; ',' on a tie or none.
char guess_separator(std::string_view s) {
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\n' || c == '\r') break;
        else if (c == ',') ++commas;
        else if (c == ';') ++semicolons;
        else if (c == '\t') ++tabs;
    }
    if (tabs > commas && tabs >= semicolons) return '\t';
    return semicolons > commas ? ';' : ',';
}

} // namespace

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file, std::vector<Diagnostic>& out) {
    CsvTable table;
    const std::optional<char> separator =
        read_csv_rows(text, file, out, [&](const CsvRow& row, char) { table.rows.push_back(row); });
    if (!separator) return std::nullopt;
    table.separator = *separator;
    return table;
}

std::optional<char> read_csv_rows(std::string_view text, const std::string& file, std::vector<Diagnostic>& out, const CsvRowHandler& handle) {
    auto fail = [&](size_t offset, Issue issue) -> std::optional<char> {
        const TextPosition p = position_of(text, offset);
        out.push_back({Severity::Error, file, p.line, p.column, "", std::move(issue)});
        return std::nullopt;
    };
    size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
        return fail(0, {Problem::Utf16});
    if (const size_t bad = find_invalid_utf8(text); bad != std::string_view::npos)
        return fail(bad, {Problem::InvalidUtf8InCsv, {std::to_string(bad)}});

    char separator = guess_separator(text.substr(i));
    // Excel writes "sep=;" on a line of its own to name the separator, and hides it.
    const auto line_ends_at = [&](size_t at) { return at >= text.size() || text[at] == '\r' || text[at] == '\n'; };
    if (text.compare(i, 4, "sep=") == 0 && i + 4 < text.size() && text[i + 4] != '"' &&
        (text[i + 4] == '\t' || (text[i + 4] > ' ' && text[i + 4] < 0x7F)) && line_ends_at(i + 5)) {
        separator = text[i + 4];
        i += 5;
        while (i < text.size() && (text[i] == '\r' || text[i] == '\n')) ++i;
    }
    size_t cells = 0;
    int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(i), '\n')) + 1;
    size_t line_start = i;
    // Consumes a line break at i (CRLF, LF or CR), if there is one.
    auto take_break = [&]() {
        if (i < text.size() && (text[i] == '\r' || text[i] == '\n')) {
            i += text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2u : 1u;
            ++line;
            line_start = i;
            return true;
        }
        return false;
    };
    CsvRow row;
    for (int number = 1; i < text.size(); ++number) {
        row.number = number;
        row.cells.clear();
        for (;;) { // one cell per pass
            CsvCell cell;
            cell.line = line;
            cell.column = static_cast<int>(i - line_start) + 1;
            if (i < text.size() && text[i] == '"') {
                const size_t opened = i++;
                for (;;) {
                    if (i >= text.size())
                        return fail(opened, {Problem::UnclosedQuote});
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            cell.text += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (take_break()) {
                        cell.text += '\n';
                        continue;
                    }
                    const size_t from = i;
                    while (i < text.size() && text[i] != '"' && text[i] != '\r' && text[i] != '\n') ++i;
                    cell.text.append(text.substr(from, i - from));
                }
            }
            const size_t from = i;
            while (i < text.size() && text[i] != separator && text[i] != '\r' && text[i] != '\n') ++i;
            cell.text.append(text.substr(from, i - from));
            // Limits that keep a hostile file from taking gigabytes: no sheet needs more.
            if (row.cells.size() == kMaxCsvColumns)
                return fail(i, {Problem::TooManyCellsInRow,
                                {std::to_string(row.number), std::to_string(kMaxCsvColumns)}});
            if (++cells > kMaxCsvCells)
                return fail(i, {Problem::TooManyCells, {std::to_string(kMaxCsvCells)}});
            row.cells.push_back(std::move(cell));
            if (i < text.size() && text[i] == separator) {
                ++i;
                continue;
            }
            take_break();
            break;
        }
        handle(row, separator);
    }
    return separator;
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string row;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) row += ',';
        const std::string& cell = cells[i];
        if (cell.find_first_of(",\"\r\n") == std::string::npos) {
            row += cell;
            continue;
        }
        row += '"';
        for (char c : cell) {
            if (c == '"') row += '"';
            row += c;
        }
        row += '"';
    }
    return row + "\r\n";
}

} // namespace chronicle
