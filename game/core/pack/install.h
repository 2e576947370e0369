// Adding packs to the user's pack folder (user_data_folder()/packs), where `chronicle
// packs` and the game find them: by `chronicle import --install`, or by dropping a
// file on the game's window.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/exchange/importer.h"
#include "core/pack/discovery.h"

namespace chronicle {

enum class InstallProblem {
    None,
    IdTaken,     // another pack (bundled, or another file) has the id: it would hide this one
    Exists,      // <id>.json is already in the folder, and replacing was not asked for
    CannotWrite, // the folder cannot be made, or the file written
};

struct InstallResult {
    InstallProblem problem = InstallProblem::None;
    std::string path;     // where the pack is (or would have gone)
    std::string taken_by; // for IdTaken: the other pack's path
    Issue error;          // for CannotWrite: why
};

// The file of the pack that loads with an id (a new pack with that id would be hidden
// behind it), or "" when none does.
using IdOwner = std::function<std::string(const std::string& id)>;
// The owner as discover_packs finds it in `folders`: it loads every pack, so it is for
// the command line; the game asks its library's index.
IdOwner id_owner_by_discovery(std::vector<PackFolder> folders);

// Writes validated pack text with id `id` into `folder` (the user's pack folder; ""
// when there is no data folder) as <id>.json, atomically; an existing file only when
// `replace`.
InstallResult install_pack_text(const std::string& pack_text, const std::string& id, bool replace,
                                const std::string& folder, const IdOwner& owner);

struct AddedPack {
    std::string file;     // the file given
    ImportResult import;  // the counts and every problem; for a pack file, its own warnings
    std::string title;    // the pack's title, in its default language
    InstallResult install; // valid when import.pack_text is set
    bool added() const { return import.pack_text && install.problem == InstallProblem::None; }
};

// A file given to the game: a Chronicle pack is copied, a TimelineJS timeline or a
// CSV spreadsheet imported; either way into the user's pack folder, never replacing
// a file there.
AddedPack add_to_user_packs(const std::string& file, const std::string& folder, const IdOwner& owner);

} // namespace chronicle
