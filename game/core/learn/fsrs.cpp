// FSRS-6 as ts-fsrs 5.2.3 computes it (fuzz off, short-term scheduling on): the same
// formulas in the same order, the same rounding to 8 decimals after each of them, the
// same learning steps and the same interval rules, so that tests/fsrs/vectors.json,
// made by ts-fsrs itself, is matched step for step.
#include "core/learn/fsrs.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

namespace chronicle::fsrs {

const Weights kDefaultWeights = {0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                 0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

namespace {

constexpr double kMinStability = 0.001;
constexpr double kMaxStability = 36500.0;
constexpr double kMaxInitialStability = 100.0;
constexpr int64_t kDaySeconds = 86400;
constexpr double kMinutesInDay = 1440.0;

// JavaScript's +x.toFixed(8), which ts-fsrs applies to nearly every result: x rounded
// to 8 decimals, halves away from zero, from x's exact decimal value (not x * 1e8, which
// rounds first). Every double of magnitude 1e-9 or more has at most 82 decimals, so
// "%.90f" writes it out exactly; a smaller one rounds to zero.
double round8(double x) {
    if (!std::isfinite(x) || std::fabs(x) >= 1e21) return x; // toFixed gives the number itself
    std::array<char, 160> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.90f", std::fabs(x));
    std::string text(buffer.data());
    const size_t point = text.find('.');
    const bool up = text[point + 9] >= '5';
    text.resize(point + 9);
    if (up) {
        size_t i = text.size();
        bool carry = true;
        while (carry && i > 0) {
            --i;
            if (text[i] == '.') continue;
            if (text[i] == '9') {
                text[i] = '0';
            } else {
                ++text[i];
                carry = false;
            }
        }
        if (carry) text.insert(text.begin(), '1');
    }
    const double rounded = std::strtod(text.c_str(), nullptr);
    return std::signbit(x) ? -rounded : rounded;
}

// JavaScript's Math.round: to the nearest integer, halves up.
double js_round(double x) {
    const double below = std::floor(x);
    return x - below >= 0.5 ? below + 1 : below;
}

double clamp(double x, double lo, double hi) {
    return std::min(std::max(x, lo), hi);
}

int64_t floor_div(int64_t a, int64_t b) {
    const int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Whole UTC calendar days from `from` to `to` (ts-fsrs dateDiffInDays), for reviews.
int64_t calendar_days(int64_t from, int64_t to) {
    return floor_div(to, kDaySeconds) - floor_div(from, kDaySeconds);
}

double grade(Rating r) {
    return static_cast<double>(static_cast<int>(r));
}

// The model for one set of parameters: the weights clipped, the forgetting curve's
// decay and factor, and the interval for the desired retention.
class Model {
public:
    explicit Model(const Parameters& params)
        : params_(params), w_(effective_weights(params)), decay_(-w_[20]),
          factor_(round8(std::exp(1.0 / decay_ * std::log(0.9)) - 1.0)) {
        // ts-fsrs refuses a retention outside (0, 1] and takes a missing one as 0.9.
        double retention = params.desired_retention;
        if (!(retention > 0 && retention <= 1)) retention = 0.9;
        interval_modifier_ = round8((std::pow(retention, 1.0 / decay_) - 1.0) / factor_);
        maximum_interval_ = params.maximum_interval != 0 ? params.maximum_interval : 36500;
    }

    const Parameters& params() const { return params_; }
    const Weights& w() const { return w_; }
    double interval_modifier() const { return interval_modifier_; }

    // R(t, S) = (1 + factor * t / S) ^ decay, t in whole days.
    double forgetting_curve(int64_t days, double stability) const {
        return round8(std::pow(1.0 + factor_ * static_cast<double>(days) / stability, decay_));
    }

    double init_stability(Rating g) const {
        return std::max(w_[static_cast<size_t>(static_cast<int>(g) - 1)], 0.1);
    }

    double init_difficulty(Rating g) const {
        return round8(w_[4] - std::exp((grade(g) - 1) * w_[5]) + 1);
    }

    double next_difficulty(double d, Rating g) const {
        const double delta = -w_[6] * (grade(g) - 3);
        const double damped = d + round8(delta * (10 - d) / 9);
        const double reverted = round8(w_[7] * init_difficulty(Rating::Easy) + (1 - w_[7]) * damped);
        return clamp(reverted, 1, 10);
    }

    double next_recall_stability(double d, double s, double r, Rating g) const {
        const double hard_penalty = g == Rating::Hard ? w_[15] : 1;
        const double easy_bonus = g == Rating::Easy ? w_[16] : 1;
        const double growth = std::exp(w_[8]) * (11 - d) * std::pow(s, -w_[9]) *
                              (std::exp((1 - r) * w_[10]) - 1) * hard_penalty * easy_bonus;
        return round8(clamp(s * (1 + growth), kMinStability, kMaxStability));
    }

    double next_forget_stability(double d, double s, double r) const {
        const double next = w_[11] * std::pow(d, -w_[12]) * (std::pow(s + 1, w_[13]) - 1) *
                            std::exp((1 - r) * w_[14]);
        return round8(clamp(next, kMinStability, kMaxStability));
    }

    // After a lapse: no more than the stability after forgetting, and no more than
    // S / e^(w17 * w18), what the relearning steps would bring it back to.
    double lapse_stability(double d, double s, double r) const {
        const double ceiling = round8(s / std::exp(w_[17] * w_[18]));
        return clamp(ceiling, kMinStability, next_forget_stability(d, s, r));
    }

    // A review within the (re)learning steps.
    double next_short_term_stability(double s, Rating g) const {
        double growth = std::pow(s, -w_[19]) * std::exp(w_[17] * (grade(g) - 3 + w_[18]));
        if (g >= Rating::Good) growth = std::max(growth, 1.0);
        return round8(clamp(s * growth, kMinStability, kMaxStability));
    }

    // Days until the next review for `stability`: at least 1, at most the maximum.
    int next_interval(double stability) const {
        const double days = std::min(std::max(1.0, js_round(stability * interval_modifier_)),
                                     static_cast<double>(maximum_interval_));
        return static_cast<int>(days);
    }

private:
    const Parameters& params_;
    Weights w_;
    double decay_;
    double factor_;
    double interval_modifier_ = 0;
    int maximum_interval_ = 36500;
};

// What the (re)learning steps say for a rating: wait `minutes` and go to `next_step`;
// no minutes: the steps have nothing to say (the card leaves them, FSRS schedules it).
struct StepPlan {
    double minutes = 0;
    int next_step = 0;
};

double to_minutes(int64_t seconds) {
    return static_cast<double>(seconds) / 60.0;
}

// ts-fsrs's BasicLearningStepsStrategy. A card in Review uses the relearning steps and
// has a step only for Again; New and Learning cards use the learning steps. Again goes
// back to the first step, Hard waits between the first two (or 1.5 times a lone first
// step) and stays, Good moves to the next step if there is one.
StepPlan step_plan(const Parameters& params, State state, int step, Rating rating) {
    const std::vector<int64_t>& steps =
        state == State::Relearning || state == State::Review ? params.relearning_steps : params.learning_steps;
    const size_t count = steps.size();
    if (count == 0 || (step >= 0 && static_cast<size_t>(step) >= count)) return {};
    const size_t here = static_cast<size_t>(std::max(0, step));
    if (state == State::Review)
        return rating == Rating::Again ? StepPlan{to_minutes(steps[here]), 0} : StepPlan{};
    switch (rating) {
    case Rating::Again:
        return {to_minutes(steps[0]), 0};
    case Rating::Hard:
        if (count == 1) return {js_round(to_minutes(steps[0]) * 1.5), step};
        return {js_round((to_minutes(steps[0]) + to_minutes(steps[1])) / 2), step};
    case Rating::Good:
        if (step + 1 >= 0 && static_cast<size_t>(step + 1) < count) {
            const double minutes = to_minutes(steps[static_cast<size_t>(step + 1)]);
            if (minutes != 0) return {js_round(minutes), step + 1};
        }
        return {};
    case Rating::Easy:
        return {};
    }
    return {};
}

// Schedules `next` (its stability already set) by the steps, or by FSRS once it leaves
// them: a step shorter than a day keeps it in `step_state`, a longer one or none makes
// it a Review card.
void apply_steps(const Model& model, const Card& card, Rating rating, int64_t now, State step_state,
                 Card& next) {
    // ts-fsrs looks one step further for Good and Easy in Learning (not in Relearning).
    const bool ahead = card.state == State::Learning && rating != Rating::Again && rating != Rating::Hard;
    const StepPlan plan = step_plan(model.params(), card.state, ahead ? card.step + 1 : card.step, rating);
    const double minutes = std::max(0.0, plan.minutes);
    const int next_step = std::max(0, plan.next_step);
    const int64_t wait = static_cast<int64_t>(js_round(minutes)) * 60;
    if (minutes > 0 && minutes < kMinutesInDay) {
        next.step = next_step;
        next.scheduled_days = 0;
        next.state = step_state;
        next.due = now + wait;
        return;
    }
    next.state = State::Review;
    if (minutes >= kMinutesInDay) {
        next.step = next_step;
        next.due = now + wait;
        next.scheduled_days = static_cast<int>(std::floor(minutes / kMinutesInDay));
    } else {
        next.step = 0;
        next.scheduled_days = model.next_interval(next.stability);
        next.due = now + int64_t{next.scheduled_days} * kDaySeconds;
    }
}

Card review_new(const Model& model, const Card& card, Rating rating, int64_t now, Card next) {
    next.difficulty = clamp(model.init_difficulty(rating), 1, 10);
    next.stability = model.init_stability(rating);
    apply_steps(model, card, rating, now, State::Learning, next);
    return next;
}

Card review_learning(const Model& model, const Card& card, Rating rating, int64_t now, Card next) {
    next.difficulty = model.next_difficulty(card.difficulty, rating);
    next.stability = model.next_short_term_stability(card.stability, rating);
    apply_steps(model, card, rating, now, card.state, next);
    return next;
}

Card review_review(const Model& model, const Card& card, Rating rating, int64_t now, int64_t elapsed_days,
                   Card next) {
    const double d = card.difficulty;
    const double s = card.stability;
    const double r = model.forgetting_curve(elapsed_days, s);
    next.difficulty = model.next_difficulty(d, rating);
    if (rating == Rating::Again) {
        next.stability = model.lapse_stability(d, s, r);
        apply_steps(model, card, rating, now, State::Relearning, next);
        ++next.lapses;
        return next;
    }
    // Hard is never longer than Good, Good is longer than Hard, Easy longer than Good,
    // even past the maximum interval.
    int hard = model.next_interval(model.next_recall_stability(d, s, r, Rating::Hard));
    int good = model.next_interval(model.next_recall_stability(d, s, r, Rating::Good));
    hard = std::min(hard, good);
    good = std::max(good, hard + 1);
    const int easy = std::max(model.next_interval(model.next_recall_stability(d, s, r, Rating::Easy)), good + 1);
    next.stability = model.next_recall_stability(d, s, r, rating);
    next.scheduled_days = rating == Rating::Hard ? hard : rating == Rating::Good ? good : easy;
    next.due = now + int64_t{next.scheduled_days} * kDaySeconds;
    next.state = State::Review;
    next.step = 0;
    return next;
}

} // namespace

const char* rating_name(Rating r) {
    switch (r) {
    case Rating::Again: return "again";
    case Rating::Hard: return "hard";
    case Rating::Good: return "good";
    case Rating::Easy: return "easy";
    }
    return "?";
}

std::optional<Rating> rating_from_name(std::string_view name) {
    for (Rating r : {Rating::Again, Rating::Hard, Rating::Good, Rating::Easy})
        if (name == rating_name(r)) return r;
    return std::nullopt;
}

const char* state_name(State s) {
    switch (s) {
    case State::New: return "new";
    case State::Learning: return "learning";
    case State::Review: return "review";
    case State::Relearning: return "relearning";
    }
    return "?";
}

std::optional<State> state_from_name(std::string_view name) {
    for (State s : {State::New, State::Learning, State::Review, State::Relearning})
        if (name == state_name(s)) return s;
    return std::nullopt;
}

Weights effective_weights(const Parameters& params) {
    // The ranges of ts-fsrs's CLAMP_PARAMETERS (short-term scheduling on).
    constexpr std::array<std::pair<double, double>, kWeightCount> kRanges = {{
        {kMinStability, kMaxInitialStability}, // initial stability: Again
        {kMinStability, kMaxInitialStability}, // Hard
        {kMinStability, kMaxInitialStability}, // Good
        {kMinStability, kMaxInitialStability}, // Easy
        {1.0, 10.0},                           // initial difficulty (Good)
        {0.001, 4.0},                          // initial difficulty: multiplier
        {0.001, 4.0},                          // difficulty: multiplier
        {0.001, 0.75},                         // difficulty: mean reversion
        {0.0, 4.5},                            // stability: exponent
        {0.0, 0.8},                            // stability: negative power
        {0.001, 3.5},                          // stability: exponent
        {0.001, 5.0},                          // after a lapse: multiplier
        {0.001, 0.25},                         // after a lapse: negative power
        {0.001, 0.9},                          // after a lapse: power
        {0.0, 4.0},                            // after a lapse: exponent
        {0.0, 1.0},                            // Hard's multiplier
        {1.0, 6.0},                            // Easy's multiplier
        {0.0, 2.0},                            // short-term: exponent (ceiling below)
        {0.0, 2.0},                            // short-term: exponent (ceiling below)
        {0.01, 0.8},                           // short-term: power of the last stability
        {0.1, 0.8},                            // decay
    }};
    const Weights& raw = params.w;
    // With more than one relearning step, w17 * w18 is held down so that the steps
    // cannot lift the stability after a lapse above the stability before it.
    double ceiling = 2.0;
    const size_t relearning = params.relearning_steps.size();
    if (relearning > 1) {
        const double most = -(std::log(raw[11]) + std::log(std::pow(2.0, raw[13]) - 1.0) + raw[14] * 0.3) /
                            static_cast<double>(relearning);
        ceiling = clamp(round8(most), 0.01, 2.0);
    }
    Weights w{};
    for (size_t i = 0; i < kWeightCount; ++i) {
        const double hi = i == 17 || i == 18 ? ceiling : kRanges[i].second;
        w[i] = clamp(std::isnan(raw[i]) ? 0.0 : raw[i], kRanges[i].first, hi);
    }
    return w;
}

Card review(const Card& card, Rating rating, int64_t now, const Parameters& params) {
    const Model model(params);
    Card next = card;
    next.reps = card.reps + 1;
    next.last_review = now;
    // Whole UTC days since the last review; a clock set back counts as the same day.
    int64_t elapsed_days = 0;
    if (card.state != State::New && card.last_review != 0)
        elapsed_days = std::max<int64_t>(0, calendar_days(card.last_review, now));
    switch (card.state) {
    case State::New: return review_new(model, card, rating, now, next);
    case State::Learning:
    case State::Relearning: return review_learning(model, card, rating, now, next);
    case State::Review: return review_review(model, card, rating, now, elapsed_days, next);
    }
    return next;
}

double retrievability(const Card& card, int64_t now, const Parameters& params) {
    if (card.state == State::New) return 0;
    // ts-fsrs's get_retrievability counts whole 24-hour days here, not calendar days.
    const int64_t days = std::max<int64_t>(0, floor_div(now - card.last_review, kDaySeconds));
    return Model(params).forgetting_curve(days, round8(card.stability));
}

double next_interval_days(double stability, const Parameters& params) {
    return stability * Model(params).interval_modifier();
}

} // namespace chronicle::fsrs
