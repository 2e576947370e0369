#include "ui/widgets.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui_internal.h> // the current item's disabled flag

#include "core/base/text.h"

namespace chronicle::ui {

FrameLog& frame_log() {
    static FrameLog log;
    return log;
}

const WidgetRecord* FrameLog::find(const std::string& label) const {
    for (const WidgetRecord& w : widgets)
        if (w.label == label) return &w;
    return nullptr;
}

namespace {

// The visible part of an ImGui label ("Start##home" → "Start").
std::string visible(const std::string& label) { return label.substr(0, label.find("##")); }

void log_last_item(const std::string& label) {
    frame_log().widget(visible(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    frame_log().text(visible(label));
}

struct FocusItem {
    int group = 0; // 0: none
    bool disabled = false;
};

struct Focus {
    bool enabled = false;
    bool suspended = false;
    int focused = -1;
    bool moved = false;    // the focus moved this frame: bring it into view
    bool activate = false; // Enter or Space this frame, for the focused item
    std::vector<FocusItem> items, last_items;
    int groups = 0, group = 0;
    unsigned ring = 0;
    float ring_width = 3;
};

Focus& focus() {
    static Focus f;
    return f;
}

bool pressed_repeat(int scancode) { return ImGui::IsKeyPressed(scancode, true); }

// The next item from `from` in `step` direction that Tab may land on, wrapping; `from` if none.
int next_enabled(const std::vector<FocusItem>& items, int from, int step) {
    const int n = static_cast<int>(items.size());
    for (int i = 1; i <= n; ++i) {
        const int j = ((from + step * i) % n + n) % n;
        if (!items[static_cast<size_t>(j)].disabled) return j;
    }
    return -1; // nothing can take the focus
}

} // namespace

namespace {

// The width of s[from, to) drawn in `font` at `size`.
float advance(ImFont* font, float size, const std::string& s, size_t from, size_t to) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data() + from, s.data() + to).x;
}

// One paragraph (no '\n') into `lines`.
void wrap_paragraph(const std::string& s, ImFont* font, float size, float width, std::vector<std::string>& lines) {
    const auto trimmed_end = [&](size_t from, size_t to) {
        while (to > from && (s[to - 1] == ' ' || s[to - 1] == '\t')) --to;
        return to;
    };
    std::vector<size_t> stops = line_break_opportunities(s);
    stops.push_back(s.size());
    size_t start = 0, fits = 0; // the line so far, and the last stop that fits on it
    for (size_t i = 0; i < stops.size();) {
        const size_t stop = stops[i];
        if (advance(font, size, s, start, trimmed_end(start, stop)) <= width) {
            fits = stop;
            ++i;
            continue;
        }
        if (fits > start) { // end the line at the last stop that fitted
            lines.push_back(s.substr(start, trimmed_end(start, fits) - start));
            start = fits;
            continue;
        }
        // A word wider than the line alone: cut it between characters.
        size_t end = start, len = 0;
        for (size_t k = start; k < stop; k += len) {
            const unsigned char c = static_cast<unsigned char>(s[k]);
            len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (k > start && advance(font, size, s, start, k + len) > width) break;
            end = k + len;
        }
        lines.push_back(s.substr(start, end - start));
        start = fits = end;
        if (start == stop) ++i;
    }
    if (start < s.size() || s.empty()) lines.push_back(s.substr(start, trimmed_end(start, s.size()) - start));
}

} // namespace

std::vector<std::string> wrap_lines(const std::string& text, ImFont* font, float font_size, float width) {
    std::vector<std::string> lines;
    for (const std::string& paragraph : split(text, '\n')) wrap_paragraph(paragraph, font, font_size, width, lines);
    return lines;
}

std::string wrapped(const std::string& text, ImFont* font, float font_size, float width) {
    return join(wrap_lines(text, font, font_size, width), "\n");
}

float wrapped_height(const std::string& text, ImFont* font, float width) {
    return font->CalcTextSizeA(layout_size(font), FLT_MAX, 0, wrapped(text, font, layout_size(font), width).c_str()).y;
}

void begin_focus_frame(const UiContext& ctx) {
    Focus& f = focus();
    f.last_items = std::move(f.items);
    f.items.clear();
    f.groups = f.group = 0;
    f.moved = f.activate = false;
    f.suspended = false;
    f.enabled = true;
    // The theme's text colour: the highest contrast on the page in every theme.
    f.ring = ctx.palette.text;
    f.ring_width = std::max(3.0f, 3.0f * ctx.scale);
    const int n = static_cast<int>(f.last_items.size());
    if (n == 0) return; // a screen or dialog just shown: its items register this frame (reset_focus)
    if (f.focused >= n) f.focused = n - 1;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return; // Tab, arrows, Space and Enter belong to the field being typed in
    if (pressed_repeat(SDL_SCANCODE_TAB)) {
        const int step = io.KeyShift ? -1 : 1;
        f.focused = next_enabled(f.last_items, f.focused < 0 ? (step > 0 ? -1 : n) : f.focused, step);
        f.moved = true;
    } else {
        const int step = pressed_repeat(SDL_SCANCODE_DOWN) || pressed_repeat(SDL_SCANCODE_RIGHT) ? 1
                         : pressed_repeat(SDL_SCANCODE_UP) || pressed_repeat(SDL_SCANCODE_LEFT) ? -1
                                                                                                 : 0;
        // Arrows only move a focus there is: with none they stay the screen's (an order
        // question's rows).
        if (step != 0 && f.focused >= 0) {
            // Within the focused item's group, without wrapping.
            const int g = f.last_items[static_cast<size_t>(f.focused)].group;
            for (int j = f.focused + step; g != 0 && j >= 0 && j < n; j += step) {
                const FocusItem& item = f.last_items[static_cast<size_t>(j)];
                if (item.group != g) break;
                if (item.disabled) continue;
                f.focused = j;
                f.moved = true;
                break;
            }
        }
    }
    if (f.focused >= 0 && f.last_items[static_cast<size_t>(f.focused)].disabled) f.focused = -1;
    f.activate = f.focused >= 0 && (ImGui::IsKeyPressed(SDL_SCANCODE_RETURN, false) || ImGui::IsKeyPressed(SDL_SCANCODE_KP_ENTER, false) ||
                                    ImGui::IsKeyPressed(SDL_SCANCODE_SPACE, false));
}

bool focus_item(bool disabled) {
    Focus& f = focus();
    if (!f.enabled || f.suspended) return false;
    disabled = disabled || (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) != 0;
    const int index = static_cast<int>(f.items.size());
    f.items.push_back({f.group, disabled});
    if (index != f.focused || disabled) return false;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float gap = f.ring_width * 1.5f; // clear of the widget's own border (high contrast draws one)
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - gap, min.y - gap), ImVec2(max.x + gap, max.y + gap), f.ring,
                                        ImGui::GetStyle().FrameRounding + gap, 0, f.ring_width);
    if (f.moved && !ImGui::IsRectVisible(min, max)) ImGui::SetScrollHereY(0.5f);
    for (auto it = frame_log().widgets.rbegin(); it != frame_log().widgets.rend(); ++it)
        if (it->min.x == min.x && it->min.y == min.y && it->max.x == max.x && it->max.y == max.y) {
            it->focused = true;
            break;
        }
    const bool activated = f.activate;
    f.activate = false;
    return activated;
}

