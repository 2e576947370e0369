#include "ui/class_podium_screen.h"

#include <SDL_scancode.h>

#include "ui/class_parts.h"

namespace chronicle::ui {

void ClassPodiumScreen::enter(Model& /*model*/, const UiContext& /*ctx*/) { shown_at_ms_ = 0; }

Intent ClassPodiumScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const ClassGame* game = model.class_view.game;
    if (!game) return Intent::to(Do::Home);
    const float rise = podium_rise(shown_at_ms_, ctx);
    text(ctx.t(T::Podium), ctx.fonts.title);
    const float width = ImGui::GetContentRegionAvail().x;
    draw_podium(class_placings(*game, 3), rise, ImGui::GetFrameHeightWithSpacing() * 2, ctx);
    if (primary_button(ctx.t(T::HomeEnter), ctx, ImVec2(width, 0)) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        return Intent::to(Do::Home);
    return {};
}

} // namespace chronicle::ui
