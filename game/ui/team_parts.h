// Pieces the projector screens share: the teams' colours, an answer option box (one
// function, so that the shared answer tiles can take its place), a team's swatch.
#pragma once
#include <cstddef>
#include <string>

#include "ui/widgets.h"

namespace chronicle::ui {

// Six colours far apart in hue and lightness (Okabe–Ito), one per team place.
unsigned team_colour(int index);

// How an option box is drawn: before the reveal, the right one, or a wrong one after it.
enum class OptionLook { Open, Right, Dimmed };

// An option of a projector question at the cursor: its key (1–4) and its text in the
// large font, in a box of `size`; true when clicked.
bool team_option_box(size_t index, const std::string& text, ImVec2 size, OptionLook look, const UiContext& ctx);

// A team's colour as a filled square of `side` at the cursor, on the current line.
void team_swatch(int colour, float side);

} // namespace chronicle::ui
