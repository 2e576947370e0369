// A self-paced class game: each player's question, score and progress, best first,
// as their answers arrive; End when the teacher calls time.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ClassProgressScreen : public Screen {
private:
    const char* window_id() const override { return "class-progress"; }
    Intent on_escape() const override { return Intent::to(Intent::Do::AskLeave); }
    LeaveWords leave_words() const override;
    const char* scrolling_pane() const override { return "players"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
