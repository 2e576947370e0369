#include "ui/results_screen.h"

#include <SDL_scancode.h>

#include "core/quiz/phrases.h"
#include "ui/feedback_screen.h"
#include "ui/messages.h"

namespace chronicle::ui {

Intent ResultsScreen::draw_content(Model& model, const UiContext& ctx) {
    const Round* round = model.play.round();
    if (!round || round->step() != RoundStep::Finished) return Intent::to(Intent::Do::Home);
    Intent intent;
    const QuizSession& session = round->session();
    const Score& score = session.score();
    const RoundRecord& record = round->record();
    text(ctx.t(T::Results), ctx.fonts.body, ctx.palette.muted);
    text(fill_in(ctx.t(for_count(score.points, T::PointTotal, T::PointsTotal)), {{"n", number_text(score.points, ctx.lang)}}), ctx.fonts.title, ctx.palette.accent);
    const int percent = static_cast<int>(score.accuracy() * 100 + 0.5);
    auto n = [&](long long v) { return number_text(v, ctx.lang); };
    text(fill_in(ctx.t(T::Accuracy), {{"c", n(score.correct)}, {"n", n(score.answered)}, {"p", n(percent)}}) + "    " +
             fill_in(ctx.t(T::BestStreak), {{"n", n(score.best_streak)}}),
         ctx.fonts.large);
    if (record.new_best) text(ctx.t(T::NewBest), ctx.fonts.large, ctx.palette.right);
    else if (round->previous_best())
        text(fill_in(ctx.t(T::PreviousBest), {{"n", number_text(*round->previous_best(), ctx.lang)}}), ctx.fonts.body, ctx.palette.muted);
    if (record.save_error) // "Could not save the game: <why>"
        text(message(*record.save_error, ctx.lang), ctx.fonts.body, ctx.palette.wrong);
    else if (record.in_memory && model.play.opened().notice)
        text(message(*model.play.opened().notice, ctx.lang), ctx.fonts.body, ctx.palette.wrong);

    const size_t missed = model.play.missed_in_round().size();
    const float button_row = ImGui::GetFrameHeightWithSpacing() + layout_size(ctx.fonts.large);
    const float footer = button_row * (missed > 0 ? 2.0f : 1.0f);
    ImGui::BeginChild("details", ImVec2(0, ImGui::GetContentRegionAvail().y - footer), false);
    text(ctx.t(T::ByKind), ctx.fonts.large);
    if (ImGui::BeginTable("kinds", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (Kind k : kAllKinds) {
            const KindResult& r = score.by_kind[index_of(k)];
            if (r.asked == 0) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            label(kind_spec(k).label.in(lang_code(ctx.lang)), ctx.fonts.body);
            ImGui::TableNextColumn();
            label(fill_in(ctx.t(T::KindScore), {{"c", n(r.correct)}, {"n", n(r.asked)}}), ctx.fonts.body,
                 r.correct == r.asked ? ctx.palette.right : ctx.palette.text);
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    text(ctx.t(T::Review), ctx.fonts.large);
    const auto& questions = session.quiz().questions;
    const auto& answers = session.answers();
    bool any = false;
    for (size_t i = 0; i < answers.size() && i < questions.size(); ++i) {
        if (answers[i].grade.correct) continue;
        any = true;
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        text(std::to_string(i + 1) + ". " + questions[i].prompt, ctx.fonts.large);
        draw_answer_review(questions[i], answers[i], ctx, layout_size(ctx.fonts.large) * 0.6f);
        ImGui::PopID();
    }
    if (!any) text(ctx.t(T::NoMistakes), ctx.fonts.body, ctx.palette.right);
    ImGui::EndChild();

    // The facts missed, asked again by fresh questions (a Learn session): Quizlet's "retry missed terms".
    if (missed > 0) {
        ImGui::PushFont(ctx.fonts.large);
        if (button(fill_in(ctx.t(T::RetryMissed), {{"n", number_text(static_cast<long long>(missed), ctx.lang)}}),
                   ImVec2(ImGui::GetContentRegionAvail().x, 0)))
            intent = Intent::to(Intent::Do::RetryMissed);
        ImGui::PopFont();
    }
    const int chosen = button_pair(ctx.t(T::PlayAgain), ctx.t(T::Home), ctx);
    if (chosen == 1) intent = Intent::to(Intent::Do::Start);
    if (chosen == 2) intent = Intent::to(Intent::Do::Home);
    return intent;
}

} // namespace chronicle::ui
