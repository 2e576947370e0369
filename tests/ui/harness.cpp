#include "harness.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <atomic>
#include <filesystem>
#include <unistd.h>
#include <stdexcept>

#include "core/store/storage.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

namespace chronicle::test {

namespace fs = std::filesystem;

Harness::Harness(const SettingList& settings, int width, int height, const std::string& data_dir, bool hold_loading) {
    static std::atomic<int> counter{0};
    own_dir_ = data_dir.empty();
    data_dir_ = own_dir_ ? (fs::temp_directory_path() / ("chronicle-ui-" + std::to_string(::getpid()) + "-" + std::to_string(counter++))).string()
                         : data_dir;
    if (own_dir_) fs::remove_all(data_dir_);
    fs::create_directories(data_dir_);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    setenv("CHRONICLE_DATA_DIR", data_dir_.c_str(), 1);
    if (settings.size() > 0) {
        OpenResult saved = Storage::open(data_dir_ + "/chronicle.db", 0);
        for (const auto& [key, value] : settings) saved.storage->set_setting(key, value);
    }
    ui::frame_log().enabled = true; // the harness finds widgets and checks glyphs through it
    GameOptions options;
    options.width = width;
    options.height = height;
    options.seed = 7; // the same quizzes on every run
    options.hold_loading = hold_loading;
    options.rasterize = false; // widgets are found in the frame log; screenshots still draw
    options.open_file = [this](const std::string& path) { opened_.push_back(path); };
    game_ = std::make_unique<Game>(options);
    std::string error;
    if (!game_->start(error)) throw std::runtime_error("the game did not start: " + error);
    if (!hold_loading) game_->finish_loading();
    frames();
}

std::string Harness::scrolling_window() const {
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && (w->ScrollMax.y > 0 || w->ScrollMax.x > 0)) return w->Name;
    return "";
}

Harness::~Harness() {
    game_.reset();
    std::error_code ec;
    if (own_dir_) fs::remove_all(data_dir_, ec);
}

void Harness::frames(int n) {
    for (int i = 0; i < n; ++i) {
        game_->step(0);
        game_->draw_frame();
    }
}

void Harness::resize(int width, int height) {
    SDL_SetWindowSize(game_->window(), width, height);
    frames();
}

int Harness::settle(int max_steps) {
    const uint64_t before = game_->frames_drawn();
    for (int i = 0; i < max_steps; ++i) {
        const uint64_t drawn = game_->frames_drawn();
        game_->step(0);
        if (game_->frames_drawn() == drawn) break;
    }
    return static_cast<int>(game_->frames_drawn() - before);
}

void Harness::move_to(float x, float y) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = SDL_GetWindowID(game_->window());
    e.motion.x = static_cast<Sint32>(x);
    e.motion.y = static_cast<Sint32>(y);
    SDL_PushEvent(&e);
}

static SDL_Event button_event(SDL_Window* window, Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.button.windowID = SDL_GetWindowID(window);
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = static_cast<Sint32>(x);
    e.button.y = static_cast<Sint32>(y);
    return e;
}

// Draws until two frames in a row are the same, so that a widget is where it stays.
void Harness::steady() {
    for (int i = 0; i < 10; ++i) {
        const uint64_t before = game_->last_frame_hash();
        frames(1);
        if (game_->last_frame_hash() == before) return;
    }
}

bool Harness::click(const std::string& label) {
    steady();
    const ui::WidgetRecord* w = ui::frame_log().find(label);
    if (!w) return false;
    const float x = (w->min.x + w->max.x) / 2, y = (w->min.y + w->max.y) / 2;
    move_to(x, y);
    frames(1);
    SDL_Event down = button_event(game_->window(), SDL_MOUSEBUTTONDOWN, x, y);
    SDL_PushEvent(&down);
    frames(1);
    SDL_Event up = button_event(game_->window(), SDL_MOUSEBUTTONUP, x, y);
    SDL_PushEvent(&up);
    frames(2);
    return true;
}

bool Harness::drag(const std::string& from, const std::string& to) {
    steady();
    const ui::WidgetRecord* a = ui::frame_log().find(from);
    const ui::WidgetRecord* b = ui::frame_log().find(to);
    if (!a || !b) return false;
    const ImVec2 start((a->min.x + a->max.x) / 2, (a->min.y + a->max.y) / 2);
    const ImVec2 end((b->min.x + b->max.x) / 2, (b->min.y + b->max.y) / 2);
    move_to(start.x, start.y);
    frames(1);
    SDL_Event down = button_event(game_->window(), SDL_MOUSEBUTTONDOWN, start.x, start.y);
    SDL_PushEvent(&down);
    frames(1);
    const int steps = 8;
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / steps;
        move_to(start.x + (end.x - start.x) * t, start.y + (end.y - start.y) * t);
        frames(1);
    }
    SDL_Event up = button_event(game_->window(), SDL_MOUSEBUTTONUP, end.x, end.y);
    SDL_PushEvent(&up);
    frames(2);
    return true;
}

void Harness::mouse_down(float x, float y) {
    move_to(x, y);
    frames(1);
    SDL_Event down = button_event(game_->window(), SDL_MOUSEBUTTONDOWN, x, y);
    SDL_PushEvent(&down);
    frames(1);
}

void Harness::mouse_move(float x, float y) {
    move_to(x, y);
    frames(1);
}

void Harness::mouse_up(float x, float y) {
    SDL_Event up = button_event(game_->window(), SDL_MOUSEBUTTONUP, x, y);
    SDL_PushEvent(&up);
    frames(2);
}

void Harness::press(SDL_Scancode key, Uint16 modifiers) {
    SDL_SetModState(static_cast<SDL_Keymod>(modifiers));
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.windowID = SDL_GetWindowID(game_->window());
    e.key.state = SDL_PRESSED;
    e.key.keysym.scancode = key;
    e.key.keysym.sym = SDL_GetKeyFromScancode(key);
    e.key.keysym.mod = modifiers;
    SDL_PushEvent(&e);
    frames(1);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    frames(1);
    SDL_SetModState(KMOD_NONE);
    frames(1);
}

const QuizSession& Harness::session() const {
    if (const QuizSession* s = game_->session()) return *s;
    throw std::runtime_error("no round is being played");
}

bool Harness::has(const std::string& label) const { return ui::frame_log().find(label) != nullptr; }

std::vector<std::string> Harness::labels() const {
    std::vector<std::string> out;
    for (const ui::WidgetRecord& w : ui::frame_log().widgets) out.push_back(w.label);
    return out;
}

std::string Harness::screen_text() const {
    std::string all;
    for (const std::string& t : ui::frame_log().texts) all += t + "\n";
    return all;
}

std::string Harness::missing_glyph() const {
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (const std::string& t : ui::frame_log().texts) {
        std::string which;
        if (!ui::font_has_all(font, t, &which)) return which + " in \"" + t + "\"";
    }
    return "";
}

std::string Harness::screenshot(const std::string& name) {
    fs::create_directories(CHRONICLE_SCREENSHOT_DIR);
    const std::string path = std::string(CHRONICLE_SCREENSHOT_DIR) + "/" + name + ".png";
    game_->draw_frame(path);
    if (!game_->last_capture_ok()) throw std::runtime_error("could not write " + path);
    return path;
}

} // namespace chronicle::test
