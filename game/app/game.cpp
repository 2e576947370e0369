// Index
//   1. Start-up: SDL, window and renderer, ImGui, the game's state, fonts
//   2. The loop: wait for events when nothing moves, draw only when needed
//   3. Carrying out what the screens ask
//   4. Screenshots
#include "app/game.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb/stb_image_write.h>

#include <imgui_internal.h>

#include <algorithm>
#include <iostream>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "app/class_session.h"
#include "app/clock.h"
#include "app/pack_worker.h"
#include "app/sound.h"
#include "core/base/paths.h"
#include "core/base/text.h"
#include "core/exchange/class_report.h"
#include "core/learn/progress_input.h"
#include "core/quiz/phrases.h"
#include "print/worksheet.h"
#include "ui/fonts.h"
#include "ui/messages.h"
#include "ui/team_parts.h"

namespace chronicle {

namespace {

// The interface language before any is saved: the system's first preferred one.
std::string system_language() {
    std::string lang = "en";
    if (SDL_Locale* locales = SDL_GetPreferredLocales()) {
        if (locales[0].language && std::string(locales[0].language) == "zh") lang = "zh";
        SDL_free(locales);
    }
    return lang;
}

// What a frame looks like, as a number: every vertex (position, UV, colour), index
// and draw command. Two equal frames in a row mean the layout has settled.
uint64_t hash_draw_data(const ImDrawData* data) {
    uint64_t h = 1469598103934665603ull; // FNV-1a
    const auto mix = [&h](const void* bytes, size_t n) {
        const auto* p = static_cast<const unsigned char*>(bytes);
        for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    if (!data) return h;
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        mix(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
        }
    }
    return h;
}

// Where a worksheet goes: ~/Documents when there is one, else the home folder, else the
// data folder (the game runs without HOME when CHRONICLE_DATA_DIR is set). Not
// xdg-user-dir's DOCUMENTS: Home says where the file went and the viewer opens it at once.
std::string documents_folder() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (const char* home = std::getenv("HOME"); home && fs::path(home).is_absolute()) {
        if (fs::is_directory(fs::path(home) / "Documents", ec)) return (fs::path(home) / "Documents").string();
        if (fs::is_directory(home, ec)) return home;
    }
    return user_data_folder().value_or(".");
}

// A path as a file:// URL: bytes other than letters, digits, "-._~/" percent-encoded.
std::string file_url(const std::string& path) {
    static const char hex[] = "0123456789ABCDEF";
    std::string url = "file://";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || std::strchr("-._~/", c)) url += c;
        else url += {'%', hex[byte >> 4], hex[byte & 15]};
    }
    return url;
}

} // namespace

Game::Game(GameOptions options) : options_(options) {}

Game::~Game() {
    worker_.reset(); // before SDL_Quit: it pushes SDL events
    class_session_.reset(); // its server's threads too
    if (imgui_ready_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    sound_.reset();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

// ---------------------------------------------------------------------------
// 1. Start-up
// ---------------------------------------------------------------------------

bool Game::start(std::string& error) {
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
    // Closing the window is a request the game answers ("Leave this quiz?"), not a quit
    // SDL sends on its own right after it.
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        error = std::string("cannot start SDL video: ") + SDL_GetError();
        return false;
    }
    // Games, settings and added packs live in the data folder: without one, stop and say why.
    const std::optional<std::string> data = user_data_folder();
    if (const std::optional<Issue> problem = data ? make_folder(*data) : Issue{Problem::NoDataFolder}) {
        error = ui::message(*problem, ui::lang_from_code(system_language()));
        return false;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options_.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    window_ = SDL_CreateWindow("Chronicle", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options_.width, options_.height, flags);
    if (!window_) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return false;
    }
    SDL_SetWindowMinimumSize(window_, 640, 480);
    // Accelerated where the machine has it, the software renderer otherwise.
    renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer_) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        return false;
    }
    int window_w = 0, pixels_w = 0, h = 0;
    SDL_GetWindowSize(window_, &window_w, &h);
    SDL_GetRendererOutputSize(renderer_, &pixels_w, &h);
    density_ = window_w > 0 ? std::max(1.0f, static_cast<float>(pixels_w) / static_cast<float>(window_w)) : 1.0f;
    SDL_RenderSetScale(renderer_, density_, density_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // every window is a fixed full-screen page: no layout to remember
    io.LogFilename = nullptr;
    ImGui_ImplSDL2_InitForSDLRenderer(window_);
    ImGui_ImplSDLRenderer_Init(renderer_);
    imgui_ready_ = true;

    play_ = std::make_unique<Play>(*data, default_pack_folders(), system_language(), unix_now());
    loaded_event_ = SDL_RegisterEvents(1);
    class_event_ = SDL_RegisterEvents(1);
    worker_ = std::make_unique<PackWorker>([type = loaded_event_] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);
    });
    worker_->hold(options_.hold_loading);
    submit_jobs();
    sound_ = std::make_unique<Sound>();
    coverage_ = std::make_unique<ui::FontCoverage>(ui::bundled_fonts());
    model_ = std::make_unique<ui::Model>(ui::Model{*play_, *coverage_, user_pack_folder().value_or(""), {}, StartProblem::None, {}, {}, {}});
    screens_ = ui::make_screens();
    plan_glyphs();
    apply_settings();
    show(ui::ScreenId::Home);
    return !options_.class_launch || open_launched_class(error);
}

