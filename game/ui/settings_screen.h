// Settings: interface language, text size, theme, sound. Changes apply at once.
#pragma once
#include "core/store/settings.h"
#include "ui/widgets.h"

namespace chronicle::ui {

enum class SettingsAction { None, Changed, Back };

SettingsAction draw_settings(Settings& settings, const UiContext& ctx);

} // namespace chronicle::ui
