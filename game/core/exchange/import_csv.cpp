// Spreadsheets saved as CSV → pack. The header row names the columns, in English or
// Chinese, in any order; every later row is one event (or, with no headline, just a
// quote or a number). A row with a bad cell is reported by row and column and left
// out; the other rows still import. Knight Lab's TimelineJS spreadsheet template
// (Year, Month, Day, End Year, …, Headline, Text, Media Caption, Media Credit, Group,
// Type) imports as it is.
//
// Index
//   1. Columns and their names
//   2. Cells: dates, numbers, lists of names
//   3. Rows
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>

#include "core/exchange/csv.h"
#include "core/exchange/html_text.h"
#include "core/exchange/import_builder.h"
#include "core/base/json_text.h"

namespace chronicle {

namespace {

// ---------------------------------------------------------------------------
// 1. Columns
// ---------------------------------------------------------------------------

enum class Column {
    Date, EndDate, Year, Month, Day, EndYear, EndMonth, EndDay, Time, EndTime, DisplayDate,
    Headline, Text, People, Who, Quote, QuoteBy, Number, Unit, NumberQuestion, Group,
    MediaCaption, MediaCredit, Type, Count
};

struct ColumnNames {
    Column column;
    std::initializer_list<const char*> names; // lower case, words separated by one space
};

const ColumnNames kColumns[] = {
    {Column::Date, {"date", "start date", "start", "日期", "开始日期", "时间", "开始时间"}},
    {Column::EndDate, {"end date", "end", "结束日期", "结束", "结束时间"}},
    {Column::Year, {"year", "年", "年份"}},
    {Column::Month, {"month", "月", "月份"}},
    {Column::Day, {"day", "日"}},
    {Column::EndYear, {"end year", "结束年份"}},
    {Column::EndMonth, {"end month", "结束月份"}},
    {Column::EndDay, {"end day", "结束日"}},
    {Column::Time, {"time", "钟点"}},
    {Column::EndTime, {"end time"}},
    {Column::DisplayDate, {"display date", "date note", "显示日期", "日期说明"}},
    {Column::Headline, {"headline", "title", "event", "标题", "事件"}},
    {Column::Text, {"text", "description", "details", "内容", "描述", "正文", "说明"}},
    {Column::People, {"people", "person", "actors", "人物", "参与者", "相关人物"}},
    {Column::Who, {"who", "who phrase", "谁", "谁做的"}},
    {Column::Quote, {"quote", "引语", "引言", "名言", "语录"}},
    {Column::QuoteBy, {"quote by", "said by", "speaker", "说话人", "谁说的", "引语出处"}},
    {Column::Number, {"number", "value", "数字", "数值", "数量"}},
    {Column::Unit, {"unit", "单位"}},
    {Column::NumberQuestion, {"number question", "数字问题", "数量问题"}},
    {Column::Group, {"group", "tags", "tag", "分组", "标签", "类别"}},
    {Column::MediaCaption, {"media caption", "caption", "图片说明"}},
    {Column::MediaCredit, {"media credit", "credit", "图片来源"}},
    {Column::Type, {"type", "类型"}},
};

// "  End_Date " → "end date": header names and Type values, compared loosely.
std::string normalise_name(const std::string& s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '_' || c == '-' || c == ' ' || c == '\t' || c == '\n') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += u < 0x80 ? static_cast<char>(std::tolower(u)) : c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::optional<Column> column_named(const std::string& header) {
    const std::string name = normalise_name(header);
    for (const ColumnNames& c : kColumns)
        for (const char* n : c.names)
            if (name == n) return c.column;
    return std::nullopt;
}

const char* column_name(Column column) {
    for (const ColumnNames& c : kColumns)
        if (c.column == column) return *c.names.begin();
    return "?";
}

// ---------------------------------------------------------------------------
// 2. Cells
// ---------------------------------------------------------------------------

std::string trim(const std::string& s) {
    const size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A date cell: "2023-11-17", "2023/11/17", "2023.7.5", "2023-07", "2023", "-0043-03-15"
// (ISO years, as in packs), "44 BC", "公元前44年", "2023年11月17日", or a deep-time
// year "-13800000000". Day-first and month-first forms are refused: they are read
// differently in different countries.
std::optional<PartialDate> parse_cell_date(std::string s, Issue& error) {
    const std::string cell = s; // as written, for problems
    bool bc = false;
    std::string upper;
    for (char c : s) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (std::string_view suffix : {" BCE", "BCE", " BC", "BC", " B.C.", "B.C."}) {
        if (ends_with(upper, suffix)) {
            bc = true;
            s = trim(s.substr(0, s.size() - suffix.size()));
            break;
        }
    }
    if (s.rfind("公元前", 0) == 0) bc = true, s = trim(s.substr(std::string("公元前").size()));
    else if (s.rfind("公元", 0) == 0) s = trim(s.substr(std::string("公元").size()));
    // Chinese: 2023年11月17日 → 2023-11-17.
    std::vector<std::string> parts;
    if (s.find("年") != std::string::npos) {
        std::string rest = s;
        for (const char* unit : {"年", "月", "日"}) {
            const size_t at = rest.find(unit);
            if (at == std::string::npos) break;
            parts.push_back(trim(rest.substr(0, at)));
            rest = rest.substr(at + std::string(unit).size());
        }
        if (!trim(rest).empty()) parts.push_back("x"); // something after the last unit
    } else {
        size_t start = s[0] == '-' ? 1 : 0;
        for (size_t i = start;; ++i) {
            if (i == s.size() || s[i] == '-' || s[i] == '/' || s[i] == '.') {
                parts.push_back(s.substr(start, i - start));
                if (i == s.size()) break;
                start = i + 1;
            }
        }
        if (s[0] == '-') parts[0] = "-" + parts[0];
    }
    const auto digits = [](const std::string& p) { return all_digits(p[0] == '-' ? p.substr(1) : p); };
    const bool numeric = parts.size() <= 3 && std::all_of(parts.begin(), parts.end(), [&](const std::string& p) {
        return !p.empty() && digits(p);
    });
    if (!numeric) {
        error = {Problem::CellNotADate, {cell}};
        return std::nullopt;
    }
    if (parts.size() == 3 && parts[0].size() <= 2 && parts[2].size() == 4) {
        error = {Problem::YearLast, {cell, parts[2]}};
        return std::nullopt;
    }
    for (size_t k = 1; k < parts.size(); ++k) {
        if (parts[k].size() > 2) {
            error = {Problem::LongMonthOrDay, {cell}};
            return std::nullopt;
        }
        if (parts[k].size() == 1) parts[k] = "0" + parts[k];
    }
    const bool negative = parts[0][0] == '-';
    std::string year = negative ? parts[0].substr(1) : parts[0];
    if (year.size() > 12) {
        error = {Problem::YearOutOfRange, {parts[0]}};
        return std::nullopt;
    }
    if (bc) {
        if (negative || year.find_first_not_of('0') == std::string::npos) {
            error = {Problem::BcYearNotPositive, {cell}};
            return std::nullopt;
        }
        year = std::to_string(std::stoll(year) - 1); // 44 BC is the astronomical year -43
    }
    while (year.size() < 4) year = "0" + year;
    std::string iso_text = ((negative || bc) && year.find_first_not_of('0') != std::string::npos ? "-" : "") + year;
    for (size_t k = 1; k < parts.size(); ++k) iso_text += "-" + parts[k];
    return parse_partial_date(iso_text, error);
}

// "1,000,000", "3.5", "20%", "100万": the value; a '%' becomes the unit when none is given.
// Thousands separators (',', spaces) must separate groups of three digits, so that a
// decimal comma ("3,5") is refused rather than read as 35. In a ';'-separated file,
// where a comma is the decimal sign, any comma is refused as ambiguous.
std::optional<double> parse_cell_number(const std::string& cell, char separator, std::string& unit, Issue& error) {
    error = {Problem::NotANumber, {cell}};
    std::string s;
    int group = -1; // digits since the last thousands separator; -1 before the first one
    bool in_fraction = false;
    for (size_t i = 0; i < cell.size(); ++i) {
        const bool nbsp = cell.compare(i, 2, "\xC2\xA0") == 0;
        if (cell[i] == ',' || cell[i] == ' ' || cell[i] == '_' || nbsp) {
            if (cell[i] == ',' && separator == ';') {
                error = {Problem::AmbiguousComma, {cell}};
                return std::nullopt;
            }
            if (in_fraction || s.empty() || (group >= 0 && group != 3)) return std::nullopt;
            group = 0;
            i += nbsp;
            continue;
        }
        if (cell[i] >= '0' && cell[i] <= '9') {
            if (group >= 0 && !in_fraction) ++group;
        } else {
            if (group >= 0 && !in_fraction && group != 3) return std::nullopt;
            in_fraction = true; // '.', an exponent or a suffix: no more separators
        }
        s += cell[i];
    }
    if (group >= 0 && !in_fraction && group != 3) return std::nullopt;
    double scale = 1;
    if (ends_with(s, "%")) {
        s.pop_back();
        if (unit.empty()) unit = "%";
    } else if (ends_with(s, "万")) {
        s.resize(s.size() - std::string("万").size()), scale = 1e4;
    } else if (ends_with(s, "亿")) {
        s.resize(s.size() - std::string("亿").size()), scale = 1e8;
    }
    if (s.empty() || s.find_first_not_of("0123456789.-+eE") != std::string::npos) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end) * scale;
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

// "Altman; Sutskever", "奥特曼、苏茨克维": names separated by ; 、 ， ； or line breaks.
// Not by ',': "Kennedy, John F." is one name.
std::vector<std::string> split_names(const std::string& cell) {
    std::vector<std::string> names;
    std::string current;
    auto flush = [&] {
        if (std::string n = trim(current); !n.empty() && std::find(names.begin(), names.end(), n) == names.end())
            names.push_back(n);
        current.clear();
    };
    for (size_t i = 0; i < cell.size();) {
        bool separator = false;
        for (std::string_view sep : {";", "\n", "、", "，", "；"}) {
            if (cell.compare(i, sep.size(), sep) == 0) {
                separator = true;
                i += sep.size();
                break;
            }
        }
        if (separator) flush();
        else current += cell[i++];
    }
    flush();
    return names;
}

// The game puts quotes in quotation marks; drop the ones the author typed.
std::string without_quotation_marks(std::string s) {
    for (auto [open, close] : {std::pair{"\"", "\""}, std::pair{"“", "”"}, std::pair{"「", "」"},
                               std::pair{"『", "』"}, std::pair{"‘", "’"}, std::pair{"'", "'"}}) {
        const std::string_view o = open, c = close;
        if (s.size() > o.size() + c.size() && s.compare(0, o.size(), o) == 0 && ends_with(s, c))
            return trim(s.substr(o.size(), s.size() - o.size() - c.size()));
    }
    return s;
}

// ---------------------------------------------------------------------------
// 3. Rows
// ---------------------------------------------------------------------------

class CsvReader {
public:
    CsvReader(const ImportOptions& options, ImportResult& result)
        : options_(options), result_(result), pack_(options, result) {}

    void read(const CsvRow& row, char separator);
    void finish();

private:
    const ImportOptions& options_;
    ImportResult& result_;
    PackBuilder pack_;
    int index_[static_cast<int>(Column::Count)];
    std::vector<std::string> headers_;
    char separator_ = ',';
    bool timelinejs_sheet_ = false; // Knight Lab's template: Year, Month, Day columns and HTML text
    bool has_title_ = false;
    bool has_header_ = false, header_usable_ = false;

    void report(Severity s, const CsvRow& row, const CsvCell* cell, size_t column, Issue issue) {
        // A cell the row does not have (a missing column): point at the row's start.
        if (!cell && !row.cells.empty()) cell = &row.cells.front();
        Diagnostic d{s, options_.file, cell ? cell->line : 0, cell ? cell->column : 0, "", std::move(issue)};
        d.row = row.number;
        if (column < headers_.size()) d.column_name = headers_[column];
        else if (column < row.cells.size()) d.column_number = static_cast<int>(column + 1); // past the header
        result_.diagnostics.push_back(std::move(d));
    }

    bool read_header(const CsvRow& header);
    void read_row(const CsvRow& row);
};

bool CsvReader::read_header(const CsvRow& header) {
    std::fill(std::begin(index_), std::end(index_), -1);
    std::vector<std::string> unknown;
    for (size_t i = 0; i < header.cells.size(); ++i) {
        const std::string name = trim(header.cells[i].text);
        headers_.push_back(name.empty() ? "#" + std::to_string(i + 1) : name);
        if (name.empty()) continue;
        const std::optional<Column> c = column_named(name);
        if (!c) {
            unknown.push_back(name);
        } else if (index_[static_cast<int>(*c)] >= 0) {
            report(Severity::Warning, header, &header.cells[i], i, {Problem::SecondColumn, {column_name(*c)}});
        } else {
            index_[static_cast<int>(*c)] = static_cast<int>(i);
        }
    }
    if (!unknown.empty())
        report(Severity::Warning, header, &header.cells.front(), headers_.size(), {Problem::UnknownColumns, {unknown}});
    timelinejs_sheet_ = index_[static_cast<int>(Column::Year)] >= 0;
    if (index_[static_cast<int>(Column::Headline)] < 0) {
        report(Severity::Error, header, &header.cells.front(), headers_.size(), {Problem::NoHeadlineColumn});
        return false;
    }
    return true;
}

void CsvReader::read_row(const CsvRow& row) {
    const size_t diagnostics_before = result_.diagnostics.size();
    int errors = 0;
    auto cell_of = [&](Column c) -> const CsvCell* {
        const int i = index_[static_cast<int>(c)];
        return i >= 0 && static_cast<size_t>(i) < row.cells.size() ? &row.cells[static_cast<size_t>(i)] : nullptr;
    };
    bool told_control[static_cast<int>(Column::Count)] = {}; // each cell's warning once, however often it is read
    auto text_of = [&](Column c) {
        const CsvCell* cell = cell_of(c);
        if (!cell) return std::string();
        // The TimelineJS template's text is HTML, as TimelineJS shows it.
        std::string text = timelinejs_sheet_ ? plain_text_from_html(cell->text) : trim(cell->text);
        if (std::optional<Issue> removed = remove_control_characters(text, c == Column::Text);
            removed && !std::exchange(told_control[static_cast<int>(c)], true))
            report(Severity::Warning, row, cell, static_cast<size_t>(index_[static_cast<int>(c)]), std::move(*removed));
        return text;
    };
    auto fail = [&](Column c, Issue issue) {
        const int column = index_[static_cast<int>(c)];
        report(Severity::Error, row, cell_of(c), static_cast<size_t>(column), std::move(issue));
        if (column < 0) result_.diagnostics.back().notes.push_back({Problem::MissingColumn, {column_name(c)}});
        ++errors;
    };
    if (std::all_of(row.cells.begin(), row.cells.end(), [](const CsvCell& c) { return trim(c.text).empty(); }))
        return; // blank rows are common at the end of a sheet
    for (size_t i = headers_.size(); i < row.cells.size(); ++i) {
        if (!trim(row.cells[i].text).empty()) {
            report(Severity::Error, row, &row.cells[i], i, {Problem::ExtraCells});
            ++errors;
            break;
        }
    }

    // Dates: one cell ("2023-11-17"), or the TimelineJS template's year, month and day
    // cells, read as TimelineJS reads them ("1,969" is 1969; an end without a year is dropped).
    auto date_from = [&](Column one, Column year, Column month, Column day, Column time,
                         bool end) -> std::optional<DateSpec> {
        Issue error;
        if (const std::string s = text_of(one); !s.empty()) {
            if (const auto d = parse_cell_date(s, error)) return DateSpec{*d, *d};
            fail(one, std::move(error));
            return std::nullopt;
        }
        const Column columns[3] = {year, month, day};
        std::string parts_text[3];
        for (int k = 0; k < 3; ++k)
            for (char c : text_of(columns[k]))
                if (c != ',' && c != ' ') parts_text[k] += c;
        if (parts_text[0].empty()) {
            for (Column c : {month, day}) {
                if (text_of(c).empty()) continue;
                if (end)
                    report(Severity::Warning, row, cell_of(c), static_cast<size_t>(index_[static_cast<int>(c)]),
                           {Problem::EndMonthWithoutYear});
                else
                    fail(c, {Problem::MonthWithoutYear});
                break;
            }
            return std::nullopt;
        }
        int64_t parts[3] = {0, 0, 0};
        for (int k = 0; k < 3; ++k) {
            const std::string& s = parts_text[k];
            if (s.empty()) continue;
            const bool negative = k == 0 && s[0] == '-';
            if (!all_digits(negative ? s.substr(1) : s) || s.size() > 13) {
                fail(columns[k], {Problem::NotAWholeNumber, {text_of(columns[k])}});
                return std::nullopt;
            }
            parts[k] = std::stoll(s);
        }
        if (!text_of(time).empty()) pack_.dropped_time_of_day();
        const char* part = "year";
        if (const auto d = timelinejs_date(parts[0], parts[1], parts[2], false, error, part))
            return DateSpec{*d, *d};
        fail(std::string(part) == "year" ? year : std::string(part) == "month" ? month : day, std::move(error));
        return std::nullopt;
    };
    EventDraft e;
    e.id_hint = "row-" + std::to_string(row.number);
    e.date = date_from(Column::Date, Column::Year, Column::Month, Column::Day, Column::Time, false);
    e.end = date_from(Column::EndDate, Column::EndYear, Column::EndMonth, Column::EndDay, Column::EndTime, true);
    const Column end_column = text_of(Column::EndDate).empty() ? Column::EndYear : Column::EndDate;
    if (e.end && !e.date && errors == 0) {
        fail(end_column, {Problem::EndWithoutStart});
    } else if (e.date && e.end) {
        if (const auto problem = end_before_start(*e.date, *e.end)) fail(end_column, *problem);
        else if (e.end->from == e.date->from) e.end.reset();
    }
    e.headline = text_of(Column::Headline);
    e.text = text_of(Column::Text);
    e.date_note = text_of(Column::DisplayDate);
    e.people = split_names(text_of(Column::People));
    e.who = text_of(Column::Who);
    if (const std::string g = text_of(Column::Group); !g.empty()) e.tags.push_back(g);

    // The template's first "title" row names the timeline; TimelineJS shows later ones as slides.
    const std::string type = normalise_name(text_of(Column::Type));
    if ((type == "title" || type == "标题") && !has_title_ && errors == 0) {
        has_title_ = true;
        pack_.set_title(e.headline);
        pack_.set_description(e.text);
        return;
    }
    if (type == "era" || type == "时期") e.tags.push_back("era");

    const std::string quote = without_quotation_marks(text_of(Column::Quote)), quote_by = text_of(Column::QuoteBy);
    if (!quote.empty() && quote_by.empty()) fail(Column::QuoteBy, {Problem::QuoteWithoutSpeaker});
    if (quote.empty() && !quote_by.empty()) fail(Column::Quote, {Problem::SpeakerWithoutQuote});
    std::string unit = text_of(Column::Unit);
    std::optional<double> number;
    const std::string number_text = text_of(Column::Number), number_question = text_of(Column::NumberQuestion);
    if (!number_text.empty()) {
        Issue error;
        number = parse_cell_number(number_text, separator_, unit, error);
        if (!number) fail(Column::Number, std::move(error));
        else if (number_question.empty()) fail(Column::NumberQuestion, {Problem::NumberWithoutQuestion});
    } else if (!number_question.empty()) {
        fail(Column::Number, {Problem::QuestionWithoutNumber});
    }
    if (!e.who.empty() && e.people.empty()) fail(Column::People, {Problem::WhoWithoutPeople});
    const bool event = !e.headline.empty();
    if (!event && (e.date || !e.text.empty() || !e.people.empty()))
        fail(Column::Headline, {Problem::RowWithoutHeadline});
    else if (!event && quote.empty() && number_text.empty() && errors == 0)
        fail(Column::Headline, {Problem::NothingInRow});

    if (errors) {
        ++result_.skipped;
        mark_not_imported(result_.diagnostics, diagnostics_before, Problem::RowNotImported);
        return;
    }
    if (!e.date_note.empty() && timelinejs_sheet_) pack_.kept_display_date(e.date_note);
    std::optional<EventIndex> added;
    if (event) added = pack_.add_event(e);
    if (event) pack_.add_media_note(e.headline, text_of(Column::MediaCaption), text_of(Column::MediaCredit));
    if (!quote.empty()) pack_.add_quote(quote, quote_by, added);
    if (number) pack_.add_number(*number, unit, number_question, added);
}

void CsvReader::read(const CsvRow& row, char separator) {
    separator_ = separator;
    if (!has_header_) {
        has_header_ = true;
        header_usable_ = read_header(row);
    } else if (header_usable_) {
        read_row(row);
    }
}

void CsvReader::finish() {
    if (!has_header_) result_.diagnostics.push_back({Severity::Error, options_.file, 0, 0, "", {Problem::EmptyFile}});
    else if (header_usable_) pack_.finish(Problem::NoHeadlineRows);
}

} // namespace

ImportResult import_csv(const std::string& text, const ImportOptions& options) {
    ImportResult result;
    result.format = ImportFormat::Csv;
    if (!check_import_options(options, result.diagnostics)) return result;
    if (text.size() > kMaxInputBytes) {
        result.diagnostics.push_back({Severity::Error, options.file, 0, 0, "", too_big(text.size())});
        return result;
    }
    // Rows are imported as they are read, and the CSV's whole text is held only once.
    CsvReader reader(options, result);
    std::vector<Diagnostic> refused;
    if (read_csv_rows(text, options.file, refused, [&](const CsvRow& row, char separator) { reader.read(row, separator); })) {
        reader.finish();
        return result;
    }
    // Text that is not CSV is refused as a whole, with only the reason.
    ImportResult none;
    none.format = ImportFormat::Csv;
    none.diagnostics = std::move(refused);
    return none;
}

} // namespace chronicle
