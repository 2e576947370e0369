#include "ui/leaderboard_screen.h"

#include <SDL_scancode.h>

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
    std::vector<Placing> placings;
    for (const Standing& s : game->standings()) {
        const Team& team = game->teams()[s.entrant];
        placings.push_back({team.name, s.points, s.rank, team_colour(team.colour)});
    }
    draw_standings(placings, ImGui::GetContentRegionAvail().x * 0.4f, ctx);
    ImGui::Spacing();
    Intent intent;
    if (primary_button(ctx.t(T::Next), ctx) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        intent = Intent::to(Do::TeamNext);
    ImGui::SameLine();
    if (button(ctx.t(T::BackOne)) || key_pressed(SDL_SCANCODE_B)) intent = Intent::to(Do::TeamBack);
    return intent;
}

} // namespace chronicle::ui
