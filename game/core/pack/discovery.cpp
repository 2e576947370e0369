#include "core/pack/discovery.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/pack/pack_loader.h"
#include "core/base/paths.h"

namespace chronicle {

namespace fs = std::filesystem;

std::vector<PackFolder> default_pack_folders() {
    std::vector<PackFolder> folders = {{"bundled", resource_folder("questions", "schema", CHRONICLE_SOURCE_PACKS)}};
    if (const std::optional<std::string> data = user_data_folder()) folders.push_back({"user", *data + "/packs"});
    return folders;
}

std::vector<PackEntry> discover_packs(const std::vector<PackFolder>& folders) {
    std::vector<PackEntry> entries;
    for (const PackFolder& folder : folders) {
        std::error_code ec;
        if (!fs::is_directory(folder.path, ec)) continue;
        std::vector<std::string> files;
        for (fs::directory_iterator it(folder.path, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path().string());
        }
        if (ec) {
            PackEntry e;
            e.path = folder.path;
            e.origin = folder.origin;
            e.diagnostics.push_back(
                {Severity::Error, folder.path, 0, 0, "", {Problem::CannotListFolder, {ec.message()}}});
            entries.push_back(std::move(e));
        }
        std::sort(files.begin(), files.end());
        for (const std::string& file : files) {
            LoadResult r = load_pack_file(file);
            PackEntry e;
            e.path = file;
            e.origin = folder.origin;
            e.diagnostics = std::move(r.diagnostics);
            e.pack = std::move(r.pack);
            if (e.pack) {
                auto first = std::find_if(entries.begin(), entries.end(), [&](const PackEntry& other) {
                    return other.pack && other.pack->id == e.pack->id;
                });
                if (first != entries.end()) {
                    e.diagnostics.push_back({Severity::Error, file, 0, 0, "/id",
                                             {Problem::DuplicatePackId, {e.pack->id, first->path}}});
                    e.pack.reset();
                }
            }
            entries.push_back(std::move(e));
        }
    }
    return entries;
}

} // namespace chronicle