// The command line's pack and choices, then the lobby; when the lobby cannot open
// (the port taken), the setup says why and the teacher can change it.
bool Game::open_launched_class(std::string& error) {
    const ClassLaunch& launch = *options_.class_launch;
    Settings& settings = play_->settings();
    settings.pack = launch.pack_id;
    if (launch.difficulty) settings.difficulty = *launch.difficulty;
    if (!launch.kinds.empty()) settings.kinds = launch.kinds;
    finish_loading();
    const LibraryEntry* chosen = play_->chosen();
    if (!chosen || chosen->summary->id != launch.pack_id) {
        error = "no pack \"" + launch.pack_id + "\" in the pack folders ('chronicle packs' lists them)";
        return false;
    }
    model_->class_setup = launch.setup;
    open_class_lobby();
    if (!class_session_) show(ui::ScreenId::ClassSetup);
    // Started from a terminal: the address and PIN there too, as the headless host prints them.
    else std::cout << "Join at: " << class_session_->join_url() << "\nPIN: " << class_session_->pin() << std::endl;
    return true;
}

// Packs are indexed and the chosen one loaded on the worker; the results come back
// here, on the main thread.
void Game::submit_jobs() { worker_->submit(play_->take_jobs()); }

size_t Game::take_loaded() {
    std::vector<LoadDone> results = worker_->take_results();
    const uint64_t generation = play_->library().generation();
    for (LoadDone& done : results) play_->finish(std::move(done));
    if (play_->library().generation() != generation) { // Home's cards change too
        play_->count_study(now());
        plan_glyphs();
    }
    submit_jobs(); // the chosen pack, once it is known
    if (!results.empty()) frames_pending_ = std::max(frames_pending_, 1);
    return results.size();
}

void Game::finish_loading() {
    do worker_->wait_idle();
    while (take_loaded() > 0);
}

// The atlas holds every character the interface and the packs can show, and the
// file names and problems Home quotes. It is rebuilt only when that changes.
void Game::plan_glyphs() {
    std::string shown = ui::all_ui_text() + generated_characters();
    CodePointSet characters; // the packs' as indexed, then the rest's
    for (const LibraryEntry& e : play_->library().entries()) {
        shown += e.path;
        if (e.summary) characters.add(e.summary->characters);
        if (const Diagnostic* d = e.first_error()) shown += ui::describe(*d, ui::Lang::Zh) + ui::describe(*d, ui::Lang::En);
    }
    for (const AddedPack& a : model_->added) {
        shown += a.file + a.title + a.install.path + a.install.taken_by;
        for (const Diagnostic& d : a.import.diagnostics) shown += ui::describe(d, ui::Lang::Zh) + ui::describe(d, ui::Lang::En);
        for (ui::Lang lang : {ui::Lang::Zh, ui::Lang::En}) shown += ui::message(a.install.error, lang);
    }
    if (const auto& notice = play_->opened().notice) shown += ui::message(*notice, ui::Lang::Zh) + ui::message(*notice, ui::Lang::En);
    shown += model_->worksheet_path;
    if (const auto& problem = model_->worksheet_problem) shown += ui::message(*problem, ui::Lang::Zh) + ui::message(*problem, ui::Lang::En);
    for (const std::string& name : model_->team_setup.names) shown += name; // typed by the teacher
    shown += model_->class_setup.error; // the OS's reason the lobby did not open
    shown += model_->class_view.export_path;
    if (const auto& problem = model_->class_view.export_problem) shown += ui::message(*problem, ui::Lang::Zh) + ui::message(*problem, ui::Lang::En);
    // Nicknames from phones: a new character rebuilds the atlas, so no name shows '?'.
    if (class_session_)
        for (const ClassPlayer& p : class_session_->game().players()) shown += p.name;
    if (const TeamGame* game = play_->team_game())
        for (const Team& team : game->teams()) shown += team.name; // as they were when it started
    characters.add_utf8(shown);
    ui::GlyphPlan plan = coverage_->plan(characters.code_points());
    if (plan.glyphs == glyphs_.glyphs && plan.missing == glyphs_.missing && !glyphs_.faces.empty()) return;
    glyphs_ = std::move(plan);
    fonts_stale_ = true;
}

// Files dropped on the window become packs in the user's folder; Home says what
// became of each.
void Game::add_dropped_files() {
    model_->added = play_->add_files(dropped_files_);
    dropped_files_.clear();
    submit_jobs();
    plan_glyphs(); // the new packs' characters join the atlas
    frames_pending_ = std::max(frames_pending_, 1);
}

