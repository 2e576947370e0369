#include "ui/team_question_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"
#include "ui/team_parts.h"
#include "ui/tiles.h"

namespace chronicle::ui {

namespace {

using Do = Intent::Do;

// The digit 1–9 pressed this frame (top row or keypad), as 0–8.
std::optional<size_t> digit_pressed() {
    for (int i = 0; i < 9; ++i)
        if (key_pressed(SDL_SCANCODE_1 + i) || key_pressed(SDL_SCANCODE_KP_1 + i)) return static_cast<size_t>(i);
    return std::nullopt;
}

std::optional<size_t> letter_pressed(size_t options) {
    for (size_t i = 0; i < options && i < 4; ++i)
        if (key_pressed(SDL_SCANCODE_A + static_cast<int>(i))) return i;
    return std::nullopt;
}

} // namespace

void TeamQuestionScreen::enter(Model& /*model*/, const UiContext& /*ctx*/) { pending_team_.reset(); }

Intent TeamQuestionScreen::keys(const TeamGame& game) {
    const size_t teams = game.teams().size(), options = game.question().options.size();
    const std::optional<size_t> digit = digit_pressed();
    if (game.step() == TeamStep::Revealed) {
        if (digit && *digit < teams) return Intent::for_team(Do::TeamMark, *digit);
        if (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER)) return Intent::to(Do::TeamNext);
    } else if (pending_team_) {
        const std::optional<size_t> option = digit ? digit : letter_pressed(options);
        if (option && *option < options) {
            const size_t team = *pending_team_;
            pending_team_.reset();
            return Intent::for_team(Do::TeamEnter, team, {*option});
        }
        if (key_pressed(SDL_SCANCODE_ESCAPE)) { // forgets the team, not the game
            pending_team_.reset();
            escape_taken_ = true;
        }
        return {};
    } else {
        if (digit && *digit < teams) pending_team_ = *digit;
        if (key_pressed(SDL_SCANCODE_R)) return Intent::to(Do::TeamReveal);
        if (key_pressed(SDL_SCANCODE_P)) return Intent::to(Do::TeamPause);
    }
    if (key_pressed(SDL_SCANCODE_S)) return Intent::to(Do::TeamSkip);
    if (key_pressed(SDL_SCANCODE_B)) return Intent::to(Do::TeamBack);
    return {};
}

