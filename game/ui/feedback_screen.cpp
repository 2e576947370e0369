#include "ui/feedback_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"

namespace chronicle::ui {

namespace {

constexpr uint64_t kEntranceMs = 250;

std::string option_texts(const Question& q, const std::vector<int>& indices, const char* separator) {
    std::string out;
    for (int i : indices) {
        if (i < 0 || i >= static_cast<int>(q.options.size())) continue;
        if (!out.empty()) out += separator;
        out += q.options[static_cast<size_t>(i)].text;
    }
    return out;
}

} // namespace

void draw_answer_review(const Question& q, const Answer& a, const UiContext& ctx, float mark_radius) {
    const Grade& g = a.grade;
    const unsigned colour = g.correct ? ctx.palette.right : ctx.palette.wrong;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(mark_radius * 2, mark_radius * 2));
    draw_mark(ImGui::GetWindowDrawList(), ImVec2(at.x + mark_radius, at.y + mark_radius), mark_radius * 0.9f, g.correct, colour);
    ImGui::SameLine();
    ImGui::BeginGroup();
    std::string verdict = ctx.t(g.correct ? T::Correct : g.timed_out ? T::TimedOut : T::Wrong);
    if (g.points > 0) verdict += "   " + fill_in(ctx.t(T::Points), "n", std::to_string(g.points));
    text(verdict, ctx.fonts.title, colour);
    if (q.kind == Kind::Order && g.pairs > 0 && !g.correct && !a.chosen.empty())
        text(fill_in(fill_in(ctx.t(T::PartialPairs), "k", std::to_string(g.correct_pairs)), "n", std::to_string(g.pairs)),
             ctx.fonts.body);
    ImGui::EndGroup();

    if (q.kind == Kind::Order) {
        text(ctx.t(T::RightOrder), ctx.fonts.large);
        for (size_t i = 0; i < q.answer.size(); ++i)
            text(std::to_string(i + 1) + ". " + q.options[static_cast<size_t>(q.answer[i])].text, ctx.fonts.body);
    } else {
        text(fill_in(ctx.t(T::TheAnswer), "a", option_texts(q, q.answer, ", ")), ctx.fonts.large);
        if (!g.correct && !a.chosen.empty())
            text(fill_in(ctx.t(T::YourAnswer), "a", option_texts(q, a.chosen, ", ")), ctx.fonts.body, ctx.palette.muted);
    }
    ImGui::Spacing();
    text(q.explanation, ctx.fonts.body);
}

FeedbackAction draw_feedback(const FeedbackView& view, const UiContext& ctx) {
    FeedbackAction action = FeedbackAction::None;
    // A short fade-in marks the change from question to answer; it asks for frames
    // only while it runs.
    const uint64_t age = ctx.now_ms - std::min(ctx.now_ms, view.shown_at_ms);
    const float alpha = age >= kEntranceMs ? 1.0f : 0.35f + 0.65f * static_cast<float>(age) / kEntranceMs;
    if (alpha < 1.0f) ctx.animate_until(view.shown_at_ms + kEntranceMs);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
    begin_screen("feedback");
    text(view.question.prompt, ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ctx.fonts.large->FontSize;
    ImGui::BeginChild("review", ImVec2(0, ImGui::GetContentRegionAvail().y - footer), false);
    draw_answer_review(view.question, view.answer, ctx, ctx.fonts.title->FontSize * 0.75f);
    ImGui::EndChild();
    if (!view.source.empty()) text(fill_in(ctx.t(T::PackSource), "s", view.source), ctx.fonts.body, ctx.palette.muted);
    if (primary_button(ctx.t(view.last ? T::SeeResults : T::Continue), ctx, ImVec2(ImGui::GetContentRegionAvail().x, 0)) ||
        key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER) || key_pressed(SDL_SCANCODE_SPACE))
        action = FeedbackAction::Continue;
    if (key_pressed(SDL_SCANCODE_ESCAPE)) action = FeedbackAction::Back;
    ImGui::End();
    ImGui::PopStyleVar();
    return action;
}

} // namespace chronicle::ui
