// Finds the packs in the bundled folder and the user's folder. One broken pack
// never stops the others: each entry carries either a pack or its problems.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/pack/pack.h"

namespace chronicle {

struct PackFolder {
    std::string origin; // "bundled", "user", …: shown to the player
    std::string path;
};

struct PackEntry {
    std::string path;
    std::string origin;
    std::optional<Pack> pack; // nullopt when the file has errors
    std::vector<Diagnostic> diagnostics;
};

// user_data_folder()/packs, when there is a user data folder.
std::optional<std::string> user_pack_folder();
// The bundled questions/ folder and the user's packs folder, when there is one.
std::vector<PackFolder> default_pack_folders();

// A *.json file in a pack folder, or a folder that cannot be listed (with the error).
struct PackFile {
    std::string path;
    std::string origin;
    std::optional<Diagnostic> error;
};

// Every *.json file directly in each folder, sorted by path within a folder. A
// folder that does not exist is skipped.
std::vector<PackFile> list_pack_files(const std::vector<PackFolder>& folders);

// The error for a pack in `file` whose id an earlier pack (in `first`) has.
Diagnostic duplicate_pack_id(const std::string& file, const std::string& id, const std::string& first);

// Every *.json file directly in each folder, loaded, sorted by path within a folder. A
// folder that does not exist is skipped. When two packs share an id, the first one
// found wins and the other is reported.
std::vector<PackEntry> discover_packs(const std::vector<PackFolder>& folders);

} // namespace chronicle
