// Pack file → validated Pack. Every problem found is reported (not just the first),
// with file, line, column and JSON path; a pack with any error is not returned.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/base/json_text.h"
#include "core/pack/pack.h"

namespace chronicle {

struct LoadResult {
    std::optional<Pack> pack; // set only when there is no error
    std::vector<Diagnostic> diagnostics;
};

LoadResult load_pack_file(const std::string& path);
// `file` names the text in diagnostics.
LoadResult load_pack_text(const std::string& text, const std::string& file);

} // namespace chronicle
