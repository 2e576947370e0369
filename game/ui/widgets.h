// Shared pieces of the screens: the context they draw with, and widgets that also
// log what they show. The log lets the headless tests find a widget by its label
// (never by a hard-coded pixel position) and check every drawn string has glyphs.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "ui/fonts.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace chronicle::ui {

struct UiContext {
    Lang lang = Lang::En;
    Fonts fonts;
    Palette palette{};
    float scale = 1.0f;        // the text size setting (1 = 100 %), for layout sizes
    uint64_t now_ms = 0;       // the loop's clock
    // Screens raise it while something moves; the loop draws frames until then and
    // otherwise sleeps in SDL_WaitEvent. Mutable: a request, not part of what is drawn.
    mutable uint64_t animate_until_ms = 0;
    // The next moment what a screen shows changes by itself (a clock's next second):
    // the loop sleeps until then instead of drawing every frame. 0: none.
    mutable uint64_t redraw_at_ms = 0;

    const char* t(T id) const { return text(id, lang); }
    void animate_until(uint64_t ms) const {
        if (ms > animate_until_ms) animate_until_ms = ms;
    }
    void redraw_at(uint64_t ms) const {
        if (redraw_at_ms == 0 || ms < redraw_at_ms) redraw_at_ms = ms;
    }
};

struct WidgetRecord {
    std::string label;
    ImVec2 min, max;
    bool focused = false; // has the keyboard focus (set by focus_item)
};

// What the current frame drew, kept only when a test turns it on (the game itself
// never reads it). Cleared by the loop before each frame.
struct FrameLog {
    bool enabled = false;
    std::vector<WidgetRecord> widgets;
    std::vector<std::string> texts;
    void clear() {
        widgets.clear();
        texts.clear();
    }
    void widget(const std::string& label, ImVec2 min, ImVec2 max) {
        if (enabled) widgets.push_back({label, min, max});
    }
    void text(const std::string& s) {
        if (enabled) texts.push_back(s);
    }
    const WidgetRecord* find(const std::string& label) const;
};
FrameLog& frame_log();

// `text` cut into lines no wider than `width` at `font_size` in `font`, at the line
// break opportunities of core/base/text.h (between Chinese characters, after spaces):
// a line's trailing spaces are dropped, '\n' always ends a line, and a word is cut
// between its characters only when it alone is wider than the line.
std::vector<std::string> wrap_lines(const std::string& text, ImFont* font, float font_size, float width);
// The same lines joined with '\n', ready for ImGui to draw or measure unwrapped.
std::string wrapped(const std::string& text, ImFont* font, float font_size, float width);
// The height of `text` in `font` wrapped to `width`, as ui::text draws it.
float wrapped_height(const std::string& text, ImFont* font, float width);

// Text in `font` and `colour` (0: the theme's), wrapped at the window's right edge
// less `right_margin`.
void text(const std::string& s, ImFont* font, unsigned colour = 0, float right_margin = 0);
// Text on one line, for table cells that size themselves to it.
void label(const std::string& s, ImFont* font, unsigned colour = 0);

// A button whose label is logged; `label` may carry an "##id" suffix like ImGui's.
bool button(const std::string& label, ImVec2 size = ImVec2(0, 0));
// A page's way back at its foot: a large button with "Esc: back" beside it; true when clicked.
bool back_button(const std::string& label, const UiContext& ctx);
// The accent-coloured main action of a screen.
bool primary_button(const std::string& label, const UiContext& ctx, ImVec2 size = ImVec2(0, 0));
// Two buttons side by side, half the width each: the main action (accent-coloured, and
// Enter's too when `enter`) and another. 1 or 2 for the one chosen this frame, else 0.
int button_pair(const std::string& main, const std::string& other, const UiContext& ctx, bool enter = true);
// Rows of choices, each with its name beside it (a page short enough for large text on
// a small window): begin_named_rows, then named_row before each row's choices, then
// ImGui::EndTable() when it returned true.
bool begin_named_rows(const char* id);
void named_row(const std::string& name, const UiContext& ctx);
// One of a few exclusive choices, drawn as a row of buttons; returns true when clicked.
bool choice_button(const std::string& label, bool selected, const UiContext& ctx);

// ✓ in a circle or ✗ in a circle, drawn with lines so no font is needed.
void draw_mark(ImDrawList* dl, ImVec2 centre, float radius, bool right, unsigned colour);

// A full-window ImGui window without decorations, for a screen's page; End with ImGui::End().
void begin_screen(const char* id);
// Keys: ImGui 1.86 indexes KeysDown by SDL scancode. Enter and Space are the focused
// widget's while one has the keyboard focus: a screen's own Enter shortcut then waits.
bool key_pressed(int scancode);

// Keyboard focus, in place of ImGui 1.86's navigation: every focusable widget registers
// in the order it is drawn (reading order), the focused one is an index into that
// order and is drawn with a thick ring. Tab / Shift+Tab move through all of them
// (wrapping), arrows within a group (a row of choices, the pack list), Enter or Space
// activate. Nothing has focus until the first Tab, so single-key shortcuts work.
//
// Once a frame, before the screen draws: reads Tab, arrows, Enter and Space against
// what the last frame registered.
void begin_focus_frame(const UiContext& ctx);
// Registers the item just drawn (ImGui's last item) as focusable; true when the
// keyboard activates it this frame. A disabled item is drawn but skipped by Tab.
bool focus_item(bool disabled = false);
// Items between these form a group that arrows move within.
void begin_focus_group();
void end_focus_group();
// Items drawn while suspended do not register (content under a modal dialog).
void suspend_focus(bool suspended);
// On a change of screen or dialog: nothing focused, or the `index`-th item.
void reset_focus(int index = -1);
// The focused item's index in draw order, -1 when none (tests).
int focused_index();

// A row of exclusive choices (a focus group); true when the player picked another.
template <class Value, size_t N>
bool choice_row(Value& value, const std::pair<Value, std::string> (&choices)[N], const UiContext& ctx) {
    bool changed = false;
    begin_focus_group();
    for (size_t i = 0; i < N; ++i) {
        if (i) ImGui::SameLine();
        if (choice_button(choices[i].second, value == choices[i].first, ctx) && value != choices[i].first) {
            value = choices[i].first;
            changed = true;
        }
    }
    end_focus_group();
    return changed;
}

} // namespace chronicle::ui
