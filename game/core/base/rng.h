// The one source of randomness in the core: PCG32 (O'Neill, pcg-random.org) with
// our own range mapping. std::shuffle and std::uniform_int_distribution are not
// used because their output differs between standard libraries, and a seed must
// give the same quiz on every machine and compiler.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

namespace chronicle {

class Rng {
public:
    // pcg32_srandom_r(seed, stream) of the reference implementation.
    explicit Rng(uint64_t seed, uint64_t stream = kDefaultStream) : increment_((stream << 1u) | 1u) {
        next();
        state_ += seed;
        next();
    }
    uint32_t next() {
        const uint64_t old = state_;
        state_ = old * 6364136223846793005ULL + increment_;
        const auto xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
        const auto rot = static_cast<uint32_t>(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
    }
    // Uniform in [0, bound), bound > 0, without modulo bias (rejection sampling).
    uint32_t below(uint32_t bound) {
        const uint32_t threshold = (0u - bound) % bound;
        for (;;) {
            const uint32_t r = next();
            if (r >= threshold) return r % bound;
        }
    }
    // Uniform in [lo, hi].
    int64_t between(int64_t lo, int64_t hi) {
        const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
        if (span <= UINT32_MAX) return lo + below(static_cast<uint32_t>(span));
        const uint64_t wide = (static_cast<uint64_t>(next()) << 32) | next();
        return lo + static_cast<int64_t>(wide % span); // bias negligible for our sizes
    }
    template <class T> void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(static_cast<uint32_t>(i))]);
    }

private:
    static constexpr uint64_t kDefaultStream = 721347520444481703ULL; // PCG's default increment >> 1
    uint64_t state_ = 0;
    uint64_t increment_;
};

} // namespace chronicle
