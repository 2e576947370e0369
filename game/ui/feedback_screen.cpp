#include "ui/feedback_screen.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cmath>

#include "core/base/text.h"
#include "core/quiz/phrases.h"
#include "ui/messages.h"
#include "ui/tiles.h"

namespace chronicle::ui {

namespace {

constexpr uint64_t kEntranceMs = 250;
constexpr uint64_t kCountUpMs = 600; // the points count up to what was earned
constexpr uint64_t kCountUpFrameMs = 33;

// How far the count-up is, eased (fast, then settling); asks for the next frame until done.
float count_up(uint64_t shown_at_ms, const UiContext& ctx) {
    const uint64_t age = ctx.now_ms - std::min(ctx.now_ms, shown_at_ms);
    if (age >= kCountUpMs) return 1.0f;
    ctx.redraw_at(ctx.now_ms + kCountUpFrameMs);
    const float t = 1.0f - static_cast<float>(age) / kCountUpMs;
    return 1.0f - t * t * t;
}

// A streak of 3, 5 or 10 earns a flourish.
bool flourish_at(int streak) { return streak == 3 || streak == 5 || streak == 10; }

// The score so far and the streak; at 3, 5 and 10 in a row the streak bursts with rays.
void draw_score_line(const QuizSession& session, const Grade& g, float progress, const UiContext& ctx) {
    const int total = session.score().points;
    const int shown = total - g.points + static_cast<int>(static_cast<float>(g.points) * progress + 0.5f);
    text(fill_in(ctx.t(T::Score), {{"n", number_text(shown, ctx.lang)}}), ctx.fonts.large);
    const int streak = session.score().streak;
    if (streak < 2) return;
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    const bool flourish = g.correct && flourish_at(streak);
    ImFont* font = flourish ? ctx.fonts.title : ctx.fonts.large;
    const std::string words = fill_in(ctx.t(flourish ? T::InARow : T::Streak), {{"n", number_text(streak, ctx.lang)}});
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (flourish) { // rays around a circle before the words, growing as the points count up
        const float r = layout_size(font) * 0.5f;
        const ImVec2 c(at.x + r, at.y + layout_size(font) * 0.55f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddCircleFilled(c, r * 0.45f, ctx.palette.accent, 24);
        for (int i = 0; i < 12; ++i) {
            const float angle = static_cast<float>(i) * 3.14159265f / 6;
            const float inner = r * 0.6f, outer = r * (0.7f + 0.5f * progress);
            dl->AddLine(ImVec2(c.x + std::cos(angle) * inner, c.y + std::sin(angle) * inner),
                        ImVec2(c.x + std::cos(angle) * outer, c.y + std::sin(angle) * outer), ctx.palette.accent, 2.0f * ctx.scale);
        }
        ImGui::Dummy(ImVec2(r * 2.4f, layout_size(font)));
        ImGui::SameLine();
    }
    text(words, font, flourish ? ctx.palette.accent : 0);
}

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

// The verdict: a drawn mark, the words and the points (`points` of them so far, while
// they count up); for an order partly right, how much.
void draw_verdict(const Question& q, const Answer& a, const UiContext& ctx, float mark_radius, int points) {
    const Grade& g = a.grade;
    const unsigned colour = g.correct ? ctx.palette.right : ctx.palette.wrong;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(mark_radius * 2, mark_radius * 2));
    draw_mark(ImGui::GetWindowDrawList(), ImVec2(at.x + mark_radius, at.y + mark_radius), mark_radius * 0.9f, g.correct, colour);
    ImGui::SameLine();
    ImGui::BeginGroup();
    std::string verdict = ctx.t(g.correct ? T::Correct : g.timed_out ? T::TimedOut : g.in_place > 0 ? T::PartlyRight : T::Wrong);
    if (g.points > 0) verdict += "   " + fill_in(ctx.t(for_count(points, T::Point, T::Points)), {{"n", number_text(points, ctx.lang)}});
    text(verdict, ctx.fonts.title, colour);
    if (asks_for_order(q.kind) && g.placed > 0 && !g.correct && !a.chosen.empty())
        text(fill_in(ctx.t(T::PartlyInPlace), {{"k", number_text(static_cast<long long>(g.in_place), ctx.lang)}, {"n", number_text(static_cast<long long>(g.placed), ctx.lang)}}),
             ctx.fonts.body);
    ImGui::EndGroup();
}

} // namespace

void draw_answer_review(const Question& q, const Answer& a, const UiContext& ctx, float mark_radius) {
    const Grade& g = a.grade;
    draw_verdict(q, a, ctx, mark_radius, g.points);
    if (asks_for_order(q.kind)) {
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

namespace {

// The player's order revealed: each row where they put it, its badge its right place,
// kept bright with ✓ where that is where it stands, dimmed with ✗ where not.
void draw_order_reveal(const Question& q, const Answer& a, ImFont* font, const UiContext& ctx) {
    const std::vector<size_t>& shown = a.chosen.size() == q.options.size() ? a.chosen : q.answer;
    const float width = ImGui::GetContentRegionAvail().x;
    clear_tile_records();
    for (size_t row = 0; row < shown.size(); ++row) {
        const size_t right_place =
            static_cast<size_t>(std::find(q.answer.begin(), q.answer.end(), shown[row]) - q.answer.begin()) + 1;
        const bool in_place = right_place == row + 1;
        const std::string& label = q.options[shown[row]].text;
        const float height = order_row_height(label, width, font);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, height));
        draw_order_row({label, place_text(right_place, ctx), false, false, in_place, !in_place, right_place, std::nullopt}, pos, width, height, font, ctx);
    }
}

} // namespace

// Taken up again, the answer shows settled: no entrance, no count-up a second time.
void FeedbackScreen::enter(Model& model, const UiContext& ctx) { shown_at_ms_ = model.resuming ? 0 : ctx.now_ms; }

// A short fade-in marks the change from question to answer; it asks for frames only
// while it runs.
float FeedbackScreen::opacity(const UiContext& ctx) const {
    const uint64_t age = ctx.now_ms - std::min(ctx.now_ms, shown_at_ms_);
    if (age >= kEntranceMs) return 1.0f;
    ctx.animate_until(shown_at_ms_ + kEntranceMs);
    return 0.35f + 0.65f * static_cast<float>(age) / kEntranceMs;
}

namespace {

// The options as they were asked, revealed, and the explanation below them, in what
// is left of the review pane.
void draw_revealed(const Question& q, const Answer& answer, const UiContext& ctx) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float room = ImGui::GetContentRegionAvail().y - spacing * 2 -
                       wrapped_height(q.explanation, ctx.fonts.body, width);
    if (asks_for_order(q.kind)) {
        ImFont* font = fitting_font(ctx.fonts, room, [&](ImFont* f) { return order_rows_height(q, width, f); });
        draw_order_reveal(q, answer, font, ctx);
    } else {
        ImFont* font = fitting_font(ctx.fonts, room, [&](ImFont* f) { return plan_tiles(q, width, f, ctx).min_height; });
        const TilePlan plan = plan_tiles(q, width, font, ctx);
        draw_tiles(q, plan, std::min(room, plan.min_height * 1.4f), ctx, TileReveal{q.answer, answer.chosen});
    }
    ImGui::Dummy(ImVec2(0, 0));
    text(q.explanation, ctx.fonts.body);
}

bool continue_pressed(T label, const UiContext& ctx) {
    return primary_button(ctx.t(label), ctx, ImVec2(ImGui::GetContentRegionAvail().x, 0)) ||
           key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER) || key_pressed(SDL_SCANCODE_SPACE);
}

} // namespace

