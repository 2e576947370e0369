// exchange/: other formats in and out — TimelineJS and CSV import, quiz export.
//
// Timelines that authors already keep, turned into packs: Knight Lab's TimelineJS
// JSON and spreadsheets saved as CSV. The importers read the input, report every
// problem by place (JSON path, or row and column), skip what cannot be used, and
// return pack text that the loader has already accepted.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/pack/pack.h"

namespace chronicle {

enum class ImportFormat {
    TimelineJS,
    Csv,
    Pack, // already a Chronicle pack: added to the user's packs as it is (add_to_user_packs)
};

struct ImportOptions {
    std::string file; // names the input in messages; its name suggests the id and title
    std::string id;   // the pack's id; empty: made from the file name
    std::string lang; // the language the text is written in; empty: guessed from the text
    std::string output; // names the written pack in its own warnings; empty: "<id>.json"
};

struct ImportResult {
    ImportFormat format = ImportFormat::Csv;
    std::optional<std::string> pack_text; // formatted pack JSON; nullopt when nothing could be imported
    std::optional<Pack> pack;             // the same, as the loader read it back
    std::string id, lang;
    bool lang_guessed = false;
    int events = 0, people = 0, quotes = 0, numbers = 0; // imported
    int skipped = 0;                                     // events or rows left out, each with an error
    std::vector<Diagnostic> diagnostics;                 // input problems, then the pack's own warnings
};

// TimelineJS when the text is JSON (it starts with '{' or '['), else CSV.
ImportFormat detect_import_format(const std::string& text);
const char* import_format_name(ImportFormat format);

ImportResult import_timeline(const std::string& text, const ImportOptions& options);
ImportResult import_csv(const std::string& text, const ImportOptions& options);
// Detects the format, then imports.
ImportResult import_text(const std::string& text, const ImportOptions& options);

} // namespace chronicle
