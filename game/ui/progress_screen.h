// Progress: the chosen pack's report (model.progress, made by the window from the save):
// mastery as a bar, what is due, recent accuracy and the streak, then charts drawn with
// ImDrawList — accuracy by day, accuracy by kind, and a calendar of the last 26 weeks.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ProgressScreen : public Screen {
private:
    const char* window_id() const override { return "progress"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    Intent on_escape() const override { return Intent::to(Intent::Do::Back); } // a quiz set aside stays
};

} // namespace chronicle::ui
