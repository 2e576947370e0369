// A headless harness for the real game: SDL's dummy video driver with the software
// renderer, input pushed as SDL events, widgets found by their label in the frame
// log (never by pixel positions), frames written as PNG.
#pragma once
#include <SDL.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "app/game.h"

namespace chronicle::test {

using ScreenId = ui::ScreenId;

class Harness {
public:
    using SettingList = std::initializer_list<std::pair<std::string, std::string>>;
    // A fresh data folder each time (or `data_dir`, kept, to test what persists);
    // `settings` are saved before the game starts, e.g. {{"ui_lang", "zh"}}. The packs
    // are loaded before the first frame, unless `hold_loading` (then see finish_loading).
    explicit Harness(const SettingList& settings = {}, int width = 1280, int height = 720, const std::string& data_dir = "",
                     bool hold_loading = false);
    ~Harness();
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    Game& game() { return *game_; }
    ScreenId screen() const { return game_->screen(); }
    // The round's session; throws when no round is being played.
    const QuizSession& session() const;

    // Takes pending events and draws `n` frames.
    void frames(int n = 3);
    // Clicks the centre of the widget labelled `label`; false if no such widget.
    bool click(const std::string& label);
    // Presses and releases a key, with `modifiers` (KMOD_CTRL, …) held.
    void press(SDL_Scancode key, Uint16 modifiers = KMOD_NONE);
    // Drags from the centre of one widget to the centre of another, holding the button.
    bool drag(const std::string& from, const std::string& to);
    // The left button's parts of a drag, one frame each, at window coordinates.
    void mouse_down(float x, float y);
    void mouse_move(float x, float y);
    void mouse_up(float x, float y);
    bool has(const std::string& label) const;
    std::vector<std::string> labels() const;
    // Every text drawn in the last frame, joined (to look for words on screen).
    std::string screen_text() const;
    // The first drawn character without a glyph of its own (ImGui would show '?'),
    // as "U+XXXX in \"text\"", or empty.
    std::string missing_glyph() const;
    // The name of the first window (a page or a pane in it) whose content was taller
    // or wider than the window in the last frame, so that it scrolls; empty when none.
    std::string scrolling_window() const;
    // Resizes the window as a player dragging its edge would, and draws.
    void resize(int width, int height);
    // Steps the loop as the game does (no forced frames) until it stops drawing, at
    // most `max_steps` times; returns how many frames it drew.
    int settle(int max_steps = 40);
    // Draws until two frames in a row are the same (the layout has settled).
    void steady();
    // Writes the next frame to <build>/screenshots/<name>.png; returns the path.
    std::string screenshot(const std::string& name);

    const std::string& data_dir() const { return data_dir_; }
    // The files the game asked the desktop to open (a worksheet), in order: tests never
    // start a PDF viewer.
    const std::vector<std::string>& opened() const { return opened_; }

private:
    std::string data_dir_;
    std::vector<std::string> opened_;
    bool own_dir_ = true;
    std::unique_ptr<Game> game_;
    void move_to(float x, float y);
};

} // namespace chronicle::test
