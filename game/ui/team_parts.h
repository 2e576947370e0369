// Pieces the projector screens share (the teams' game and the class's): the teams'
// colours and a team's swatch, the standings as bars, the podium.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ui/widgets.h"

namespace chronicle::ui {

// Six colours far apart in hue and lightness (Okabe–Ito), one per team place.
unsigned team_colour(int index);

// The name a team has until the teacher types one: "Team 2" / "第2队".
std::string team_name(size_t index, Lang lang);

// A team's colour as a filled square of `side` at the cursor, on the current line.
void team_swatch(int colour, float side);

// One line of the standings: a team or a player, with the colour of its bar and block.
struct Placing {
    std::string name;
    int points = 0;
    int rank = 1; // ties share one
    unsigned colour = 0;
};

// `text` cut with "…" to fit `width` in `font` (its layout size), whole when it fits.
std::string elided(const std::string& text, ImFont* font, float width);

// The standings, best first: rank, name, a bar as long as the points, the points.
// Names wider than `max_name_width` are elided.
void draw_standings(const std::vector<Placing>& placings, float max_name_width, const UiContext& ctx);

// How far the podium's blocks have risen (0–1), eased out, since the first frame drawn
// (`shown_at_ms`, 0 until then); it asks for frames while they rise, and only then.
float podium_rise(uint64_t& shown_at_ms, const UiContext& ctx);

// The top three (in order) on blocks in the space left above `footer` pixels: second
// on the left, first in the middle, third on the right, their tops at `rise` (0–1) of
// their heights.
void draw_podium(const std::vector<Placing>& top, float rise, float footer, const UiContext& ctx);

} // namespace chronicle::ui
