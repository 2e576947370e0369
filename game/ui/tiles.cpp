#include "ui/tiles.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/quiz/phrases.h"

namespace chronicle::ui {

namespace {

enum class Shape { Triangle, Diamond, Circle, Square };

// Red ▲, blue ◆, yellow ●, green ■ at L* 56 / 32 / 81 / 47: apart in lightness, so
// they read apart without hue; ink is black or white, whichever gives ≥ 4.5:1.
constexpr unsigned kFillRgb[] = {0xF04B4B, 0x1E40AF, 0xF2C318, 0x16803C};
constexpr unsigned kInkRgb[] = {0x111111, 0xFFFFFF, 0x111111, 0xFFFFFF};
constexpr Shape kShapes[] = {Shape::Triangle, Shape::Diamond, Shape::Circle, Shape::Square};

unsigned u32(unsigned rgb, float alpha = 1.0f) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, static_cast<int>(alpha * 255.0f));
}

float linear(unsigned channel) {
    const float c = static_cast<float>(channel) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

float luminance(unsigned col) { // ImU32: R in the low byte
    return 0.2126f * linear(col & 0xFF) + 0.7152f * linear((col >> 8) & 0xFF) + 0.0722f * linear((col >> 16) & 0xFF);
}

unsigned with_alpha(unsigned col, float alpha) {
    return (col & 0x00FFFFFFu) | (static_cast<unsigned>(alpha * 255.0f) << 24);
}

void draw_shape(ImDrawList* dl, Shape shape, ImVec2 c, float r, unsigned col) {
    switch (shape) {
    case Shape::Triangle:
        dl->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r * 0.95f, c.y + r * 0.75f), ImVec2(c.x - r * 0.95f, c.y + r * 0.75f), col);
        break;
    case Shape::Diamond:
        dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), col);
        break;
    case Shape::Circle: dl->AddCircleFilled(c, r * 0.85f, col, 32); break;
    case Shape::Square: dl->AddRectFilled(ImVec2(c.x - r * 0.75f, c.y - r * 0.75f), ImVec2(c.x + r * 0.75f, c.y + r * 0.75f), col); break;
    }
}

std::vector<TileRecord>& records() {
    static std::vector<TileRecord> r;
    return r;
}

bool contains(const std::vector<size_t>& v, size_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// A tile's least height for `label` in `font` at `width`: the text wrapped beside the
// shape, or the shape, with padding.
float tile_height(const std::string& label, float width, ImFont* font) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float icon = layout_size(font) * 1.4f;
    // The shape on the left, the key or the answer's mark on the right.
    const float text_width = std::max(1.0f, width - icon * 2.2f - style.FramePadding.x * 4);
    const std::string lines = wrapped(label, font, layout_size(font), text_width);
    const ImVec2 size = font->CalcTextSizeA(layout_size(font), FLT_MAX, 0, lines.c_str());
    return std::max(icon, size.y) + style.FramePadding.y * 2;
}

} // namespace

const std::vector<TileRecord>& last_tiles() { return records(); }

unsigned tile_fill(size_t index) { return u32(kFillRgb[index % 4]); }
unsigned tile_ink(size_t index) { return u32(kInkRgb[index % 4]); }

void draw_tile_shape(ImDrawList* dl, size_t index, ImVec2 centre, float radius, unsigned colour) {
    draw_shape(dl, kShapes[index % 4], centre, radius, colour);
}

