#include "core/play/round.h"

#include <algorithm>

#include "core/learn/learn_session.h"
#include "core/store/storage.h"

namespace chronicle {

Round::Round(Quiz quiz, Mode mode, ScoreRules rules, Storage* storage, Moment now, fsrs::Parameters memory)
    : session_(std::move(quiz), rules), mode_(mode), storage_(storage), memory_(std::move(memory)), asked_at_ms_(now.ms) {
    if (storage_)
        if (auto best = storage_->best_score(session_.quiz().pack_id, mode_)) previous_best_ = best->points;
    if (session_.finished()) finish(now); // a quiz without questions is over at once
}

std::optional<int64_t> Round::ms_left(uint64_t now_ms) const {
    if (step_ != RoundStep::Asking || time_limit_ms() <= 0) return std::nullopt;
    if (paused_at_ms_) now_ms = *paused_at_ms_;
    const auto elapsed = static_cast<int64_t>(now_ms - std::min(now_ms, asked_at_ms_));
    return std::max<int64_t>(0, time_limit_ms() - elapsed);
}

bool Round::clock_running() const { return step_ == RoundStep::Asking && time_limit_ms() > 0 && !paused_at_ms_; }

int64_t Round::time_limit_ms() const { return session_.finished() ? 0 : session_.rules().limit_for(question().kind); }

void Round::pause(uint64_t now_ms) {
    if (!paused_at_ms_) paused_at_ms_ = now_ms;
}

void Round::resume(uint64_t now_ms) {
    if (!paused_at_ms_) return;
    asked_at_ms_ += now_ms - std::min(now_ms, *paused_at_ms_);
    paused_at_ms_.reset();
}

std::optional<Grade> Round::answer(const std::vector<size_t>& chosen, Moment now) {
    if (step_ != RoundStep::Asking || paused_at_ms_) return std::nullopt;
    const auto elapsed = static_cast<int64_t>(now.ms - std::min(now.ms, asked_at_ms_));
    const std::optional<Grade> grade = session_.answer(chosen, elapsed);
    if (!grade) return std::nullopt;
    if (reveals_each_answer(mode_)) step_ = RoundStep::Revealing;
    else advance(now);
    return grade;
}

std::optional<Grade> Round::expire_if_due(Moment now) {
    if (paused_at_ms_) return std::nullopt;
    const std::optional<int64_t> left = ms_left(now.ms);
    if (!left || *left > 0) return std::nullopt;
    const std::optional<Grade> grade = session_.expire();
    if (!grade) return std::nullopt;
    if (reveals_each_answer(mode_)) step_ = RoundStep::Revealing;
    else advance(now);
    return grade;
}

bool Round::next(Moment now) {
    if (step_ != RoundStep::Revealing) return false;
    advance(now);
    return true;
}

void Round::advance(Moment now) {
    session_.advance();
    if (session_.finished()) {
        finish(now);
        return;
    }
    step_ = RoundStep::Asking;
    asked_at_ms_ = now.ms;
}

// Saved before the results are shown: closing the window never loses a finished game.
void Round::finish(Moment now) {
    step_ = RoundStep::Finished;
    if (!storage_ || session_.answers().empty()) return;
    storage_->try_save_again();
    const std::vector<FactReview> reviews =
        quiz_reviews(session_, storage_->fact_states(session_.quiz().pack_id), now.unix_seconds, memory_);
    const int64_t id = storage_->record_game(game_record(session_, mode_, now.unix_seconds), reviews);
    if (id < 0) {
        record_.save_error = storage_->last_error();
        return;
    }
    record_.game_id = id;
    record_.in_memory = storage_->in_memory();
    const auto best = storage_->best_score(session_.quiz().pack_id, mode_);
    record_.new_best = best && best->game_id == id && best->points > 0;
}

} // namespace chronicle
