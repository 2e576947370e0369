// The end of a quiz: score, accuracy, results per kind, the best score for this pack
// and mode, and a review of every question answered wrongly.
#pragma once
#include <optional>
#include <string>

#include "core/quiz/scoring.h"
#include "ui/widgets.h"

namespace chronicle::ui {

struct ResultsView {
    const QuizSession& session;
    std::optional<int> previous_best; // before this game
    bool new_best = false;            // this game is now the best, as saved
    std::string save_error;           // empty when the game was saved
};

enum class ResultsAction { None, PlayAgain, Home };

ResultsAction draw_results(const ResultsView& view, const UiContext& ctx);

} // namespace chronicle::ui
