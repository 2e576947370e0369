// The end of a round: score, accuracy, results per kind, the best score for this
// pack and mode, and a review of every question answered wrongly.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ResultsScreen : public Screen {
private:
    const char* window_id() const override { return "results"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    const char* scrolling_pane() const override { return "details"; } // a long review scrolls; the buttons stay
};

} // namespace chronicle::ui
