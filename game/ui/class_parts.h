// Pieces the class game's screens share: its leave words, its standings as the
// projector's placings, the QR code, a nickname as plain text.
#pragma once
#include <string>
#include <vector>

#include "ui/screen.h"
#include "ui/team_parts.h"

namespace chronicle::ui {

// Esc over a running class game asks "End the game?".
LeaveWords class_leave_words();

// The first `count` of the class's standings, each player in a colour of its place.
std::vector<Placing> class_placings(const ClassGame& game, size_t count);

// `text` as a QR code (medium error correction) at the cursor: dark modules on white
// with a quiet zone of four modules, each module a whole number of pixels so that
// edges stay crisp, no wider than `max_side`. Returns the side drawn.
float draw_qr(const std::string& text, float max_side);

// The question's options in `height`: its tiles, or an order question's events one
// under another; `revealed`, the right answer on them (events in their right order).
void draw_class_options(const Question& q, float height, bool revealed, const UiContext& ctx);

// How the class answered, as bars in `height`: one per option in its tile's colour
// with its shape (an order question: all right, partly right, all wrong), and one for
// no answer; each with its count above it.
void draw_class_chart(const Question& q, const ClassChart& chart, float height, const UiContext& ctx);

// A player's name on one line, elided to `width`: drawn as text, never read as an
// ImGui label or format, whatever a phone sent.
void nickname(const std::string& name, ImFont* font, float width, unsigned colour = 0);

} // namespace chronicle::ui
