// Home's pack cards: the best score says its mode, the folder is read again when
// the window comes back, numbers are grouped.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <filesystem>
#include <fstream>

#include "harness.h"

using namespace chronicle;
using namespace chronicle::test;

SCENARIO("The best score on a card says which mode", "[ui][home]") {
    for (const char* lang : {"en", "zh"}) {
        Harness h({{"ui_lang", lang}, {"length", "5"}, {"mode", "test"}});
        h.press(SDL_SCANCODE_RETURN);
        for (int i = 0; i < 5 && h.screen() == ScreenId::Question; ++i) {
            if (h.session().current().kind == Kind::Order) h.press(SDL_SCANCODE_RETURN);
            else h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>(h.session().current().answer[0])));
        }
        REQUIRE(h.screen() == ScreenId::Results);
        const int points = h.session().score().points;
        REQUIRE(points > 0);
        h.press(SDL_SCANCODE_TAB);
        h.press(SDL_SCANCODE_TAB);
        h.press(SDL_SCANCODE_RETURN); // Home
        REQUIRE(h.screen() == ScreenId::Home);
        const ui::Lang l = ui::lang_from_code(lang);
        const std::string best = std::string(lang) == "en" ? "Best in Test: " + ui::number_text(points, l)
                                                            : "测验最高分：" + ui::number_text(points, l);
        CHECK(h.screen_text().find(best) != std::string::npos);
        CHECK(h.screen_text().find("chronicle validate") == std::string::npos); // no developer text on the card
    }
}

SCENARIO("A pack file added while the game runs appears on Home", "[ui][home][rescan]") {
    Harness h({{"ui_lang", "en"}});
    REQUIRE_FALSE(h.has("late.json"));
    std::filesystem::create_directories(h.data_dir() + "/packs");
    std::ofstream(h.data_dir() + "/packs/late.json") << "{\n  \"id\": \"late\",\n}\n";
    WHEN("the window gets the focus back") {
        SDL_Event e{};
        e.type = SDL_WINDOWEVENT;
        e.window.event = SDL_WINDOWEVENT_FOCUS_GAINED;
        e.window.windowID = SDL_GetWindowID(h.game().window());
        SDL_PushEvent(&e);
        h.frames(2);
        h.game().finish_loading();
        h.frames(2);
        THEN("its card is shown") { CHECK(h.has("late.json")); }
    }
    WHEN("Home is shown again") {
        REQUIRE(h.click("Settings"));
        h.press(SDL_SCANCODE_ESCAPE);
        REQUIRE(h.screen() == ScreenId::Home);
        h.game().finish_loading();
        h.frames(2);
        THEN("its card is shown") { CHECK(h.has("late.json")); }
    }
}