// Packs change only on Home (a quiz keeps the pack it was made from).
void Game::rescan_packs() {
    if (!play_->rescan_packs()) return;
    submit_jobs();
    plan_glyphs();
    frames_pending_ = std::max(frames_pending_, 2);
}

void Game::apply_settings() {
    const Settings& s = play_->settings();
    ui_.lang = ui::lang_from_code(s.ui_lang);
    ui_.scale = layout_scale();
    ui_.palette = ui::apply_theme(s.theme, ui_.scale);
    // The atlas is locked while a frame is being built: rebuild before the next one.
    if (fonts_scale_ != ui_.scale) fonts_stale_ = true;
    for (const auto& screen : screens_) screen->refit();
    frames_pending_ = std::max(frames_pending_, 1);
    if (sound_ && !s.sound) sound_->close(); // no audio device or thread while sound is off
}

// Type and spacing follow the window, so that a projector at 1920×1080 or 3840×2160
// shows what a 1280×720 window does, only bigger; the text size setting multiplies
// that. In 5 % steps, so that a window dragged wider rebuilds the fonts now and then.
float Game::layout_scale() const {
    int w = options_.width, h = options_.height;
    if (window_) SDL_GetWindowSize(window_, &w, &h);
    const float fit = std::clamp(std::min(static_cast<float>(w) / 1280.0f, static_cast<float>(h) / 720.0f), 0.75f, 4.0f);
    const float stepped = std::round(fit * 20.0f) / 20.0f;
    return stepped * static_cast<float>(play_->settings().text_size) / 100.0f;
}

void Game::toggle_fullscreen() {
    const bool full = (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN) != 0;
    SDL_SetWindowFullscreen(window_, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    apply_settings(); // the size changed: so do type and spacing
}

// A soft tick as each of a timed question's last five seconds begins. The clock
// asks for a frame at each whole second, so this runs on time.
void Game::tick_clock() {
    const Round* round = play_->round();
    const std::optional<int64_t> ms = round ? round->ms_left(ui_.now_ms) : std::nullopt;
    if (!ms || *ms <= 0) return;
    const int64_t second = (*ms + 999) / 1000;
    if (second <= 5 && second != ticked_second_ && play_->settings().sound) sound_->play(Effect::Tick);
    ticked_second_ = second;
}

void Game::rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    SDL_RendererInfo info{};
    int max_side = 4096; // 64 MB of RGBA at most, whatever the renderer allows
    if (SDL_GetRendererInfo(renderer_, &info) == 0) {
        if (info.max_texture_width > 0) max_side = std::min(max_side, info.max_texture_width);
        if (info.max_texture_height > 0) max_side = std::min(max_side, info.max_texture_height);
    }
    ui_.fonts = ui::build_fonts(*io.Fonts, glyphs_, ui_.scale, density_, font_sources_, max_side);
    io.FontGlobalScale = 1.0f / density_; // glyphs rasterised for the pixels, laid out in points
    io.FontDefault = ui_.fonts.body;
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    fonts_scale_ = ui_.scale;
    fonts_stale_ = false;
}

Moment Game::now() const {
    const int64_t unix_seconds = unix_now();
    return {SDL_GetTicks64(), unix_seconds, utc_offset_at(unix_seconds)};
}

// ---------------------------------------------------------------------------
// 2. The loop
// ---------------------------------------------------------------------------

int Game::run() {
    while (step(-1)) {
    }
    return 0;
}

void Game::handle_event(const void* raw) {
    const SDL_Event& e = *static_cast<const SDL_Event*>(raw);
    // A phone spoke: step() pumps the class game, and draws only if it changed.
    if (e.type == class_event_) return;
    ImGui_ImplSDL2_ProcessEvent(&e);
    switch (e.type) {
    case SDL_MOUSEMOTION:
        pointer_.pos = ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
        pointer_.inside = true;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        pointer_.pos = ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
        if (e.button.button == SDL_BUTTON_LEFT) pointer_.left_held = e.type == SDL_MOUSEBUTTONDOWN;
        if (e.button.button == SDL_BUTTON_LEFT && e.type == SDL_MOUSEBUTTONDOWN) pointer_.left_pressed = true;
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_LEAVE) pointer_.inside = false;
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) apply_settings();
        // A pack saved into the folder while the player was elsewhere shows when they come back.
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_GAINED && screen_ == ui::ScreenId::Home) rescan_packs();
        break;
    case SDL_KEYDOWN:
        if (e.key.keysym.scancode == SDL_SCANCODE_F11 && !e.key.repeat) toggle_fullscreen();
        break;
    case SDL_DROPFILE:
        dropped_files_.push_back(e.drop.file);
        SDL_free(e.drop.file);
        break;
    }
    if (e.type == loaded_event_) take_loaded();
    if (e.type == SDL_QUIT) close_window();
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE && e.window.windowID == SDL_GetWindowID(window_))
        close_window();
    frames_pending_ = std::max(frames_pending_, 1); // and more until the frame settles
}

