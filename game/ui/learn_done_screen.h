// The end of a Learn session: what was answered and learned, that every answer is
// saved, and when the next fact comes due.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class LearnDoneScreen : public Screen {
private:
    const char* window_id() const override { return "learn-done"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    Intent on_escape() const override { return Intent::to(Intent::Do::LeaveLearn); }
};

} // namespace chronicle::ui
