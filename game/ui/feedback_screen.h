// After an answer (Practice and Timed, and Learn, which says when the fact comes back
// and that the answer is saved): right or wrong told by a drawn mark and by
// words, the right answer, the explanation with the event's date, and the source.
#pragma once
#include <cstdint>

#include "ui/screen.h"

namespace chronicle::ui {

class FeedbackScreen : public Screen {
public:
    void enter(Model& model, const UiContext& ctx) override;

private:
    const char* window_id() const override { return "feedback"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    Intent draw_learn(const LearnSession& learn, const UiContext& ctx);
    Intent on_escape() const override { return Intent::to(Intent::Do::AskLeave); } // a quiz is not thrown away on one key
    float opacity(const UiContext& ctx) const override;

    uint64_t shown_at_ms_ = 0; // for the short entrance
};

// Shared with the results' review: the verdict line, the right answer and the
// player's, and the explanation.
void draw_answer_review(const Question& q, const Answer& a, const UiContext& ctx, float mark_radius);

} // namespace chronicle::ui
