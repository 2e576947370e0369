// Shared by the tests: the seed pack, packs written inline, lookups, and problems
// printed readably when a check fails.
#pragma once
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/pack/pack_loader.h"
#include "core/store/storage.h"

namespace Catch {
template <> struct StringMaker<chronicle::Problem> {
    static std::string convert(chronicle::Problem p); // its English sentence
};
template <> struct StringMaker<chronicle::Detail> {
    static std::string convert(const chronicle::Detail& d);
};
} // namespace Catch

namespace chronicle::test {

// An issue's details, to compare with: Details{"altmann", Term::Person}.
using Details = std::vector<Detail>;

// The whole year `y`, as a date detail.
DateSpec year_spec(int64_t y);

// The bundled seed pack, loaded once.
const Pack& seed_pack();

// Loads pack text; the name in diagnostics is "test.json".
LoadResult load(const std::string& text);

// A minimal valid pack around the given "events" (and optional extra top-level
// members, e.g. R"("people": [...],)"), languages zh+en, default en.
std::string pack_with(const std::string& events_json, const std::string& extra = "");

const Event& event_by_id(const Pack& p, const std::string& id);

// A new folder under the system's temp folder, removed with its contents.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

// The save at `path`, opened with no notice and not in memory (the time it is opened at,
// which names moved-aside files, is 1700000000).
std::unique_ptr<Storage> open_cleanly(const std::string& path);
// The bytes of the file at `path` (none when it cannot be read).
std::string read_bytes(const std::string& path);
// Runs SQL on a save file directly, as another program would.
void run_sql(const std::string& path, const char* sql);
// The save file's PRAGMA user_version (its schema version), or -1.
int64_t user_version(const std::string& path);
// What every older save could hold, written into a new one: the setting ui_lang = zh,
// game 1 (openai-2023, timed, 900 points, one answer, finished at `finished_at`) and,
// with `team_game`, a projector game of one team. The projector game's id, or 0.
int64_t fill_older_save(Storage& storage, int64_t finished_at, bool team_game);
// Checks that `storage` still holds what fill_older_save wrote: the setting, game 1 with
// its answer and best score, and the projector game `team_id` (none when it is 0).
void check_older_save(const Storage& storage, int64_t team_id);
// SQL that drops version 5's tables (studying over days), the first step in making a
// save of an older version from a new one.
constexpr const char* kDropVersion5Tables =
    "DROP TABLE fact_reviews; DROP TABLE fact_states; DROP TABLE study_answers; DROP TABLE timeline_runs;";

// The error diagnostics only.
std::vector<Diagnostic> errors(const LoadResult& r);

} // namespace chronicle::test
