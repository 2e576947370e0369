#include "ui/feedback_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/base/text.h"
#include "core/quiz/phrases.h"

namespace chronicle::ui {

namespace {

constexpr uint64_t kEntranceMs = 250;

std::string option_texts(const Question& q, const std::vector<size_t>& indices) {
    std::vector<std::string> texts;
    for (size_t i : indices)
        if (i < q.options.size()) texts.push_back(q.options[i].text);
    return join(texts, ", ");
}

// The pack's source title and address, for the answer screen.
std::string source_of(const Pack* pack, const std::string& lang) {
    if (!pack) return "";
    std::string source = pack->text(pack->source.title, lang);
    if (!pack->source.url.empty()) source += (source.empty() ? "" : " ") + pack->source.url;
    return source;
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
    std::string verdict = ctx.t(g.correct ? T::Correct : g.timed_out ? T::TimedOut : g.in_place > 0 ? T::PartlyRight : T::Wrong);
    if (g.points > 0) verdict += "   " + fill_in(ctx.t(for_count(g.points, T::Point, T::Points)), {{"n", number_text(g.points, ctx.lang)}});
    text(verdict, ctx.fonts.title, colour);
    const bool ordered = asks_for_order(q.kind);
    if (ordered && g.placed > 0 && !g.correct && !a.chosen.empty())
        text(fill_in(ctx.t(T::PartlyInPlace), {{"k", number_text(static_cast<long long>(g.in_place), ctx.lang)}, {"n", number_text(static_cast<long long>(g.placed), ctx.lang)}}),
             ctx.fonts.body);
    ImGui::EndGroup();

    if (ordered) {
        text(ctx.t(T::RightOrder), ctx.fonts.large);
        for (size_t i = 0; i < q.answer.size(); ++i) text(std::to_string(i + 1) + ". " + q.options[q.answer[i]].text, ctx.fonts.body);
    } else {
        text(fill_in(ctx.t(T::TheAnswer), {{"a", option_texts(q, q.answer)}}), ctx.fonts.large);
        if (!g.correct && !a.chosen.empty())
            text(fill_in(ctx.t(T::YourAnswer), {{"a", option_texts(q, a.chosen)}}), ctx.fonts.body, ctx.palette.muted);
    }
    ImGui::Spacing();
    text(q.explanation, ctx.fonts.body);
}

void FeedbackScreen::enter(Model& /*model*/, const UiContext& ctx) { shown_at_ms_ = ctx.now_ms; }

// A short fade-in marks the change from question to answer; it asks for frames only
// while it runs.
float FeedbackScreen::opacity(const UiContext& ctx) const {
    const uint64_t age = ctx.now_ms - std::min(ctx.now_ms, shown_at_ms_);
    if (age >= kEntranceMs) return 1.0f;
    ctx.animate_until(shown_at_ms_ + kEntranceMs);
    return 0.35f + 0.65f * static_cast<float>(age) / kEntranceMs;
}

Intent FeedbackScreen::draw_content(Model& model, const UiContext& ctx) {
    const Round* round = model.play.round();
    if (!round || round->step() != RoundStep::Revealing) return Intent::to(Intent::Do::Home);
    const Question& q = round->question();
    text(q.prompt, ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ctx.fonts.large->FontSize;
    ImGui::BeginChild("review", ImVec2(0, ImGui::GetContentRegionAvail().y - footer), false);
    draw_answer_review(q, round->revealed(), ctx, ctx.fonts.title->FontSize * 0.75f);
    ImGui::EndChild();
    const std::string source = source_of(model.play.library().find(round->session().quiz().pack_id), round->session().quiz().lang);
    if (!source.empty()) text(fill_in(ctx.t(T::PackSource), {{"s", source}}), ctx.fonts.body, ctx.palette.muted);
    if (primary_button(ctx.t(round->session().at_last() ? T::SeeResults : T::Continue), ctx, ImVec2(ImGui::GetContentRegionAvail().x, 0)) ||
        key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER) || key_pressed(SDL_SCANCODE_SPACE))
        return Intent::to(Intent::Do::Continue);
    return {};
}

} // namespace chronicle::ui
