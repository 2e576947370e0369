#include "core/pack/discovery.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/pack/pack_loader.h"
#include "core/base/paths.h"

namespace chronicle {

namespace fs = std::filesystem;

std::optional<std::string> user_pack_folder() {
    const std::optional<std::string> data = user_data_folder();
    return data ? std::optional<std::string>(*data + "/packs") : std::nullopt;
}

std::vector<PackFolder> default_pack_folders() {
    std::vector<PackFolder> folders = {{"bundled", resource_folder("questions", "schema", CHRONICLE_SOURCE_PACKS)}};
    if (const std::optional<std::string> packs = user_pack_folder()) folders.push_back({"user", *packs});
    return folders;
}

std::vector<PackFile> list_pack_files(const std::vector<PackFolder>& folders) {
    std::vector<PackFile> found;
    for (const PackFolder& folder : folders) {
        std::error_code ec;
        if (!fs::is_directory(folder.path, ec)) continue;
        std::vector<std::string> files;
        for (fs::directory_iterator it(folder.path, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path().string());
        }
        if (ec)
            found.push_back({folder.path, folder.origin,
                             Diagnostic{Severity::Error, folder.path, 0, 0, "", {Problem::CannotListFolder, {ec.message()}}}});
        std::sort(files.begin(), files.end());
        for (std::string& file : files) found.push_back({std::move(file), folder.origin, std::nullopt});
    }
    return found;
}

Diagnostic duplicate_pack_id(const std::string& file, const std::string& id, const std::string& first) {
    return {Severity::Error, file, 0, 0, "/id", {Problem::DuplicatePackId, {id, first}}};
}

std::vector<PackEntry> discover_packs(const std::vector<PackFolder>& folders) {
    std::vector<PackEntry> entries;
    for (PackFile& file : list_pack_files(folders)) {
        PackEntry e;
        e.path = std::move(file.path);
        e.origin = std::move(file.origin);
        if (file.error) {
            e.diagnostics.push_back(std::move(*file.error));
            entries.push_back(std::move(e));
            continue;
        }
        LoadResult r = load_pack_file(e.path);
        e.diagnostics = std::move(r.diagnostics);
        e.pack = std::move(r.pack);
        if (e.pack) {
            auto first = std::find_if(entries.begin(), entries.end(), [&](const PackEntry& other) {
                return other.pack && other.pack->id == e.pack->id;
            });
            if (first != entries.end()) {
                e.diagnostics.push_back(duplicate_pack_id(e.path, e.pack->id, first->path));
                e.pack.reset();
            }
        }
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace chronicle
