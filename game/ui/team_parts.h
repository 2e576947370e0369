// Pieces the projector screens share: the teams' colours and a team's swatch.
#pragma once
#include <cstddef>
#include <string>

#include "ui/widgets.h"

namespace chronicle::ui {

// Six colours far apart in hue and lightness (Okabe–Ito), one per team place.
unsigned team_colour(int index);

// The name a team has until the teacher types one: "Team 2" / "第2队".
std::string team_name(size_t index, Lang lang);

// A team's colour as a filled square of `side` at the cursor, on the current line.
void team_swatch(int colour, float side);

} // namespace chronicle::ui
