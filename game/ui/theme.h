// Dark, light and high-contrast looks. Right and wrong are never told by colour
// alone (the screens add an icon and words), but the colours still differ in
// lightness so that they read apart for colour-blind players and on a projector.
#pragma once
#include "core/store/settings.h"

namespace chronicle::ui {

struct Palette {
    unsigned accent;     // ImU32 colours
    unsigned right;
    unsigned wrong;
    unsigned muted;      // secondary text
    unsigned card;       // card and option background
    unsigned card_hover;
    unsigned text;
    unsigned on_accent;  // text on the accent colour
    bool high_contrast = false; // outlines where other themes rely on fills
};

// Sets ImGui's style for `theme` at `scale` (text size × density) and returns the
// colours the screens draw with.
Palette apply_theme(Theme theme, float scale);

} // namespace chronicle::ui