float contrast_ratio(unsigned a, unsigned b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

std::string place_text(size_t place, const UiContext& ctx) {
    const std::string n = std::to_string(place);
    const size_t tens = place % 100, last = place % 10;
    const T suffix = tens >= 11 && tens <= 13 ? T::PlaceTh : last == 1 ? T::PlaceSt : last == 2 ? T::PlaceNd : last == 3 ? T::PlaceRd : T::PlaceTh;
    return fill_in(ctx.t(suffix), {{"n", n}});
}

TilePlan plan_tiles(const Question& q, float width, ImFont* font, const UiContext& /*ctx*/) {
    const size_t n = q.options.size();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    TilePlan plan;
    plan.font = font;
    plan.columns = n == 4 ? 2 : n <= 3 ? static_cast<int>(n) : 2;
    // Long texts (more than three lines in a grid cell) read better one under another.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const float cell = (width - gap * static_cast<float>(plan.columns - 1)) / static_cast<float>(plan.columns);
        plan.rows = static_cast<int>((n + static_cast<size_t>(plan.columns) - 1) / static_cast<size_t>(plan.columns));
        plan.min_height = ImGui::GetStyle().ItemSpacing.y * static_cast<float>(plan.rows - 1);
        bool long_text = false;
        for (int r = 0; r < plan.rows; ++r) {
            float row = 0;
            for (int c = 0; c < plan.columns; ++c) {
                const size_t i = static_cast<size_t>(r * plan.columns + c);
                if (i >= n) break;
                const float h = tile_height(q.options[i].text, cell, font);
                row = std::max(row, h);
                long_text = long_text || h > layout_size(font) * 3.6f + ImGui::GetStyle().FramePadding.y * 2;
            }
            plan.min_height += row;
        }
        if (!long_text || plan.columns == 1) break;
        plan.columns = 1;
    }
    return plan;
}

