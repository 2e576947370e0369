// The phone page's files: which request path maps to which file under the web root, and
// what type it is served as. Separate from the server so the rules read in one place:
// only files under the root (symlinks resolved, then checked), only the types the page
// is made of, no dot-files, no directories.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chronicle::net {

// The Content-Type for a file name, or empty for a type the page does not use.
std::string_view content_type_for(std::string_view file_name);

// The real path of the file a request path names (URL-decoded, dot segments not removed),
// if it is a regular file inside root_real (itself a realpath). "/" names index.html.
// Any "." or ".." segment, empty segment, dot-file, backslash or control character is
// refused rather than cleaned: no page of ours asks for such a path.
std::optional<std::string> resolve_static(const std::string& root_real, std::string_view path);

} // namespace chronicle::net
