#include "ui/class_podium_screen.h"

#include <SDL_scancode.h>

#include "core/quiz/phrases.h"
#include "ui/class_parts.h"
#include "ui/messages.h"

namespace chronicle::ui {

void ClassPodiumScreen::enter(Model& /*model*/, const UiContext& /*ctx*/) { shown_at_ms_ = 0; }

Intent ClassPodiumScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const ClassGame* game = model.class_view.game;
    if (!game) return Intent::to(Do::Home);
    const float rise = podium_rise(shown_at_ms_, ctx);
    text(ctx.t(T::Podium), ctx.fonts.title);
    const ClassView& view = model.class_view;
    const float width = ImGui::GetContentRegionAvail().x;
    const float said = view.export_path.empty() && !view.export_problem ? 0.0f : wrapped_height(" ", ctx.fonts.body, width) * 2;
    draw_podium(class_placings(*game, 3), rise, ImGui::GetFrameHeightWithSpacing() * 2 + said, ctx);
    Intent intent;
    const int chosen = button_pair(ctx.t(T::HomeEnter), ctx.t(T::ExportResults), ctx);
    if (chosen == 1) intent = Intent::to(Do::Home);
    if (chosen == 2) intent = Intent::to(Do::ExportClassResults);
    if (!view.export_path.empty()) text(fill_in(ctx.t(T::ResultsSaved), {{"p", view.export_path}}), ctx.fonts.body, ctx.palette.muted);
    if (view.export_problem)
        text(fill_in(ctx.t(T::ResultsNotSaved), {{"e", message(*view.export_problem, ctx.lang)}}), ctx.fonts.body, ctx.palette.wrong);
    return intent;
}

} // namespace chronicle::ui
