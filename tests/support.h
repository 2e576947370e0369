// Shared by the tests: the seed pack, packs written inline, lookups.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/pack/pack_loader.h"

namespace chronicle::test {

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

// The error diagnostics only.
std::vector<Diagnostic> errors(const LoadResult& r);

} // namespace chronicle::test
