// The packs the game plays from: every pack file in the pack folders, known by its
// index entry (cached, see pack_index.h) so that Home never waits for a big pack, and
// only the pack being played loaded in full. Files not yet indexed, and the pack to
// play, are loaded by jobs the caller runs (on a worker thread, or at once) and hands
// back. One broken pack never stops the others.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/pack/discovery.h"
#include "core/pack/install.h"
#include "core/play/pack_index.h"

namespace chronicle {

struct LibraryEntry {
    std::string path;
    std::string origin;
    FileStamp stamp;                     // as listed
    std::optional<PackSummary> summary;  // nullopt while the file is being indexed
    std::vector<Diagnostic> diagnostics; // the summary's, and an id taken by an earlier pack
    bool loads = false;                  // indexed, valid, and the first pack with its id

    bool indexing() const { return !summary; }
    bool playable() const { return loads && !summary->kinds.empty(); }
    // What Home says of a pack that does not load; null for one that does.
    const Diagnostic* first_error() const;
};

class PackLibrary {
public:
    // `index_file`: where the index is cached ("" for no cache).
    PackLibrary(std::vector<PackFolder> folders, std::string index_file);

    // Lists the folders again; files whose size and time match the index are known at
    // once, the others wait for their jobs.
    void reload();
    // Lists the folders again only when a file came, went or changed (size or time):
    // true then. Files that did not change keep their index entry; a pack that did not
    // change stays loaded. Cheap enough for every return to Home.
    bool rescan();
    const std::vector<LibraryEntry>& entries() const { return entries_; }
    // The entry that loads with this id, or null.
    const LibraryEntry* entry(const std::string& id) const;
    // The pack with this id when it is loaded in full (the one asked for by
    // load_only), or null.
    const Pack* find(const std::string& id) const;
    // Keeps the pack of `path` loaded, and no other ("" for none); it is loaded by a job.
    void load_only(const std::string& path);

    // The jobs to run: files to index and the pack to load, each handed out once.
    std::vector<LoadJob> take_jobs();
    // A job's result; the index file is written once no job is out.
    void finish(LoadDone done);

    // Adds files to the user's pack folder (the folder of origin "user"; a pack is
    // copied, a timeline or a sheet imported; see add_to_user_packs), then reads the
    // folders again. A clash of ids is found in the index: no pack is loaded for it.
    std::vector<AddedPack> add_files(const std::vector<std::string>& files);
    // Changes whenever entries change, so that what is made from them knows to renew.
    uint64_t generation() const { return generation_; }

private:
    void resolve();
    void save_index();

    std::vector<PackFolder> folders_;
    std::string index_file_;
    std::vector<PackSummary> known_; // every summary indexed or read from the cache
    bool index_changed_ = false;     // known_ differs from the cache file
    std::vector<LibraryEntry> entries_;
    std::vector<std::string> jobs_out_; // paths handed out and not finished
    std::string wanted_path_;
    std::optional<Pack> loaded_; // the pack of wanted_path_, once loaded
    uint64_t generation_ = 0;
};

} // namespace chronicle
