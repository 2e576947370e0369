#include "ui/class_setup_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"

namespace chronicle::ui {

namespace {

// The chosen pack's title in the interface's language (or the pack's own).
std::string pack_title(const Play& play, Lang lang) {
    const LibraryEntry* entry = play.chosen();
    if (!entry || !entry->summary) return {};
    const PackSummary& p = *entry->summary;
    const std::string code = lang_code(lang);
    return p.text(p.title, p.has_language(code) ? code : p.default_language);
}

} // namespace

Intent ClassSetupScreen::draw_content(Model& model, const UiContext& ctx) {
    ClassSetup& setup = model.class_setup;
    ClassSettings& game = setup.settings;
    Settings& settings = model.play.settings();
    Intent intent;
    // Enter that ends typing the port does not open the lobby (the field lets go of it this frame).
    const bool typing = ImGui::IsAnyItemActive();
    text(ctx.t(T::ClassTitle), ctx.fonts.title);
    text(ctx.t(T::ClassHelp), ctx.fonts.body, ctx.palette.muted);
    text(fill_in(ctx.t(T::PackName), {{"p", pack_title(model.play, ctx.lang)}}), ctx.fonts.large);
    ImGui::Spacing();
    if (begin_named_rows("class")) {
        const auto row = [&ctx](T name) { named_row(ctx.t(name), ctx); };
        row(T::Length);
        const std::pair<int, std::string> lengths[] = {{5, "5##length"}, {10, "10##length"}, {15, "15##length"}, {20, "20##length"}};
        choice_row(setup.questions, lengths, ctx);
        row(T::Difficulty);
        const std::pair<Difficulty, std::string> levels[] = {
            {Difficulty::Easy, ctx.t(T::Easy)}, {Difficulty::Normal, ctx.t(T::Normal)}, {Difficulty::Hard, ctx.t(T::Hard)}};
        if (choice_row(settings.difficulty, levels, ctx)) intent = Intent::to(Intent::Do::SaveSettings);
        row(T::TimePerQuestion);
        std::pair<int64_t, std::string> times[4];
        const int seconds[] = {10, 20, 30, 60};
        for (size_t i = 0; i < 4; ++i)
            times[i] = {seconds[i] * int64_t{1000}, fill_in(ctx.t(T::SecondsN), {{"n", std::to_string(seconds[i])}}) + "##time"};
        choice_row(game.time_limit_ms, times, ctx);
        row(T::Mode);
        const std::pair<ClassMode, std::string> modes[] = {{ClassMode::Live, ctx.t(T::ClassLive)},
                                                           {ClassMode::SelfPaced, ctx.t(T::ClassSelfPaced)}};
        choice_row(game.mode, modes, ctx);
        row(T::TextsOnPhones);
        const std::pair<bool, std::string> texts[] = {{true, std::string(ctx.t(T::On)) + "##texts"},
                                                      {false, std::string(ctx.t(T::Off)) + "##texts"}};
        choice_row(game.texts_on_phones, texts, ctx);
        row(T::Port);
        ImGui::SetNextItemWidth(layout_size(ctx.fonts.body) * 6);
        ImGui::InputInt("##port", &setup.port, 0);
        setup.port = std::clamp(setup.port, 0, 65535);
        frame_log().widget("port", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (primary_button(ctx.t(T::OpenLobby), ctx, ImVec2(ImGui::GetContentRegionAvail().x, 0)) ||
        (!typing && (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))))
        intent = Intent::to(Intent::Do::ClassOpen);
    if (!setup.error.empty()) text(fill_in(ctx.t(T::LobbyFailed), {{"e", setup.error}}), ctx.fonts.body, ctx.palette.wrong);
    if (model.start_problem == StartProblem::NoQuestions) text(ctx.t(T::NoQuestions), ctx.fonts.body, ctx.palette.wrong);
    text(ctx.t(T::TeamSetupKeys), ctx.fonts.body, ctx.palette.muted);
    return intent;
}

} // namespace chronicle::ui
