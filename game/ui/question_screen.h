// A question: the prompt in large type, options as big buttons (click, or keys 1–5 /
// A–E), and for a question answered by putting things in order, a list to rearrange
// by drag and drop or by keyboard.
#pragma once
#include <vector>

#include "ui/screen.h"

namespace chronicle::ui {

class QuestionScreen : public Screen {
public:
    void enter(Model& model, const UiContext& ctx) override;

private:
    const char* window_id() const override { return "question"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    Intent on_escape() const override { return Intent::to(Intent::Do::AskLeave); } // a quiz is not thrown away on one key
    Intent draw_choices(const Question& q, const UiContext& ctx);
    Intent draw_order(const Question& q, const UiContext& ctx);

    // The player's arrangement of an order question, kept between frames.
    std::vector<size_t> arrangement_; // option indices, top to bottom
    size_t selected_ = 0;
};

} // namespace chronicle::ui
