// Measures the game window, for the closing notes (a program, not a test):
//   start-up  from the program's start to the first frame on screen, and until every
//             pack is indexed and the chosen one loaded (in the background)
//   idle      CPU time used while Home sits untouched for 10 s
//   clock     CPU time used while a Timed question waits with its clock running (≤ 10 s)
//   memory    peak resident set size
// Run it under a real display (or Xvfb) to measure what a player gets; under
// SDL_VIDEODRIVER=dummy SDL may poll instead of sleeping while it waits.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include <SDL.h>

#include "app/game.h"

namespace {

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU time and frames drawn while the game runs its loop for `seconds` untouched.
struct Usage {
    double wall, cpu;
    uint64_t frames;
};

Usage run_untouched(chronicle::Game& game, double seconds) {
    using clock = std::chrono::steady_clock;
    const uint64_t frames_before = game.frames_drawn();
    const double cpu_before = cpu_seconds();
    const auto start = clock::now();
    while (std::chrono::duration<double>(clock::now() - start).count() < seconds)
        if (!game.step(100)) break;
    return {std::chrono::duration<double>(clock::now() - start).count(), cpu_seconds() - cpu_before, game.frames_drawn() - frames_before};
}

void press(SDL_Scancode key) {
    for (Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
        SDL_Event e{};
        e.type = type;
        e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.key.keysym.scancode = key;
        SDL_PushEvent(&e);
    }
}

} // namespace

int main(int argc, char** argv) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const double idle_seconds = argc > 1 ? std::stod(argv[1]) : 10.0;

    chronicle::Game game(chronicle::GameOptions{});
    std::string error;
    if (!game.start(error)) {
        std::fprintf(stderr, "ui_bench: %s\n", error.c_str());
        return 1;
    }
    game.draw_frame();
    const double first_frame_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    game.finish_loading();
    const double all_loaded_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    for (int i = 0; i < 5; ++i) game.step(0); // let the start-up frames settle

    const Usage idle = run_untouched(game, idle_seconds);

    // A Timed game from Home (Enter starts it), its first question waiting.
    game.play().settings().mode = chronicle::Mode::Timed;
    press(SDL_SCANCODE_RETURN);
    for (int i = 0; i < 5; ++i) game.step(0);
    const bool timed = game.session() != nullptr && game.screen() == chronicle::ui::ScreenId::Question;
    const Usage clock_usage = run_untouched(game, std::min(idle_seconds, 10.0)); // within the shortest time limit

    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("video_driver=%s\n", SDL_GetCurrentVideoDriver());
    std::printf("first_frame_ms=%.1f\n", first_frame_ms);
    std::printf("all_loaded_ms=%.1f\n", all_loaded_ms);
    std::printf("idle_seconds=%.1f idle_cpu_seconds=%.3f idle_cpu_percent=%.2f idle_frames=%llu\n", idle.wall, idle.cpu,
                100.0 * idle.cpu / idle.wall, static_cast<unsigned long long>(idle.frames));
    if (timed)
        std::printf("clock_seconds=%.1f clock_cpu_seconds=%.3f clock_cpu_percent=%.2f clock_frames=%llu\n", clock_usage.wall,
                    clock_usage.cpu, 100.0 * clock_usage.cpu / clock_usage.wall, static_cast<unsigned long long>(clock_usage.frames));
    else
        std::printf("clock: no Timed question came up (Enter on Home did not start a game)\n");
    std::printf("peak_rss_mib=%.1f\n", static_cast<double>(u.ru_maxrss) / 1024.0);
    return 0;
}
