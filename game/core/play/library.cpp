#include "core/play/library.h"

namespace chronicle {

PackLibrary::PackLibrary(std::vector<PackFolder> folders) : folders_(std::move(folders)) { reload(); }

void PackLibrary::reload() {
    entries_ = discover_packs(folders_);
    ++generation_;
}

const Pack* PackLibrary::find(const std::string& id) const {
    for (const PackEntry& e : entries_)
        if (e.pack && e.pack->id == id) return &*e.pack;
    return nullptr;
}

std::vector<AddedPack> PackLibrary::add_files(const std::vector<std::string>& files) {
    std::vector<AddedPack> added;
    for (const std::string& file : files) added.push_back(add_to_user_packs(file));
    reload();
    return added;
}

} // namespace chronicle
