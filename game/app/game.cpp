// Index
//   1. Start-up: SDL, window and renderer, ImGui, saved data, packs, fonts
//   2. The loop: wait for events when nothing moves, draw only when needed
//   3. Flow: Home → Question → (Feedback) → … → Results, and Settings
//   4. Screenshots
#include "app/game.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "app/sound.h"
#include "core/quiz/generator.h"
#include "core/pack/install.h"
#include "core/base/paths.h"
#include "core/quiz/phrases.h"
#include "ui/feedback_screen.h"
#include "ui/fonts.h"
#include "ui/messages.h"
#include "ui/results_screen.h"
#include "ui/settings_screen.h"

namespace chronicle {

namespace {

int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The interface language before any is saved: the system's first preferred one.
std::string system_language() {
    std::string lang = "en";
    if (SDL_Locale* locales = SDL_GetPreferredLocales()) {
        if (locales[0].language && std::string(locales[0].language) == "zh") lang = "zh";
        SDL_free(locales);
    }
    return lang;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

} // namespace

Game::Game(GameOptions options) : options_(options) {}

Game::~Game() {
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

    const std::string data = user_data_folder();
    std::error_code ec;
    std::filesystem::create_directories(data, ec);
    opened_ = Storage::open(data + "/chronicle.db", unix_now());
    storage_ = std::move(opened_.storage);
    settings_ = read_settings(
        [&](const std::string& key) { return storage_ ? storage_->setting(key) : std::nullopt; }, system_language());
    choice_.mode = settings_.mode;
    choice_.length = settings_.length;
    choice_.difficulty = settings_.difficulty;
    choice_.kinds = settings_.kinds;

    sound_ = std::make_unique<Sound>();
    coverage_ = std::make_unique<ui::FontCoverage>(ui::bundled_fonts());
    load_packs();
    apply_settings(true);
    frames_pending_ = 2;
    return true;
}

void Game::load_packs() {
    packs_ = discover_packs(default_pack_folders());
    std::string shown = ui::all_ui_text() + generated_characters();
    for (const PackEntry& e : packs_) {
        if (e.pack) shown += all_text(*e.pack);
        for (const Diagnostic& d : e.diagnostics) shown += ui::message(d, ui::Lang::Zh) + ui::message(d, ui::Lang::En);
    }
    shown += drop_notices_.added + drop_notices_.problem; // they quote file names and cells
    glyphs_ = coverage_->plan(shown);
    missing_glyphs_.clear();
    for (const PackEntry& e : packs_) missing_glyphs_.push_back(e.pack ? coverage_->missing(all_text(*e.pack)) : "");
    choice_.pack = 0;
    for (size_t i = 0; i < packs_.size(); ++i)
        if (packs_[i].pack && packs_[i].pack->id == settings_.pack) choice_.pack = static_cast<int>(i);
    rebuild_cards();
}

// Files dropped on the window become packs in the user's folder; Home says what
// became of each, in the interface's language.
void Game::add_dropped_files() {
    drop_notices_ = {};
    std::string added_id;
    for (const std::string& file : dropped_files_) {
        const AddedPack a = add_to_user_packs(file);
        const std::string name = std::filesystem::path(file).filename().string();
        std::string& notice = a.added() ? drop_notices_.added : drop_notices_.problem;
        if (!notice.empty()) notice += "\n";
        if (a.added()) {
            added_id = a.import.id;
            notice += fill_in(fill_in(ui_.t(ui::T::PackAdded), "t", a.title), "n", std::to_string(a.import.events));
            if (a.import.skipped > 0)
                notice += " " + fill_in(fill_in(ui_.t(ui::T::PackAddedSkipped), "k", std::to_string(a.import.skipped)), "f", file);
        } else if (!a.import.pack_text) {
            std::string first_error;
            for (const Diagnostic& d : a.import.diagnostics)
                if (d.severity == Severity::Error && first_error.empty()) first_error = ui::message(d, ui_.lang);
            notice += fill_in(fill_in(ui_.t(ui::T::PackNotAdded), "f", name), "e", first_error);
        } else if (a.install.problem == InstallProblem::Exists) {
            notice += fill_in(fill_in(ui_.t(ui::T::PackExists), "p", a.install.path), "f", file);
        } else if (a.install.problem == InstallProblem::IdTaken) {
            notice += fill_in(fill_in(ui_.t(ui::T::PackIdTaken), "i", a.import.id), "p", a.install.taken_by);
        } else {
            notice += fill_in(fill_in(ui_.t(ui::T::PackNotAdded), "f", name), "e",
                              ui::message(a.install.error, ui_.lang));
        }
    }
    dropped_files_.clear();
    if (!added_id.empty()) settings_.pack = added_id; // the new pack is the one chosen
    load_packs();
    fonts_stale_ = true; // the new pack's characters join the atlas
    frames_pending_ = std::max(frames_pending_, 2);
}

void Game::rebuild_cards() {
    cards_.clear();
    const std::string lang = ui::lang_code(ui_.lang);
    cards_lang_ = lang;
    for (size_t i = 0; i < packs_.size(); ++i) {
        const PackEntry& e = packs_[i];
        ui::PackCard card;
        int warnings = 0;
        for (const Diagnostic& d : e.diagnostics) warnings += d.severity == Severity::Warning;
        if (e.pack) {
            const Pack& p = *e.pack;
            const std::string l = p.has_language(lang) ? lang : p.default_language;
            card.title = p.text(p.title, l);
            card.description = p.text(p.description, l);
            card.details = fill_in(ui_.t(ui::T::PackEvents), "n", std::to_string(p.events.size())) + " · " + join(p.languages, ", ");
            card.source = p.text(p.source.title, l);
            card.kinds = supported_kinds(p);
            card.playable = !card.kinds.empty();
            card.missing_glyphs = missing_glyphs_[i];
            card.warnings = warnings;
            for (Mode m : kAllModes)
                if (storage_)
                    if (auto best = storage_->best_score(p.id, mode_name(m)))
                        card.best_by_mode[static_cast<size_t>(m)] = best->points;
        } else {
            card.title = std::filesystem::path(e.path).filename().string();
            card.details = e.path;
            for (const Diagnostic& d : e.diagnostics)
                if (d.severity == Severity::Error && card.problem.empty()) card.problem = ui::message(d, ui_.lang);
        }
        cards_.push_back(std::move(card));
    }
    if (choice_.pack >= static_cast<int>(cards_.size()) || (!cards_.empty() && !cards_[static_cast<size_t>(choice_.pack)].playable)) {
        auto playable = std::find_if(cards_.begin(), cards_.end(), [](const ui::PackCard& c) { return c.playable; });
        choice_.pack = playable == cards_.end() ? 0 : static_cast<int>(playable - cards_.begin());
    }
}

void Game::apply_settings(bool fonts_changed) {
    ui_.lang = ui::lang_from_code(settings_.ui_lang);
    ui_.scale = static_cast<float>(settings_.text_size) / 100.0f;
    ui_.palette = ui::apply_theme(settings_.theme, ui_.scale);
    // The atlas is locked while a frame is being built: rebuild before the next one.
    fonts_stale_ = fonts_stale_ || fonts_changed;
    if (cards_lang_ != ui::lang_code(ui_.lang)) rebuild_cards(); // cards speak the interface's language
    frames_pending_ = 2;
}

void Game::rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    ui_.fonts = ui::build_fonts(*io.Fonts, glyphs_, ui_.scale, density_, font_sources_);
    io.FontGlobalScale = 1.0f / density_; // glyphs rasterised for the pixels, laid out in points
    io.FontDefault = ui_.fonts.body;
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    fonts_stale_ = false;
}

void Game::save_settings() {
    if (storage_) storage_->set_settings(settings_entries(settings_));
}

// ---------------------------------------------------------------------------
// 2. The loop
// ---------------------------------------------------------------------------

int Game::run() {
    while (step(-1)) {
    }
    return 0;
}

bool Game::timed_question_running() const {
    return screen_ == Screen::Question && mode_ == Mode::Timed && session_ && !session_->answered();
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
        break;
    case SDL_DROPFILE:
        dropped_files_.push_back(e.drop.file);
        SDL_free(e.drop.file);
        break;
    }
    if (e.type == SDL_QUIT) quit_ = true;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE && e.window.windowID == SDL_GetWindowID(window_))
        quit_ = true;
    // ImGui settles hover and active states one frame after the input that changed them.
    frames_pending_ = std::max(frames_pending_, 2);
}

