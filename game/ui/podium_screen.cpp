#include "ui/podium_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"
#include "ui/team_parts.h"

namespace chronicle::ui {

namespace {

constexpr uint64_t kRiseMs = 1200;
constexpr uint64_t kFrameMs = 33; // the blocks rise at about 30 frames a second

} // namespace

void PodiumScreen::enter(Model& /*model*/, const UiContext& /*ctx*/) { shown_at_ms_ = 0; }

Intent PodiumScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const TeamGame* game = model.play.team_game();
    if (!game || game->step() != TeamStep::Finished) return Intent::to(Do::Home);
    if (shown_at_ms_ == 0) shown_at_ms_ = ctx.now_ms;
    const uint64_t since = ctx.now_ms - std::min(ctx.now_ms, shown_at_ms_);
    // Eased out: fast at first, settling gently; once settled nothing asks for frames.
    const float t = std::min(1.0f, static_cast<float>(since) / static_cast<float>(kRiseMs));
    const float rise = 1.0f - (1.0f - t) * (1.0f - t) * (1.0f - t);
    if (t < 1.0f) ctx.redraw_at(ctx.now_ms + kFrameMs);

    text(ctx.t(T::Podium), ctx.fonts.title);
    const std::vector<Standing> podium = game->podium();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2;
    const float height = ImGui::GetContentRegionAvail().y - footer;
    const float column = width / 3;
    const float tallest = height - layout_size(ctx.fonts.large) * 4.5f;
    // Second on the left, first in the middle, third on the right.
    const size_t slot_of_place[] = {1, 0, 2};
    const float share_of_place[] = {1.0f, 0.7f, 0.45f};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* large = ctx.fonts.large;
    ImFont* big = ctx.fonts.title;
    for (size_t place = 0; place < podium.size(); ++place) {
        const Standing& s = podium[place];
        const Team& team = game->teams()[s.entrant];
        const float x0 = origin.x + column * static_cast<float>(slot_of_place[place]) + column * 0.1f;
        const float x1 = x0 + column * 0.8f;
        const float bottom = origin.y + height;
        const float top = bottom - tallest * share_of_place[place] * rise;
        dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, bottom), team_colour(team.colour), 8 * ctx.scale);
        const std::string rank = std::to_string(s.rank);
        const ImVec2 rank_size = big->CalcTextSizeA(layout_size(big), 1e9f, 0, rank.c_str());
        if (bottom - top > rank_size.y * 1.2f)
            dl->AddText(big, layout_size(big), ImVec2((x0 + x1 - rank_size.x) / 2, top + rank_size.y * 0.1f), IM_COL32(0, 0, 0, 255),
                        rank.c_str());
        const std::string points = fill_in(ctx.t(T::PointsTotal), {{"n", number_text(s.points, ctx.lang)}});
        const std::string name = wrapped(team.name, large, layout_size(large), column * 0.9f);
        const ImVec2 name_size = large->CalcTextSizeA(layout_size(large), 1e9f, 0, name.c_str());
        const ImVec2 points_size = large->CalcTextSizeA(layout_size(large), 1e9f, 0, points.c_str());
        const float name_y = top - points_size.y - name_size.y - 4 * ctx.scale;
        dl->AddText(large, layout_size(large), ImVec2((x0 + x1 - name_size.x) / 2, name_y), ctx.palette.text, name.c_str());
        dl->AddText(large, layout_size(large), ImVec2((x0 + x1 - points_size.x) / 2, top - points_size.y - 2 * ctx.scale), ctx.palette.muted,
                    points.c_str());
        frame_log().widget("podium-" + std::to_string(place + 1) + ":" + team.name, ImVec2(x0, top), ImVec2(x1, bottom));
        frame_log().text(team.name);
        frame_log().text(points);
        frame_log().text(rank);
    }
    ImGui::Dummy(ImVec2(width, height));
    if (primary_button(ctx.t(T::HomeEnter), ctx, ImVec2(width, 0)) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        return Intent::to(Do::Home);
    return {};
}

} // namespace chronicle::ui
