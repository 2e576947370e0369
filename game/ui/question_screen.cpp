#include "ui/question_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"
#include "ui/tiles.h"

namespace chronicle::ui {

namespace {

// The header every question shares: progress, and score and streak (not in Test).
void draw_status(const Round& round, const UiContext& ctx) {
    const QuizSession& session = round.session();
    const size_t number = session.index() + 1, total = session.quiz().questions.size();
    const std::string progress = fill_in(ctx.t(T::Progress), {{"i", number_text(static_cast<long long>(number), ctx.lang)}, {"n", number_text(static_cast<long long>(total), ctx.lang)}});
    text(progress, ctx.fonts.body, ctx.palette.muted);
    if (round.shows_progress()) {
        const std::string score = fill_in(ctx.t(T::Score), {{"n", number_text(session.score().points, ctx.lang)}});
        const std::string streak = fill_in(ctx.t(T::Streak), {{"n", number_text(session.score().streak, ctx.lang)}});
        const std::string right = score + "   " + streak;
        ImGui::PushFont(ctx.fonts.body);
        const float width = ImGui::CalcTextSize(right.c_str()).x;
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        text(right, ctx.fonts.body);
    }
    ImGui::ProgressBar(static_cast<float>(number - 1) / static_cast<float>(std::max<size_t>(1, total)), ImVec2(-1, 6 * ctx.scale), "");
}

// The clock's number is a size above the prompt's; the ring fits around it.
ImFont* clock_font(ImFont* prompt, const UiContext& ctx) { return prompt == ctx.fonts.large ? ctx.fonts.title : ctx.fonts.large; }
// A Learn question (no round) has no clock.
float clock_diameter(const Round* round, ImFont* prompt, const UiContext& ctx) {
    return round && round->ms_left(ctx.now_ms) ? countdown_diameter(clock_font(prompt, ctx)) : 0.0f; // paused too
}

void draw_clock(const Round* round, ImVec2 top_right, ImFont* prompt, const UiContext& ctx) {
    if (!round) return;
    if (const std::optional<int64_t> ms = round->ms_left(ctx.now_ms))
        draw_countdown(*ms, round->time_limit_ms(), round->clock_running(), top_right, clock_font(prompt, ctx), ctx);
}

// A Learn session's header: how many facts are due and new.
void draw_learn_status(const LearnSession& learn, const UiContext& ctx) {
    text(fill_in(ctx.t(T::LearnStatus), {{"d", number_text(static_cast<long long>(learn.due_left()), ctx.lang)},
                                         {"n", number_text(static_cast<long long>(learn.new_left()), ctx.lang)}}),
         ctx.fonts.body, ctx.palette.muted);
}

// The line under the options: how to answer.
// Esc asks before it leaves a quiz; a Learn session (round null) has nothing to lose.
std::string hint_of(const Question& q, const Round* round, const UiContext& ctx) {
    const char* esc = ctx.t(round ? T::EscLeave : T::EscLearn);
    if (asks_for_order(q.kind)) return std::string(ctx.t(T::OrderHelp)) + "    " + esc;
    const size_t n = q.options.size();
    const std::string last_letter(1, static_cast<char>('A' + n - 1));
    return fill_in(ctx.t(T::AnswerKeys), {{"n", number_text(static_cast<long long>(n), ctx.lang)}, {"l", last_letter}}) + "    " + esc;
}

// Below the options: a gap, the hint (if there is room for it) and for an order the
// Confirm button (ImGui counts no spacing after the last item).
float footer_height(const Question& q, float width, const std::string& hint, const UiContext& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return (!hint.empty() ? style.ItemSpacing.y + wrapped_height(hint, ctx.fonts.body, width) : 0.0f) +
           (asks_for_order(q.kind) ? style.ItemSpacing.y + ImGui::GetFrameHeight() : 0.0f);
}

struct Fit {
    ImFont* prompt;
    ImFont* options;
    std::string hint; // the line that says how to answer, or none (the tiles carry their keys anyway)
};

// The prompt's and the options' type: the largest with which the question (and its
// clock), its options, the hint and (for an order) the button fit `height`; the hint
// goes before the type gets smaller than the smallest.
Fit fit_question(const Question& q, const Round* round, float width, float height, const UiContext& ctx) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool ordered = asks_for_order(q.kind);
    auto options_height = [&](ImFont* font) {
        return ordered ? order_rows_height(q, width, font) : plan_tiles(q, width, font, ctx).min_height;
    };
    const std::string full_hint = hint_of(q, round, ctx);
    for (const std::string& hint : {full_hint, std::string()})
        for (ImFont* prompt : {ctx.fonts.large, ctx.fonts.body, ctx.fonts.small}) {
            const float clock = clock_diameter(round, prompt, ctx);
            const float prompt_width = width - (clock > 0 ? clock + style.ItemSpacing.x : 0.0f);
            const float prompt_height = std::max(clock, wrapped_height(q.prompt, prompt, prompt_width));
            const float rest = height - footer_height(q, width, hint, ctx) - prompt_height - style.ItemSpacing.y * 2;
            ImFont* options = fitting_font(ctx.fonts, rest, options_height);
            if (options_height(options) <= rest) return {prompt, options, hint};
        }
    return {ctx.fonts.small, ctx.fonts.small, ""};
}

} // namespace

void QuestionScreen::enter(Model& model, const UiContext& /*ctx*/) {
    if (model.resuming) return; // the order the player was building stays
    arrangement_.clear();
    selected_ = 0;
    pressed_.reset();
    dragging_.reset();
}

