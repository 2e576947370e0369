// After an answer (Practice and Timed): right or wrong told by a drawn mark and by
// words, the right answer, the explanation with the event's date, and the source.
#pragma once
#include <string>
#include <vector>

#include "core/quiz/question.h"
#include "core/quiz/scoring.h"
#include "ui/widgets.h"

namespace chronicle::ui {

struct FeedbackView {
    const Question& question;
    const Answer& answer;
    std::string source; // the pack's source title and address, or empty
    bool last = false;  // the next step is the results
    uint64_t shown_at_ms = 0; // for the short entrance animation
};

enum class FeedbackAction { None, Continue, Back };

FeedbackAction draw_feedback(const FeedbackView& view, const UiContext& ctx);

// Shared with the results' review: the verdict line, the right answer and the
// player's, and the explanation.
void draw_answer_review(const Question& q, const Answer& a, const UiContext& ctx, float mark_radius);

} // namespace chronicle::ui
