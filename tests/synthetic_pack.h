// A synthetic pack as JSON text, for chronicle_bench and for tests that need a big,
// varied pack: `event_count` events, text lengths scaled by `scale` (1.0: realistic),
// `undated` events in 1000 without a date.
#pragma once
#include <cstdint>
#include <string>

namespace chronicle::test {

std::string synthetic_pack(int event_count, double scale = 1.0, uint32_t undated = 20);

} // namespace chronicle::test
