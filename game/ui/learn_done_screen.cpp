#include "ui/learn_done_screen.h"

#include <SDL_scancode.h>

#include "core/quiz/phrases.h"

namespace chronicle::ui {

Intent LearnDoneScreen::draw_content(Model& model, const UiContext& ctx) {
    const LearnSession* learn = model.play.learn();
    if (!learn || learn->step() != LearnStep::Finished) return Intent::to(Intent::Do::Home);
    const LearnSummary& s = learn->summary();
    text(ctx.t(T::LearnDone), ctx.fonts.title);
    ImGui::Spacing();
    if (s.answered > 0) {
        text(fill_in(ctx.t(T::LearnDoneStats), {{"a", number_text(s.answered, ctx.lang)},
                                                {"c", number_text(s.correct, ctx.lang)},
                                                {"n", number_text(s.new_facts, ctx.lang)}}),
             ctx.fonts.large);
        if (s.saved == s.answered) text(ctx.t(T::LearnAllSaved), ctx.fonts.body, ctx.palette.right);
    } else {
        text(ctx.t(T::LearnNothing), ctx.fonts.large);
    }
    if (s.next_due)
        text(fill_in(ctx.t(T::NextReview), {{"t", time_from_now(*s.next_due - s.finished_at, ctx.lang)}}), ctx.fonts.large,
             ctx.palette.accent);
    ImGui::Spacing();
    if (primary_button(ctx.t(T::HomeEnter), ctx, ImVec2(ImGui::GetContentRegionAvail().x, 0)) ||
        key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        return Intent::to(Intent::Do::LeaveLearn);
    return {};
}

} // namespace chronicle::ui
