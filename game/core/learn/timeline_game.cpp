#include "core/learn/timeline_game.h"

#include <algorithm>

#include "core/base/rng.h"

namespace chronicle {

TimelineGame::TimelineGame(const Pack& pack, std::string lang, uint64_t seed)
    : pack_id_(pack.id), lang_(std::move(lang)), seed_(seed) {
    for (EventIndex i = 0; i < pack.events.size(); ++i)
        if (pack.date_is_answer(pack.events[i])) deck_.push_back({i, pack.events[i].interval});
    Rng rng(seed);
    rng.shuffle(deck_);
    if (!deck_.empty()) {
        line_.push_back({deck_.back().event, deck_.back().interval, true});
        deck_.pop_back();
    }
    deal();
}

std::optional<size_t> TimelineGame::fit(const DayInterval& interval) const {
    // The line is certainly ordered: the cards certainly before `interval` are a prefix.
    const auto after = std::partition_point(line_.begin(), line_.end(),
                                            [&](const TimelineCard& c) { return before(c.interval, interval); });
    if (after != line_.end() && !before(interval, after->interval)) return std::nullopt;
    return static_cast<size_t>(after - line_.begin());
}

void TimelineGame::deal() {
    hand_.reset();
    if (lives_ <= 0) return;
    while (!deck_.empty()) {
        const DeckCard card = deck_.back();
        deck_.pop_back();
        if (fit(card.interval)) {
            hand_ = card;
            return;
        }
    }
}

size_t TimelineGame::dealable() const {
    return static_cast<size_t>(
        std::count_if(deck_.begin(), deck_.end(), [&](const DeckCard& c) { return fit(c.interval).has_value(); }));
}

size_t TimelineGame::right_gap() const { return hand_ ? fit(hand_->interval).value_or(0) : 0; }

std::optional<TimelinePlacement> TimelineGame::place(size_t gap) {
    if (!hand_) return std::nullopt;
    gap = std::min(gap, line_.size());
    const size_t at = right_gap();
    TimelinePlacement result{gap == at, gap, at, hand_->event};
    line_.insert(line_.begin() + static_cast<std::ptrdiff_t>(at), TimelineCard{hand_->event, hand_->interval, result.right});
    if (result.right) ++score_;
    else --lives_;
    last_ = result;
    deal();
    return result;
}

} // namespace chronicle
