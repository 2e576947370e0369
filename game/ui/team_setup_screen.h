// The projector game's start: 2–6 teams with editable names (colours follow their
// places) and the number of questions.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class TeamSetupScreen : public Screen {
public:
    void enter(Model& model, const UiContext& ctx) override;

private:
    const char* window_id() const override { return "team-setup"; }
    // Back to where it was opened from, keeping a quiz set aside (Home would drop it).
    Intent on_escape() const override { return Intent::to(Intent::Do::Back); }
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
