// The class game's lobby: the QR code and the join address with the PIN, big, for
// phones across the room; the nicknames as they arrive, each with its × to remove
// it; Start once someone has joined.
#pragma once
#include "ui/screen.h"

namespace chronicle::ui {

class ClassLobbyScreen : public Screen {
private:
    const char* window_id() const override { return "class-lobby"; }
    // The lobby closes (its server stops) for the setup: a port can be changed there.
    Intent on_escape() const override { return Intent::to(Intent::Do::ClassClose); }
    const char* scrolling_pane() const override { return "names"; }
    Intent draw_content(Model& model, const UiContext& ctx) override;
};

} // namespace chronicle::ui
