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
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
