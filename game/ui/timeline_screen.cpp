#include "ui/timeline_screen.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "core/base/date.h"
#include "core/quiz/phrases.h"
#include "ui/team_parts.h"

namespace chronicle::ui {

namespace {

constexpr int kCardLines = 3; // a headline shows at most this many lines, the last elided

// `colour` with its alpha replaced (0–255).
unsigned with_alpha(unsigned colour, unsigned alpha) { return (colour & 0x00FFFFFFu) | (alpha << 24); }

// `text` wrapped to `width`, at most `max_lines` lines, the last cut with "…" when more would follow.
std::vector<std::string> card_lines(const std::string& text, ImFont* font, float size, float width, int max_lines) {
    std::vector<std::string> lines = wrap_lines(text, font, size, width);
    const auto keep = static_cast<size_t>(max_lines);
    if (lines.size() > keep) {
        // The last line shown is the rest of the text from where it begins (lines are
        // pieces of the text in order, their spaces at the breaks dropped), elided.
        size_t at = 0;
        for (size_t i = 0; i + 1 < keep; ++i) at = text.find(lines[i], at) + lines[i].size();
        at = text.find(lines[keep - 1], at);
        lines.resize(keep);
        if (at != std::string::npos) lines.back() = elided(text.substr(at) + "…", font, width);
    }
    return lines;
}

float width_of(const std::string& s, ImFont* font, float size) { return font->CalcTextSizeA(size, FLT_MAX, 0, s.c_str()).x; }

// Lines drawn from `top`, each centred on `centre_x` or left-aligned at `left` when centre_x < 0; logged.
void draw_lines(ImDrawList* dl, const std::vector<std::string>& lines, ImFont* font, float size, float left, float centre_x,
                float top, unsigned colour) {
    for (size_t i = 0; i < lines.size(); ++i) {
        const float x = centre_x < 0 ? left : centre_x - width_of(lines[i], font, size) / 2;
        dl->AddText(font, size, ImVec2(x, top + size * static_cast<float>(i)), colour, lines[i].c_str());
        frame_log().text(lines[i]);
    }
}

// A heart of width 2r centred at c: two round lobes and a point below.
void draw_heart(ImDrawList* dl, ImVec2 c, float r, unsigned colour) {
    const float lobe = r * 0.52f;
    dl->AddCircleFilled(ImVec2(c.x - r * 0.47f, c.y - r * 0.25f), lobe, colour, 20);
    dl->AddCircleFilled(ImVec2(c.x + r * 0.47f, c.y - r * 0.25f), lobe, colour, 20);
    dl->AddTriangleFilled(ImVec2(c.x - r * 0.97f, c.y - r * 0.1f), ImVec2(c.x + r * 0.97f, c.y - r * 0.1f), ImVec2(c.x, c.y + r * 0.9f),
                          colour);
}

// Where things go on the line: card i of n sits in slot i, or i + 1 when it is at or
// after the hand's gap (the gap opens a slot of its own).
struct LineGeometry {
    float left = 0; // screen x of slot 0
    float card_w = 0, slot = 0;
    std::optional<size_t> hole; // the hand's gap, while there is a hand
    float slot_x(size_t slot_index) const { return left + slot * static_cast<float>(slot_index); }
    float card_x(size_t card) const { return slot_x(hole && card >= *hole ? card + 1 : card); }
    float centre(size_t card) const { return card_x(card) + card_w / 2; }
    // The gap a card let go at screen x would go into: how many cards lie left of x.
    size_t gap_at(float x, size_t cards) const {
        size_t gap = 0;
        while (gap < cards && centre(gap) < x) ++gap;
        return gap;
    }
};

} // namespace

void TimelineScreen::enter(Model& /*model*/, const UiContext& /*ctx*/) {
    dealt_for_.reset();
    dragging_ = false;
    scroll_ = 0;
    follow_ = true;
}

Intent TimelineScreen::on_escape() const {
    return playing_ ? Intent::to(Intent::Do::AskLeave) : Intent::to(Intent::Do::Home);
}

LeaveWords TimelineScreen::leave_words() const {
    return {T::LeaveTimeline, T::LeaveTimelineHelp, T::KeepGoing, T::LeaveQuizButton};
}

Intent TimelineScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const TimelineGame* game = model.play.timeline();
    const Pack* pack = model.play.chosen_pack();
    if (!game || !pack || pack->id != game->pack_id()) return Intent::to(Do::Home);
    const std::string& lang = game->lang();
    const std::vector<TimelineCard>& line = game->line();
    const std::optional<EventIndex> hand = game->hand();
    playing_ = hand.has_value();
    if (!dealt_for_ || *dealt_for_ != line.size()) { // a new card in hand: its gap starts in the middle
        dealt_for_ = line.size();
        gap_ = line.size() / 2;
        dragging_ = false;
        follow_ = true;
    }
    Intent intent;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The palette through the page's alpha, so that what is drawn here dims with the page under a dialog.
    Palette pal = ctx.palette;
    for (unsigned* c : {&pal.accent, &pal.right, &pal.wrong, &pal.muted, &pal.card, &pal.text}) *c = ImGui::GetColorU32(*c);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float body = layout_size(ctx.fonts.body), small = layout_size(ctx.fonts.small), large = layout_size(ctx.fonts.large),
                title = layout_size(ctx.fonts.title);
    const float width = ImGui::GetContentRegionAvail().x;

