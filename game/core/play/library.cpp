#include "core/play/library.h"

#include <algorithm>

namespace chronicle {

PackLibrary::PackLibrary(std::vector<PackFolder> folders, std::string index_file)
    : folders_(std::move(folders)), index_file_(std::move(index_file)) {
    if (!index_file_.empty()) known_ = read_pack_index(index_file_);
    reload();
}

void PackLibrary::reload() {
    entries_.clear();
    for (PackFile& file : list_pack_files(folders_)) {
        LibraryEntry e;
        e.path = std::move(file.path);
        e.origin = std::move(file.origin);
        if (file.error) { // a folder that cannot be listed: its card says why
            e.summary.emplace();
            e.summary->path = e.path;
            e.summary->diagnostics.push_back(std::move(*file.error));
        } else {
            e.stamp = file_stamp(e.path).value_or(FileStamp{});
            auto cached = std::find_if(known_.begin(), known_.end(),
                                       [&](const PackSummary& s) { return s.path == e.path && s.stamp == e.stamp; });
            if (cached != known_.end()) e.summary = *cached;
        }
        entries_.push_back(std::move(e));
    }
    // Summaries of files gone or changed are dropped: the cache follows the folders.
    const size_t before = known_.size();
    known_.erase(std::remove_if(known_.begin(), known_.end(),
                                [&](const PackSummary& s) {
                                    return std::none_of(entries_.begin(), entries_.end(), [&](const LibraryEntry& e) {
                                        return e.path == s.path && e.stamp == s.stamp;
                                    });
                                }),
                 known_.end());
    index_changed_ |= known_.size() != before;
    resolve();
    if (loaded_ && !find(loaded_->id)) loaded_.reset(); // its file changed or went
}

bool PackLibrary::rescan() {
    const std::vector<PackFile> files = list_pack_files(folders_);
    bool same = files.size() == entries_.size();
    for (size_t i = 0; same && i < files.size(); ++i) {
        const LibraryEntry& e = entries_[i];
        same = files[i].path == e.path && (files[i].error || file_stamp(e.path).value_or(FileStamp{}) == e.stamp);
    }
    if (same) return false;
    reload();
    return true;
}

// Each entry's diagnostics and whether it loads: the first pack found with an id
// wins, a later one is reported.
void PackLibrary::resolve() {
    for (size_t i = 0; i < entries_.size(); ++i) {
        LibraryEntry& e = entries_[i];
        e.loads = e.summary && e.summary->loads;
        e.diagnostics = e.summary ? e.summary->diagnostics : std::vector<Diagnostic>{};
        if (!e.loads) continue;
        for (size_t j = 0; j < i; ++j) {
            if (entries_[j].loads && entries_[j].summary->id == e.summary->id) {
                e.diagnostics.push_back(duplicate_pack_id(e.path, e.summary->id, entries_[j].path));
                e.loads = false;
                break;
            }
        }
    }
    ++generation_;
}

const Diagnostic* LibraryEntry::first_error() const {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error) return &d;
    return nullptr;
}

const LibraryEntry* PackLibrary::entry(const std::string& id) const {
    for (const LibraryEntry& e : entries_)
        if (e.loads && e.summary->id == id) return &e;
    return nullptr;
}

const Pack* PackLibrary::find(const std::string& id) const {
    const LibraryEntry* e = entry(id);
    if (!loaded_ || !e || e->path != wanted_path_ || loaded_->id != id) return nullptr;
    return &*loaded_;
}

void PackLibrary::load_only(const std::string& path) {
    if (path == wanted_path_) return;
    wanted_path_ = path;
    loaded_.reset();
}

std::vector<LoadJob> PackLibrary::take_jobs() {
    std::vector<LoadJob> jobs;
    auto out = [&](const std::string& path) { return std::find(jobs_out_.begin(), jobs_out_.end(), path) != jobs_out_.end(); };
    for (const LibraryEntry& e : entries_) {
        const bool wanted = !wanted_path_.empty() && e.path == wanted_path_ && !loaded_;
        if ((e.indexing() || wanted) && !out(e.path)) {
            jobs.push_back({e.path, wanted});
            jobs_out_.push_back(e.path);
        }
    }
    return jobs;
}

void PackLibrary::finish(LoadDone done) {
    PackSummary& s = done.summary;
    jobs_out_.erase(std::remove(jobs_out_.begin(), jobs_out_.end(), s.path), jobs_out_.end());
    auto current = std::find_if(entries_.begin(), entries_.end(), [&](const LibraryEntry& e) { return e.path == s.path; });
    if (current != entries_.end()) { // else the folders were listed again without it
        if (done.pack && s.path == wanted_path_) loaded_ = std::move(done.pack);
        // The file as the job read it wins over the listing and the cache: it may have
        // changed since it was listed (so its stamp is newer; asking again would read it
        // again for ever), or changed under the same size and time (so the cache lied).
        current->stamp = s.stamp;
        known_.erase(std::remove_if(known_.begin(), known_.end(), [&](const PackSummary& k) { return k.path == s.path; }),
                     known_.end());
        current->summary = s;
        known_.push_back(std::move(s));
        index_changed_ = true;
        resolve();
    }
    if (jobs_out_.empty()) save_index();
}

// Not being able to write the cache costs time at the next start, nothing else.
void PackLibrary::save_index() {
    if (index_file_.empty() || !index_changed_) return;
    Issue ignored;
    index_changed_ = !write_pack_index(index_file_, known_, ignored);
}

std::vector<AddedPack> PackLibrary::add_files(const std::vector<std::string>& files) {
    const auto user = std::find_if(folders_.begin(), folders_.end(), [](const PackFolder& f) { return f.origin == "user"; });
    const std::string folder = user == folders_.end() ? "" : user->path;
    const IdOwner owner = [this](const std::string& id) {
        const LibraryEntry* e = entry(id);
        return e ? e->path : std::string();
    };
    std::vector<AddedPack> added;
    for (const std::string& file : files) added.push_back(add_to_user_packs(file, folder, owner));
    reload();
    return added;
}

} // namespace chronicle
