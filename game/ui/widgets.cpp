#include "ui/widgets.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

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

bool button(const std::string& label, ImVec2 size) {
    const bool clicked = ImGui::Button(label.c_str(), size);
    log_last_item(label);
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

bool option_button(const std::string& key, const std::string& label, float width, const UiContext& ctx) {
    ImGui::PushFont(ctx.fonts.large);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float badge = ImGui::GetFontSize() * 1.6f;
    const float text_width = width - badge - style.FramePadding.x * 4;
    const std::string lines = wrapped(label, ImGui::GetFont(), ImGui::GetFontSize(), text_width);
    const ImVec2 text_size = ImGui::CalcTextSize(lines.c_str());
    const float height = std::max(badge, text_size.y) + style.FramePadding.y * 2;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton((label + "##option" + key).c_str(), ImVec2(width, height));
    log_last_item(label);
    const bool hovered = ImGui::IsItemHovered();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), hovered ? ctx.palette.card_hover : ctx.palette.card,
                      style.FrameRounding);
    const ImVec2 badge_min(pos.x + style.FramePadding.x, pos.y + (height - badge) / 2);
    dl->AddRectFilled(badge_min, ImVec2(badge_min.x + badge, badge_min.y + badge), ctx.palette.accent, style.FrameRounding);
    const ImVec2 key_size = ImGui::CalcTextSize(key.c_str());
    dl->AddText(ImVec2(badge_min.x + (badge - key_size.x) / 2, badge_min.y + (badge - key_size.y) / 2), ctx.palette.on_accent,
                key.c_str());
    dl->AddText(nullptr, 0.0f, ImVec2(badge_min.x + badge + style.FramePadding.x * 2, pos.y + (height - text_size.y) / 2),
                ctx.palette.text, lines.c_str());
    ImGui::PopFont();
    frame_log().text(key);
    return clicked;
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

bool key_pressed(int scancode) { return ImGui::IsKeyPressed(scancode, false); }

} // namespace chronicle::ui
