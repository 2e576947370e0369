#include "ui/podium_screen.h"

#include <SDL_scancode.h>

#include "core/quiz/phrases.h"
#include "ui/team_parts.h"

namespace chronicle::ui {

void PodiumScreen::enter(Model& /*model*/, const UiContext& /*ctx*/) { shown_at_ms_ = 0; }

Intent PodiumScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const TeamGame* game = model.play.team_game();
    if (!game || game->step() != TeamStep::Finished) return Intent::to(Do::Home);
    const float rise = podium_rise(shown_at_ms_, ctx);
    text(ctx.t(T::Podium), ctx.fonts.title);
    std::vector<Placing> top;
    for (const Standing& s : game->podium()) {
        const Team& team = game->teams()[s.entrant];
        top.push_back({team.name, s.points, s.rank, team_colour(team.colour)});
    }
    const float width = ImGui::GetContentRegionAvail().x;
    draw_podium(top, rise, ImGui::GetFrameHeightWithSpacing() * 2, ctx);
    if (primary_button(ctx.t(T::HomeEnter), ctx, ImVec2(width, 0)) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        return Intent::to(Do::Home);
    return {};
}

} // namespace chronicle::ui