// Closing the window mid-quiz asks first, as Esc does; closing it again while asked quits.
void Game::close_window() {
    const bool mid_quiz = screen_ == ui::ScreenId::Question || screen_ == ui::ScreenId::Feedback ||
                          screen_ == ui::ScreenId::TeamQuestion || screen_ == ui::ScreenId::Leaderboard ||
                          screen_ == ui::ScreenId::ClassQuestion || screen_ == ui::ScreenId::ClassReveal ||
                          screen_ == ui::ScreenId::ClassLeaderboard || screen_ == ui::ScreenId::ClassProgress ||
                          (screen_ == ui::ScreenId::Timeline && play_->timeline() && !play_->timeline()->finished());
    if (!mid_quiz || model_->asking_leave) {
        quit_ = true;
        return;
    }
    quit_on_leave_ = true;
    carry_out(ui::Intent::to(ui::Intent::Do::AskLeave));
}

// The projector game's clock, stopped while "Leave this quiz?" was asked, runs again
// (a pause the teacher chose stays).
void Game::resume_team_game() {
    if (TeamGame* game = play_->team_game(); game && team_paused_to_ask_) game->resume(now().ms);
    team_paused_to_ask_ = false;
}

bool Game::step(int max_wait_ms) {
    const uint64_t now_ms = SDL_GetTicks64();
    const bool moving = now_ms < ui_.animate_until_ms || !held_events_.empty();
    // A screen that changes by itself (a clock) asked to be drawn again at a moment;
    // a timed question is also woken when its time is up.
    uint64_t wake_at = ui_.redraw_at_ms;
    if (const Round* round = play_->round(); round && round->clock_running())
        if (const std::optional<int64_t> left = round->ms_left(now_ms))
            wake_at = wake_at ? std::min(wake_at, now_ms + static_cast<uint64_t>(*left)) : now_ms + static_cast<uint64_t>(*left);
    // The class game's clock: a question's time up, a self-paced player's.
    if (class_session_)
        if (const std::optional<int64_t> due = class_session_->ms_until_due(now_ms)) {
            const uint64_t at = now_ms + static_cast<uint64_t>(std::max<int64_t>(0, *due));
            wake_at = wake_at ? std::min(wake_at, at) : at;
        }
    int wait_ms = max_wait_ms;
    if (wake_at) {
        const int until_wake = wake_at > now_ms ? static_cast<int>(std::min<uint64_t>(wake_at - now_ms, 60'000)) : 0;
        wait_ms = max_wait_ms < 0 ? until_wake : std::min(max_wait_ms, until_wake);
    }
    SDL_Event e;
    // Idle is idle: with nothing to draw, sleep in SDL until an event arrives.
    const bool unsettled = unsettled_frames_ > 0 && unsettled_frames_ < kSettleFrames;
    bool got = moving || unsettled || frames_pending_ > 0 ? SDL_PollEvent(&e) != 0
                                             : (wait_ms < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait_ms)) != 0;
    const bool woken = wake_at && SDL_GetTicks64() >= wake_at;
    // ImGui 1.86 only sees whether a key is down when a frame starts, so two events of
    // one key in a frame would cancel out (a press and its release, or three quick ↓):
    // each key gets one event a frame, the rest wait, in order, for the frames after.
    std::vector<SDL_Event> events = std::move(held_events_);
    held_events_.clear();
    for (; got; got = SDL_PollEvent(&e) != 0) events.push_back(e);
    std::vector<SDL_Scancode> keys_this_frame;
    for (const SDL_Event& event : events) {
        if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
            const SDL_Scancode key = event.key.keysym.scancode;
            const bool seen = std::find(keys_this_frame.begin(), keys_this_frame.end(), key) != keys_this_frame.end();
            const bool waiting = std::any_of(held_events_.begin(), held_events_.end(), [key](const SDL_Event& h) {
                return (h.type == SDL_KEYDOWN || h.type == SDL_KEYUP) && h.key.keysym.scancode == key;
            });
            if (seen || waiting) {
                held_events_.push_back(event);
                continue;
            }
            keys_this_frame.push_back(key);
        }
        handle_event(&event);
    }
    if (quit_) return false;
    // What phones sent and the class game's clock: a frame only when the game changed.
    if (class_session_ && class_session_->pump(SDL_GetTicks64())) class_changed();
    // Packs change only on Home: a quiz in progress keeps the pack it was made from.
    if (!dropped_files_.empty() && screen_ == ui::ScreenId::Home) add_dropped_files();
    if (frames_pending_ > 0 || moving || woken || unsettled || !held_events_.empty()) {
        const uint64_t started = SDL_GetTicks64();
        // A frame asked for only by the clock (a tick, a step of the ring or of a
        // count-up) changes what is drawn, not where: no second frame to confirm it.
        const bool only_woken = woken && frames_pending_ == 0 && events.empty() && !moving && !unsettled;
        if (frames_pending_ > 0) unsettled_frames_ = 0; // something changed: settling starts afresh
        draw_frame();
        if (only_woken) unsettled_frames_ = 0;
        if (frames_pending_ > 0) --frames_pending_;
        // Without vsync (the software renderer), hold animation to about 60 frames a second.
        const uint64_t spent = SDL_GetTicks64() - started;
        if (moving && spent < 16) SDL_Delay(static_cast<Uint32>(16 - spent));
    }
    return !quit_;
}

