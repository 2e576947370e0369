// The Timeline card game (as the card game Timeline and Wikitrivia play it): a line
// starts with one dated event; each turn the card in hand is placed into a gap of the
// line; a right placement stays, a wrong one costs one of three lives and the card
// goes where it belongs, marked wrong. The game ends when the lives run out or no card
// can be dealt; the score is the cards placed right.
//
// Fair by construction: only events whose date is an answer (Pack::date_is_answer) are
// dealt, and a card only when its day interval overlaps no card on the line. The line
// is then always certainly ordered (each card certainly before the next), so exactly
// one gap is right. A card that overlaps a card on the line is never dealt: the line
// only grows, so it never could be. The same pack, language and seed give the same game.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/date.h"
#include "core/pack/pack.h"

namespace chronicle {

struct TimelineCard {
    EventIndex event = 0;
    DayInterval interval;
    bool right = true; // placed right (the first card counts as right, though not scored)
};

// What became of a placement.
struct TimelinePlacement {
    bool right = false;
    size_t chosen = 0;     // the gap the player chose
    size_t right_gap = 0;  // where the card belonged: its place on the line now
    EventIndex event = 0;
};

class TimelineGame {
public:
    static constexpr int kLives = 3;

    // Deals the first card onto the line and the next into the hand. `lang` is the
    // language the cards are read in (kept with the run); the deal depends on the seed.
    TimelineGame(const Pack& pack, std::string lang, uint64_t seed);

    const std::string& pack_id() const { return pack_id_; }
    const std::string& lang() const { return lang_; }
    uint64_t seed() const { return seed_; }

    // The cards on the line, earliest first.
    const std::vector<TimelineCard>& line() const { return line_; }
    // The card to place; none when the game is over.
    std::optional<EventIndex> hand() const { return hand_ ? std::optional<EventIndex>(hand_->event) : std::nullopt; }
    // Gaps are numbered 0 (before the first card) to line().size() (after the last).
    size_t gaps() const { return line_.size() + 1; }
    int lives() const { return lives_; }
    int score() const { return score_; } // cards placed right
    int wrong() const { return kLives - lives_; }
    bool finished() const { return !hand_; }
    // Cards still in the deck that could be dealt now (the hand not counted).
    size_t dealable() const;
    // The last placement, if any.
    const std::optional<TimelinePlacement>& last() const { return last_; }

    // Places the hand into `gap` (clamped to the gaps there are) and deals the next
    // card; nullopt when the game is over.
    std::optional<TimelinePlacement> place(size_t gap);

    // The gap the hand belongs in (for tests; the screen never shows it before a placement).
    size_t right_gap() const;

private:
    struct DeckCard {
        EventIndex event;
        DayInterval interval;
    };
    // Where `interval` fits on the line, or nullopt when it overlaps a card there.
    std::optional<size_t> fit(const DayInterval& interval) const;
    void deal();

    std::string pack_id_;
    std::string lang_;
    uint64_t seed_ = 0;
    std::vector<DeckCard> deck_; // still to deal, dealt from the back
    std::vector<TimelineCard> line_;
    std::optional<DeckCard> hand_;
    std::optional<TimelinePlacement> last_;
    int lives_ = kLives;
    int score_ = 0;
};

} // namespace chronicle
