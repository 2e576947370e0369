// libFuzzer target: any bytes → import_csv (spreadsheets saved as CSV); pack text that
// comes back → load_pack_text and generate_quiz. The same bytes also go to parse_csv,
// and, when they are valid UTF-8, to plain_text_from_html. Every invariant below is a
// promise of the core (see importer.h, csv.h, html_text.h, pack_loader.h, generator.h);
// a broken one stops the run with __builtin_trap so that libFuzzer saves the input.
//
//   fuzz_import_csv -dict=tests/fuzz/import_csv.dict CORPUS_COPY tests/fuzz/corpus/import_csv
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/csv.h"
#include "core/generator.h"
#include "core/html_text.h"
#include "core/importer.h"
#include "core/pack_loader.h"
#include "core/text.h"

using namespace chronicle;

namespace {

#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        if (!(cond)) __builtin_trap();                                                                                 \
    } while (0)

uint64_t fnv1a(const uint8_t* data, size_t size) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 1099511628211ULL;
    return h;
}

void check_diagnostics(const std::vector<Diagnostic>& ds) {
    for (const Diagnostic& d : ds) {
        CHECK(!d.message.empty());
        CHECK(d.line >= 0 && d.column >= 0);
        (void)d.to_string();
    }
}

// The importer's promises: pack text only when something was imported, and then text
// the loader accepts, holding exactly the records the result counts.
void check_result(const ImportResult& r, uint64_t h) {
    CHECK(r.format == ImportFormat::Csv);
    CHECK(r.skipped >= 0);
    CHECK(r.events >= 0 && r.people >= 0 && r.quotes >= 0 && r.numbers >= 0);
    check_diagnostics(r.diagnostics);
    if (!r.pack_text) {
        CHECK(has_errors(r.diagnostics)); // nothing imported says why
        return;
    }
    const LoadResult back = load_pack_text(*r.pack_text, "out.json");
    CHECK(back.pack.has_value() && !has_errors(back.diagnostics));
    check_diagnostics(back.diagnostics);
    const Pack& pack = *back.pack;
    CHECK(pack.events.size() == static_cast<size_t>(r.events));
    CHECK(pack.people.size() == static_cast<size_t>(r.people));
    CHECK(pack.quotes.size() == static_cast<size_t>(r.quotes));
    CHECK(pack.numbers.size() == static_cast<size_t>(r.numbers));
    CHECK(pack.id == r.id);
    CHECK(r.lang_guessed); // no --lang given
    CHECK(pack.has_language(r.lang));

    QuizOptions q;
    q.seed = h;
    q.count = 5;
    const Quiz quiz = generate_quiz(pack, q);
    CHECK(quiz.questions.size() <= 5);
}

// parse_csv's promises (csv.h): a table, or nullopt with exactly one diagnostic naming
// the file; text that is not UTF-8 is refused; rows numbered as a spreadsheet shows
// them, cells placed 1-based.
void check_csv(std::string_view text, bool utf8) {
    std::vector<Diagnostic> out;
    const std::optional<CsvTable> table = parse_csv(text, "fuzz.csv", out);
    if (!table) {
        CHECK(out.size() == 1);
        CHECK(out[0].file == "fuzz.csv" && out[0].severity == Severity::Error);
        check_diagnostics(out);
        return;
    }
    CHECK(utf8);
    CHECK(out.empty());
    CHECK(table->separator == ',' || table->separator == ';' || table->separator == '\t');
    for (size_t r = 0; r < table->rows.size(); ++r) {
        const CsvRow& row = table->rows[r];
        CHECK(row.number == static_cast<int>(r) + 1);
        for (const CsvCell& cell : row.cells) CHECK(cell.line >= 1 && cell.column >= 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const uint64_t h = fnv1a(data, size);
    ImportOptions o;
    o.file = "fuzz.csv";

    const ImportResult r = import_csv(text, o);
    check_result(r, h);

    // The same text gives the same pack.
    const ImportResult again = import_csv(text, o);
    CHECK(again.pack_text == r.pack_text);
    CHECK(again.skipped == r.skipped && again.diagnostics.size() == r.diagnostics.size());

    const bool utf8 = find_invalid_utf8(text) == std::string_view::npos;
    check_csv(text, utf8);

    // plain_text_from_html: valid UTF-8 in gives valid UTF-8 out.
    if (utf8) CHECK(find_invalid_utf8(plain_text_from_html(text)) == std::string_view::npos);
    return 0;
}