void Game::draw_frame(const std::string& capture_png) {
    if (fonts_stale_) rebuild_fonts();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // The pointer from SDL's events only: the backend's global mouse state is stale
    // for synthetic and remote pointers. A press released within the frame still counts.
    io.MousePos = pointer_.inside ? pointer_.pos : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = pointer_.left_held || pointer_.left_pressed;
    io.MouseDown[1] = io.MouseDown[2] = false; // the game uses the left button only
    pointer_.left_pressed = false;
    ImGui::NewFrame();
    ui::frame_log().clear();
    ui_.now_ms = SDL_GetTicks64();
    ui_.animate_until_ms = 0;
    ui_.redraw_at_ms = 0;
    // A timed question whose time is up is answered late, before anything is drawn.
    if (Round* round = play_->round(); round && round->expire_if_due(now())) show_round();
    tick_clock();
    if (screen_ == ui::ScreenId::Progress) refresh_progress();
    ui::Screen& screen = *screens_[static_cast<size_t>(screen_)];
    carry_out(screen.draw(*model_, ui_));
    ImGui::Render();
    const uint64_t hash = hash_draw_data(ImGui::GetDrawData());
    unsettled_frames_ = hash == last_frame_hash_ ? 0 : unsettled_frames_ + 1;
    last_frame_hash_ = hash;
    ++frames_drawn_;
    if (!options_.rasterize && capture_png.empty()) return;
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(bg.x * 255), static_cast<Uint8>(bg.y * 255), static_cast<Uint8>(bg.z * 255), 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    // Read back before presenting: after it the back buffer's content is undefined.
    if (!capture_png.empty()) last_capture_ok_ = write_png(capture_png);
    SDL_RenderPresent(renderer_);
}

// ---------------------------------------------------------------------------
// 3. Carrying out what the screens ask
// ---------------------------------------------------------------------------

void Game::refresh_progress() {
    const Pack* pack = play_->chosen_pack();
    if (!pack || (model_->progress && model_->progress->pack_id == pack->id)) return;
    const int64_t t = unix_now();
    const Storage* storage = play_->storage();
    model_->progress = make_progress(storage ? progress_input(*storage, *pack) : progress_input(*pack), t, utc_offset_at(t),
                                     memory_parameters(play_->settings()));
}

void Game::show(ui::ScreenId screen) {
    if (screen == ui::ScreenId::Home && screen_ != ui::ScreenId::Home && play_) rescan_packs();
    if (screen == ui::ScreenId::Home && play_) play_->count_study(now()); // answers since change it
    if (screen == ui::ScreenId::Progress) model_->progress.reset(); // made again from the save
    screen_ = screen;
    ui::reset_focus();
    screens_[static_cast<size_t>(screen)]->enter(*model_, ui_);
    screens_[static_cast<size_t>(screen)]->refit();
    // A screen just shown starts at its top, whatever its windows' scroll was before.
    if (imgui_ready_)
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) ImGui::SetScrollY(w, 0);
    frames_pending_ = std::max(frames_pending_, 1);
}

// The screen for where the round is: a question, its answer, or the results.
void Game::show_round() {
    const Round* round = play_->round();
    if (!round) return show(ui::ScreenId::Home);
    switch (round->step()) {
    case RoundStep::Asking: return show(ui::ScreenId::Question);
    case RoundStep::Revealing: {
        const Grade& g = round->revealed().grade;
        if (play_->settings().sound) sound_->play(g.timed_out ? Effect::TimeUp : g.correct ? Effect::Right : Effect::Wrong);
        return show(ui::ScreenId::Feedback);
    }
    case RoundStep::Finished:
        if (play_->settings().sound) sound_->play(Effect::Finished);
        return show(ui::ScreenId::Results);
    }
}

// The screen for where the Learn session is: a question, its answer, or the end.
void Game::show_learn() {
    const LearnSession* learn = play_->learn();
    if (!learn) return show(ui::ScreenId::Home);
    switch (learn->step()) {
    case LearnStep::Asking: return show(ui::ScreenId::Question);
    case LearnStep::Revealing:
        if (play_->settings().sound) sound_->play(learn->grade().correct ? Effect::Right : Effect::Wrong);
        return show(ui::ScreenId::Feedback);
    case LearnStep::Finished:
        if (play_->settings().sound && learn->summary().answered > 0) sound_->play(Effect::Finished);
        return show(ui::ScreenId::LearnDone);
    }
}

void Game::start_learn(std::vector<std::string> only) {
    model_->start_problem = play_->start_learn(options_.seed ? *options_.seed : clock_seed(), now(), std::move(only));
    if (model_->start_problem != StartProblem::None) return show(ui::ScreenId::Home);
    show_learn();
}

