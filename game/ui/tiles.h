// Answer tiles: each option a big tile with its own colour AND shape (red ▲, blue ◆,
// yellow ●, green ■; the shapes drawn with lines, not glyphs), its key on it, laid out
// 2×2 for four, 1×N for two or three, in a column when the texts are long. After an
// answer the same tiles reveal it: the right one kept bright with ✓, the others
// dimmed, the player's choice outlined. Order questions: full-width rows whose badge
// gives the row's place.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/quiz/question.h"
#include "ui/widgets.h"

namespace chronicle::ui {

// What a tile shows of the answer; nullopt while the question waits.
struct TileReveal {
    std::vector<size_t> right;  // the right option(s)
    std::vector<size_t> chosen; // the player's
};

// What the last tiles drawn showed, for tests (filled only while the frame log is on).
struct TileRecord {
    std::string text;
    std::string key;   // "1/A" on choice tiles, the place ("2nd") on order rows
    bool right = false;   // marked ✓
    bool dimmed = false;
    bool chosen = false;  // outlined as the player's choice
    size_t place = 0;     // order rows, revealed: the row's right place (1-based); 0 otherwise
    ImVec2 min, max;
};
const std::vector<TileRecord>& last_tiles();
// Order rows add to the record one at a time: the screen clears it first.
void clear_tile_records();

// The option tiles of a question answered by one choice, sized to `height`; returns
// the option clicked. `reveal` turns them into the answer's reveal (no clicks then).
struct TilePlan {
    ImFont* font = nullptr;
    int columns = 1, rows = 1;
    float min_height = 0; // all rows at their least height, with spacing
};
TilePlan plan_tiles(const Question& q, float width, ImFont* font, const UiContext& ctx);
std::optional<size_t> draw_tiles(const Question& q, const TilePlan& plan, float height, const UiContext& ctx,
                                 const std::optional<TileReveal>& reveal = std::nullopt);

// One row of an order question: a badge with its place, the text, and how it stands.
struct OrderRow {
    std::string text;
    std::string badge;     // the row's place ("2nd"), or when revealed its right place
    bool selected = false; // the keyboard's row
    bool lifted = false;   // being dragged: drawn raised, with a shadow
    bool right = false;    // revealed: in its right place (✓)
    bool dimmed = false;   // revealed: out of place
    size_t place = 0;      // revealed: the right place, for tests
    // The class game: the option's tile (its colour and shape, as phones show it) on
    // the badge in place of its text.
    std::optional<size_t> tile;
};
float order_row_height(const std::string& text, float width, ImFont* font);
// All rows of an order question one under another, with spacing.
float order_rows_height(const Question& q, float width, ImFont* font);
void draw_order_row(const OrderRow& row, ImVec2 pos, float width, float height, ImFont* font, const UiContext& ctx);
// The place of a row as its badge says it: "1st" / "第1".
std::string place_text(size_t place, const UiContext& ctx);

// The largest of the fonts (large, body, small) with which `needed(font)` fits `height`;
// the smallest when none does.
template <class Needed> ImFont* fitting_font(const Fonts& fonts, float height, Needed needed) {
    for (ImFont* font : {fonts.large, fonts.body})
        if (needed(font) <= height) return font;
    return fonts.small;
}

// A question's clock: the seconds left in `font` inside a ring that empties, red in
// the last quarter, its top right corner at `top_right`. While `running` it asks to
// be redrawn when the number or the ring next changes, and not otherwise.
float countdown_diameter(ImFont* font);
void draw_countdown(int64_t ms_left, int64_t limit_ms, bool running, ImVec2 top_right, ImFont* font, const UiContext& ctx);

// Colour-blind-safe tile colours (distinct lightness) and the text colour on them
// (contrast ≥ 4.5:1); index 0–3, repeating.
unsigned tile_fill(size_t index);
unsigned tile_ink(size_t index);
// Option `index`'s shape (▲ ◆ ● ■, repeating), centred on `centre`, `radius` across half.
void draw_tile_shape(ImDrawList* dl, size_t index, ImVec2 centre, float radius, unsigned colour);
// WCAG contrast ratio of two ImU32 colours, for tests.
float contrast_ratio(unsigned a, unsigned b);

} // namespace chronicle::ui
