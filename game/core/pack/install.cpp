#include "core/pack/install.h"

#include <filesystem>
#include <system_error>

#include "core/pack/discovery.h"
#include "core/base/json_text.h"
#include "core/pack/pack_loader.h"
#include "core/base/paths.h"

namespace chronicle {

namespace fs = std::filesystem;

IdOwner id_owner_by_discovery(std::vector<PackFolder> folders) {
    return [folders = std::move(folders)](const std::string& id) {
        for (const PackEntry& e : discover_packs(folders))
            if (e.pack && e.pack->id == id) return e.path;
        return std::string();
    };
}

InstallResult install_pack_text(const std::string& pack_text, const std::string& id, bool replace,
                                const std::string& folder, const IdOwner& owner) {
    InstallResult r;
    if (folder.empty()) {
        r.problem = InstallProblem::CannotWrite;
        r.error = {Problem::NoDataFolder};
        return r;
    }
    r.path = folder + "/" + id + ".json";
    if (std::optional<Issue> problem = make_folder(folder)) {
        r.problem = InstallProblem::CannotWrite;
        r.error = std::move(*problem);
        return r;
    }
    std::error_code ec;
    // Only the first pack with an id is played: a clash would hide the new one.
    // The file to be replaced is no clash. Names first: another import replacing it
    // between equivalent()'s two stats would make it look like another file.
    auto same_file = [&](const std::string& other) {
        return fs::path(other).lexically_normal() == fs::path(r.path).lexically_normal() || fs::equivalent(other, r.path, ec);
    };
    if (std::string taken_by = owner(id); !taken_by.empty() && !same_file(taken_by)) {
        r.problem = InstallProblem::IdTaken;
        r.taken_by = std::move(taken_by);
        return r;
    }
    switch (write_file_atomically(r.path, pack_text, replace, r.error)) {
    case WriteOutcome::Written: break;
    case WriteOutcome::Exists: r.problem = InstallProblem::Exists; break;
    case WriteOutcome::Failed: r.problem = InstallProblem::CannotWrite; break;
    }
    return r;
}

AddedPack add_to_user_packs(const std::string& file, const std::string& folder, const IdOwner& owner) {
    AddedPack added;
    added.file = file;
    ImportResult& r = added.import;
    const std::optional<std::string> text = read_input_file(file, r.diagnostics);
    if (!text) return added;
    ImportOptions options;
    options.file = file;
    if (LoadResult as_pack = load_pack_text(*text, file); as_pack.pack) {
        const Pack& p = *as_pack.pack;
        r.format = ImportFormat::Pack;
        r.id = p.id;
        r.lang = p.default_language;
        r.events = static_cast<int>(p.events.size());
        r.people = static_cast<int>(p.people.size());
        r.quotes = static_cast<int>(p.quotes.size());
        r.numbers = static_cast<int>(p.numbers.size());
        r.diagnostics = std::move(as_pack.diagnostics);
        r.pack_text = *text;
        r.pack = std::move(as_pack.pack);
    } else {
        r = import_text(*text, options);
    }
    if (r.pack) added.title = r.pack->text(r.pack->title, r.pack->default_language);
    if (r.pack_text) added.install = install_pack_text(*r.pack_text, r.id, false, folder, owner);
    return added;
}

} // namespace chronicle
