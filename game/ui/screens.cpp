#include <SDL_scancode.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "ui/feedback_screen.h"
#include "ui/home_screen.h"
#include "ui/leaderboard_screen.h"
#include "ui/podium_screen.h"
#include "ui/question_screen.h"
#include "ui/results_screen.h"
#include "ui/screen.h"
#include "ui/settings_screen.h"
#include "ui/team_question_screen.h"
#include "ui/team_setup_screen.h"

namespace chronicle::ui {

Intent Screen::draw(Model& model, const UiContext& ctx) {
    const float alpha = opacity(ctx);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
    begin_screen(window_id());
    const void* page = ImGui::GetCurrentWindow();
    ImGui::SetWindowFontScale(fit_);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x * fit_, style.ItemSpacing.y * fit_));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x * fit_, style.FramePadding.y * fit_));
    Intent intent = draw_content(model, ctx);
    if (intent.what == Intent::Do::Nothing && key_pressed(SDL_SCANCODE_ESCAPE)) intent = on_escape();
    ImGui::PopStyleVar(2);
    ImGui::End();
    ImGui::PopStyleVar();
    shrink_to_fit(page);
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
