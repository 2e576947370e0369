// Shared by the fuzz targets: a check that stops the run so that libFuzzer saves the
// input, a hash of the input to pick options from, and what diagnostics and the
// importers promise.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/quiz/generator.h"
#include "core/exchange/importer.h"
#include "core/pack/pack_loader.h"
#include "ui/messages.h"

#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        if (!(cond)) __builtin_trap();                                                                                 \
    } while (0)

namespace chronicle::fuzz {

inline uint64_t fnv1a(const uint8_t* data, size_t size) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 1099511628211ULL;
    return h;
}

// A problem with exactly the details its sentence names.
inline void check_issue(const Issue& issue) {
    CHECK(issue.problem < Problem::Count);
    CHECK(issue.details.size() == ui::placeholder_count(ui::message_template(issue.problem, ui::Lang::En)));
}

inline void check_diagnostics(const std::vector<Diagnostic>& ds) {
    for (const Diagnostic& d : ds) {
        check_issue(d.issue);
        for (const Issue& note : d.notes) check_issue(note);
        CHECK(d.line >= 0 && d.column >= 0);
        (void)ui::describe(d, ui::Lang::Zh);
    }
}

// The importers' promises (importer.h): pack text only when something was imported,
// and then text the loader accepts, holding exactly the records the result counts;
// the same input gives the same pack.
template <class Import>
void check_import(Import import, const std::string& text, const ImportOptions& o, ImportFormat format, uint64_t h) {
    const ImportResult r = import(text, o);
    CHECK(r.format == format);
    CHECK(r.skipped >= 0);
    CHECK(r.events >= 0 && r.people >= 0 && r.quotes >= 0 && r.numbers >= 0);
    check_diagnostics(r.diagnostics);
    const ImportResult again = import(text, o);
    CHECK(again.pack_text == r.pack_text);
    CHECK(again.skipped == r.skipped && again.diagnostics.size() == r.diagnostics.size());
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
    // The pack the import built, without reading its text, is the one the text gives back.
    CHECK(r.pack && r.pack->events.size() == pack.events.size() && r.pack->people.size() == pack.people.size());
    CHECK(r.pack->by_time == pack.by_time && r.pack->longest_chain == pack.longest_chain);
    CHECK(r.lang_guessed == o.lang.empty());
    if (!o.lang.empty()) CHECK(r.lang == o.lang);
    CHECK(pack.has_language(r.lang));

    QuizOptions q;
    q.seed = h;
    q.count = 5;
    CHECK(generate_quiz(pack, q).questions.size() <= 5);
}

} // namespace chronicle::fuzz
