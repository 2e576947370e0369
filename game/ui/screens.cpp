#include <SDL_scancode.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>

#include "ui/class_leaderboard_screen.h"
#include "ui/class_lobby_screen.h"
#include "ui/class_podium_screen.h"
#include "ui/class_progress_screen.h"
#include "ui/class_question_screen.h"
#include "ui/class_reveal_screen.h"
#include "ui/class_setup_screen.h"
#include "ui/feedback_screen.h"
#include "ui/home_screen.h"
#include "ui/learn_done_screen.h"
#include "ui/leaderboard_screen.h"
#include "ui/podium_screen.h"
#include "ui/progress_screen.h"
#include "ui/question_screen.h"
#include "ui/results_screen.h"
#include "ui/screen.h"
#include "ui/settings_screen.h"
#include "ui/team_question_screen.h"
#include "ui/team_setup_screen.h"
#include "ui/timeline_screen.h"

namespace chronicle::ui {

namespace {

// "Leave this quiz?" over the page: Keep playing (focused first) or Leave; Esc keeps playing.
Intent draw_leave_dialog(const LeaveWords& words, const UiContext& ctx) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // The page behind is dimmed by a window of its own, above the page's panes and below the dialog.
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::SetNextWindowBgAlpha(0.45f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 255));
    ImGui::Begin("leave-dim", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::End();
    ImGui::PopStyleColor();
    const float width = std::min(vp->WorkSize.x * 0.9f, 560 * ctx.scale);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(2.0f, 2 * ctx.scale));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
    ImGui::Begin("leave", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::SetWindowFocus();
    Intent intent;
    text(ctx.t(words.title), ctx.fonts.title);
    text(ctx.t(words.help), ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    begin_focus_group();
    const int chosen = button_pair(ctx.t(words.stay), ctx.t(words.leave), ctx, false);
    end_focus_group();
    if (chosen == 1) intent = Intent::to(Intent::Do::KeepPlaying);
    if (chosen == 2) intent = Intent::to(Intent::Do::Leave);
    if (intent.what == Intent::Do::Nothing && key_pressed(SDL_SCANCODE_ESCAPE)) intent = Intent::to(Intent::Do::KeepPlaying);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    return intent;
}

} // namespace

Intent Screen::draw(Model& model, const UiContext& ctx) {
    const bool asking = model.asking_leave;
    begin_focus_frame(ctx);
    const float alpha = opacity(ctx);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
    begin_screen(window_id());
    const void* page = ImGui::GetCurrentWindow();
    ImGui::SetWindowFontScale(fit_);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x * fit_, style.ItemSpacing.y * fit_));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x * fit_, style.FramePadding.y * fit_));
    // Under the dialog the page is drawn as it was, but takes no keys, clicks or focus.
    ImGuiIO& io = ImGui::GetIO();
    float key_durations[IM_ARRAYSIZE(io.KeysDownDuration)];
    if (asking) {
        std::copy(std::begin(io.KeysDownDuration), std::end(io.KeysDownDuration), key_durations);
        std::fill(std::begin(io.KeysDownDuration), std::end(io.KeysDownDuration), -1.0f);
        suspend_focus(true);
        ImGui::BeginDisabled();
    }
    Intent intent = draw_content(model, ctx);
    if (asking) {
        ImGui::EndDisabled();
        suspend_focus(false);
        std::copy(std::begin(key_durations), std::end(key_durations), io.KeysDownDuration);
        intent = Intent::nothing();
    }
    if (intent.what == Intent::Do::Nothing && !asking && key_pressed(SDL_SCANCODE_ESCAPE)) intent = on_escape();
    ImGui::PopStyleVar(2);
    ImGui::End();
    ImGui::PopStyleVar();
    shrink_to_fit(page);
    if (asking) intent = draw_leave_dialog(leave_words(), ctx);
    return intent;
}

void Screen::shrink_to_fit(const void* page) {
    // The first frame after refit() sees scroll limits left from the last time; the
    // second sees what the first drew.
    if (!measured_) {
        measured_ = true;
        return;
    }
    constexpr float kMinFit = 0.45f;
    const char* pane = scrolling_pane();
    float ratio = 1.0f;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (!w->Active || w->RootWindow != page || w->ScrollMax.y <= 0) continue;
        if (pane && w != page && std::strstr(w->Name, pane)) continue;
        const float shown = w->InnerRect.GetHeight();
        if (shown > 0) ratio = std::min(ratio, shown / (shown + w->ScrollMax.y));
    }
    // Half way (in proportion) each frame: a pane grows as the page's header shrinks,
    // so the whole way at once would overshoot.
    if (ratio < 1.0f) fit_ = std::max(kMinFit, std::min(fit_ - 0.05f, std::floor(fit_ * std::sqrt(ratio) * 20.0f) / 20.0f));
}

std::vector<std::unique_ptr<Screen>> make_screens() {
    std::vector<std::unique_ptr<Screen>> screens;
#define CHRONICLE_MAKE_SCREEN(id, type) screens.push_back(std::make_unique<type>());
    CHRONICLE_SCREENS(CHRONICLE_MAKE_SCREEN)
#undef CHRONICLE_MAKE_SCREEN
    return screens;
}

} // namespace chronicle::ui
