// The standings between projector questions: a bar per team in its colour.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class LeaderboardScreen : public Screen {
private:
    const char* window_id() const override { return "leaderboard"; }
    Intent on_escape() const override { return Intent::to(Intent::Do::AskLeave); } // a class's game is not lost on one key
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
