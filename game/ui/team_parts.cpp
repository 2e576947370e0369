#include "ui/team_parts.h"

#include <algorithm>
#include <cfloat>

#include "core/base/text.h"
#include "core/quiz/phrases.h"

namespace chronicle::ui {

unsigned team_colour(int index) {
    static const unsigned colours[] = {IM_COL32(230, 159, 0, 255),  IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
                                       IM_COL32(240, 228, 66, 255), IM_COL32(0, 114, 178, 255),  IM_COL32(213, 94, 0, 255)};
    const size_t n = sizeof colours / sizeof *colours;
    return colours[static_cast<size_t>(index < 0 ? 0 : index) % n];
}

std::string team_name(size_t index, Lang lang) {
    return fill_in(text(T::TeamName, lang), {{"n", number_text(static_cast<long long>(index + 1), lang)}});
}

void team_swatch(int colour, float side) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), team_colour(colour), side * 0.2f);
}

std::string elided(const std::string& text, ImFont* font, float width) {
    const float size = layout_size(font);
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
    // Whole code points only, so that a cut never leaves half a character.
    std::string kept;
    std::string out = "…";
    for (const char32_t c : code_points(text)) {
        std::string longer = kept;
        append_utf8(longer, c);
        const std::string candidate = longer + "…";
        if (font->CalcTextSizeA(size, FLT_MAX, 0, candidate.c_str()).x > width) break;
        kept = std::move(longer);
        out = candidate;
    }
    return out;
}

void draw_standings(const std::vector<Placing>& placings, float max_name_width, const UiContext& ctx) {
    ImFont* large = ctx.fonts.large;
    const float row = layout_size(large) * 1.6f;
    float name_width = 0;
    std::vector<std::string> names;
    for (const Placing& p : placings) {
        names.push_back(elided(p.name, large, max_name_width));
        name_width = std::max(name_width, large->CalcTextSizeA(layout_size(large), FLT_MAX, 0, names.back().c_str()).x);
    }
    const int most = std::max(1, placings.empty() ? 1 : placings.front().points);
    for (size_t i = 0; i < placings.size(); ++i) {
        const Placing& p = placings[i];
        label(fill_in(ctx.t(T::RankN), {{"n", std::to_string(p.rank)}}), large, ctx.palette.muted);
        ImGui::SameLine(layout_size(large) * 4);
        label(names[i], large);
        ImGui::SameLine(layout_size(large) * 5 + name_width);
        const std::string points = number_text(p.points, ctx.lang);
        const float points_width = large->CalcTextSizeA(layout_size(large), FLT_MAX, 0, points.c_str()).x;
        const float room = ImGui::GetContentRegionAvail().x - points_width - ImGui::GetStyle().ItemSpacing.x * 2;
        const float bar = std::max(4.0f, room * static_cast<float>(std::max(0, p.points)) / static_cast<float>(most));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(bar, row * 0.8f));
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + bar, at.y + row * 0.8f), p.colour, 4 * ctx.scale);
        ImGui::SameLine();
        label(points, large);
    }
}

float podium_rise(uint64_t& shown_at_ms, const UiContext& ctx) {
    constexpr uint64_t kRiseMs = 1200;
    constexpr uint64_t kFrameMs = 33; // the blocks rise at about 30 frames a second
    if (shown_at_ms == 0) shown_at_ms = ctx.now_ms;
    const uint64_t since = ctx.now_ms - std::min(ctx.now_ms, shown_at_ms);
    // Eased out: fast at first, settling gently; once settled nothing asks for frames.
    const float t = std::min(1.0f, static_cast<float>(since) / static_cast<float>(kRiseMs));
    if (t < 1.0f) ctx.redraw_at(ctx.now_ms + kFrameMs);
    return 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t);
}

void draw_podium(const std::vector<Placing>& top, float rise, float footer, const UiContext& ctx) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y - footer;
    const float column = width / 3;
    ImFont* large = ctx.fonts.large;
    ImFont* big = ctx.fonts.title;
    const float tallest = height - layout_size(large) * 4.5f;
    // Second on the left, first in the middle, third on the right.
    const size_t slot_of_place[] = {1, 0, 2};
    const float share_of_place[] = {1.0f, 0.7f, 0.45f};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t place = 0; place < top.size() && place < 3; ++place) {
        const Placing& p = top[place];
        const float x0 = origin.x + column * static_cast<float>(slot_of_place[place]) + column * 0.1f;
        const float x1 = x0 + column * 0.8f;
        const float bottom = origin.y + height;
        const float block_top = bottom - tallest * share_of_place[place] * rise;
        dl->AddRectFilled(ImVec2(x0, block_top), ImVec2(x1, bottom), p.colour, 8 * ctx.scale);
        const std::string rank = std::to_string(p.rank);
        const ImVec2 rank_size = big->CalcTextSizeA(layout_size(big), FLT_MAX, 0, rank.c_str());
        if (bottom - block_top > rank_size.y * 1.2f)
            dl->AddText(big, layout_size(big), ImVec2((x0 + x1 - rank_size.x) / 2, block_top + rank_size.y * 0.1f), IM_COL32(0, 0, 0, 255),
                        rank.c_str());
        const std::string points = fill_in(ctx.t(for_count(p.points, T::PointTotal, T::PointsTotal)), {{"n", number_text(p.points, ctx.lang)}});
        const std::string name = wrapped(p.name, large, layout_size(large), column * 0.9f);
        const ImVec2 name_size = large->CalcTextSizeA(layout_size(large), FLT_MAX, 0, name.c_str());
        const ImVec2 points_size = large->CalcTextSizeA(layout_size(large), FLT_MAX, 0, points.c_str());
        const float name_y = block_top - points_size.y - name_size.y - 4 * ctx.scale;
        dl->AddText(large, layout_size(large), ImVec2((x0 + x1 - name_size.x) / 2, name_y), ctx.palette.text, name.c_str());
        dl->AddText(large, layout_size(large), ImVec2((x0 + x1 - points_size.x) / 2, block_top - points_size.y - 2 * ctx.scale),
                    ctx.palette.muted, points.c_str());
        frame_log().widget("podium-" + std::to_string(place + 1) + ":" + p.name, ImVec2(x0, block_top), ImVec2(x1, bottom));
        frame_log().text(p.name);
        frame_log().text(points);
        frame_log().text(rank);
    }
    ImGui::Dummy(ImVec2(width, height));
}

} // namespace chronicle::ui
