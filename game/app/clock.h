// The clocks the core is given: it never reads one itself.
#pragma once
#include <cstdint>

namespace chronicle {

// Seconds since 1970, for the record of a game.
int64_t unix_now();
// A seed from the calendar clock, for quizzes nobody asked to repeat.
uint64_t clock_seed();

} // namespace chronicle
