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

std::optional<std::string> user_data_folder() {
    auto env = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v ? v : "";
    };
    auto absolute = [](const std::string& dir) { return !dir.empty() && dir[0] == '/'; };
    if (std::string dir = env("CHRONICLE_DATA_DIR"); !dir.empty()) return dir;
    if (std::string xdg = env("XDG_DATA_HOME"); absolute(xdg)) return xdg + "/chronicle"; // relative: ignored, as XDG says
    if (std::string home = env("HOME"); absolute(home)) return home + "/.local/share/chronicle";
    return std::nullopt;
}

std::optional<Issue> make_folder(const std::string& path) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (!ec && fs::is_directory(path, ec)) return std::nullopt;
    const std::string reason = ec ? ec.message() : std::strerror(ENOTDIR);
    // create_directories says only "File exists": find what is in the way, from the top.
    fs::path so_far;
    for (const fs::path& part : fs::path(path)) {
        if (part.empty()) continue; // after a trailing '/'
        so_far /= part;
        const fs::file_status own = fs::symlink_status(so_far, ec);
        if (ec || !fs::exists(own)) break;
        if (fs::is_symlink(own) && !fs::exists(so_far, ec))
            return Issue{Problem::FolderIsDanglingLink, {so_far.string(), fs::read_symlink(so_far, ec).string()}};
        if (!fs::is_directory(so_far, ec)) return Issue{Problem::FolderIsAFile, {so_far.string()}};
    }
    return Issue{Problem::CannotCreateFolder, {path, reason}};
}

WriteOutcome write_file_atomically(const std::string& path, const std::string& text, bool replace, Issue& error) {
    return write_file_atomically(path, [&](const PutText& put) {
        put(text);
        return true;
    }, replace, error);
}

WriteOutcome write_file_atomically(const std::string& path, const std::function<bool(const PutText& put)>& write_text, bool replace,
                                   Issue& error) {
    std::error_code ec;
    // Never followed, never replaced: a link (it could lead out of the folder chosen),
    // a folder, or a device, pipe or socket (rename() would put a file in its place).
    const fs::file_status existing = fs::symlink_status(path, ec);
    if (fs::is_symlink(existing)) {
        error = {Problem::WriteTargetIsLink, {path, fs::read_symlink(path, ec).string()}};
        return WriteOutcome::Failed;
    }
    if (fs::is_directory(existing)) {
        error = {Problem::WriteTargetIsFolder, {path}};
        return WriteOutcome::Failed;
    }
    if (fs::exists(existing) && !fs::is_regular_file(existing)) {
        error = {Problem::WriteTargetNotAFile, {path}};
        return WriteOutcome::Failed;
    }
    if (!replace && fs::exists(existing)) return WriteOutcome::Exists;
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
    // Pieces gather in a buffer; the first failed write() ends the writing.
    std::string buffer;
    bool written = true;
    int write_errno = 0;
    auto out = [&](std::string_view rest) {
        while (written && !rest.empty()) {
            const ssize_t n = write(fd, rest.data(), rest.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                written = false;
                write_errno = n < 0 ? errno : EIO;
            } else rest.remove_prefix(static_cast<size_t>(n));
        }
    };
    constexpr size_t kBuffer = size_t{1} << 20;
    const bool finished = write_text([&](std::string_view piece) {
        if (buffer.size() + piece.size() > kBuffer) {
            out(buffer);
            buffer.clear();
        }
        if (piece.size() >= kBuffer) out(piece);
        else buffer += piece;
    });
    if (finished) out(buffer);
    const bool flushed = finished && written && fsync(fd) == 0;
    if (finished && written && !flushed) write_errno = errno;
    close(fd);
    if (!flushed) {
        unlink(temporary.c_str());
        if (!finished) return WriteOutcome::Failed;
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
