// A question: the prompt in large type, options as big buttons (click, or keys 1–5 /
// A–E), and for "order" a list to rearrange by drag and drop or by keyboard.
#pragma once
#include <optional>
#include <vector>

#include "core/quiz/question.h"
#include "ui/widgets.h"

namespace chronicle::ui {

struct QuestionView {
    const Question& question;
    int number = 1; // 1-based
    int total = 1;
    int score = 0;
    int streak = 0;
    // Timed mode: the share of time left (1 → 0) and whole seconds left.
    std::optional<float> time_left;
    int seconds_left = 0;
};

// The player's arrangement of an order question, kept between frames.
struct OrderState {
    std::vector<int> arrangement; // option indices, top to bottom
    int selected = 0;
};

struct QuestionChoice {
    bool answered = false;
    std::vector<int> chosen; // option indices; the whole arrangement for order
    bool back = false;
};

QuestionChoice draw_question(const QuestionView& view, OrderState& order, const UiContext& ctx);

} // namespace chronicle::ui
