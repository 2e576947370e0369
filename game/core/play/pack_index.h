// The pack index: per pack file, what Home and the font atlas need without the pack
// (its id, titles, counts, the kinds it can ask, its problems, the characters it
// uses), kept in a cache file keyed by each file's size and modification time, so
// that start-up never waits for a big pack. Loading a pack is a self-contained job
// (no shared state, safe on any thread); whoever runs jobs hands the results back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/pack/pack.h"
#include "core/quiz/kind.h"

namespace chronicle {

// What tells one version of a file from another without reading it.
struct FileStamp {
    uint64_t size = 0;
    int64_t mtime_ns = 0; // modification time, nanoseconds since the epoch
    bool operator==(const FileStamp& o) const { return size == o.size && mtime_ns == o.mtime_ns; }
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

// The file's stamp; nullopt when it cannot be read (gone, not a file).
std::optional<FileStamp> file_stamp(const std::string& path);

// One pack file as indexed.
struct PackSummary {
    std::string path;
    FileStamp stamp;
    bool loads = false; // the pack loads without errors; the rest is set only then
    std::string id;
    LocalText title;
    LocalText description;
    std::vector<std::string> languages;
    std::string default_language;
    size_t events = 0, people = 0, quotes = 0, numbers = 0, questions = 0;
    size_t facts = 0; // what Learn can teach (learn/facts.h, pack_facts)
    std::vector<Kind> kinds; // what it can ask (supported_kinds)
    // The loader's first few errors and first few warnings, with file:line:col (Home
    // shows the first error; `chronicle validate` lists them all), and how many
    // warnings there are in all.
    std::vector<Diagnostic> diagnostics;
    size_t warnings = 0;
    // pack_characters(): for the atlas and font coverage, which check each once. Kept in
    // the cache file as UTF-8, so a start-up reads no pack to plan its fonts.
    std::u32string characters;

    const std::string& text(const LocalText& t, const std::string& lang) const { return t.get(lang, default_language); }
    bool has_language(const std::string& lang) const;
};

// Loading one pack file, for the index and, when `keep_pack`, to be played.
struct LoadJob {
    std::string path;
    bool keep_pack = false;
};
struct LoadDone {
    PackSummary summary;
    std::optional<Pack> pack; // with keep_pack, when the pack loads
};
// Reads and validates the file; uses nothing but its argument.
LoadDone run_load_job(const LoadJob& job);

// The summaries cached in `file`; empty when the file is missing, corrupt or written
// by another version (the packs are then indexed again: never an error).
std::vector<PackSummary> read_pack_index(const std::string& file);
// Writes the summaries to `file` atomically; false (and why) when it cannot.
bool write_pack_index(const std::string& file, const std::vector<PackSummary>& summaries, Issue& error);

} // namespace chronicle
