// A live class question on the projector: the prompt and its clock, the options as
// tiles, how many have answered, and the teacher's controls (pause, skip, reveal, end).
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ClassQuestionScreen : public Screen {
private:
    const char* window_id() const override { return "class-question"; }
    Intent on_escape() const override { return Intent::to(Intent::Do::AskLeave); }
    LeaveWords leave_words() const override;
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