void begin_focus_group() { focus().group = ++focus().groups; }
void end_focus_group() { focus().group = 0; }
void suspend_focus(bool suspended) { focus().suspended = suspended; }

void reset_focus(int index) {
    focus().focused = index;
    focus().items.clear(); // the next frame starts afresh
}

int focused_index() { return focus().focused; }

void text(const std::string& s, ImFont* font, unsigned colour, float right_margin) {
    ImGui::PushFont(font);
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    const float width = ImGui::GetWindowContentRegionMax().x - right_margin - (ImGui::GetCursorScreenPos().x - ImGui::GetWindowPos().x);
    const std::string lines = wrapped(s, ImGui::GetFont(), ImGui::GetFontSize(), std::max(width, 1.0f));
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    if (colour) ImGui::PopStyleColor();
    ImGui::PopFont();
    frame_log().text(s);
}

void label(const std::string& s, ImFont* font, unsigned colour) {
    ImGui::PushFont(font);
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    if (colour) ImGui::PopStyleColor();
    ImGui::PopFont();
    frame_log().text(s);
}

bool begin_named_rows(const char* id) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return false;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("choices", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void named_row(const std::string& name, const UiContext& ctx) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    label(name, ctx.fonts.large);
    ImGui::TableNextColumn();
}

bool button(const std::string& label, ImVec2 size) {
    const bool clicked = ImGui::Button(label.c_str(), size);
    log_last_item(label);
    return focus_item() || clicked;
}

bool back_button(const std::string& label, const UiContext& ctx) {
    ImGui::PushFont(ctx.fonts.large);
    const bool clicked = button(label);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text(ctx.t(T::EscBack), ctx.fonts.body, ctx.palette.muted);
    return clicked;
}

bool primary_button(const std::string& label, const UiContext& ctx, ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_Button, ctx.palette.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ctx.palette.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ctx.palette.accent);
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.on_accent);
    ImGui::PushFont(ctx.fonts.large);
    const bool clicked = button(label, size);
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    return clicked;
}

int button_pair(const std::string& main, const std::string& other, const UiContext& ctx, bool enter) {
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    int chosen = 0;
    if (primary_button(main, ctx, ImVec2(half, 0)) || (enter && (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))))
        chosen = 1;
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.large);
    if (button(other, ImVec2(half, 0))) chosen = 2;
    ImGui::PopFont();
    return chosen;
}

bool choice_button(const std::string& label, bool selected, const UiContext& ctx) {
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, ctx.palette.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ctx.palette.accent);
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.on_accent);
    }
    const bool clicked = button(label);
    if (selected) ImGui::PopStyleColor(3);
    return clicked;
}

void draw_mark(ImDrawList* dl, ImVec2 c, float r, bool right, unsigned colour) {
    const float w = std::max(2.0f, r * 0.18f);
    dl->AddCircle(c, r, colour, 32, w);
    if (right) {
        dl->AddLine(ImVec2(c.x - r * 0.45f, c.y + r * 0.02f), ImVec2(c.x - r * 0.1f, c.y + r * 0.38f), colour, w);
        dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.38f), ImVec2(c.x + r * 0.5f, c.y - r * 0.38f), colour, w);
    } else {
        const float d = r * 0.38f;
        dl->AddLine(ImVec2(c.x - d, c.y - d), ImVec2(c.x + d, c.y + d), colour, w);
        dl->AddLine(ImVec2(c.x - d, c.y + d), ImVec2(c.x + d, c.y - d), colour, w);
    }
}

void begin_screen(const char* id) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // A scrollbar appears when large text does not fit; nothing else decorates a page.
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
}

bool key_pressed(int scancode) {
    const Focus& f = focus();
    const bool taken = scancode == SDL_SCANCODE_RETURN || scancode == SDL_SCANCODE_KP_ENTER || scancode == SDL_SCANCODE_SPACE;
    if (taken && f.enabled && !f.suspended && f.focused >= 0) return false;
    return ImGui::IsKeyPressed(scancode, false);
}

} // namespace chronicle::ui