void Game::carry_out(const ui::Intent& intent) {
    using Do = ui::Intent::Do;
    Round* round = play_->round();
    LearnSession* learn = play_->learn();
    switch (intent.what) {
    case Do::Nothing: break;
    case Do::Start:
        model_->start_problem = play_->start_round(options_.seed ? *options_.seed : clock_seed(), now());
        if (model_->start_problem == StartProblem::None) { // said once; a new game starts afresh
            model_->added.clear();
            model_->worksheet_path.clear();
            model_->worksheet_problem.reset();
        }
        show_round();
        break;
    case Do::Answer:
        if (learn) {
            if (learn->answer(intent.chosen, now())) show_learn();
        } else if (round && round->answer(intent.chosen, now()))
            show_round();
        break;
    case Do::Continue:
        if (learn) {
            if (learn->next(now())) show_learn();
        } else if (round && round->next(now()))
            show_round();
        break;
    case Do::Study: start_learn({}); break;
    case Do::ReviewMistakes: start_learn(play_->mistakes()); break;
    case Do::RetryMissed: start_learn(play_->missed_in_round()); break;
    case Do::Home:
        close_class_game();
        play_->leave_learn();
        play_->leave_round();
        play_->leave_team_game();
        play_->leave_timeline();
        show(ui::ScreenId::Home);
        break;
    case Do::Open:
        opened_from_ = screen_;
        show(intent.screen);
        break;
    case Do::Back: show(opened_from_); break;
    case Do::LeaveLearn:
        play_->leave_learn();
        show(ui::ScreenId::Home);
        break;
    case Do::AskLeave:
        if (learn) return carry_out(ui::Intent::to(Do::LeaveLearn)); // every answer is saved: nothing to ask
        if (round) round->pause(now().ms);
        if (TeamGame* game = play_->team_game()) team_paused_to_ask_ = game->pause(now().ms);
        if (class_session_) class_paused_to_ask_ = class_session_->act(HostAction::Pause, now().ms);
        model_->asking_leave = true;
        ui::reset_focus(0); // Keep playing
        frames_pending_ = std::max(frames_pending_, 2);
        break;
    case Do::KeepPlaying:
        if (round) round->resume(now().ms);
        resume_team_game();
        if (class_session_ && class_paused_to_ask_) class_session_->act(HostAction::Resume, now().ms);
        class_paused_to_ask_ = false;
        model_->asking_leave = false;
        quit_on_leave_ = false;
        ui::reset_focus();
        frames_pending_ = std::max(frames_pending_, 2);
        break;
    case Do::Leave:
        model_->asking_leave = false;
        if (quit_on_leave_) quit_ = true;
        if (class_session_) { // "End the game?": the podium, on this screen and the phones
            class_paused_to_ask_ = false;
            class_session_->act(HostAction::End, now().ms);
            class_changed();
            break;
        }
        play_->set_round_aside(now().ms);
        play_->leave_timeline(); // a Timeline game is short: left, it is not kept
        show(ui::ScreenId::Home);
        break;
    case Do::Resume:
        if (const TeamGame* game = play_->team_game_unfinished()) {
            resume_team_game();
            show(game->step() == TeamStep::Leaderboard ? ui::ScreenId::Leaderboard : ui::ScreenId::TeamQuestion);
            break;
        }
        // Straight back to the question or the answer shown, without its sound again.
        if (!play_->resume_round(now().ms)) break;
        if (const Round* resumed = play_->round()) {
            model_->resuming = true;
            show(resumed->step() == RoundStep::Revealing ? ui::ScreenId::Feedback : ui::ScreenId::Question);
            model_->resuming = false;
        }
        break;
    case Do::PrintWorksheet: print_worksheet(); break;
    case Do::SaveSettings:
        play_->save_settings();
        apply_settings();
        submit_jobs(); // another pack chosen: load it
        break;
    case Do::TeamNames:
    case Do::TeamStart:
    case Do::TeamEnter:
    case Do::TeamReveal:
    case Do::TeamMark:
    case Do::TeamNext:
    case Do::TeamPause:
    case Do::TeamSkip:
    case Do::TeamBack: carry_out_team(intent); break;
    case Do::ClassOpen:
    case Do::ClassClose:
    case Do::ClassStart:
    case Do::ClassReveal:
    case Do::ClassNext:
    case Do::ClassPause:
    case Do::ClassSkip:
    case Do::ClassRemove: carry_out_class(intent); break;
    case Do::ExportClassResults: export_class_results(); break;
    case Do::TimelineStart:
    case Do::TimelinePlace: carry_out_timeline(intent); break;
    }
}