Intent TeamQuestionScreen::draw_content(Model& model, const UiContext& ctx) {
    const TeamGame* game = model.play.team_game();
    if (!game || (game->step() != TeamStep::Asking && game->step() != TeamStep::Revealed)) return Intent::to(Do::Home);
    const bool revealed = game->step() == TeamStep::Revealed;
    const Question& q = game->question();
    escape_taken_ = false;
    Intent intent = keys(*game);

    // The header: progress and the clock.
    const std::string progress = fill_in(ctx.t(T::Progress), {{"i", number_text(static_cast<long long>(game->index() + 1), ctx.lang)},
                                                              {"n", number_text(static_cast<long long>(game->quiz().questions.size()), ctx.lang)}});
    text(progress, ctx.fonts.body, ctx.palette.muted);
    if (game->paused()) {
        ImGui::SameLine();
        text(ctx.t(T::Paused), ctx.fonts.body, ctx.palette.accent);
    }
    // The prompt, and beside it the clock as a player's question shows it.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float right = ImGui::GetContentRegionAvail().x;
    float clock = 0;
    if (const std::optional<int64_t> ms = game->ms_left(ctx.now_ms)) {
        clock = countdown_diameter(ctx.fonts.title);
        draw_countdown(*ms, game->time_limit_ms(), !game->paused(), ImVec2(top.x + right, top.y), ctx.fonts.title, ctx);
    }
    text(q.prompt, ctx.fonts.title, 0, clock > 0 ? clock + ImGui::GetStyle().ItemSpacing.x : 0.0f);
    if (ImGui::GetCursorScreenPos().y < top.y + clock) ImGui::Dummy(ImVec2(0, top.y + clock - ImGui::GetCursorScreenPos().y));
    ImGui::Spacing();

    // The options: the same tiles as a player's question, revealed on them.
    const TilePlan plan = plan_tiles(q, ImGui::GetContentRegionAvail().x, ctx.fonts.large, ctx);
    std::optional<TileReveal> reveal;
    if (revealed) reveal = TileReveal{q.answer, {}};
    // The tiles take what the teams' rows, the buttons and the hint leave.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float below = static_cast<float>(game->teams().size() + 1) * (layout_size(ctx.fonts.large) * 1.3f + style.ItemSpacing.y) +
                        ImGui::GetFrameHeightWithSpacing() + layout_size(ctx.fonts.body) * 2 + style.ItemSpacing.y * 4;
    const float tiles = std::max(plan.min_height, ImGui::GetContentRegionAvail().y - below);
    if (const std::optional<size_t> clicked = draw_tiles(q, plan, tiles, ctx, reveal); clicked && pending_team_ && !revealed) {
        intent = Intent::for_team(Do::TeamEnter, *pending_team_, {*clicked});
        pending_team_.reset();
    }
    ImGui::Spacing();

    // Each team's row: its entry, and after the reveal right or wrong and its points.
    const float side = layout_size(ctx.fonts.large);
    begin_focus_group();
    for (size_t t = 0; t < game->teams().size(); ++t) {
        const Team& team = game->teams()[t];
        const TeamAnswer& a = game->answers()[t];
        ImGui::PushID(static_cast<int>(t));
        const ImVec2 row_min = ImGui::GetCursorScreenPos();
        team_swatch(team.colour, side);
        ImGui::SameLine();
        std::string entry = std::to_string(t + 1) + "  " + team.name + "   ";
        entry += a.option ? std::string(1, static_cast<char>('1' + *a.option)) + "  " + q.options[*a.option].text : "—";
        label(entry, ctx.fonts.large, pending_team_ == t ? ctx.palette.accent : 0u);
        if (revealed) {
            ImGui::SameLine();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::Dummy(ImVec2(side, side));
            draw_mark(ImGui::GetWindowDrawList(), ImVec2(at.x + side / 2, at.y + side / 2), side * 0.45f, a.correct,
                      a.correct ? ctx.palette.right : ctx.palette.wrong);
            ImGui::SameLine();
            const std::string verdict = std::string(ctx.t(a.correct ? T::Right : T::NotRight)) + "  " +
                                        fill_in(ctx.t(for_count(a.points, T::Point, T::Points)), {{"n", number_text(a.points, ctx.lang)}});
            label(verdict, ctx.fonts.large, a.correct ? ctx.palette.right : ctx.palette.wrong);
        }
        // The whole row is the team's button (a click, or Tab/arrows and Enter): choose it
        // for an entry, or mark it after the reveal.
        const ImVec2 row_max(row_min.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
        ImGui::SetCursorScreenPos(row_min);
        const bool clicked = ImGui::InvisibleButton("row", ImVec2(row_max.x - row_min.x, row_max.y - row_min.y));
        frame_log().widget("team-" + std::to_string(t + 1), row_min, row_max);
        if (focus_item() || clicked) {
            if (revealed) intent = Intent::for_team(Do::TeamMark, t);
            else pending_team_ = t;
        }
        ImGui::PopID();
    }
    end_focus_group();
    if (pending_team_ && !revealed)
        text(fill_in(ctx.t(T::TeamWhich), {{"t", game->teams()[*pending_team_].name}}), ctx.fonts.large, ctx.palette.accent);
    ImGui::Spacing();

    // The teacher's buttons.
    if (!revealed) {
        if (primary_button(ctx.t(T::Reveal), ctx)) intent = Intent::to(Do::TeamReveal);
        ImGui::SameLine();
        if (button(ctx.t(game->paused() ? T::Resume : T::Pause))) intent = Intent::to(Do::TeamPause);
    } else if (primary_button(ctx.t(T::Next), ctx)) {
        intent = Intent::to(Do::TeamNext);
    }
    ImGui::SameLine();
    if (button(ctx.t(T::Skip))) intent = Intent::to(Do::TeamSkip);
    ImGui::SameLine();
    ImGui::BeginDisabled(!revealed && game->index() == 0);
    if (button(ctx.t(T::BackOne))) intent = Intent::to(Do::TeamBack);
    ImGui::EndDisabled();
    const std::string help = revealed ? ctx.t(T::TeamMarkKeys)
                                      : fill_in(ctx.t(T::TeamKeys), {{"n", number_text(static_cast<long long>(game->teams().size()), ctx.lang)}});
    text(help + "    " + ctx.t(T::EscLeave), ctx.fonts.body, ctx.palette.muted);
    return intent;
}

} // namespace chronicle::ui
