#include "ui/class_leaderboard_screen.h"

#include <SDL_scancode.h>

#include "core/quiz/phrases.h"
#include "ui/class_parts.h"

namespace chronicle::ui {

namespace {

// As many as a projector shows from the back of a room.
constexpr size_t kShown = 10;

} // namespace

LeaveWords ClassLeaderboardScreen::leave_words() const { return class_leave_words(); }

Intent ClassLeaderboardScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const ClassGame* game = model.class_view.game;
    if (!game) return Intent::to(Do::Home);
    if (game->phase() != ClassPhase::Leaderboard) return {}; // the window shows the phase's screen next
    text(ctx.t(T::Leaderboard), ctx.fonts.title);
    text(fill_in(ctx.t(T::AfterQuestion), {{"i", std::to_string(game->index() + 1)}, {"n", std::to_string(game->quiz().questions.size())}}),
         ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    draw_standings(class_placings(*game, kShown), ImGui::GetContentRegionAvail().x * 0.4f, ctx);
    ImGui::Spacing();
    Intent intent;
    if (primary_button(ctx.t(T::Next), ctx) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        intent = Intent::to(Do::ClassNext);
    ImGui::SameLine();
    if (button(ctx.t(T::EndClass))) intent = Intent::to(Do::AskLeave);
    return intent;
}

} // namespace chronicle::ui
