// Where Chronicle's files are: bundled folders (next to the executable, above it,
// in share/chronicle, or the source tree when run from a build) and the user's data
// folder (the one SDL_GetPrefPath("", "chronicle") names on Linux).
#pragma once
#include <string>

#include "core/base/problem.h"

namespace chronicle {

// The first of <exe>/name, <exe>/../name, <exe>/../share/chronicle/name that holds
// `marker`, else `source_fallback`.
std::string resource_folder(const std::string& name, const std::string& marker, const std::string& source_fallback);

// $CHRONICLE_DATA_DIR, else $XDG_DATA_HOME/chronicle, else ~/.local/share/chronicle.
std::string user_data_folder();

enum class WriteOutcome { Written, Exists, Failed };

// Writes `text` to a temporary file beside `path`, flushes it to disk, then moves it
// into place, so that a crash leaves either the old file or the new one. Without
// `replace`, an existing file is never touched (Exists). Failed says why in `error`.
WriteOutcome write_file_atomically(const std::string& path, const std::string& text, bool replace, Issue& error);

} // namespace chronicle
