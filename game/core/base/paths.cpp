#include "core/base/paths.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
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

WriteOutcome write_file_atomically(const std::string& path, const std::string& text, bool replace, Issue& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        error = {Problem::WriteTargetIsFolder, {path}};
        return WriteOutcome::Failed;
    }
    if (!replace && fs::exists(path, ec)) return WriteOutcome::Exists;
    // mkstemp: a fresh name opened with O_EXCL, so a planted file or symlink is never followed.
    std::string temporary = path + ".tmp-XXXXXX";
    const int fd = mkstemp(temporary.data());
    auto fail = [&](int err) {
        error = {Problem::CannotWrite, {path, std::strerror(err)}};
        return WriteOutcome::Failed;
    };
    if (fd < 0) return fail(errno);
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask); // mkstemp makes it private; a pack is an ordinary file
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += static_cast<size_t>(n);
    }
    const bool flushed = written == text.size() && fsync(fd) == 0;
    const int write_errno = errno;
    close(fd);
    if (!flushed) {
        unlink(temporary.c_str());
        return fail(write_errno ? write_errno : EIO);
    }
    // link() refuses an existing target, atomically; rename() replaces it.
    bool moved = replace ? rename(temporary.c_str(), path.c_str()) == 0 : link(temporary.c_str(), path.c_str()) == 0;
    int move_errno = moved ? 0 : errno;
    if (!moved && !replace && (move_errno == EPERM || move_errno == EOPNOTSUPP)) { // no hard links (FAT, some FUSE)
        moved = !fs::exists(path, ec) && rename(temporary.c_str(), path.c_str()) == 0;
        move_errno = moved ? 0 : fs::exists(path, ec) ? EEXIST : errno;
    }
    unlink(temporary.c_str()); // after rename() it is already gone
    if (!moved) return move_errno == EEXIST ? WriteOutcome::Exists : fail(move_errno);
    // The new name is only durable once the folder itself is on disk.
    const std::string folder = fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path().string();
    if (const int dir = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        fsync(dir);
        close(dir);
    }
    return WriteOutcome::Written;
}

} // namespace chronicle
