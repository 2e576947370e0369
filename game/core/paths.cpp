#include "core/paths.h"

#include <cstdlib>
#include <filesystem>

namespace chronicle {

namespace fs = std::filesystem;

std::string resource_folder(const std::string& name, const std::string& marker, const std::string& source_fallback) {
    std::error_code ec;
    const fs::path exe_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
    if (!ec) {
        for (const fs::path& candidate : {exe_dir / name, exe_dir / ".." / name, exe_dir / ".." / "share" / "chronicle" / name})
            if (fs::exists(candidate / marker, ec)) return candidate.lexically_normal().string();
    }
    return source_fallback;
}

std::string user_data_folder() {
    auto env = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v ? v : "";
    };
    if (std::string dir = env("CHRONICLE_DATA_DIR"); !dir.empty()) return dir;
    if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty()) return xdg + "/chronicle";
    return env("HOME") + "/.local/share/chronicle";
}

} // namespace chronicle
