// libFuzzer target: any bytes → import_timeline (TimelineJS JSON); pack text that comes
// back → load_pack_text and generate_quiz. Every invariant below is a promise of the
// core (see importer.h, pack_loader.h, generator.h); a broken one stops the run with
// __builtin_trap so that libFuzzer saves the input.
//
//   fuzz_import_timeline -dict=tests/fuzz/import_timeline.dict CORPUS_COPY tests/fuzz/corpus/import_timeline
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/generator.h"
#include "core/importer.h"
#include "core/pack_loader.h"

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
void check_result(const ImportResult& r, const ImportOptions& o, uint64_t h) {
    CHECK(r.format == ImportFormat::TimelineJS);
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
    CHECK(r.lang_guessed == o.lang.empty());
    if (!o.lang.empty()) CHECK(r.lang == o.lang);
    CHECK(pack.has_language(r.lang));

    QuizOptions q;
    q.seed = h;
    q.count = 5;
    const Quiz quiz = generate_quiz(pack, q);
    CHECK(quiz.questions.size() <= 5);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const uint64_t h = fnv1a(data, size);
    ImportOptions o;
    o.file = "fuzz.json";
    // Now and then a given language instead of a guessed one; never an invalid one.
    static const char* const kLangs[] = {"", "", "en", "zh"};
    o.lang = kLangs[(h >> 4) % 4];

    const ImportResult r = import_timeline(text, o);
    check_result(r, o, h);

    // The same text gives the same pack.
    const ImportResult again = import_timeline(text, o);
    CHECK(again.pack_text == r.pack_text);
    CHECK(again.skipped == r.skipped && again.diagnostics.size() == r.diagnostics.size());
    return 0;
}
