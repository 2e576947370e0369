// The Timeline card game (core/learn/timeline_game.h): the line of placed cards with
// their dates, the card in hand below it, a gap marker that follows the mouse while the
// card is dragged or moves with ←/→; three hearts; a wrong card shown where it belongs,
// in red. At the end the score, the pack's best, Play again and Home.
#pragma once
#include <optional>

#include "ui/screen.h"

namespace chronicle::ui {

class TimelineScreen : public Screen {
public:
    void enter(Model& model, const UiContext& ctx) override;

private:
    const char* window_id() const override { return "timeline"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    // Mid-game, Esc asks first; at the end it goes Home.
    Intent on_escape() const override;
    LeaveWords leave_words() const override;

    bool playing_ = false;            // a card is in hand (for on_escape)
    std::optional<size_t> dealt_for_; // the line's length when the gap was chosen for this hand
    size_t gap_ = 0;                  // the gap the hand would go into
    bool dragging_ = false;
    ImVec2 grab_{};                   // where in the hand card the mouse took it
    float scroll_ = 0;                // how far the line is scrolled left, in pixels
    bool follow_ = true;              // scroll to keep the gap (or the last card placed) in view
};

} // namespace chronicle::ui
