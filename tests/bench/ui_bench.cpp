// Measures the game window, for the closing notes (a program, not a test):
//   start-up  from the program's start to the first frame on screen, and until every
//             pack is indexed and the chosen one loaded (in the background)
//   idle      CPU time used while Home sits untouched for 10 s
//   memory    peak resident set size
// Run it under a real display (or Xvfb) to measure what a player gets; under
// SDL_VIDEODRIVER=dummy SDL may poll instead of sleeping while it waits.
#include <sys/resource.h>

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

    const uint64_t frames_before = game.frames_drawn();
    const double cpu_before = cpu_seconds();
    const auto idle_start = clock::now();
    while (std::chrono::duration<double>(clock::now() - idle_start).count() < idle_seconds)
        if (!game.step(100)) break;
    const double wall = std::chrono::duration<double>(clock::now() - idle_start).count();
    const double cpu = cpu_seconds() - cpu_before;

    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("video_driver=%s\n", SDL_GetCurrentVideoDriver());
    std::printf("first_frame_ms=%.1f\n", first_frame_ms);
    std::printf("all_loaded_ms=%.1f\n", all_loaded_ms);
    std::printf("idle_seconds=%.1f idle_cpu_seconds=%.3f idle_cpu_percent=%.2f idle_frames=%llu\n", wall, cpu,
                100.0 * cpu / wall, static_cast<unsigned long long>(game.frames_drawn() - frames_before));
    std::printf("peak_rss_mib=%.1f\n", static_cast<double>(u.ru_maxrss) / 1024.0);
    return 0;
}
