#include "ui/class_question_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"
#include "ui/class_parts.h"
#include "ui/tiles.h"

namespace chronicle::ui {

LeaveWords ClassQuestionScreen::leave_words() const { return class_leave_words(); }

Intent ClassQuestionScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const ClassGame* game = model.class_view.game;
    if (!game) return Intent::to(Do::Home);
    if (game->phase() != ClassPhase::Question) return {}; // the window shows the phase's screen next
    const Question& q = game->question(game->index());
    Intent intent;
    if (key_pressed(SDL_SCANCODE_P)) intent = Intent::to(Do::ClassPause);
    if (key_pressed(SDL_SCANCODE_S)) intent = Intent::to(Do::ClassSkip);
    if (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER)) intent = Intent::to(Do::ClassReveal);

    const std::string progress = fill_in(ctx.t(T::Progress), {{"i", number_text(static_cast<long long>(game->index() + 1), ctx.lang)},
                                                              {"n", number_text(static_cast<long long>(game->quiz().questions.size()), ctx.lang)}});
    text(progress, ctx.fonts.body, ctx.palette.muted);
    if (game->paused()) {
        ImGui::SameLine();
        text(ctx.t(T::Paused), ctx.fonts.body, ctx.palette.accent);
    }
    // The prompt, and beside it the clock the phones count down too.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float right = ImGui::GetContentRegionAvail().x;
    float clock = 0;
    if (const std::optional<int64_t> ms = game->ms_left_on_screen(ctx.now_ms)) {
        clock = countdown_diameter(ctx.fonts.title);
        draw_countdown(*ms, game->time_limit_ms(game->index()), !game->paused(), ImVec2(top.x + right, top.y), ctx.fonts.title, ctx);
    }
    text(q.prompt, ctx.fonts.title, 0, clock > 0 ? clock + ImGui::GetStyle().ItemSpacing.x : 0.0f);
    if (ImGui::GetCursorScreenPos().y < top.y + clock) ImGui::Dummy(ImVec2(0, top.y + clock - ImGui::GetCursorScreenPos().y));
    ImGui::Spacing();

    // The options take what the count, the buttons and the keys leave.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float below = layout_size(ctx.fonts.title) * 1.3f + ImGui::GetFrameHeightWithSpacing() + layout_size(ctx.fonts.body) * 1.5f +
                        style.ItemSpacing.y * 4;
    draw_class_options(q, std::max(0.0f, ImGui::GetContentRegionAvail().y - below), false, ctx);
    // The count and the controls at the foot of the page, where the teacher looks for them.
    if (const float spare = ImGui::GetContentRegionAvail().y - below; spare > 0) ImGui::Dummy(ImVec2(0, spare));
    ImGui::Spacing();

    text(fill_in(ctx.t(T::AnsweredCount), {{"a", number_text(game->answered_count(), ctx.lang)}, {"n", number_text(game->expected_count(), ctx.lang)}}),
         ctx.fonts.title, ctx.palette.accent);
    if (primary_button(ctx.t(T::RevealNow), ctx)) intent = Intent::to(Do::ClassReveal);
    ImGui::SameLine();
    if (button(ctx.t(game->paused() ? T::Resume : T::Pause))) intent = Intent::to(Do::ClassPause);
    ImGui::SameLine();
    if (button(ctx.t(T::Skip))) intent = Intent::to(Do::ClassSkip);
    ImGui::SameLine();
    if (button(ctx.t(T::EndClass))) intent = Intent::to(Do::AskLeave);
    text(ctx.t(T::ClassKeys), ctx.fonts.body, ctx.palette.muted);
    return intent;
}

} // namespace chronicle::ui
