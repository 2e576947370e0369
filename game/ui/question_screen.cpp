#include "ui/question_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"

namespace chronicle::ui {

namespace {

// The header every question shares: progress, score, streak and the clock.
void draw_status(const QuestionView& v, const UiContext& ctx) {
    const std::string progress = fill_in(fill_in(ctx.t(T::Progress), "i", std::to_string(v.number)), "n", std::to_string(v.total));
    const std::string score = fill_in(ctx.t(T::Score), "n", std::to_string(v.score));
    const std::string streak = fill_in(ctx.t(T::Streak), "n", std::to_string(v.streak));
    text(progress, ctx.fonts.body, ctx.palette.muted);
    ImGui::SameLine();
    const std::string right = score + "   " + streak;
    ImGui::PushFont(ctx.fonts.body);
    const float width = ImGui::CalcTextSize(right.c_str()).x;
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
    text(right, ctx.fonts.body);
    ImGui::ProgressBar(static_cast<float>(v.number - 1) / static_cast<float>(std::max(1, v.total)), ImVec2(-1, 6 * ctx.scale), "");
    if (v.time_left) {
        const std::string left = fill_in(ctx.t(T::SecondsLeft), "n", std::to_string(v.seconds_left));
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, *v.time_left < 0.25f ? ctx.palette.wrong : ctx.palette.accent);
        ImGui::ProgressBar(*v.time_left, ImVec2(-1, 0), left.c_str());
        ImGui::PopStyleColor();
        frame_log().text(left);
    }
}

QuestionChoice draw_choices(const Question& q, const UiContext& ctx) {
    QuestionChoice choice;
    const int n = static_cast<int>(q.options.size());
    const float width = ImGui::GetContentRegionAvail().x;
    for (int i = 0; i < n; ++i) {
        if (option_button(std::to_string(i + 1), q.options[static_cast<size_t>(i)].text, width, 0, ctx)) {
            choice.answered = true;
            choice.chosen = {i};
        }
    }
    for (int i = 0; i < n && i < 9; ++i) {
        if (key_pressed(SDL_SCANCODE_1 + i) || key_pressed(SDL_SCANCODE_KP_1 + i) || key_pressed(SDL_SCANCODE_A + i)) {
            choice.answered = true;
            choice.chosen = {i};
        }
    }
    const std::string last_letter(1, static_cast<char>('A' + n - 1));
    text(fill_in(fill_in(ctx.t(T::AnswerKeys), "n", std::to_string(n)), "l", last_letter) + "    " + ctx.t(T::EscBack),
         ctx.fonts.body, ctx.palette.muted);
    return choice;
}

QuestionChoice draw_order(const Question& q, OrderState& order, const UiContext& ctx) {
    QuestionChoice choice;
    const int n = static_cast<int>(q.options.size());
    if (static_cast<int>(order.arrangement.size()) != n) {
        order.arrangement.resize(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) order.arrangement[static_cast<size_t>(i)] = i;
        order.selected = 0;
    }
    // Keyboard: ↑/↓ select a row; Ctrl (or Alt) + ↑/↓ move it.
    const ImGuiIO& io = ImGui::GetIO();
    const bool move = io.KeyCtrl || io.KeyAlt;
    auto& arr = order.arrangement;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_UP) && order.selected > 0) {
        if (move) std::swap(arr[static_cast<size_t>(order.selected)], arr[static_cast<size_t>(order.selected - 1)]);
        --order.selected;
    }
    if (ImGui::IsKeyPressed(SDL_SCANCODE_DOWN) && order.selected + 1 < n) {
        if (move) std::swap(arr[static_cast<size_t>(order.selected)], arr[static_cast<size_t>(order.selected + 1)]);
        ++order.selected;
    }

    const float width = ImGui::GetContentRegionAvail().x;
    int drop_from = -1, drop_to = -1; // applied after the loop, so no row is drawn twice
    for (int row = 0; row < n; ++row) {
        const int option = arr[static_cast<size_t>(row)];
        ImGui::PushID(row);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        if (option_button(std::to_string(row + 1), q.options[static_cast<size_t>(option)].text, width, 0, ctx)) order.selected = row;
        if (row == order.selected)
            ImGui::GetWindowDrawList()->AddRect(top, ImGui::GetItemRectMax(), ctx.palette.accent, ImGui::GetStyle().FrameRounding, 0,
                                                3 * ctx.scale);
        // Drag a row onto another to move it there.
        if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceNoPreviewTooltip)) {
            ImGui::SetDragDropPayload("order-row", &row, sizeof row);
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("order-row")) {
                drop_from = *static_cast<const int*>(p->Data);
                drop_to = row;
            }
            ImGui::EndDragDropTarget();
        }
        ImGui::PopID();
    }
    if (drop_from >= 0 && drop_from < n) {
        const int moved = arr[static_cast<size_t>(drop_from)];
        arr.erase(arr.begin() + drop_from);
        arr.insert(arr.begin() + drop_to, moved);
        order.selected = drop_to;
    }
    text(std::string(ctx.t(T::OrderHelp)) + "    " + ctx.t(T::EscBack), ctx.fonts.body, ctx.palette.muted);
    if (primary_button(ctx.t(T::ConfirmOrder), ctx) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER)) {
        choice.answered = true;
        choice.chosen = arr;
    }
    return choice;
}

} // namespace

QuestionChoice draw_question(const QuestionView& view, OrderState& order, const UiContext& ctx) {
    begin_screen("question");
    draw_status(view, ctx);
    ImGui::Spacing();
    text(view.question.prompt, ctx.fonts.large);
    ImGui::Spacing();
    QuestionChoice choice = view.question.kind == Kind::Order ? draw_order(view.question, order, ctx)
                                                              : draw_choices(view.question, ctx);
    if (key_pressed(SDL_SCANCODE_ESCAPE)) choice.back = true;
    ImGui::End();
    return choice;
}

} // namespace chronicle::ui
