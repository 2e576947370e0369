// The game window: SDL2 + Dear ImGui (SDL_Renderer backend), the event loop, and the
// flow between screens. Game rules stay in core; screens only draw and report what
// the player chose; this class applies those choices to the core's state.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/pack/discovery.h"
#include "core/quiz/scoring.h"
#include "core/store/settings.h"
#include "core/store/storage.h"
#include "ui/font_coverage.h"
#include "ui/home_screen.h"
#include "ui/question_screen.h"
#include "ui/widgets.h"

struct SDL_Window;
union SDL_Event;
struct SDL_Renderer;

namespace chronicle {

class Sound;

struct GameOptions {
    bool fullscreen = false;
    int width = 1280;
    int height = 720;
    std::optional<uint64_t> seed; // fixed quiz seeds, for tests; otherwise from the clock
};

enum class Screen { Home, Question, Feedback, Results, Settings };

class Game {
public:
    explicit Game(GameOptions options);
    ~Game();
    Game(const Game&) = delete;
    Game& operator=(const Game&) = delete;

    // Opens the window and loads settings, saved data, packs and fonts.
    bool start(std::string& error);
    // Runs until the window closes; returns the process exit code.
    int run();
    // One turn of the loop: takes the pending events (waiting up to `max_wait_ms` for
    // one when nothing moves; -1 waits indefinitely) and draws a frame if anything
    // changed. False once the player has closed the window.
    bool step(int max_wait_ms);
    // Draws a frame now, whatever changed; with a path, also writes it as a PNG.
    void draw_frame(const std::string& capture_png = "");

    // What tests and screenshots look at.
    Screen screen() const { return screen_; }
    const QuizSession* session() const { return session_ ? &*session_ : nullptr; }
    const Settings& settings() const { return settings_; }
    const std::vector<ui::PackCard>& cards() const { return cards_; }
    bool last_capture_ok() const { return last_capture_ok_; }
    SDL_Window* window() const { return window_; }
    uint64_t frames_drawn() const { return frames_drawn_; }

private:
    GameOptions options_;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool imgui_ready_ = false;
    bool quit_ = false;
    int frames_pending_ = 0;
    std::vector<SDL_Event> held_releases_; // key releases kept for the next frame
    // The pointer as SDL's events tell it. ImGui 1.86's SDL backend polls SDL's state
    // and ignores the pointer without window focus, which some video drivers (the
    // dummy one of the headless tests, some Wayland setups) never give.
    struct {
        ImVec2 pos{-1, -1};
        bool inside = false;
        bool left_held = false;
    } pointer_;
    uint64_t frames_drawn_ = 0;
    bool last_capture_ok_ = false;

    std::unique_ptr<Storage> storage_;
    std::unique_ptr<Sound> sound_;
    OpenResult opened_;  // what opening the save said; storage_ is taken from it
    bool no_questions_ = false; // the last Start found no question of the kinds chosen
    std::vector<std::string> dropped_files_; // waiting for Home, where packs may change
    ui::HomeNotices drop_notices_;           // what became of the last dropped files
    Settings settings_;

    std::vector<PackEntry> packs_;
    std::vector<std::string> missing_glyphs_; // per pack, found once when packs load
    std::vector<ui::PackCard> cards_;
    ui::HomeChoice choice_;

    std::unique_ptr<ui::FontCoverage> coverage_;
    ui::GlyphPlan glyphs_;
    ui::FontSources font_sources_;
    ui::UiContext ui_;
    float density_ = 1.0f;
    bool fonts_stale_ = true;

    Screen screen_ = Screen::Home;
    Screen settings_return_ = Screen::Home;
    std::optional<QuizSession> session_;
    Mode mode_ = Mode::Practice;
    ui::OrderState order_;
    std::string cards_lang_; // the interface language the cards were made in
    uint64_t question_shown_ms_ = 0;
    uint64_t feedback_shown_ms_ = 0;
    std::optional<int> previous_best_;
    bool new_best_ = false;
    std::string source_; // the playing pack's source, for the answer screen
    std::string save_error_;

    void load_packs();
    void add_dropped_files();
    void rebuild_cards();
    void apply_settings(bool fonts_changed);
    void rebuild_fonts();
    void save_settings();
    void handle_event(const void* sdl_event);

    void start_quiz();
    void show_question();
    void submit(const Grade& grade);
    void next_question();
    void finish_quiz();
    void go(Screen screen);

    // Per-screen drawing and the action it returns.
    void draw_home();
    std::string save_notice() const;
    void draw_question();
    void draw_feedback();
    void draw_results();
    void draw_settings();
    bool timed_question_running() const;
    bool write_png(const std::string& path) const;
};

// `chronicle` with no arguments: the game window. Returns the exit code.
int run_game(const GameOptions& options);

} // namespace chronicle