Intent QuestionScreen::draw_choices(const Question& q, ImFont* font, float height, const std::string& hint, const UiContext& ctx) {
    Intent intent;
    const size_t n = q.options.size();
    const float width = ImGui::GetContentRegionAvail().x;
    const TilePlan plan = plan_tiles(q, width, font, ctx);
    if (const std::optional<size_t> clicked = draw_tiles(q, plan, height, ctx)) intent = Intent::answer({*clicked});
    for (size_t i = 0; i < n && i < 9; ++i) {
        const int offset = static_cast<int>(i);
        if (key_pressed(SDL_SCANCODE_1 + offset) || key_pressed(SDL_SCANCODE_KP_1 + offset) || key_pressed(SDL_SCANCODE_A + offset))
            intent = Intent::answer({i});
    }
    if (!hint.empty()) text(hint, ctx.fonts.body, ctx.palette.muted);
    return intent;
}

Intent QuestionScreen::draw_order(const Question& q, ImFont* font, const std::string& hint, const UiContext& ctx) {
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

    // The rows' places as laid out; the mouse acts on these.
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    std::vector<float> tops(n), heights(n);
    for (size_t row = 0; row < n; ++row) {
        const std::string& label = q.options[arrangement_[row]].text;
        heights[row] = order_row_height(label, width, font);
        tops[row] = ImGui::GetCursorScreenPos().y;
        ImGui::PushID(static_cast<int>(row));
        ImGui::InvisibleButton("row", ImVec2(width, heights[row]));
        ImGui::PopID();
        frame_log().widget(label, ImVec2(ImGui::GetItemRectMin()), ImVec2(ImGui::GetItemRectMax()));
        if (ImGui::IsItemActivated()) {
            selected_ = row;
            pressed_ = row;
            grab_dy_ = io.MousePos.y - tops[row];
        }
    }
    const float left = ImGui::GetItemRectMin().x;
    if (pressed_ && !dragging_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f)) dragging_ = pressed_;

    // Where the dragged row would land: before the first other row whose middle is below its middle.
    size_t landing = 0;
    if (dragging_) {
        const float middle = io.MousePos.y - grab_dy_ + heights[*dragging_] / 2;
        for (size_t row = 0; row < n; ++row)
            if (row != *dragging_ && tops[row] + heights[row] / 2 < middle) ++landing;
    }
    // The other rows close up around the dragged one and open a gap where it will land.
    clear_tile_records();
    float y = tops[0];
    size_t slot = 0;
    for (size_t row = 0; row < n; ++row) {
        if (dragging_ && row == *dragging_) continue;
        if (dragging_ && slot == landing) y += heights[*dragging_] + spacing;
        OrderRow r{q.options[arrangement_[row]].text, place_text((dragging_ && slot >= landing ? slot + 1 : slot) + 1, ctx),
                   !dragging_ && row == selected_, false, false, false, 0, std::nullopt};
        if (!dragging_) r.badge = place_text(row + 1, ctx);
        draw_order_row(r, ImVec2(left, y), width, heights[row], font, ctx);
        y += heights[row] + spacing;
        ++slot;
    }
    if (dragging_) {
        const size_t row = *dragging_;
        OrderRow r{q.options[arrangement_[row]].text, place_text(landing + 1, ctx), false, true, false, false, 0, std::nullopt};
        draw_order_row(r, ImVec2(left + 8 * ctx.scale, io.MousePos.y - grab_dy_), width, heights[row], font, ctx);
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (dragging_ && *dragging_ < n) {
            const size_t moved = arrangement_[*dragging_];
            arrangement_.erase(arrangement_.begin() + static_cast<std::ptrdiff_t>(*dragging_));
            arrangement_.insert(arrangement_.begin() + static_cast<std::ptrdiff_t>(landing), moved);
            selected_ = landing;
        }
        pressed_.reset();
        dragging_.reset();
    }

    if (!hint.empty()) text(hint, ctx.fonts.body, ctx.palette.muted);
    if (primary_button(ctx.t(T::ConfirmOrder), ctx) || key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))
        return Intent::answer(arrangement_);
    return {};
}

Intent QuestionScreen::draw_content(Model& model, const UiContext& ctx) {
    const Round* round = nullptr;
    const Question* asked = nullptr;
    if (const LearnSession* learn = model.play.learn()) {
        if (learn->step() != LearnStep::Asking) return Intent::to(Intent::Do::Home);
        asked = &learn->question();
        draw_learn_status(*learn, ctx);
    } else {
        round = model.play.round();
        if (!round || round->step() != RoundStep::Asking) return Intent::to(Intent::Do::Home);
        asked = &round->question();
        draw_status(*round, ctx);
    }
    const Question& q = *asked;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const Fit fit = fit_question(q, round, avail.x, avail.y, ctx);
    const float clock = clock_diameter(round, fit.prompt, ctx);
    const float margin = clock > 0 ? clock + ImGui::GetStyle().ItemSpacing.x : 0.0f;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw_clock(round, ImVec2(top.x + avail.x, top.y), fit.prompt, ctx);
    ImGui::BeginGroup(); // the prompt, at least as tall as the clock beside it
    text(q.prompt, fit.prompt, 0, margin);
    if (const float below = top.y + clock - ImGui::GetCursorScreenPos().y; below > 0) ImGui::Dummy(ImVec2(0, below));
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 0)); // a gap between the prompt and the options
    if (asks_for_order(q.kind)) return draw_order(q, fit.options, fit.hint, ctx);
    return draw_choices(q, fit.options, ImGui::GetContentRegionAvail().y - footer_height(q, avail.x, fit.hint, ctx), fit.hint, ctx);
}

} // namespace chronicle::ui
