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

#include <algorithm>

#include "app/clock.h"
#include "app/pack_worker.h"
#include "app/sound.h"
#include "core/base/paths.h"
#include "core/quiz/phrases.h"
#include "ui/fonts.h"
#include "ui/messages.h"

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

} // namespace

Game::Game(GameOptions options) : options_(options) {}

Game::~Game() {
    worker_.reset(); // before SDL_Quit: it pushes SDL events
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
    worker_ = std::make_unique<PackWorker>([type = loaded_event_] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);
    });
    worker_->hold(options_.hold_loading);
    submit_jobs();
    sound_ = std::make_unique<Sound>();
    coverage_ = std::make_unique<ui::FontCoverage>(ui::bundled_fonts());
    model_ = std::make_unique<ui::Model>(ui::Model{*play_, *coverage_, user_pack_folder().value_or(""), {}, StartProblem::None});
    screens_ = ui::make_screens();
    plan_glyphs();
    apply_settings();
    show(ui::ScreenId::Home);
    return true;
}

// Packs are indexed and the chosen one loaded on the worker; the results come back
// here, on the main thread.
void Game::submit_jobs() { worker_->submit(play_->take_jobs()); }

size_t Game::take_loaded() {
    std::vector<LoadDone> results = worker_->take_results();
    const uint64_t generation = play_->library().generation();
    for (LoadDone& done : results) play_->finish(std::move(done));
    if (play_->library().generation() != generation) plan_glyphs(); // Home's cards change too
    submit_jobs(); // the chosen pack, once it is known
    if (!results.empty()) frames_pending_ = std::max(frames_pending_, 2);
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
    for (const LibraryEntry& e : play_->library().entries()) {
        shown += e.path;
        if (e.summary) shown += e.summary->characters_text();
        if (const Diagnostic* d = e.first_error()) shown += ui::describe(*d, ui::Lang::Zh) + ui::describe(*d, ui::Lang::En);
    }
    for (const AddedPack& a : model_->added) {
        shown += a.file + a.title + a.install.path + a.install.taken_by;
        for (const Diagnostic& d : a.import.diagnostics) shown += ui::describe(d, ui::Lang::Zh) + ui::describe(d, ui::Lang::En);
        for (ui::Lang lang : {ui::Lang::Zh, ui::Lang::En}) shown += ui::message(a.install.error, lang);
    }
    if (const auto& notice = play_->opened().notice) shown += ui::message(*notice, ui::Lang::Zh) + ui::message(*notice, ui::Lang::En);
    ui::GlyphPlan plan = coverage_->plan(shown);
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
    frames_pending_ = std::max(frames_pending_, 2);
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
    ui_.scale = static_cast<float>(s.text_size) / 100.0f;
    ui_.palette = ui::apply_theme(s.theme, ui_.scale);
    // The atlas is locked while a frame is being built: rebuild before the next one.
    if (fonts_text_size_ != s.text_size) fonts_stale_ = true;
    frames_pending_ = 2;
}

void Game::rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    ui_.fonts = ui::build_fonts(*io.Fonts, glyphs_, ui_.scale, density_, font_sources_);
    io.FontGlobalScale = 1.0f / density_; // glyphs rasterised for the pixels, laid out in points
    io.FontDefault = ui_.fonts.body;
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    fonts_text_size_ = play_->settings().text_size;
    fonts_stale_ = false;
}

Moment Game::now() const { return {SDL_GetTicks64(), unix_now()}; }

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
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_LEAVE) pointer_.inside = false;
        // A pack saved into the folder while the player was elsewhere shows when they come back.
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_GAINED && screen_ == ui::ScreenId::Home) rescan_packs();
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
    // ImGui settles hover and active states one frame after the input that changed them.
    frames_pending_ = std::max(frames_pending_, 2);
}

// Closing the window mid-quiz asks first, as Esc does; closing it again while asked quits.
void Game::close_window() {
    const bool mid_quiz = screen_ == ui::ScreenId::Question || screen_ == ui::ScreenId::Feedback;
    if (!mid_quiz || model_->asking_leave) {
        quit_ = true;
        return;
    }
    quit_on_leave_ = true;
    carry_out(ui::Intent::to(ui::Intent::Do::AskLeave));
}