std::optional<size_t> draw_tiles(const Question& q, const TilePlan& plan, float height, const UiContext& ctx,
                                 const std::optional<TileReveal>& reveal) {
    const size_t n = q.options.size();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = style.ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x;
    const float cell = (width - gap * static_cast<float>(plan.columns - 1)) / static_cast<float>(plan.columns);
    // Rows share what is left beyond their least height, up to a comfortable size.
    const float spare = std::max(0.0f, height - plan.min_height) / static_cast<float>(plan.rows);
    const float grow = std::min(spare, layout_size(plan.font) * 5.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float outline = (ctx.palette.high_contrast ? 4.0f : 3.0f) * ctx.scale;
    if (frame_log().enabled) records().clear();
    std::optional<size_t> clicked;
    ImGui::PushFont(plan.font);
    begin_focus_group();
    for (int r = 0; r < plan.rows; ++r) {
        float row_height = 0;
        for (int c = 0; c < plan.columns; ++c) {
            const size_t i = static_cast<size_t>(r * plan.columns + c);
            if (i < n) row_height = std::max(row_height, tile_height(q.options[i].text, cell, plan.font));
        }
        row_height += grow;
        for (int c = 0; c < plan.columns; ++c) {
            const size_t i = static_cast<size_t>(r * plan.columns + c);
            if (i >= n) break;
            if (c > 0) ImGui::SameLine(0, gap);
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const ImVec2 end(pos.x + cell, pos.y + row_height);
            const std::string key = std::to_string(i + 1) + "/" + std::string(1, static_cast<char>('A' + i));
            ImGui::PushID(static_cast<int>(i));
            const bool pressed = ImGui::InvisibleButton("tile", ImVec2(cell, row_height));
            ImGui::PopID();
            frame_log().widget(q.options[i].text, pos, end);
            const bool activated = !reveal && focus_item(); // Tab, arrows and Enter reach the tiles too
            if ((pressed || activated) && !reveal) clicked = i;
            const bool hovered = !reveal && ImGui::IsItemHovered();

            const bool right = reveal && contains(reveal->right, i);
            const bool chosen = reveal && contains(reveal->chosen, i);
            const bool dimmed = reveal && !right;
            const float alpha = dimmed ? 0.3f : 1.0f;
            const unsigned fill = with_alpha(tile_fill(i), alpha);
            const unsigned ink = dimmed ? ctx.palette.text : tile_ink(i);
            dl->AddRectFilled(pos, end, fill, style.FrameRounding);
            if (hovered) dl->AddRectFilled(pos, end, IM_COL32(255, 255, 255, 40), style.FrameRounding);
            if (ctx.palette.high_contrast) dl->AddRect(pos, end, ctx.palette.text, style.FrameRounding, 0, outline);
            if (chosen) { // inside the tile: a tile at the page's edge keeps all of it
                const float inset = outline * 0.5f;
                dl->AddRect(ImVec2(pos.x + inset, pos.y + inset), ImVec2(end.x - inset, end.y - inset), ctx.palette.text,
                            style.FrameRounding, 0, outline);
            }

            const float icon = layout_size(plan.font) * 1.4f;
            const ImVec2 centre(pos.x + style.FramePadding.x + icon / 2, pos.y + row_height / 2);
            draw_shape(dl, kShapes[i % 4], centre, icon * 0.45f, with_alpha(ink, dimmed ? 0.6f : 1.0f));
            const float text_x = pos.x + style.FramePadding.x * 2 + icon;
            const float text_width = std::max(1.0f, cell - icon * 2.2f - style.FramePadding.x * 4); // as tile_height
            const std::string lines = wrapped(q.options[i].text, plan.font, layout_size(plan.font), text_width);
            const ImVec2 size = plan.font->CalcTextSizeA(layout_size(plan.font), FLT_MAX, 0, lines.c_str());
            dl->AddText(plan.font, layout_size(plan.font), ImVec2(text_x, pos.y + (row_height - size.y) / 2), ink, lines.c_str());
            // The key in the top right corner, in the body size; once answered, the
            // tile's mark (✓, or ✗ on the player's wrong choice) takes that side.
            const ImVec2 mark_centre(end.x - style.FramePadding.x - icon * 0.5f, pos.y + row_height / 2);
            if (right) draw_mark(dl, mark_centre, icon * 0.4f, true, ink);
            else if (chosen) draw_mark(dl, mark_centre, icon * 0.4f, false, ctx.palette.text);
            else {
                ImFont* small = ctx.fonts.body;
                const ImVec2 key_size = small->CalcTextSizeA(layout_size(small), FLT_MAX, 0, key.c_str());
                dl->AddText(small, layout_size(small),
                            ImVec2(end.x - key_size.x - style.FramePadding.x * 0.6f, pos.y + style.FramePadding.y * 0.4f),
                            with_alpha(ink, 0.85f), key.c_str());
            }
            frame_log().text(q.options[i].text);
            frame_log().text(key);
            if (frame_log().enabled) records().push_back({q.options[i].text, key, right, dimmed, chosen, 0, pos, end});
        }
    }
    end_focus_group();
    ImGui::PopFont();
    return clicked;
}

float order_row_height(const std::string& text, float width, ImFont* font) {
    return tile_height(text, width - layout_size(font) * 1.6f, font);
}

float order_rows_height(const Question& q, float width, ImFont* font) {
    float h = ImGui::GetStyle().ItemSpacing.y * static_cast<float>(q.options.size() - 1);
    for (const Option& o : q.options) h += order_row_height(o.text, width, font);
    return h;
}

void draw_order_row(const OrderRow& row, ImVec2 pos, float width, float height, ImFont* font, const UiContext& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + width, pos.y + height);
    if (row.lifted) { // a shadow below and to the right: the row is off the list
        const float drop = 6.0f * ctx.scale;
        dl->AddRectFilled(ImVec2(pos.x + drop, pos.y + drop), ImVec2(end.x + drop, end.y + drop), IM_COL32(0, 0, 0, 110),
                          style.FrameRounding);
    }
    const float alpha = row.dimmed ? 0.45f : 1.0f;
    dl->AddRectFilled(pos, end, with_alpha(row.lifted ? ctx.palette.card_hover : ctx.palette.card, alpha), style.FrameRounding);
    const float line = (ctx.palette.high_contrast ? 4.0f : 3.0f) * ctx.scale;
    if (row.selected || row.lifted) dl->AddRect(pos, end, ctx.palette.accent, style.FrameRounding, 0, line);
    else if (ctx.palette.high_contrast) dl->AddRect(pos, end, ctx.palette.text, style.FrameRounding, 0, line * 0.6f);

    // The badge: the place, in the accent colour (the right colour when revealed).
    ImFont* small = ctx.fonts.body;
    const float badge_w = layout_size(font) * 1.6f + style.FramePadding.x;
    const float badge_h = std::min(height - style.FramePadding.y, layout_size(font) * 1.5f);
    const ImVec2 badge_min(pos.x + style.FramePadding.x * 0.6f, pos.y + (height - badge_h) / 2);
    const ImVec2 badge_max(badge_min.x + badge_w, badge_min.y + badge_h);
    const bool revealed = row.right || row.dimmed;
    const unsigned badge_fill = revealed ? (row.right ? ctx.palette.right : ctx.palette.wrong) : ctx.palette.accent;
    if (row.tile) {
        dl->AddRectFilled(badge_min, badge_max, tile_fill(*row.tile), style.FrameRounding);
        draw_shape(dl, kShapes[*row.tile % 4], ImVec2((badge_min.x + badge_max.x) / 2, (badge_min.y + badge_max.y) / 2), badge_h * 0.32f,
                   tile_ink(*row.tile));
    } else {
        dl->AddRectFilled(badge_min, badge_max, badge_fill, style.FrameRounding); // never dimmed: its text must stay legible
        const ImVec2 badge_text = small->CalcTextSizeA(layout_size(small), FLT_MAX, 0, row.badge.c_str());
        dl->AddText(small, layout_size(small), ImVec2(badge_min.x + (badge_w - badge_text.x) / 2, badge_min.y + (badge_h - badge_text.y) / 2),
                    ctx.palette.on_accent, row.badge.c_str());
    }

    const float text_x = badge_max.x + style.FramePadding.x;
    const float mark = revealed ? layout_size(font) * 1.4f : 0.0f;
    const float text_width = std::max(1.0f, end.x - text_x - style.FramePadding.x - mark);
    const std::string lines = wrapped(row.text, font, layout_size(font), text_width);
    const ImVec2 size = font->CalcTextSizeA(layout_size(font), FLT_MAX, 0, lines.c_str());
    dl->AddText(font, layout_size(font), ImVec2(text_x, pos.y + (height - size.y) / 2), with_alpha(ctx.palette.text, row.dimmed ? 0.75f : 1.0f),
                lines.c_str());
    if (revealed)
        draw_mark(dl, ImVec2(end.x - mark * 0.7f, pos.y + height / 2), mark * 0.55f, row.right, row.right ? ctx.palette.right : ctx.palette.wrong);
    frame_log().text(row.text);
    frame_log().text(row.badge);
    if (frame_log().enabled) records().push_back({row.text, row.badge, row.right, row.dimmed, false, row.place, pos, end});
}

