// A simulated history of study, written into a save through Storage: games with their
// answers and the reviews of the facts they tested, and Learn answers with theirs. The
// same arguments give the same records; time and the time zone are passed in.
#pragma once
#include <cstdint>
#include <string>

#include "core/learn/fsrs.h"
#include "core/pack/pack.h"
#include "core/store/storage.h"

namespace chronicle::test {

// `weeks` weeks up to `now` (Unix seconds) in a place `utc_offset` seconds ahead of UTC:
// on most days a game of five questions in the evening and up to ten Learn answers in the
// morning (every ninth day none, so that streaks break), right and wrong by a fixed
// pattern, each answer reviewing one of the pack's facts with FSRS at `params`; nothing
// after `now`. False, with the reason in `error`, when a write failed.
bool write_history(Storage& storage, const Pack& pack, int weeks, int64_t now, int32_t utc_offset,
                   const fsrs::Parameters& params, std::string& error);

} // namespace chronicle::test