bool Game::step(int max_wait_ms) {
    const uint64_t now_ms = SDL_GetTicks64();
    const bool moving = now_ms < ui_.animate_until_ms || !held_releases_.empty();
    // Key releases held back from the last batch come first (see below).
    const std::vector<SDL_Event> releases = std::move(held_releases_);
    held_releases_.clear();
    for (const SDL_Event& release : releases) handle_event(&release);
    // A screen that changes by itself (a clock) asked to be drawn again at a moment;
    // a timed question is also woken when its time is up.
    uint64_t wake_at = ui_.redraw_at_ms;
    if (const Round* round = play_->round(); round && round->clock_running())
        if (const std::optional<int64_t> left = round->ms_left(now_ms))
            wake_at = wake_at ? std::min(wake_at, now_ms + static_cast<uint64_t>(*left)) : now_ms + static_cast<uint64_t>(*left);
    int wait_ms = max_wait_ms;
    if (wake_at) {
        const int until_wake = wake_at > now_ms ? static_cast<int>(std::min<uint64_t>(wake_at - now_ms, 60'000)) : 0;
        wait_ms = max_wait_ms < 0 ? until_wake : std::min(max_wait_ms, until_wake);
    }
    SDL_Event e;
    // Idle is idle: with nothing to draw, sleep in SDL until an event arrives.
    bool got = moving || frames_pending_ > 0 ? SDL_PollEvent(&e) != 0
                                             : (wait_ms < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait_ms)) != 0;
    const bool woken = wake_at && SDL_GetTicks64() >= wake_at;
    // ImGui 1.86 only sees whether a key is down when a frame starts, so a press and
    // its release in one batch would cancel out: such a release waits for the next frame.
    std::vector<SDL_Scancode> pressed;
    for (; got; got = SDL_PollEvent(&e) != 0) {
        if (e.type == SDL_KEYUP && std::find(pressed.begin(), pressed.end(), e.key.keysym.scancode) != pressed.end()) {
            held_releases_.push_back(e);
            continue;
        }
        handle_event(&e);
        if (e.type == SDL_KEYDOWN) pressed.push_back(e.key.keysym.scancode);
    }
    if (quit_) return false;
    // Packs change only on Home: a quiz in progress keeps the pack it was made from.
    if (!dropped_files_.empty() && screen_ == ui::ScreenId::Home) add_dropped_files();
    if (frames_pending_ > 0 || moving || woken) {
        const uint64_t started = SDL_GetTicks64();
        draw_frame();
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
    if (!ImGui::IsMousePosValid(&io.MousePos) && pointer_.inside) io.MousePos = pointer_.pos;
    io.MouseDown[0] = io.MouseDown[0] || pointer_.left_held;
    ImGui::NewFrame();
    ui::frame_log().clear();
    ui_.now_ms = SDL_GetTicks64();
    ui_.animate_until_ms = 0;
    ui_.redraw_at_ms = 0;
    // A timed question whose time is up is answered late, before anything is drawn.
    if (Round* round = play_->round(); round && round->expire_if_due(now())) show_round();
    ui::Screen& screen = *screens_[static_cast<size_t>(screen_)];
    carry_out(screen.draw(*model_, ui_));
    ImGui::Render();
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(bg.x * 255), static_cast<Uint8>(bg.y * 255), static_cast<Uint8>(bg.z * 255), 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    // Read back before presenting: after it the back buffer's content is undefined.
    if (!capture_png.empty()) last_capture_ok_ = write_png(capture_png);
    SDL_RenderPresent(renderer_);
    ++frames_drawn_;
}

// ---------------------------------------------------------------------------
// 3. Carrying out what the screens ask
// ---------------------------------------------------------------------------

void Game::show(ui::ScreenId screen) {
    if (screen == ui::ScreenId::Home && screen_ != ui::ScreenId::Home && play_) rescan_packs();
    screen_ = screen;
    ui::reset_focus();
    screens_[static_cast<size_t>(screen)]->enter(*model_, ui_);
    frames_pending_ = std::max(frames_pending_, 2);
}

// The screen for where the round is: a question, its answer, or the results.
void Game::show_round() {
    const Round* round = play_->round();
    if (!round) return show(ui::ScreenId::Home);
    switch (round->step()) {
    case RoundStep::Asking: return show(ui::ScreenId::Question);
    case RoundStep::Revealing: {
        if (play_->settings().sound) sound_->play(round->revealed().grade.correct ? Effect::Right : Effect::Wrong);
        return show(ui::ScreenId::Feedback);
    }
    case RoundStep::Finished:
        if (play_->settings().sound) sound_->play(Effect::Finished);
        return show(ui::ScreenId::Results);
    }
}

void Game::carry_out(const ui::Intent& intent) {
    using Do = ui::Intent::Do;
    Round* round = play_->round();
    switch (intent.what) {
    case Do::Nothing: break;
    case Do::Start:
        model_->start_problem = play_->start_round(options_.seed ? *options_.seed : clock_seed(), now());
        if (model_->start_problem == StartProblem::None) model_->added.clear(); // said once; a new game starts afresh
        show_round();
        break;
    case Do::Answer:
        if (round && round->answer(intent.chosen, now())) show_round();
        break;
    case Do::Continue:
        if (round && round->next(now())) show_round();
        break;
    case Do::Home:
        play_->leave_round();
        show(ui::ScreenId::Home);
        break;
    case Do::Open:
        opened_from_ = screen_;
        show(intent.screen);
        break;
    case Do::Back: show(opened_from_); break;
    case Do::AskLeave:
        if (round) round->pause(now().ms);
        model_->asking_leave = true;
        ui::reset_focus(0); // Keep playing
        frames_pending_ = std::max(frames_pending_, 2);
        break;
    case Do::KeepPlaying:
        if (round) round->resume(now().ms);
        model_->asking_leave = false;
        quit_on_leave_ = false;
        ui::reset_focus();
        frames_pending_ = std::max(frames_pending_, 2);
        break;
    case Do::Leave:
        model_->asking_leave = false;
        if (quit_on_leave_) quit_ = true;
        play_->set_round_aside(now().ms);
        show(ui::ScreenId::Home);
        break;
    case Do::Resume:
        // Straight back to the question or the answer shown, without its sound again.
        if (!play_->resume_round(now().ms)) break;
        if (const Round* resumed = play_->round())
            show(resumed->step() == RoundStep::Revealing ? ui::ScreenId::Feedback : ui::ScreenId::Question);
        break;
    case Do::SaveSettings:
        play_->save_settings();
        apply_settings();
        submit_jobs(); // another pack chosen: load it
        break;
    }
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