void clear_tile_records() {
    if (frame_log().enabled) records().clear();
}

// The ring steps this many times over a question's time: smooth enough to see it
// move, few enough frames to keep the clock cheap.
constexpr int64_t kRingSteps = 80;

float countdown_diameter(ImFont* font) { return layout_size(font) * 1.9f; }

// The number stands on the page's background, never on the ring.
void draw_countdown(int64_t ms_left, int64_t limit_ms, bool running, ImVec2 top_right, ImFont* font, const UiContext& ctx) {
    const int64_t ms = std::max<int64_t>(0, ms_left);
    const int64_t limit = std::max<int64_t>(1, limit_ms);
    const int64_t step = std::max<int64_t>(1, limit / kRingSteps);
    const int64_t steps_left = (ms + step - 1) / step;
    const float share = std::min(1.0f, static_cast<float>(steps_left * step) / static_cast<float>(limit));
    const float d = countdown_diameter(font);
    const float thickness = d * 0.12f;
    const float r = d / 2 - thickness / 2;
    const ImVec2 c(top_right.x - d / 2, top_right.y + d / 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool late = ms * 4 < limit;
    const unsigned colour = late ? ctx.palette.wrong : ctx.palette.accent;
    dl->AddCircle(c, r, (ctx.palette.muted & 0x00FFFFFFu) | 0x50000000u, 48, thickness);
    if (share > 0) {
        constexpr float kTop = -3.14159265f / 2;
        dl->PathArcTo(c, r, kTop, kTop + share * 2 * 3.14159265f, 48);
        dl->PathStroke(colour, 0, thickness);
    }
    const std::string number = number_text((ms + 999) / 1000, ctx.lang);
    const ImVec2 size = font->CalcTextSizeA(layout_size(font), FLT_MAX, 0, number.c_str());
    dl->AddText(font, layout_size(font), ImVec2(c.x - size.x / 2, c.y - size.y / 2), late ? ctx.palette.wrong : ctx.palette.text,
                number.c_str());
    frame_log().text(fill_in(ctx.t(T::SecondsLeft), {{"n", number}}));
    if (!running || ms == 0) return; // paused ("Leave this quiz?", P) or over: nothing will change
    // The next change: the ring's next step (the seconds change on a step too when
    // a second is a whole number of steps; else at the next whole second).
    const int64_t to_step = ms % step == 0 ? step : ms % step;
    const int64_t to_second = ms % 1000 == 0 ? 1000 : ms % 1000;
    ctx.redraw_at(ctx.now_ms + static_cast<uint64_t>(std::min(to_step, to_second)));
}

} // namespace chronicle::ui
