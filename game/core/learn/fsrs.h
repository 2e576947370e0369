// learn/: studying over days — the memory model (FSRS-6), the facts of a pack, the
// Learn session, the Timeline card game and the progress report. Value types; time
// comes in as Unix seconds.
//
// FSRS-6, the scheduler of Anki and the open-spaced-repetition projects, as the
// reference implementation ts-fsrs (5.x) computes it with fuzz off and short-term
// (learning-step) scheduling on. Its tests compare with vectors made by ts-fsrs
// itself (tests/fsrs/).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace chronicle::fsrs {

// How well the fact was remembered. The numbers are FSRS's.
enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };
const char* rating_name(Rating r); // "again", "hard", "good", "easy"
std::optional<Rating> rating_from_name(std::string_view name);

enum class State { New = 0, Learning = 1, Review = 2, Relearning = 3 };
const char* state_name(State s); // "new", "learning", "review", "relearning"
std::optional<State> state_from_name(std::string_view name);

constexpr size_t kWeightCount = 21;
using Weights = std::array<double, kWeightCount>;
// FSRS-6's default weights (ts-fsrs default_w).
extern const Weights kDefaultWeights;

struct Parameters {
    Weights w = kDefaultWeights;
    double desired_retention = 0.9; // 0.7..0.97 in Settings
    int maximum_interval = 36500;   // days
    // Short-term steps in seconds (ts-fsrs learning_steps ["1m","10m"], relearning_steps ["10m"]).
    std::vector<int64_t> learning_steps{60, 600};
    std::vector<int64_t> relearning_steps{600};
};

// What FSRS knows of one fact. A fact never reviewed is a default Card (State::New).
struct Card {
    State state = State::New;
    int step = 0; // place in the (re)learning steps
    double stability = 0;  // days for retrievability to fall to 90 %
    double difficulty = 0; // 1..10
    int64_t due = 0;         // Unix seconds
    int64_t last_review = 0; // Unix seconds; 0: never
    int scheduled_days = 0;
    int reps = 0;
    int lapses = 0;
};

// The card after a review with `rating` at `now` (Unix seconds).
Card review(const Card& card, Rating rating, int64_t now, const Parameters& params);
// The weights as FSRS uses them: each held to its range (ts-fsrs clipParameters), w17
// and w18 lower with more than one relearning step; NaN counts as 0.
Weights effective_weights(const Parameters& params);
// The chance the fact is recalled at `now`: 0 for a card never reviewed. Counts whole
// 24-hour days since the last review, as ts-fsrs's get_retrievability does (a review
// counts UTC calendar days).
double retrievability(const Card& card, int64_t now, const Parameters& params);
// The interval in days for `stability` at the desired retention (before the cap and rounding).
double next_interval_days(double stability, const Parameters& params);

} // namespace chronicle::fsrs
