// The class's standings between live questions: the first ten, a bar each.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ClassLeaderboardScreen : public Screen {
private:
    const char* window_id() const override { return "class-leaderboard"; }
    Intent on_escape() const override { return Intent::to(Intent::Do::AskLeave); }
    LeaveWords leave_words() const override;
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