// The Timeline card game: start it (or again), place the card in hand; the finished
// game is saved before its end is shown.
void Game::carry_out_timeline(const ui::Intent& intent) {
    using Do = ui::Intent::Do;
    if (intent.what == Do::TimelineStart) {
        model_->start_problem = play_->start_timeline(options_.seed ? *options_.seed : clock_seed());
        if (model_->start_problem != StartProblem::None) return show(ui::ScreenId::Home);
        model_->added.clear();
        model_->worksheet_path.clear();
        model_->worksheet_problem.reset();
        return show(ui::ScreenId::Timeline);
    }
    TimelineGame* game = play_->timeline();
    if (!game || intent.chosen.empty()) return;
    const std::optional<TimelinePlacement> placed = game->place(intent.chosen[0]);
    if (!placed) return;
    const bool sound = play_->settings().sound;
    if (game->finished()) {
        play_->save_timeline(now().unix_seconds);
        if (sound) sound_->play(Effect::Finished);
    } else if (sound) {
        sound_->play(placed->right ? Effect::Right : Effect::Wrong);
    }
    frames_pending_ = std::max(frames_pending_, 2);
}

// The projector game: each intent moves the TeamGame, then the screen for its step.
void Game::carry_out_team(const ui::Intent& intent) {
    using Do = ui::Intent::Do;
    const Moment at = now();
    if (intent.what == Do::TeamNames) return plan_glyphs(); // a name's new characters
    if (intent.what == Do::TeamStart) {
        std::vector<Team> teams;
        const std::vector<std::string>& names = model_->team_setup.names;
        for (size_t i = 0; i < names.size(); ++i)
            teams.push_back({names[i].empty() ? ui::team_name(i, ui_.lang) : names[i],
                             static_cast<int>(i)});
        const size_t count = static_cast<size_t>(model_->team_setup.questions);
        model_->start_problem = play_->start_team_game(std::move(teams), count, options_.seed ? *options_.seed : clock_seed(), at);
        if (model_->start_problem != StartProblem::None) return show(ui::ScreenId::TeamSetup);
        model_->added.clear();
        return show(ui::ScreenId::TeamQuestion);
    }
    TeamGame* game = play_->team_game();
    if (!game) return show(ui::ScreenId::Home);
    const TeamStep before = game->step();
    const size_t index = game->index();
    switch (intent.what) {
    case Do::TeamEnter:
        if (!intent.chosen.empty()) game->enter(intent.team, intent.chosen[0], at.ms);
        break;
    case Do::TeamReveal:
        if (game->reveal(at.ms) && play_->settings().sound) sound_->play(Effect::Right);
        break;
    case Do::TeamMark: game->mark(intent.team, !game->answers().at(intent.team).correct); break;
    case Do::TeamNext: game->next(at.ms); break;
    case Do::TeamPause:
        if (!game->pause(at.ms)) game->resume(at.ms);
        break;
    case Do::TeamSkip: game->skip(at.ms); break;
    case Do::TeamBack: game->back(at.ms); break;
    default: break;
    }
    frames_pending_ = std::max(frames_pending_, 2);
    if (game->step() == before && game->index() == index) return;
    switch (game->step()) {
    case TeamStep::Asking:
    case TeamStep::Revealed: return show(ui::ScreenId::TeamQuestion);
    case TeamStep::Leaderboard: return show(ui::ScreenId::Leaderboard);
    case TeamStep::Finished:
        play_->save_team_game(at.unix_seconds); // before the podium: closing the window loses nothing
        if (play_->settings().sound) sound_->play(Effect::Finished);
        return show(ui::ScreenId::Podium);
    }
}

// The class game: the setup opens the lobby (its server), the screens' controls act
// on the game as a `host` message would, and its phase chooses the screen.
void Game::carry_out_class(const ui::Intent& intent) {
    using Do = ui::Intent::Do;
    if (intent.what == Do::ClassOpen) return open_class_lobby();
    if (intent.what == Do::ClassClose) {
        close_class_game();
        return show(ui::ScreenId::ClassSetup);
    }
    if (!class_session_) return show(ui::ScreenId::Home);
    const uint64_t at = now().ms;
    switch (intent.what) {
    case Do::ClassStart: class_session_->act(HostAction::Start, at); break;
    case Do::ClassReveal: class_session_->act(HostAction::Reveal, at); break;
    case Do::ClassNext: class_session_->act(HostAction::Next, at); break;
    case Do::ClassPause: class_session_->act(class_session_->game().paused() ? HostAction::Resume : HostAction::Pause, at); break;
    case Do::ClassSkip: class_session_->act(HostAction::Skip, at); break;
    case Do::ClassRemove: class_session_->act(HostAction::Remove, at, intent.team); break;
    default: break;
    }
    class_changed();
}

void Game::open_class_lobby() {
    ui::ClassSetup& setup = model_->class_setup;
    Quiz quiz;
    model_->start_problem = play_->make_quiz(options_.seed ? *options_.seed : clock_seed(), quiz, static_cast<size_t>(setup.questions));
    frames_pending_ = std::max(frames_pending_, 2);
    if (model_->start_problem != StartProblem::None) return;
    ClassGame game(std::move(quiz), setup.settings);
    if (game.quiz().questions.empty()) { // none with four options or fewer
        model_->start_problem = StartProblem::NoQuestions;
        return;
    }
    ClassSessionOptions options;
    options.bind_address = setup.bind_address;
    options.port = setup.port;
    std::string error;
    // SDL_PushEvent is thread-safe: the server's threads wake the loop with it.
    class_session_ = ClassSession::start(std::move(game), options, [type = class_event_] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);
    }, error);
    setup.error = class_session_ ? "" : error;
    plan_glyphs(); // the error's characters
    if (!class_session_) return;
    model_->added.clear();
    model_->class_view = {&class_session_->game(), class_session_->join_url(), class_session_->join_url_with_pin(), class_session_->pin()};
    class_players_planned_ = 0;
    class_saved_ = false;
    show(ui::ScreenId::ClassLobby);
}

