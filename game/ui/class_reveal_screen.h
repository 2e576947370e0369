// A live class question revealed: the right answer on the tiles and a chart of how the
// class answered; then the leaderboard.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ClassRevealScreen : public Screen {
private:
    const char* window_id() const override { return "class-reveal"; }
    Intent on_escape() const override { return Intent::to(Intent::Do::AskLeave); }
    LeaveWords leave_words() const override;
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
