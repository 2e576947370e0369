#include "core/play/library.h"

#include "core/quiz/generator.h"

namespace chronicle {

PackLibrary::PackLibrary(std::vector<PackFolder> folders) : folders_(std::move(folders)) { reload(); }

void PackLibrary::reload() {
    entries_ = discover_packs(folders_);
    kinds_.clear();
    for (const PackEntry& e : entries_) kinds_.push_back(e.pack ? supported_kinds(*e.pack) : std::vector<Kind>{});
    ++generation_;
}

const std::vector<Kind>& PackLibrary::kinds_of(const Pack& pack) const {
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].pack && &*entries_[i].pack == &pack) return kinds_[i];
    static const std::vector<Kind> kNone;
    return kNone;
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
