#include "ui/settings_screen.h"

#include <algorithm>

namespace chronicle::ui {

Intent SettingsScreen::draw_content(Model& model, const UiContext& ctx) {
    Settings& s = model.play.settings();
    Intent intent;
    auto changed = [&] { intent = Intent::to(Intent::Do::SaveSettings); };
    text(ctx.t(T::Settings), ctx.fonts.title);
    ImGui::Spacing();

    if (begin_named_rows("settings")) {
        const auto row = [&ctx](T name) { named_row(ctx.t(name), ctx); };
        row(T::Language);
        begin_focus_group();
        // Each language's name in itself, so a player can find their own.
        if (choice_button("中文", s.ui_lang == "zh", ctx) && s.ui_lang != "zh") s.ui_lang = "zh", changed();
        ImGui::SameLine();
        if (choice_button("English", s.ui_lang == "en", ctx) && s.ui_lang != "en") s.ui_lang = "en", changed();
        end_focus_group();

        row(T::TextSize);
        begin_focus_group();
        for (int size = kMinTextSize; size <= kMaxTextSize; size += 25) {
            if (size != kMinTextSize) ImGui::SameLine();
            if (choice_button(std::to_string(size) + "%", s.text_size == size, ctx) && s.text_size != size) s.text_size = size, changed();
        }
        end_focus_group();

        row(T::Theme);
        begin_focus_group();
        const std::pair<Theme, T> themes[] = {{Theme::Dark, T::ThemeDark}, {Theme::Light, T::ThemeLight}, {Theme::HighContrast, T::ThemeHighContrast}};
        for (const auto& [theme, name] : themes) {
            if (theme != Theme::Dark) ImGui::SameLine();
            if (choice_button(ctx.t(name), s.theme == theme, ctx) && s.theme != theme) s.theme = theme, changed();
        }
        end_focus_group();

        row(T::Sound);
        begin_focus_group();
        if (choice_button(std::string(ctx.t(T::On)) + "##sound", s.sound, ctx) && !s.sound) s.sound = true, changed();
        ImGui::SameLine();
        if (choice_button(std::string(ctx.t(T::Off)) + "##sound", !s.sound, ctx) && s.sound) s.sound = false, changed();
        end_focus_group();

        row(T::OrderScoring);
        begin_focus_group();
        bool& partial = s.partial_order_credit;
        if (choice_button(ctx.t(T::PartialCredit), partial, ctx) && !partial) partial = true, changed();
        ImGui::SameLine();
        if (choice_button(ctx.t(T::AllOrNothing), !partial, ctx) && partial) partial = false, changed();
        end_focus_group();

        // FSRS aims each review at this chance of recall; Anki's range and its default, 90 %.
        row(T::DesiredRetention);
        begin_focus_group();
        for (int retention : {80, 85, 90, 95}) {
            if (retention != 80) ImGui::SameLine();
            if (choice_button(std::to_string(retention) + "%##retention", s.desired_retention == retention, ctx) &&
                s.desired_retention != retention)
                s.desired_retention = retention, changed();
        }
        end_focus_group();

        row(T::NewPerDay);
        begin_focus_group();
        for (int count : {5, 10, 20, 50}) {
            if (count != 5) ImGui::SameLine();
            if (choice_button(std::to_string(count) + "##new", s.new_per_day == count, ctx) && s.new_per_day != count)
                s.new_per_day = count, changed();
        }
        end_focus_group();
        ImGui::EndTable();
    }
    text(ctx.t(T::DesiredRetentionHelp), ctx.fonts.body, ctx.palette.muted);

    ImGui::Spacing();
    ImGui::Spacing();
    if (back_button(ctx.t(T::Back), ctx)) intent = Intent::to(Intent::Do::Back);
    return intent;
}

} // namespace chronicle::ui
