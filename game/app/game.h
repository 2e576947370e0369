// The game window: SDL2 + Dear ImGui (SDL_Renderer backend), the event loop, the
// pointer, fonts and screenshots. What the game does lives in core (Play) and what it
// shows in the screens (ui/); this shell draws the current screen and carries out
// the Intent it returns.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/play/play.h"
#include "ui/font_coverage.h"
#include "ui/screen.h"

struct SDL_Window;
union SDL_Event;
struct SDL_Renderer;

namespace chronicle {

class ClassSession;
class PackWorker;
class Sound;

// `chronicle host` without --no-window: the window opens on this class game's lobby.
struct ClassLaunch {
    std::string pack_id;
    std::optional<Difficulty> difficulty; // nullopt: as Home has it
    std::vector<Kind> kinds;              // empty: as Home has them
    ui::ClassSetup setup;                 // questions, time, mode, texts, address, port
};

struct GameOptions {
    bool fullscreen = false;
    int width = 1280;
    int height = 720;
    std::optional<uint64_t> seed; // fixed quiz seeds, for tests; otherwise from the clock
    bool hold_loading = false;    // tests: packs stay "loading" until finish_loading()
    // Tests that look at the layout only: frames are built but turned into pixels only
    // when captured (a software renderer fills a 3840×2160 window slowly).
    bool rasterize = true;
    // Opens a file the game wrote (a worksheet) in the program the desktop chooses;
    // empty: SDL_OpenURL. Tests record the path instead.
    std::function<void(const std::string& path)> open_file;
    std::optional<ClassLaunch> class_launch;
};

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
    // Waits until every pack is indexed and the chosen one loaded (tests, benchmarks).
    void finish_loading();

    // What tests and screenshots look at.
    ui::ScreenId screen() const { return screen_; }
    Play& play() { return *play_; }
    const Settings& settings() const { return play_->settings(); }
    const QuizSession* session() const { return play_->round() ? &play_->round()->session() : nullptr; }
    bool last_capture_ok() const { return last_capture_ok_; }
    SDL_Window* window() const { return window_; }
    uint64_t frames_drawn() const { return frames_drawn_; }
    // The last frame's draw data, hashed: equal hashes, equal frames.
    uint64_t last_frame_hash() const { return last_frame_hash_; }
    const ui::UiContext& ui_context() const { return ui_; }
    // The class game being hosted (its server, its game); null when none.
    const ClassSession* class_session() const { return class_session_.get(); }
    // The class game's setup as its screen edits it; tests choose 127.0.0.1 and a free port.
    ui::ClassSetup& class_setup() { return model_->class_setup; }

private:
    GameOptions options_;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool imgui_ready_ = false;
    bool quit_ = false;
    bool quit_on_leave_ = false; // the window was closed mid-quiz: Leave quits
    bool team_paused_to_ask_ = false; // the projector game's clock stopped for "Leave this quiz?"
    int frames_pending_ = 0;
    // A frame is drawn again until it comes out the same as the one before (hover and
    // sizes settle a frame late), at most kSettleFrames in a row.
    static constexpr int kSettleFrames = 8;
    uint64_t last_frame_hash_ = 0;
    int unsettled_frames_ = 0;
    std::vector<SDL_Event> held_events_; // key events kept for the next frame, in order
    // The pointer as SDL's events tell it. ImGui 1.86's SDL backend polls SDL's state
    // and ignores the pointer without window focus, which some video drivers (the
    // dummy one of the headless tests, some Wayland setups) never give.
    struct {
        ImVec2 pos{-1, -1};
        bool inside = false;
        bool left_held = false;
        bool left_pressed = false; // pressed since the last frame, even if already released
    } pointer_;
    uint64_t frames_drawn_ = 0;
    bool last_capture_ok_ = false;
    std::vector<std::string> dropped_files_; // waiting for Home, where packs may change

    std::unique_ptr<Play> play_;
    std::unique_ptr<PackWorker> worker_; // loads packs off the main thread
    uint32_t loaded_event_ = 0;          // the SDL event it wakes the loop with
    std::unique_ptr<Sound> sound_;
    // The class game on phones: its web server runs while this lives (lobby to podium).
    std::unique_ptr<ClassSession> class_session_;
    uint32_t class_event_ = 0;       // the SDL event its server wakes the loop with when a phone spoke
    bool class_paused_to_ask_ = false; // its clock stopped for "End the game?"
    size_t class_players_planned_ = 0; // players whose names' characters are in the atlas
    bool class_saved_ = false;         // the finished game is in the save (once)
    int64_t ticked_second_ = 0; // the timed clock's second last ticked (or seen)
    std::unique_ptr<ui::FontCoverage> coverage_;
    std::unique_ptr<ui::Model> model_;
    ui::GlyphPlan glyphs_; // which font draws which character of all there is to show
    ui::FontSources font_sources_;
    ui::UiContext ui_;
    float density_ = 1.0f;
    bool fonts_stale_ = true;
    float fonts_scale_ = 0; // the scale the atlas was built for

    std::vector<std::unique_ptr<ui::Screen>> screens_; // indexed by ScreenId
    ui::ScreenId screen_ = ui::ScreenId::Home;
    ui::ScreenId opened_from_ = ui::ScreenId::Home; // where Back returns to

    Moment now() const;
    void handle_event(const void* sdl_event);
    void close_window();
    void add_dropped_files();
    void rescan_packs();
    void submit_jobs();
    size_t take_loaded();
    void plan_glyphs();
    void apply_settings();
    void tick_clock();
    void rebuild_fonts();
    float layout_scale() const;
    void toggle_fullscreen();
    void carry_out(const ui::Intent& intent);
    void resume_team_game();
    void carry_out_team(const ui::Intent& intent);
    void carry_out_timeline(const ui::Intent& intent);
    void carry_out_class(const ui::Intent& intent);
    void open_class_lobby();
    bool open_launched_class(std::string& error);
    void close_class_game();
    // After the class game changed: new names' characters, the screen for its phase.
    void class_changed();
    // The finished class game into the save, once, as the headless host does.
    void save_class_game();
    void export_class_results();
    void print_worksheet();
    void show(ui::ScreenId screen);
    // The chosen pack's progress report for the Progress screen, once the pack is loaded
    // and whenever another is chosen.
    void refresh_progress();
    void show_round();
    void show_learn();
    void start_learn(std::vector<std::string> only);
    bool write_png(const std::string& path) const;
};

// `chronicle` with no arguments: the game window. Returns the exit code.
int run_game(const GameOptions& options);

} // namespace chronicle
