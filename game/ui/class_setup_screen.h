// The class game's start: the quiz (Home's pack and kinds; its length and difficulty
// here), the time per question, live or self-paced, texts on phones, and the port the
// lobby listens on; and why the lobby did not open, when it did not.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ClassSetupScreen : public Screen {
private:
    const char* window_id() const override { return "class-setup"; }
    // Back to where it was opened from, keeping a quiz set aside (Home would drop it).
    Intent on_escape() const override { return Intent::to(Intent::Do::Back); }
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