    // The title, then on the right the score and the three hearts.
    label(ctx.t(T::Timeline), ctx.fonts.title);
    {
        const std::string score = fill_in(ctx.t(T::TimelinePlaced), {{"n", number_text(game->score(), ctx.lang)}});
        const float heart = title * 0.42f;
        const float hearts_w = heart * 2.4f * TimelineGame::kLives;
        const float score_w = width_of(score, ctx.fonts.large, large);
        ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - hearts_w - score_w - style.ItemSpacing.x * 2));
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y + (title - large) / 2);
        label(score, ctx.fonts.large);
        ImGui::SameLine();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        // A life lost: the muted colour half into the page's, opaque so that the lobes do not show through.
        const ImVec4 m = ImGui::ColorConvertU32ToFloat4(pal.muted), bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
        const unsigned lost = ImGui::GetColorU32(ImVec4((m.x + bg.x) / 2, (m.y + bg.y) / 2, (m.z + bg.z) / 2, 1.0f));
        for (int i = 0; i < TimelineGame::kLives; ++i) {
            const ImVec2 c(at.x + heart * (1.2f + 2.4f * static_cast<float>(i)), at.y + title / 2);
            draw_heart(dl, c, heart, i < game->lives() ? pal.wrong : lost);
        }
        ImGui::Dummy(ImVec2(hearts_w, title));
    }
    // What became of the last card, or how to play.
    if (const auto& last = game->last())
        text(ctx.t(last->right ? T::TimelineRight : T::TimelineWrong), ctx.fonts.large, last->right ? pal.right : pal.wrong);
    else
        text(ctx.t(T::TimelineHelp), ctx.fonts.large, pal.muted);
    ImGui::Spacing();

    // The line: cards above it, their ticks and dates below.
    const float pad = body * 0.45f;
    const size_t cards = line.size();
    const size_t slots = cards + (hand ? 1 : 0);
    LineGeometry geo;
    geo.card_w = std::clamp(width / static_cast<float>(std::max<size_t>(slots, 1)) - body * 0.6f, body * 6.5f, body * 10.0f);
    geo.slot = geo.card_w + body * 0.6f;
    if (hand) geo.hole = std::min(gap_, cards);
    const float card_h = body * kCardLines + pad * 2;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float line_y = origin.y + card_h + body * 0.7f;
    const float tick = small * 0.45f;
    const float area_h = card_h + body * 0.7f + tick + small * 0.3f + small * 3;
    const float content_w = geo.slot * static_cast<float>(slots) - body * 0.6f;
    // Keep the hand's gap (or, at the end, the card placed last) in view, a slot to spare.
    const float max_scroll = std::max(0.0f, content_w - width);
    if (follow_ && max_scroll > 0) {
        const std::optional<size_t> keep = hand ? geo.hole : game->last() ? std::optional<size_t>(game->last()->right_gap) : std::nullopt;
        if (keep) {
            const float x = geo.slot * static_cast<float>(*keep);
            if (x - scroll_ < geo.slot * 0.5f) scroll_ = x - geo.slot * 0.5f;
            if (x + geo.card_w - scroll_ > width - geo.slot * 0.5f) scroll_ = x + geo.card_w - width + geo.slot * 0.5f;
        }
    }
    scroll_ = std::clamp(scroll_, 0.0f, max_scroll);
    geo.left = max_scroll > 0 ? origin.x - scroll_ : origin.x + (width - content_w) / 2;

    ImGui::InvisibleButton("##line", ImVec2(width, area_h));
    const bool line_hovered = ImGui::IsItemHovered();
    const ImVec2 area_min = origin, area_max(origin.x + width, origin.y + area_h);
    const ImGuiIO& io = ImGui::GetIO();
    if (line_hovered && max_scroll > 0 && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        scroll_ = std::clamp(scroll_ - (io.MouseWheelH + io.MouseWheel) * geo.slot, 0.0f, max_scroll);
        follow_ = false;
    }
    if (hand && !dragging_ && ImGui::IsItemClicked()) { // a click on the line chooses the gap
        gap_ = geo.gap_at(io.MousePos.x, cards);
        follow_ = true;
    }

    dl->PushClipRect(area_min, area_max, true);
    const float line_half = std::max(1.0f, body * 0.05f); // a rectangle: a long textured line shades unevenly in software
    dl->AddRectFilled(ImVec2(area_min.x, line_y - line_half), ImVec2(area_max.x, line_y + line_half), pal.muted);
    const float rounding = pad * 0.8f;
    const std::optional<size_t> newest = game->last() ? std::optional<size_t>(game->last()->right_gap) : std::nullopt;
    for (size_t i = 0; i < cards; ++i) {
        const Event& e = pack->events[line[i].event];
        const float x = geo.card_x(i), cx = geo.centre(i);
        if (x > area_max.x || x + geo.card_w < area_min.x) continue;
        const bool wrong = !line[i].right;
        const ImVec2 a(x, origin.y), b(x + geo.card_w, origin.y + card_h);
        dl->AddRectFilled(a, b, pal.card, rounding);
        if (wrong) dl->AddRectFilled(a, b, with_alpha(pal.wrong, 0x40), rounding);
        const unsigned border = wrong ? pal.wrong : newest == i ? pal.right : with_alpha(pal.muted, 0x90);
        dl->AddRect(a, b, border, rounding, 0, wrong || newest == i ? std::max(2.0f, body * 0.14f) : std::max(1.0f, body * 0.05f));
        draw_lines(dl, card_lines(pack->text(e.headline, lang), ctx.fonts.body, body, geo.card_w - pad * 2, kCardLines), ctx.fonts.body,
                   body, x + pad, -1, origin.y + pad, pal.text);
        dl->AddLine(ImVec2(cx, b.y), ImVec2(cx, line_y), with_alpha(pal.muted, 0x90), 1.0f);
        const unsigned date_colour = wrong ? pal.wrong : pal.text;
        const float tick_half = std::max(1.0f, body * 0.06f);
        dl->AddRectFilled(ImVec2(cx - tick_half, line_y - tick), ImVec2(cx + tick_half, line_y + tick), date_colour);
        if (e.date) {
            std::vector<std::string> date = card_lines(format_date(*e.date, lang), ctx.fonts.small, small, geo.slot - pad, 2);
            if (wrong) date.push_back(ctx.t(T::TimelineBelongs));
            draw_lines(dl, date, ctx.fonts.small, small, 0, cx, line_y + tick + small * 0.3f, date_colour);
        }
    }
    if (hand) { // the gap marker: an empty card, dashed, where the hand would go
        const float x = geo.slot_x(*geo.hole);
        const ImVec2 a(x, origin.y), b(x + geo.card_w, origin.y + card_h);
        const float dash = body * 0.5f, thick = std::max(2.0f, body * 0.12f);
        for (float t = a.x; t < b.x; t += dash * 2) {
            dl->AddLine(ImVec2(t, a.y), ImVec2(std::min(t + dash, b.x), a.y), pal.accent, thick);
            dl->AddLine(ImVec2(t, b.y), ImVec2(std::min(t + dash, b.x), b.y), pal.accent, thick);
        }
        for (float t = a.y; t < b.y; t += dash * 2) {
            dl->AddLine(ImVec2(a.x, t), ImVec2(a.x, std::min(t + dash, b.y)), pal.accent, thick);
            dl->AddLine(ImVec2(b.x, t), ImVec2(b.x, std::min(t + dash, b.y)), pal.accent, thick);
        }
        const float cx = x + geo.card_w / 2;
        dl->AddTriangleFilled(ImVec2(cx - tick * 1.6f, line_y - tick * 1.6f), ImVec2(cx + tick * 1.6f, line_y - tick * 1.6f),
                              ImVec2(cx, line_y + tick * 0.4f), pal.accent);
        // Drop targets for the tests, where a card let go would go into each gap.
        for (size_t g = 0; g <= cards; ++g) {
            const float from = g == 0 ? area_min.x : geo.centre(g - 1), to = g == cards ? area_max.x : geo.centre(g);
            if (to > area_min.x && from < area_max.x)
                frame_log().widget("timeline-gap-" + std::to_string(g), ImVec2(std::max(from, area_min.x), origin.y),
                                   ImVec2(std::min(to, area_max.x), origin.y + card_h));
        }
    }
    dl->PopClipRect();
    ImGui::Spacing();

    if (hand) {
        // The card in hand, below the line; dragged, it follows the mouse and the gap follows it.
        const Event& e = pack->events[*hand];
        const float hand_w = std::min(width * 0.7f, large * 20);
        const float hand_pad = large * 0.5f;
        const std::vector<std::string> lines =
            card_lines(pack->text(e.headline, lang), ctx.fonts.large, large, hand_w - hand_pad * 2, kCardLines);
        const float hand_h = large * static_cast<float>(lines.size()) + hand_pad * 2;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - hand_w) / 2);
        const ImVec2 rest = ImGui::GetCursorScreenPos();
        ImGui::InvisibleButton("##hand", ImVec2(hand_w, hand_h));
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            if (!dragging_) grab_ = ImVec2(io.MouseClickedPos[0].x - rest.x, io.MouseClickedPos[0].y - rest.y);
            dragging_ = true;
            gap_ = geo.gap_at(io.MousePos.x, cards);
            follow_ = false;
            // Near an edge of a long line, it scrolls (one frame after another while held there).
            const float edge = geo.slot * 0.4f;
            if (max_scroll > 0 && (io.MousePos.x < area_min.x + edge || io.MousePos.x > area_max.x - edge)) {
                scroll_ = std::clamp(scroll_ + (io.MousePos.x < area_min.x + edge ? -1.0f : 1.0f) * body * 0.5f, 0.0f, max_scroll);
                ctx.redraw_at(ctx.now_ms + 16);
            }
        }
        if (ImGui::IsItemDeactivated() && dragging_) { // let go: over the line it is placed, elsewhere it goes back
            dragging_ = false;
            if (io.MousePos.y < area_max.y + body) intent = Intent{Do::TimelinePlace, ScreenId::Home, {gap_}};
        }
        const ImVec2 at = dragging_ ? ImVec2(io.MousePos.x - grab_.x, io.MousePos.y - grab_.y) : rest;
        ImDrawList* hand_dl = dragging_ ? ImGui::GetForegroundDrawList() : dl;
        const ImVec2 b(at.x + hand_w, at.y + hand_h);
        hand_dl->AddRectFilled(at, b, pal.card, rounding * 1.5f);
        hand_dl->AddRect(at, b, pal.accent, rounding * 1.5f, 0, std::max(2.0f, body * 0.14f));
        draw_lines(hand_dl, lines, ctx.fonts.large, large, 0, at.x + hand_w / 2, at.y + hand_pad, pal.text);
        frame_log().widget("timeline-hand", at, b);
        // ←/→ move the gap, Enter (or the button) places the card there.
        if (ImGui::IsKeyPressed(SDL_SCANCODE_LEFT, true) && gap_ > 0) {
            gap_ = std::min(gap_, cards) - 1;
            follow_ = true;
        }
        if (ImGui::IsKeyPressed(SDL_SCANCODE_RIGHT, true) && gap_ < cards) {
            ++gap_;
            follow_ = true;
        }
        if (key_pressed(SDL_SCANCODE_HOME) || key_pressed(SDL_SCANCODE_END)) {
            gap_ = key_pressed(SDL_SCANCODE_HOME) ? 0 : cards;
            follow_ = true;
        }
        ImGui::Spacing();
        if (primary_button(ctx.t(T::TimelinePlace), ctx, ImVec2(width, 0)) || key_pressed(SDL_SCANCODE_RETURN) ||
            key_pressed(SDL_SCANCODE_KP_ENTER))
            intent = Intent{Do::TimelinePlace, ScreenId::Home, {std::min(gap_, cards)}};
        if (game->last()) text(ctx.t(T::TimelineHelp), ctx.fonts.small, pal.muted); // the help the status line showed first
        text(ctx.t(T::EscLeave), ctx.fonts.small, pal.muted);
        return intent;
    }

    // The end: why, the score, the pack's best.
    text(ctx.t(game->lives() == 0 ? T::TimelineOutOfLives : T::TimelineDeckEmpty), ctx.fonts.large, pal.muted);
    const int score = game->score();
    text(fill_in(ctx.t(for_count(score, T::TimelineScoreOne, T::TimelineScore)), {{"n", number_text(score, ctx.lang)}}), ctx.fonts.title,
         pal.accent);
    const std::optional<TimelineRun>& best = model.play.timeline_best_before();
    if (score > 0 && (!best || score > best->placed)) text(ctx.t(T::NewBest), ctx.fonts.large, pal.right);
    else if (best) text(fill_in(ctx.t(T::TimelineBest), {{"n", number_text(best->placed, ctx.lang)}}), ctx.fonts.large, pal.muted);
    ImGui::Spacing();
    switch (button_pair(ctx.t(T::PlayAgain), ctx.t(T::Home), ctx)) {
    case 1: return Intent::to(Do::TimelineStart);
    case 2: return Intent::to(Do::Home);
    default: return intent;
    }
}

} // namespace chronicle::ui
