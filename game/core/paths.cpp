#include "core/paths.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

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

bool write_file_atomically(const std::string& path, const std::string& text, bool replace, std::string& error) {
    const std::string temporary = path + ".tmp-" + std::to_string(getpid());
    const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot create " + temporary + ": " + std::strerror(errno);
        return false;
    }
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += static_cast<size_t>(n);
    }
    const bool flushed = written == text.size() && fsync(fd) == 0;
    const int saved_errno = errno;
    close(fd);
    if (!flushed) {
        error = "cannot write " + temporary + ": " + std::strerror(saved_errno);
        unlink(temporary.c_str());
        return false;
    }
    // link() refuses an existing target, atomically; rename() replaces it.
    bool moved = replace ? rename(temporary.c_str(), path.c_str()) == 0 : link(temporary.c_str(), path.c_str()) == 0;
    int move_errno = errno;
    if (!moved && !replace && (move_errno == EPERM || move_errno == EOPNOTSUPP)) { // no hard links (FAT, some FUSE)
        std::error_code ec;
        moved = !std::filesystem::exists(path, ec) && rename(temporary.c_str(), path.c_str()) == 0;
        move_errno = moved ? 0 : ec ? ec.value() : EEXIST;
    }
    unlink(temporary.c_str()); // after rename() it is already gone
    if (!moved) {
        error = move_errno == EEXIST ? path + " already exists"
                                     : "cannot write " + path + ": " + std::strerror(move_errno);
        return false;
    }
    return true;
}

} // namespace chronicle