// A Learn answer: right or wrong, when each fact it tested comes back, and whether it
// was saved (the moment it was given).
Intent FeedbackScreen::draw_learn(const LearnSession& learn, const UiContext& ctx) {
    const Question& q = learn.question();
    text(q.prompt, ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + layout_size(ctx.fonts.large);
    ImGui::BeginChild("review", ImVec2(0, ImGui::GetContentRegionAvail().y - footer), false);
    const Answer answer{learn.chosen(), 0, learn.grade()};
    draw_verdict(q, answer, ctx, layout_size(ctx.fonts.title) * 0.75f, 0);
    if (!learn.reviews().empty()) { // the fact asked comes first
        const FactReview& r = learn.reviews().front();
        text(fill_in(ctx.t(T::NextReview), {{"t", time_from_now(r.card.due - r.at, ctx.lang)}}), ctx.fonts.large);
    }
    draw_revealed(q, answer, ctx);
    ImGui::EndChild();
    if (learn.saved()) text(ctx.t(T::LearnSaved), ctx.fonts.body, ctx.palette.right);
    else if (const std::optional<Issue>& problem = learn.save_error())
        text(fill_in(ctx.t(T::LearnNotSaved), {{"e", message(*problem, ctx.lang)}}), ctx.fonts.body, ctx.palette.wrong);
    if (continue_pressed(T::Continue, ctx)) return Intent::to(Intent::Do::Continue);
    return {};
}

Intent FeedbackScreen::draw_content(Model& model, const UiContext& ctx) {
    if (const LearnSession* learn = model.play.learn()) {
        if (learn->step() != LearnStep::Revealing) return Intent::to(Intent::Do::Home);
        return draw_learn(*learn, ctx);
    }
    const Round* round = model.play.round();
    if (!round || round->step() != RoundStep::Revealing) return Intent::to(Intent::Do::Home);
    const Question& q = round->question();
    text(q.prompt, ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + layout_size(ctx.fonts.large);
    ImGui::BeginChild("review", ImVec2(0, ImGui::GetContentRegionAvail().y - footer), false);
    const Answer& answer = round->revealed();
    const float progress = count_up(shown_at_ms_, ctx);
    draw_verdict(q, answer, ctx, layout_size(ctx.fonts.title) * 0.75f,
                 static_cast<int>(static_cast<float>(answer.grade.points) * progress + 0.5f));
    draw_score_line(round->session(), answer.grade, progress, ctx);
    draw_revealed(q, answer, ctx);
    ImGui::EndChild();
    const std::string source = source_of(model.play.library().find(round->session().quiz().pack_id), round->session().quiz().lang);
    if (!source.empty()) text(fill_in(ctx.t(T::PackSource), {{"s", source}}), ctx.fonts.body, ctx.palette.muted);
    if (continue_pressed(round->session().at_last() ? T::SeeResults : T::Continue, ctx)) return Intent::to(Intent::Do::Continue);
    return {};
}

} // namespace chronicle::ui
