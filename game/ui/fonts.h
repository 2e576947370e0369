// The ImGui font atlas. ImGui 1.86 bakes glyphs once, before the first frame, so the
// atlas holds exactly the characters Chronicle can show: the interface in both
// languages and every loaded pack's text, each from the face the GlyphPlan gives it.
#pragma once
#include <string>
#include <vector>

#include "ui/font_coverage.h"

struct ImFont;
struct ImFontAtlas;

namespace chronicle::ui {

struct Fonts {
    ImFont* small = nullptr;  // a step down, for text that must fit a fixed space
    ImFont* body = nullptr;   // explanations, lists
    ImFont* large = nullptr;  // prompts and options
    ImFont* title = nullptr;  // screen titles, the score
    float pixel_scale = 1.0f; // text size setting × display density
};

// What the atlas points into while it lives: the font files' bytes (read once, kept
// for rebuilds when the text size changes) and the glyph ranges per face.
struct FontSources {
    std::vector<std::vector<char>> files;
    std::vector<std::vector<unsigned short>> ranges; // ImWchar pairs, 0-terminated
};

// Clears `atlas` and fills it from `plan` at `text_scale` (1.0 = 100 %; the window's
// size times the text size setting) and the display's `density` (2.0 on a high-DPI
// screen). The atlas stays within `max_side` pixels a side (a renderer's texture
// limit, and memory): when the glyphs at full size would not fit, they are rasterised
// smaller and drawn scaled up, so the layout is the same either way.
Fonts build_fonts(ImFontAtlas& atlas, const GlyphPlan& plan, float text_scale, float density, FontSources& sources,
                  int max_side = 4096);

// The height `font` is laid out at in the current window, in points (its FontSize is
// the rasterised size, which differs with the display's density, when the atlas had
// to be kept small, and when a page steps its type down to fit).
float layout_size(const ImFont* font);

// True when every drawable character of `text` has a glyph of its own in `font`
// (ImGui would otherwise draw its fallback '?').
bool font_has_all(const ImFont* font, const std::string& text, std::string* first_missing = nullptr);

} // namespace chronicle::ui
