// Home: the packs found, and how to play (mode, length, difficulty, kinds); what
// became of files dropped on the window, and of the save, in the player's language.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ui/screen.h"

namespace chronicle::ui {

// A pack as Home shows it, in the interface's language.
struct PackCard {
    std::string pack_id;        // empty for a file that did not load
    std::string title;
    std::string description;
    std::string details;        // "13 events · zh, en", or "Loading…" while the file is indexed
    std::string problem;        // why a broken pack cannot load
    std::string missing_glyphs; // characters no font can show
    size_t warnings = 0;        // shown to authors only: a "!" with a tooltip
    std::string path;           // the pack's file, for that tooltip
    std::vector<Kind> kinds;                        // the kinds this pack can ask
    std::array<std::optional<int>, 3> best_by_mode; // indexed by Mode
    std::optional<StudyCounts> study;               // what there is to learn today
    bool playable() const { return !kinds.empty(); }
};

class HomeScreen : public Screen {
public:
    void enter(Model& model, const UiContext& ctx) override;

private:
    const char* window_id() const override { return "home"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    Intent on_escape() const override { return Intent::nothing(); } // Home is the top: no back
    void make_cards(Model& model, const UiContext& ctx);
    void refresh_best_scores(const Model& model);
    std::string notices(const Model& model, const UiContext& ctx) const;

    // How many different questions the chosen pack gives with the settings
    // (quiz_capacity), worked out again when the pack or the settings change.
    struct Capacity {
        uint64_t generation = 0;
        const Pack* pack = nullptr;
        Difficulty difficulty = Difficulty::Normal;
        std::vector<Kind> kinds;
        size_t questions = 0;
    };
    std::optional<size_t> capacity(const Model& model);
    Capacity capacity_;

    bool scroll_to_top_ = true; // the panes start at the top each time Home is shown
    std::vector<PackCard> cards_;
    uint64_t cards_generation_ = 0; // the library's generation the cards show
    Lang cards_lang_ = Lang::En;
};

} // namespace chronicle::ui
