// Where Chronicle's files are: bundled folders (next to the executable, above it,
// in share/chronicle, or the source tree when run from a build) and the user's data
// folder (the one SDL_GetPrefPath("", "chronicle") names on Linux).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/problem.h"

namespace chronicle {

// The first of <exe>/name, <exe>/../name, <exe>/../share/chronicle/name that holds
// `marker`, else `source_fallback`.
std::string resource_folder(const std::string& name, const std::string& marker, const std::string& source_fallback);

// $CHRONICLE_DATA_DIR, else $XDG_DATA_HOME/chronicle, else ~/.local/share/chronicle;
// nullopt when none gives an absolute folder (HOME unset, empty or relative, as for a
// service): then there is nowhere to keep anything (Problem::NoDataFolder).
std::optional<std::string> user_data_folder();

// Makes the folder `path` and those above it as needed; nullopt when it is there.
// Otherwise what stands in the way: a link to nowhere, a file, or the OS's reason.
std::optional<Issue> make_folder(const std::string& path);

enum class WriteOutcome { Written, Exists, Failed };

// Writes `text` to a temporary file beside `path`, flushes it to disk, then moves it
// into place, so that a crash leaves either the old file or the new one. Without
// `replace`, an existing file is never touched (Exists). Only a regular file is ever
// replaced: a symbolic link, a device, a pipe or a folder at `path` is Failed, even
// with `replace`. Failed says why in `error`.
WriteOutcome write_file_atomically(const std::string& path, const std::string& text, bool replace, Issue& error);

// The same, with text too big to hold: `write` gives it piece by piece to `put`, and
// returns false to give up, leaving `path` as it was (Failed, `error` untouched).
using PutText = std::function<void(std::string_view)>;
WriteOutcome write_file_atomically(const std::string& path, const std::function<bool(const PutText& put)>& write, bool replace,
                                   Issue& error);

} // namespace chronicle
