// Settings: interface language, text size, theme, sound. Changes apply at once.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class SettingsScreen : public Screen {
private:
    const char* window_id() const override { return "settings"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
    Intent on_escape() const override { return Intent::to(Intent::Do::Back); }
};

} // namespace chronicle::ui
