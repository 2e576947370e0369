#include "ui/class_progress_screen.h"

#include <algorithm>

#include "core/quiz/phrases.h"
#include "ui/class_parts.h"

namespace chronicle::ui {

LeaveWords ClassProgressScreen::leave_words() const { return class_leave_words(); }

Intent ClassProgressScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const ClassGame* game = model.class_view.game;
    if (!game) return Intent::to(Do::Home);
    if (game->phase() != ClassPhase::Running) return {}; // the window shows the phase's screen next
    const size_t total = game->quiz().questions.size();
    const std::vector<Standing> standings = game->standings();
    const long long finished = std::count_if(standings.begin(), standings.end(),
                                             [game](const Standing& s) { return game->players()[s.entrant].finished; });
    text(ctx.t(T::ClassProgress), ctx.fonts.title);
    text(fill_in(ctx.t(T::FinishedCount), {{"a", number_text(finished, ctx.lang)},
                                           {"n", number_text(static_cast<long long>(standings.size()), ctx.lang)}}),
         ctx.fonts.large, ctx.palette.accent);
    ImGui::Spacing();
    Intent intent;
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("players", ImVec2(0, std::max(ImGui::GetFrameHeight() * 3, ImGui::GetContentRegionAvail().y - footer)), false);
    ImFont* font = ctx.fonts.large;
    const float name_width = ImGui::GetContentRegionAvail().x * 0.3f;
    // Columns apart enough to read across a room.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetStyle().ItemSpacing.x * 2, ImGui::GetStyle().ItemSpacing.y * 0.5f));
    const bool table = ImGui::BeginTable("progress", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg);
    ImGui::PopStyleVar();
    if (table) {
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, name_width);
        ImGui::TableSetupColumn("question", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableNextRow();
        for (T heading : {T::Nickname, T::QuestionColumn, T::ScoreColumn}) {
            ImGui::TableNextColumn();
            label(ctx.t(heading), ctx.fonts.body, ctx.palette.muted);
        }
        for (const Standing& s : standings) {
            const ClassPlayer& p = game->players()[s.entrant];
            // Done: the questions answered (the one on screen once answered).
            const size_t done = p.finished ? total : p.at + (p.answers.at(p.at).answered ? 1 : 0);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            nickname(p.name, font, name_width);
            ImGui::TableNextColumn();
            label(p.finished ? std::string(ctx.t(T::DoneMark))
                             : number_text(static_cast<long long>(p.at + 1), ctx.lang) + "/" + number_text(static_cast<long long>(total), ctx.lang),
                  font, p.finished ? ctx.palette.right : 0u);
            ImGui::TableNextColumn();
            label(number_text(s.points, ctx.lang), font);
            ImGui::TableNextColumn();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x, height = layout_size(font);
            ImGui::Dummy(ImVec2(width, height));
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float rounding = height / 2;
            dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ctx.palette.card, rounding);
            const float share = total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f;
            if (done > 0) dl->AddRectFilled(at, ImVec2(at.x + std::max(height, width * share), at.y + height), p.finished ? ctx.palette.right : ctx.palette.accent, rounding);
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    if (primary_button(ctx.t(T::EndClass), ctx)) intent = Intent::to(Do::AskLeave);
    return intent;
}

} // namespace chronicle::ui
