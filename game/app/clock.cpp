#include "app/clock.h"

#include <chrono>

namespace chronicle {

int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

uint64_t steady_ms() {
    return static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

uint64_t clock_seed() { return static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count()); }

} // namespace chronicle
