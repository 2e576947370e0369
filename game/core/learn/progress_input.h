// The records a pack's progress report is made from (learn/progress.h), read from the save.
#pragma once
#include "core/learn/progress.h"
#include "core/pack/pack.h"
#include "core/store/storage.h"

namespace chronicle {

// The pack's facts, the states of those it still has (a fact an edited pack lost is left
// out), its games with their answers and its Learn answers. A save that fails to read
// gives what it could (storage.last_error() says why).
ProgressInput progress_input(const Storage& storage, const Pack& pack);
// A pack with no save yet: its facts, and nothing studied.
ProgressInput progress_input(const Pack& pack);

} // namespace chronicle
