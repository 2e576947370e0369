// The end of a class game: the top three on blocks that rise, then rest; Home stops
// the server.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ClassPodiumScreen : public Screen {
public:
    void enter(Model& model, const UiContext& ctx) override;

private:
    const char* window_id() const override { return "class-podium"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;

    uint64_t shown_at_ms_ = 0; // the first frame drawn; 0 until then
};

} // namespace chronicle::ui
