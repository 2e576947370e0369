#include "ui/class_reveal_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"
#include "ui/class_parts.h"

namespace chronicle::ui {

LeaveWords ClassRevealScreen::leave_words() const { return class_leave_words(); }

Intent ClassRevealScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const ClassGame* game = model.class_view.game;
    if (!game) return Intent::to(Do::Home);
    if (game->phase() != ClassPhase::Reveal) return {}; // the window shows the phase's screen next
    const Question& q = game->question(game->index());
    Intent intent;
    if (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER)) intent = Intent::to(Do::ClassNext);

    const std::string progress = fill_in(ctx.t(T::Progress), {{"i", number_text(static_cast<long long>(game->index() + 1), ctx.lang)},
                                                              {"n", number_text(static_cast<long long>(game->quiz().questions.size()), ctx.lang)}});
    text(progress, ctx.fonts.body, ctx.palette.muted);
    text(q.prompt, ctx.fonts.title);
    ImGui::Spacing();
    // The answer on the options above, the class's chart below; the buttons at the foot.
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
    const float room = std::max(0.0f, ImGui::GetContentRegionAvail().y - footer);
    const float chart = std::max(layout_size(ctx.fonts.large) * 6, room * 0.4f);
    draw_class_options(q, std::max(0.0f, room - chart - ImGui::GetStyle().ItemSpacing.y * 2), true, ctx);
    ImGui::Spacing();
    draw_class_chart(q, game->chart(game->index()), std::max(layout_size(ctx.fonts.large) * 6,
                                                             ImGui::GetContentRegionAvail().y - footer), ctx);
    if (primary_button(ctx.t(T::Next), ctx)) intent = Intent::to(Do::ClassNext);
    ImGui::SameLine();
    if (button(ctx.t(T::EndClass))) intent = Intent::to(Do::AskLeave);
    return intent;
}

} // namespace chronicle::ui
