// Home: the packs found, and how to play (mode, length, difficulty, kinds).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/quiz/question.h"
#include "core/quiz/scoring.h"
#include "ui/widgets.h"

namespace chronicle::ui {

struct PackCard {
    std::string title;
    std::string description;
    std::string details;        // "13 events · zh, en"
    std::string source;         // the pack's source title, or empty
    std::string problem;        // why a broken pack cannot load
    std::string missing_glyphs; // characters no font can show
    int warnings = 0;
    bool playable = false;
    std::vector<Kind> kinds;                         // the kinds this pack can ask
    std::array<std::optional<int>, 3> best_by_mode;  // indexed by Mode
};

struct HomeChoice {
    int pack = 0;
    Mode mode = Mode::Practice;
    int length = 10;
    Difficulty difficulty = Difficulty::Normal;
    std::vector<Kind> kinds; // chosen kinds; empty: all the pack supports
};

// What Home tells the player above the packs.
struct HomeNotices {
    std::string problem; // a damaged save, a choice with no questions, a file not added
    std::string added;   // packs just added from dropped files
};

// Home is the top: Esc has nowhere to go back to, so it does nothing here.
enum class HomeAction { None, Start, Settings };

HomeAction draw_home(const std::vector<PackCard>& cards, HomeChoice& choice, const HomeNotices& notices,
                     const std::string& user_folder, const UiContext& ctx);

// The kinds a choice asks of a pack: the chosen ones it supports, or all it supports.
std::vector<Kind> kinds_to_ask(const PackCard& card, const HomeChoice& choice);

// The interface name of a kind, e.g. "Who said it".
const char* kind_label(Kind k, const UiContext& ctx);

} // namespace chronicle::ui
