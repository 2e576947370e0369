// A question: the prompt in large type, options as coloured tiles (click, or keys 1–4 /
// A–D), and for a question answered by putting things in order, rows to rearrange by
// dragging (the row lifts and the others open a gap) or by keyboard. Everything is
// sized to fit the window without scrolling: smaller type where it would not.
#pragma once
#include <optional>
#include <string>
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
    Intent draw_choices(const Question& q, ImFont* font, float height, const std::string& hint, const UiContext& ctx);
    Intent draw_order(const Question& q, ImFont* font, const std::string& hint, const UiContext& ctx);

    // The player's arrangement of an order question, kept between frames.
    std::vector<size_t> arrangement_; // option indices, top to bottom
    size_t selected_ = 0;
    std::optional<size_t> pressed_;  // the row the mouse went down on
    std::optional<size_t> dragging_; // that row, once the mouse moved with it
    float grab_dy_ = 0;              // where in the row it was taken, from its top
};

} // namespace chronicle::ui