// The server stops (phones lose the page's connection) and the game is gone.
void Game::close_class_game() {
    model_->class_view = {};
    class_session_.reset();
    class_paused_to_ask_ = false;
}

void Game::class_changed() {
    frames_pending_ = std::max(frames_pending_, 1);
    const ClassGame& game = class_session_->game();
    if (game.players().size() != class_players_planned_) {
        class_players_planned_ = game.players().size();
        plan_glyphs();
    }
    ui::ScreenId want = ui::ScreenId::ClassLobby;
    switch (game.phase()) {
    case ClassPhase::Lobby: want = ui::ScreenId::ClassLobby; break;
    case ClassPhase::Question: want = ui::ScreenId::ClassQuestion; break;
    case ClassPhase::Reveal: want = ui::ScreenId::ClassReveal; break;
    case ClassPhase::Leaderboard: want = ui::ScreenId::ClassLeaderboard; break;
    case ClassPhase::Running: want = ui::ScreenId::ClassProgress; break;
    case ClassPhase::Finished: want = ui::ScreenId::ClassPodium; break;
    }
    if (want == screen_) return;
    if (want == ui::ScreenId::ClassPodium) save_class_game(); // before the podium: closing the window loses nothing
    if (play_->settings().sound) {
        if (want == ui::ScreenId::ClassReveal) sound_->play(Effect::Right);
        if (want == ui::ScreenId::ClassPodium) sound_->play(Effect::Finished);
    }
    show(want);
}

void Game::save_class_game() {
    if (class_saved_ || !class_session_ || class_session_->game().player_count() == 0) return; // no one played
    Storage* storage = play_->storage();
    class_saved_ = storage && storage->record_class_game(class_session_->game().record(unix_now())) >= 0;
}

// The finished game's results as CSV (core's class_results_csv, as `chronicle results
// export` writes them) beside the worksheets; the podium says where it went, or why not.
void Game::export_class_results() {
    if (!class_session_) return;
    ui::ClassView& view = model_->class_view;
    view.export_path.clear();
    view.export_problem.reset();
    const ClassGameRecord record = class_session_->game().record(unix_now());
    const std::string name = "chronicle-class-" + record.pack_id + "-" + std::to_string(record.finished_at) + ".csv";
    const std::string path = (std::filesystem::path(documents_folder()) / name).string();
    Issue error;
    if (write_file_atomically(path, class_results_csv(record), true, error) == WriteOutcome::Written) view.export_path = path;
    else view.export_problem = error;
    plan_glyphs(); // the path's characters join the atlas
    frames_pending_ = std::max(frames_pending_, 2);
}

// A worksheet of the quiz Start would make, with a seed of its own, written where the
// player keeps documents and opened in their PDF viewer; Home says where it went.
void Game::print_worksheet() {
    model_->worksheet_path.clear();
    model_->worksheet_problem.reset();
    Quiz quiz;
    model_->start_problem = play_->make_quiz(options_.seed ? *options_.seed : clock_seed(), quiz);
    if (const Pack* pack = play_->chosen_pack(); pack && model_->start_problem == StartProblem::None) {
        const print::Worksheet sheet = print::render_worksheet(quiz, *pack, print::Paper::A4); // see README: A4 always
        const std::string path = (std::filesystem::path(documents_folder()) / print::worksheet_file_name(quiz)).string();
        Issue error;
        if (sheet.error) model_->worksheet_problem = sheet.error;
        else if (write_file_atomically(path, sheet.pdf, true, error) != WriteOutcome::Written) model_->worksheet_problem = error;
        else model_->worksheet_path = path;
    }
    plan_glyphs(); // the path's characters join the atlas
    frames_pending_ = std::max(frames_pending_, 2);
    if (model_->worksheet_path.empty()) return;
    if (options_.open_file) options_.open_file(model_->worksheet_path);
    else SDL_OpenURL(file_url(model_->worksheet_path).c_str()); // no viewer: the notice still says where it is
}

// ---------------------------------------------------------------------------
// 4. Screenshots
// ---------------------------------------------------------------------------

bool Game::write_png(const std::string& path) const {
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(renderer_, &w, &h) != 0) return false;
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) != 0) return false;
    return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

int run_game(const GameOptions& options) {
    Game game(options);
    std::string error;
    if (!game.start(error)) {
        SDL_Log("chronicle: %s", error.c_str());
        SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "Chronicle", error.c_str(), nullptr); // no terminal to read it in
        return 1;
    }
    return game.run();
}

} // namespace chronicle
