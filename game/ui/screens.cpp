#include <SDL_scancode.h>

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
    Intent intent = draw_content(model, ctx);
    if (intent.what == Intent::Do::Nothing && key_pressed(SDL_SCANCODE_ESCAPE)) intent = on_escape();
    ImGui::End();
    ImGui::PopStyleVar();
    return intent;
}

std::vector<std::unique_ptr<Screen>> make_screens() {
    std::vector<std::unique_ptr<Screen>> screens;
#define CHRONICLE_MAKE_SCREEN(id, type) screens.push_back(std::make_unique<type>());
    CHRONICLE_SCREENS(CHRONICLE_MAKE_SCREEN)
#undef CHRONICLE_MAKE_SCREEN
    return screens;
}

} // namespace chronicle::ui