bool Game::step(int max_wait_ms) {
    const uint64_t now = SDL_GetTicks64();
    const bool moving = now < ui_.animate_until_ms || timed_question_running() || !held_releases_.empty();
    // Key releases held back from the last batch come first (see below).
    const std::vector<SDL_Event> releases = std::move(held_releases_);
    held_releases_.clear();
    for (const SDL_Event& release : releases) handle_event(&release);
    SDL_Event e;
    // Idle is idle: with nothing to draw, sleep in SDL until an event arrives.
    bool got = moving || frames_pending_ > 0 ? SDL_PollEvent(&e) != 0
                                             : (max_wait_ms < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, max_wait_ms)) != 0;
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
    if (!dropped_files_.empty() && screen_ == Screen::Home) add_dropped_files();
    if (frames_pending_ > 0 || moving) {
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
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    // Arrow keys belong to the order list and letters to answers on the question
    // screen; elsewhere ImGui's keyboard navigation (Tab, arrows, Space) reaches everything.
    if (screen_ != Screen::Question) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    const Screen before = screen_;
    switch (screen_) {
    case Screen::Home: draw_home(); break;
    case Screen::Question: draw_question(); break;
    case Screen::Feedback: draw_feedback(); break;
    case Screen::Results: draw_results(); break;
    case Screen::Settings: draw_settings(); break;
    }
    if (screen_ != before) frames_pending_ = std::max(frames_pending_, 2);
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
// 3. Flow
// ---------------------------------------------------------------------------

void Game::go(Screen screen) {
    screen_ = screen;
    frames_pending_ = std::max(frames_pending_, 2);
}

void Game::draw_home() {
    ui::HomeNotices notices = drop_notices_;
    for (const std::string& n : {save_notice(), std::string(no_questions_ ? ui_.t(ui::T::NoQuestions) : "")})
        if (!n.empty()) notices.problem += (notices.problem.empty() ? "" : "\n") + n;
    const ui::HomeAction action = ui::draw_home(cards_, choice_, notices, user_data_folder() + "/packs", ui_);
    if (action == ui::HomeAction::Settings) {
        settings_return_ = Screen::Home;
        go(Screen::Settings);
    } else if (action == ui::HomeAction::Start) {
        start_quiz();
    }
}

// The player is told about their save in their language, with the technical reason.
std::string Game::save_notice() const { return opened_.notice ? ui::message(*opened_.notice, ui_.lang) : ""; }

void Game::start_quiz() {
    if (choice_.pack < 0 || choice_.pack >= static_cast<int>(packs_.size()) || !packs_[static_cast<size_t>(choice_.pack)].pack) return;
    const Pack& pack = *packs_[static_cast<size_t>(choice_.pack)].pack;
    QuizOptions options;
    options.seed = options_.seed ? *options_.seed : static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
    options.count = choice_.length;
    const std::string lang = ui::lang_code(ui_.lang);
    options.lang = pack.has_language(lang) ? lang : pack.default_language;
    options.kinds = ui::kinds_to_ask(cards_[static_cast<size_t>(choice_.pack)], choice_);
    options.difficulty = choice_.difficulty;
    Quiz quiz = generate_quiz(pack, options);
    no_questions_ = quiz.questions.empty();
    if (no_questions_) {
        go(Screen::Home); // from Results' "play again" too: Home says why
        return;
    }
    drop_notices_ = {}; // said once; a new game starts with a clean Home
    mode_ = choice_.mode;
    source_ = pack.text(pack.source.title, quiz.lang);
    if (!pack.source.url.empty()) source_ += (source_.empty() ? "" : " ") + pack.source.url;
    session_.emplace(std::move(quiz), rules_for(mode_));
    previous_best_.reset();
    if (storage_)
        if (auto best = storage_->best_score(pack.id, mode_name(mode_))) previous_best_ = best->points;
    save_error_.clear();
    // Remember the choices for next time.
    settings_.pack = pack.id;
    settings_.mode = choice_.mode;
    settings_.length = choice_.length;
    settings_.difficulty = choice_.difficulty;
    settings_.kinds = choice_.kinds;
    save_settings();
    show_question();
}

void Game::show_question() {
    order_ = {};
    question_shown_ms_ = SDL_GetTicks64();
    go(Screen::Question);
}

void Game::draw_question() {
    const Question& q = session_->current();
    ui::QuestionView view{q, static_cast<int>(session_->index()) + 1, static_cast<int>(session_->quiz().questions.size()),
                          session_->score().points, session_->score().streak, std::nullopt, 0};
    const ScoreRules& rules = session_->rules();
    const uint64_t elapsed = SDL_GetTicks64() - question_shown_ms_;
    if (rules.time_limit_ms > 0) {
        const int64_t left = std::max<int64_t>(0, rules.time_limit_ms - static_cast<int64_t>(elapsed));
        view.time_left = static_cast<float>(left) / static_cast<float>(rules.time_limit_ms);
        view.seconds_left = static_cast<int>((left + 999) / 1000);
        if (left == 0) {
            submit(session_->expire());
            return;
        }
    }
    const ui::QuestionChoice choice = ui::draw_question(view, order_, ui_);
    if (choice.back) go(Screen::Home);
    else if (choice.answered) submit(session_->answer(choice.chosen, static_cast<int64_t>(SDL_GetTicks64() - question_shown_ms_)));
}

void Game::submit(const Grade& g) {
    if (reveals_each_answer(mode_)) {
        if (settings_.sound) sound_->play(g.correct ? Effect::Right : Effect::Wrong);
        feedback_shown_ms_ = SDL_GetTicks64();
        go(Screen::Feedback);
    } else {
        next_question();
    }
}

void Game::next_question() {
    session_->advance();
    if (session_->finished()) finish_quiz();
    else show_question();
}

void Game::finish_quiz() {
    // Saved before the results are shown: closing the window never loses a finished game.
    new_best_ = false;
    if (storage_) {
        const int64_t id = storage_->record_game(game_record(*session_, mode_name(mode_), unix_now()));
        if (id < 0) {
            save_error_ = ui::message(*storage_->last_error(), ui_.lang);
        } else {
            if (storage_->in_memory()) save_error_ = save_notice();
            const auto best = storage_->best_score(session_->quiz().pack_id, mode_name(mode_));
            new_best_ = best && best->game_id == id && best->points > 0;
        }
    }
    if (settings_.sound) sound_->play(Effect::Finished);
    rebuild_cards(); // the best score may have changed
    go(Screen::Results);
}

void Game::draw_feedback() {
    const size_t index = session_->index();
    const ui::FeedbackView view{session_->current(), session_->answers()[index], source_,
                                index + 1 == session_->quiz().questions.size(), feedback_shown_ms_};
    const ui::FeedbackAction action = ui::draw_feedback(view, ui_);
    if (action == ui::FeedbackAction::Continue) next_question();
    else if (action == ui::FeedbackAction::Back) go(Screen::Home);
}

void Game::draw_results() {
    const ui::ResultsAction action = ui::draw_results({*session_, previous_best_, new_best_, save_error_}, ui_);
    if (action == ui::ResultsAction::PlayAgain) start_quiz();
    else if (action == ui::ResultsAction::Home) go(Screen::Home);
}

void Game::draw_settings() {
    const Settings before = settings_;
    const ui::SettingsAction action = ui::draw_settings(settings_, ui_);
    if (action == ui::SettingsAction::Changed) {
        save_settings();
        apply_settings(before.text_size != settings_.text_size);
    } else if (action == ui::SettingsAction::Back) {
        go(settings_return_);
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
        return 1;
    }
    return game.run();
}

} // namespace chronicle
