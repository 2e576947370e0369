#include "ui/question_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"

namespace chronicle::ui {

namespace {

// The header every question shares: progress, score, streak and the clock.
void draw_status(const Round& round, const UiContext& ctx) {
    const QuizSession& session = round.session();
    const size_t number = session.index() + 1, total = session.quiz().questions.size();
    const std::string progress = fill_in(ctx.t(T::Progress), {{"i", number_text(static_cast<long long>(number), ctx.lang)}, {"n", number_text(static_cast<long long>(total), ctx.lang)}});
    const std::string score = fill_in(ctx.t(T::Score), {{"n", number_text(session.score().points, ctx.lang)}});
    const std::string streak = fill_in(ctx.t(T::Streak), {{"n", number_text(session.score().streak, ctx.lang)}});
    text(progress, ctx.fonts.body, ctx.palette.muted);
    ImGui::SameLine();
    const std::string right = score + "   " + streak;
    ImGui::PushFont(ctx.fonts.body);
    const float width = ImGui::CalcTextSize(right.c_str()).x;
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
    text(right, ctx.fonts.body);
    ImGui::ProgressBar(static_cast<float>(number - 1) / static_cast<float>(std::max<size_t>(1, total)), ImVec2(-1, 6 * ctx.scale), "");
    if (const std::optional<int64_t> ms = round.ms_left(ctx.now_ms)) {
        const float share = static_cast<float>(*ms) / static_cast<float>(session.rules().time_limit_ms);
        const std::string left = fill_in(ctx.t(T::SecondsLeft), {{"n", number_text((*ms + 999) / 1000, ctx.lang)}});
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, share < 0.25f ? ctx.palette.wrong : ctx.palette.accent);
        ImGui::ProgressBar(share, ImVec2(-1, 0), left.c_str());
        ImGui::PopStyleColor();
        frame_log().text(left);
        if (round.clock_running()) // not while paused under "Leave this quiz?"
            ctx.redraw_at(ctx.now_ms + static_cast<uint64_t>(*ms % 1000 == 0 ? 1000 : *ms % 1000)); // the next whole second
    }
}

} // namespace

void QuestionScreen::enter(Model& /*model*/, const UiContext& /*ctx*/) {
    arrangement_.clear();
    selected_ = 0;
}

Intent QuestionScreen::draw_choices(const Question& q, const UiContext& ctx) {
    Intent intent;
    const size_t n = q.options.size();
    const float width = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < n; ++i)
        if (option_button(std::to_string(i + 1), q.options[i].text, width, ctx)) intent = Intent::answer({i});
    for (size_t i = 0; i < n && i < 9; ++i) {
        const int offset = static_cast<int>(i);
        if (key_pressed(SDL_SCANCODE_1 + offset) || key_pressed(SDL_SCANCODE_KP_1 + offset) || key_pressed(SDL_SCANCODE_A + offset))
            intent = Intent::answer({i});
    }
    const std::string last_letter(1, static_cast<char>('A' + n - 1));
    text(fill_in(ctx.t(T::AnswerKeys), {{"n", std::to_string(n)}, {"l", last_letter}}) + "    " + ctx.t(T::EscBack),
         ctx.fonts.body, ctx.palette.muted);
    return intent;
}

Intent QuestionScreen::draw_order(const Question& q, const UiContext& ctx) {
    const size_t n = q.options.size();
    if (arrangement_.size() != n) {
        arrangement_.resize(n);
        for (size_t i = 0; i < n; ++i) arrangement_[i] = i;
        selected_ = 0;
    }
    // Keyboard: ↑/↓ select a row; Ctrl (or Alt) + ↑/↓ move it.
    const ImGuiIO& io = ImGui::GetIO();
    const bool move = io.KeyCtrl || io.KeyAlt;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_UP) && selected_ > 0) {
        if (move) std::swap(arrangement_[selected_], arrangement_[selected_ - 1]);
        --selected_;
    }
    if (ImGui::IsKeyPressed(SDL_SCANCODE_DOWN) && selected_ + 1 < n) {
        if (move) std::swap(arrangement_[selected_], arrangement_[selected_ + 1]);
        ++selected_;
    }

    const float width = ImGui::GetContentRegionAvail().x;
    std::optional<std::pair<size_t, size_t>> drop; // (from, to), applied after the loop so no row is drawn twice
    for (size_t row = 0; row < n; ++row) {
        ImGui::PushID(static_cast<int>(row));
        const ImVec2 top = ImGui::GetCursorScreenPos();
        if (option_button(std::to_string(row + 1), q.options[arrangement_[row]].text, width, ctx)) selected_ = row;
        if (row == selected_)
            ImGui::GetWindowDrawList()->AddRect(top, ImGui::GetItemRectMax(), ctx.palette.accent, ImGui::GetStyle().FrameRounding, 0,
                                                3 * ctx.scale);
        // Drag a row onto another to move it there.
        if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceNoPreviewTooltip)) {
            ImGui::SetDragDropPayload("order-row", &row, sizeof row);
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("order-row")) drop.emplace(*static_cast<const size_t*>(p->Data), row);
            ImGui::EndDragDropTarget();
        }
        ImGui::PopID();
    }
    if (drop && drop->first < n) {
        const size_t moved = arrangement_[drop->first];
        arrangement_.erase(arrangement_.begin() + static_cast<std::ptrdiff_t>(drop->first));
        arrangement_.insert(arrangement_.begin() + static_cast<std::ptrdiff_t>(drop->second), moved);
        selected_ = drop->second;
    }
    text(std::string(ctx.t(T::OrderHelp)) + "    " + ctx.t(T::EscBack), ctx.fonts.body, ctx.palette.muted);
    if (primary_button(ctx.t(T::ConfirmOrder), ctx) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        return Intent::answer(arrangement_);
    return {};
}

Intent QuestionScreen::draw_content(Model& model, const UiContext& ctx) {
    const Round* round = model.play.round();
    if (!round || round->step() != RoundStep::Asking) return Intent::to(Intent::Do::Home);
    const Question& q = round->question();
    draw_status(*round, ctx);
    ImGui::Spacing();
    text(q.prompt, ctx.fonts.large);
    ImGui::Spacing();
    return asks_for_order(q.kind) ? draw_order(q, ctx) : draw_choices(q, ctx);
}

} // namespace chronicle::ui
