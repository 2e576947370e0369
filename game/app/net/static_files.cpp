#include "app/net/static_files.h"

#include <climits>
#include <cstdlib>
#include <sys/stat.h>

namespace chronicle::net {

namespace {

struct TypeRow {
    std::string_view extension;
    std::string_view type;
};

constexpr TypeRow kTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
};

bool ends_with(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

bool segment_allowed(std::string_view segment) {
    return !segment.empty() && segment.front() != '.';
}

} // namespace

std::string_view content_type_for(std::string_view file_name) {
    for (const TypeRow& row : kTypes) {
        if (ends_with(file_name, row.extension)) return row.type;
    }
    return {};
}

std::optional<std::string> resolve_static(const std::string& root_real, std::string_view path) {
    if (path == "/") path = "/index.html";
    if (path.empty() || path.front() != '/') return std::nullopt;
    for (char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == '\\') return std::nullopt;
    }
    size_t start = 1;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (!segment_allowed(path.substr(start, end - start))) return std::nullopt;
        start = end + 1;
    }
    if (content_type_for(path).empty()) return std::nullopt;

    const std::string candidate = root_real + std::string(path);
    char resolved[PATH_MAX];
    if (realpath(candidate.c_str(), resolved) == nullptr) return std::nullopt;
    const std::string real(resolved);
    // A symlink may point anywhere: what counts is where it ends, and under what name.
    if (real.compare(0, root_real.size() + 1, root_real + "/") != 0) return std::nullopt;
    if (content_type_for(real).empty()) return std::nullopt;
    struct stat info {};
    if (stat(real.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return real;
}

} // namespace chronicle::net
