// The child of the kill -9 test (tests/kill_test.py): the real game, headless, plays
// short games by keyboard in a loop with its save in the folder given, and prints
// "saved <id> <questions>" for each game the save confirmed, until it is killed.
#include <cstdio>
#include <exception>

#include "harness.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// Answers the question shown: the first option, or the order as shown.
void answer(Harness& h) {
    if (asks_for_order(h.session().current().kind)) h.press(SDL_SCANCODE_RETURN);
    else h.press(SDL_SCANCODE_1);
}

} // namespace

int main(int argc, char** argv) try {
    if (argc != 2) {
        std::fprintf(stderr, "usage: chronicle_save_soak DATA_FOLDER\n");
        return 2;
    }
    // Test mode: no answer shown between questions, so a game is five key presses.
    Harness h({{"ui_lang", "en"}, {"length", "5"}, {"mode", "test"}}, 640, 480, argv[1]);
    for (;;) {
        h.press(SDL_SCANCODE_RETURN); // Start on Home, Play again on Results
        while (h.screen() == ScreenId::Question) answer(h);
        const Round* round = h.game().play().round();
        if (h.screen() != ScreenId::Results || !round) {
            std::fprintf(stderr, "save_soak: expected the results, the game shows another screen\n");
            return 1;
        }
        const RoundRecord& record = round->record();
        if (record.game_id && !record.in_memory) {
            std::printf("saved %lld %zu\n", static_cast<long long>(*record.game_id),
                        h.session().quiz().questions.size());
            std::fflush(stdout);
        }
    }
} catch (const std::exception& e) {
    std::fprintf(stderr, "save_soak: %s\n", e.what());
    return 1;
}
