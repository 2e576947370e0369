// The standings between projector questions: a bar per team in its colour.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class LeaderboardScreen : public Screen {
public:

private:
    const char* window_id() const override { return "leaderboard"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
