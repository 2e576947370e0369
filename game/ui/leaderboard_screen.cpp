#include "ui/leaderboard_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"
#include "ui/team_parts.h"

namespace chronicle::ui {

Intent LeaderboardScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const TeamGame* game = model.play.team_game();
    if (!game || game->step() != TeamStep::Leaderboard) return Intent::to(Do::Home);
    text(ctx.t(T::Leaderboard), ctx.fonts.title);
    text(fill_in(ctx.t(T::AfterQuestion), {{"i", std::to_string(game->index() + 1)}, {"n", std::to_string(game->quiz().questions.size())}}),
         ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    const std::vector<Standing> standings = game->standings();
    const int most = std::max(1, standings.empty() ? 1 : standings.front().points);
    const float row = layout_size(ctx.fonts.large) * 1.6f;
    ImGui::PushFont(ctx.fonts.large);
    float name_width = 0;
    for (const Team& t : game->teams()) name_width = std::max(name_width, ImGui::CalcTextSize(t.name.c_str()).x);
    ImGui::PopFont();
    for (const Standing& s : standings) {
        const Team& team = game->teams()[s.entrant];
        label(fill_in(ctx.t(T::RankN), {{"n", std::to_string(s.rank)}}), ctx.fonts.large, ctx.palette.muted);
        ImGui::SameLine(layout_size(ctx.fonts.large) * 4);
        label(team.name, ctx.fonts.large);
        ImGui::SameLine(layout_size(ctx.fonts.large) * 5 + name_width);
        const std::string points = number_text(s.points, ctx.lang);
        ImGui::PushFont(ctx.fonts.large);
        const float points_width = ImGui::CalcTextSize(points.c_str()).x;
        ImGui::PopFont();
        const float room = ImGui::GetContentRegionAvail().x - points_width - ImGui::GetStyle().ItemSpacing.x * 2;
        const float bar = std::max(4.0f, room * static_cast<float>(s.points) / static_cast<float>(most));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(bar, row * 0.8f));
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + bar, at.y + row * 0.8f), team_colour(team.colour), 4 * ctx.scale);
        ImGui::SameLine();
        label(points, ctx.fonts.large);
    }
    ImGui::Spacing();
    Intent intent;
    if (primary_button(ctx.t(T::Next), ctx) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        intent = Intent::to(Do::TeamNext);
    ImGui::SameLine();
    if (button(ctx.t(T::BackOne)) || key_pressed(SDL_SCANCODE_B)) intent = Intent::to(Do::TeamBack);
    return intent;
}

} // namespace chronicle::ui
