// libFuzzer target: any bytes → import_csv (spreadsheets saved as CSV), checked as in
// fuzz_support.h; the same bytes also go to parse_csv and, when they are valid UTF-8,
// to plain_text_from_html. Every invariant is a promise of the core (importer.h,
// csv.h, html_text.h); a broken one stops the run with __builtin_trap so that
// libFuzzer saves the input.
//
//   fuzz_import_csv -dict=tests/fuzz/import_csv.dict CORPUS_COPY tests/fuzz/corpus/import_csv
#include <optional>
#include <string_view>

#include "core/exchange/csv.h"
#include "core/exchange/html_text.h"
#include "core/base/text.h"
#include "fuzz_support.h"

using namespace chronicle;

namespace {

// parse_csv's promises (csv.h): a table, or nullopt with exactly one diagnostic naming
// the file; text that is not UTF-8 is refused; rows numbered as a spreadsheet shows
// them, cells placed 1-based.
void check_csv(std::string_view text, bool utf8) {
    std::vector<Diagnostic> out;
    const std::optional<CsvTable> table = parse_csv(text, "fuzz.csv", out);
    if (!table) {
        CHECK(out.size() == 1);
        CHECK(out[0].file == "fuzz.csv" && out[0].severity == Severity::Error);
        fuzz::check_diagnostics(out);
        return;
    }
    CHECK(utf8);
    CHECK(out.empty());
    // ',', ';' or a tab, or what an Excel "sep=" line names: one visible ASCII character.
    const char sep = table->separator;
    CHECK(sep == '\t' || (sep > ' ' && sep < 0x7F && sep != '"'));
    for (size_t r = 0; r < table->rows.size(); ++r) {
        const CsvRow& row = table->rows[r];
        CHECK(row.number == static_cast<int>(r) + 1);
        for (const CsvCell& cell : row.cells) CHECK(cell.line >= 1 && cell.column >= 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    ImportOptions o;
    o.file = "fuzz.csv";
    fuzz::check_import(import_csv, text, o, ImportFormat::Csv, fuzz::fnv1a(data, size));

    const bool utf8 = find_invalid_utf8(text) == std::string_view::npos;
    check_csv(text, utf8);

    // plain_text_from_html: valid UTF-8 in gives valid UTF-8 out.
    if (utf8) CHECK(find_invalid_utf8(plain_text_from_html(text)) == std::string_view::npos);
    return 0;
}
