#include "ui/team_setup_screen.h"

#include <SDL_scancode.h>

#include <array>

#include "core/play/team_game.h"
#include "core/quiz/phrases.h"
#include "ui/team_parts.h"

namespace chronicle::ui {

// Three teams to begin with, named in the interface's language.
void TeamSetupScreen::enter(Model& model, const UiContext& ctx) {
    std::vector<std::string>& names = model.team_setup.names;
    if (names.empty())
        for (size_t i = 0; i < 3; ++i) names.push_back(team_name(i, ctx.lang));
}

Intent TeamSetupScreen::draw_content(Model& model, const UiContext& ctx) {
    TeamSetup& setup = model.team_setup;
    Intent intent;
    // Enter that ends typing a name does not start the game (the field lets go of it this frame).
    const bool typing = ImGui::IsAnyItemActive();
    text(ctx.t(T::ProjectorTitle), ctx.fonts.title);
    text(ctx.t(T::ProjectorHelp), ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    text(ctx.t(T::Teams), ctx.fonts.large);
    const float side = ImGui::GetFrameHeight();
    for (size_t i = 0; i < setup.names.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        team_swatch(static_cast<int>(i), side);
        ImGui::SameLine();
        std::array<char, 128> buffer{};
        setup.names[i].copy(buffer.data(), buffer.size() - 1);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
        if (ImGui::InputText("##name", buffer.data(), buffer.size())) {
            setup.names[i] = buffer.data();
            intent = Intent::to(Intent::Do::TeamNames);
        }
        frame_log().text(setup.names[i]);
        frame_log().widget("team-name-" + std::to_string(i + 1), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        ImGui::PopID();
    }
    ImGui::BeginDisabled(setup.names.size() >= kMaxTeams);
    if (button(ctx.t(T::AddTeam))) {
        setup.names.push_back(team_name(setup.names.size(), ctx.lang));
        intent = Intent::to(Intent::Do::TeamNames);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(setup.names.size() <= kMinTeams);
    if (button(ctx.t(T::RemoveTeam))) setup.names.pop_back();
    ImGui::EndDisabled();
    ImGui::Spacing();
    text(ctx.t(T::Length), ctx.fonts.large);
    for (int n : {5, 10, 15, 20}) {
        if (choice_button(std::to_string(n), setup.questions == n, ctx)) setup.questions = n;
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Spacing();
    if (primary_button(ctx.t(T::Start), ctx, ImVec2(ImGui::GetContentRegionAvail().x, 0)) ||
        (!typing && (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))))
        intent = Intent::to(Intent::Do::TeamStart);
    if (model.start_problem == StartProblem::NoQuestions) text(ctx.t(T::NoQuestions), ctx.fonts.body, ctx.palette.wrong);
    text(ctx.t(T::TeamSetupKeys), ctx.fonts.body, ctx.palette.muted);
    return intent;
}

} // namespace chronicle::ui
