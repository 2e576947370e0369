// The packs the game plays from: every pack in the pack folders, found again when
// files are added. One broken pack never stops the others.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/pack/discovery.h"
#include "core/pack/install.h"
#include "core/quiz/kind.h"

namespace chronicle {

class PackLibrary {
public:
    explicit PackLibrary(std::vector<PackFolder> folders);

    // Reads the folders again.
    void reload();
    // Each file found: its pack, or its problems.
    const std::vector<PackEntry>& entries() const { return entries_; }
    // The loaded pack with this id, or null.
    const Pack* find(const std::string& id) const;
    // The kinds one of the library's packs can ask (found once per reload: it scans the pack).
    const std::vector<Kind>& kinds_of(const Pack& pack) const;
    // Adds files to the user's pack folder (a pack is copied, a timeline or a sheet
    // imported; see add_to_user_packs), then reads the folders again.
    std::vector<AddedPack> add_files(const std::vector<std::string>& files);
    // Changes with every reload, so that what is made from the entries knows to renew.
    uint64_t generation() const { return generation_; }

private:
    std::vector<PackFolder> folders_;
    std::vector<PackEntry> entries_;
    std::vector<std::vector<Kind>> kinds_; // per entry
    uint64_t generation_ = 0;
};

} // namespace chronicle
