// The clocks the core is given: it never reads one itself.
#pragma once
#include <cstdint>

namespace chronicle {

// Seconds since 1970, for the record of a game.
int64_t unix_now();
// How far local time is ahead of UTC at `unix_seconds` (the TZ environment variable or the
// system's zone), for study days.
int32_t utc_offset_at(int64_t unix_seconds);
// A steady clock in ms (it never jumps), for the game's timers where SDL's is not running.
uint64_t steady_ms();
// A seed from the calendar clock, for quizzes nobody asked to repeat.
uint64_t clock_seed();

} // namespace chronicle
