// Keyboard everywhere: Tab / Shift+Tab go through every control in reading order
// (wrapping), arrows move within a group, Enter or Space activate the focused control.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <string>
#include <vector>

#include "harness.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// The label of the control with the keyboard focus in the last frame; empty when none.
std::string focused(const Harness&) {
    for (const ui::WidgetRecord& w : ui::frame_log().widgets)
        if (w.focused) return w.label;
    return "";
}

// Tabs through the screen once and returns the controls in the order focused.
std::vector<std::string> tab_through(Harness& h, size_t count) {
    std::vector<std::string> order;
    for (size_t i = 0; i < count; ++i) {
        h.press(SDL_SCANCODE_TAB);
        order.push_back(focused(h));
    }
    return order;
}

// Tabs until the control `label` has the focus; false when it is never reached.
bool tab_to(Harness& h, const std::string& label) {
    for (size_t i = 0; i <= h.labels().size(); ++i) {
        if (focused(h) == label) return true;
        h.press(SDL_SCANCODE_TAB);
    }
    return focused(h) == label;
}

} // namespace

SCENARIO("Tab reaches every control of Home in reading order, and Enter activates it", "[ui][keyboard]") {
    GIVEN("Home, nothing focused yet") {
        Harness h({{"ui_lang", "en"}, {"length", "5"}, {"mode", "practice"}});
        REQUIRE(h.screen() == ScreenId::Home);
        CHECK(focused(h).empty());
        const std::vector<std::string> controls = h.labels();
        REQUIRE(controls.size() > 8);
        CHECK(controls.front() == "Settings");
        CHECK(controls[controls.size() - 5] == "Study today"); // below Start
        CHECK(controls[controls.size() - 4] == "Timeline");    // beside it (no mistakes to review yet)
        CHECK(controls[controls.size() - 3] == "Progress");    // and the report
        CHECK(controls[controls.size() - 2] == "Projector game (teams) (F5)"); // below those
        CHECK(controls.back() == "Host a class game (F6)");                     // beside it
        WHEN("Tab is pressed once per control, then once more") {
            const std::vector<std::string> order = tab_through(h, controls.size());
            THEN("each control is focused in turn, in the order drawn, and the focus wraps") {
                CHECK(order == controls);
                h.press(SDL_SCANCODE_TAB);
                CHECK(focused(h) == controls.front());
            }
            AND_WHEN("Shift+Tab is pressed") {
                h.press(SDL_SCANCODE_TAB, KMOD_LSHIFT);
                THEN("the focus goes back one") { CHECK(focused(h) == controls[controls.size() - 2]); }
            }
        }
        WHEN("Shift+Tab is pressed first") {
            h.press(SDL_SCANCODE_TAB, KMOD_LSHIFT);
            THEN("the last control is focused") { CHECK(focused(h) == controls.back()); }
        }
        WHEN("Timed is focused and Enter pressed") {
            REQUIRE(tab_to(h, "Timed"));
            h.press(SDL_SCANCODE_RETURN);
            THEN("the mode is Timed and no quiz started (Enter was the control's, not Start's)") {
                CHECK(h.game().settings().mode == Mode::Timed);
                CHECK(h.screen() == ScreenId::Home);
                AND_THEN("→ moves within the row, ← back, and Space activates") {
                    h.press(SDL_SCANCODE_RIGHT);
                    CHECK(focused(h) == "Test");
                    h.press(SDL_SCANCODE_RIGHT);
                    CHECK(focused(h) == "Test"); // the end of the row: no wrap into the next group
                    h.press(SDL_SCANCODE_LEFT);
                    h.press(SDL_SCANCODE_LEFT);
                    CHECK(focused(h) == "Practice");
                    h.press(SDL_SCANCODE_SPACE);
                    CHECK(h.game().settings().mode == Mode::Practice);
                }
            }
        }
        WHEN("Start is focused and Enter pressed") {
            REQUIRE(tab_to(h, "Start"));
            h.press(SDL_SCANCODE_RETURN);
            THEN("the quiz starts") { CHECK(h.screen() == ScreenId::Question); }
        }
        WHEN("Settings is focused and Space pressed") {
            h.press(SDL_SCANCODE_TAB);
            REQUIRE(focused(h) == "Settings");
            h.press(SDL_SCANCODE_SPACE);
            THEN("Settings opens, nothing focused") {
                CHECK(h.screen() == ScreenId::Settings);
                CHECK(focused(h).empty());
            }
        }
        WHEN("nothing is focused and Enter pressed") {
            h.press(SDL_SCANCODE_RETURN);
            THEN("Enter is still Home's shortcut for Start") { CHECK(h.screen() == ScreenId::Question); }
        }
    }
}

SCENARIO("Arrows move through the pack list", "[ui][keyboard]") {
    Harness h({{"ui_lang", "en"}});
    const std::vector<std::string> controls = h.labels();
    REQUIRE(controls.size() > 2);
    const std::string first_card = controls[1]; // after Settings
    h.press(SDL_SCANCODE_TAB);
    h.press(SDL_SCANCODE_TAB);
    REQUIRE(focused(h) == first_card);
    // Cards are the controls between Settings and the first mode button.
    size_t cards = 0;
    while (1 + cards < controls.size() && controls[1 + cards] != "Practice") ++cards;
    REQUIRE(cards >= 1);
    for (size_t i = 1; i < cards; ++i) {
        h.press(SDL_SCANCODE_DOWN);
        CHECK(focused(h) == controls[1 + i]);
    }
    h.press(SDL_SCANCODE_DOWN);
    CHECK(focused(h) == controls[cards]); // the last card: ↓ stays in the list
    for (size_t i = 1; i < cards; ++i) h.press(SDL_SCANCODE_UP);
    CHECK(focused(h) == first_card);
}

SCENARIO("Tab reaches every control of Settings and Results, and Enter activates it", "[ui][keyboard]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}, {"mode", "test"}});
    REQUIRE(h.click("Settings"));
    REQUIRE(h.screen() == ScreenId::Settings);
    const std::vector<std::string> controls = h.labels();
    CHECK(controls.front() == "中文");
    CHECK(controls.back() == "Back");
    CHECK(tab_through(h, controls.size()) == controls);
    h.press(SDL_SCANCODE_TAB);
    CHECK(focused(h) == controls.front());
    h.press(SDL_SCANCODE_TAB, KMOD_LSHIFT);
    CHECK(focused(h) == "Back");
    REQUIRE(tab_to(h, "High contrast"));
    h.press(SDL_SCANCODE_RETURN);
    CHECK(h.game().settings().theme == Theme::HighContrast);
    h.screenshot("keyboard-settings-high-contrast-en");
    REQUIRE(tab_to(h, "Back"));
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Home);

    h.press(SDL_SCANCODE_RETURN); // Start
    REQUIRE(h.screen() == ScreenId::Question);
    for (int i = 0; i < 5 && h.screen() == ScreenId::Question; ++i) {
        if (h.session().current().kind == Kind::Order) h.press(SDL_SCANCODE_RETURN);
        else h.press(SDL_SCANCODE_1);
    }
    REQUIRE(h.screen() == ScreenId::Results);
    const std::vector<std::string> results = h.labels();
    REQUIRE(results.size() == 3); // some of the keyboard's answers were wrong
    CHECK(results[0].rfind("Retry the ones I missed (", 0) == 0);
    CHECK(std::vector<std::string>(results.begin() + 1, results.end()) == std::vector<std::string>{"Play again", "Home"});
    CHECK(tab_through(h, results.size()) == results);
    REQUIRE(tab_to(h, "Home"));
    h.press(SDL_SCANCODE_TAB, KMOD_LSHIFT);
    CHECK(focused(h) == "Play again");
    h.press(SDL_SCANCODE_TAB);
    REQUIRE(focused(h) == "Home");
    h.press(SDL_SCANCODE_RETURN);
    CHECK(h.screen() == ScreenId::Home);
}

TEST_CASE("Screenshots: the focus ring on Home and the leave dialog", "[ui][keyboard][leave]") {
    for (const char* lang : {"zh", "en"}) {
        for (const char* theme : {"dark", "high_contrast"}) {
            Harness h({{"ui_lang", lang}, {"length", "5"}, {"mode", "timed"}, {"theme", theme}});
            for (int i = 0; i < 3; ++i) h.press(SDL_SCANCODE_TAB); // Settings, the card, Practice
            REQUIRE_FALSE(focused(h).empty());
            CHECK(h.missing_glyph() == "");
            h.screenshot(std::string("home-focus-") + lang + "-" + theme);
            h.press(SDL_SCANCODE_RETURN); // Practice
            h.press(SDL_SCANCODE_RIGHT);  // Timed
            h.press(SDL_SCANCODE_RETURN);
            for (int i = 0; i < 20 && focused(h) != "Start" && focused(h) != "开始"; ++i) h.press(SDL_SCANCODE_TAB);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::Question);
            h.press(SDL_SCANCODE_ESCAPE);
            CHECK(h.missing_glyph() == "");
            h.screenshot(std::string("leave-dialog-") + lang + "-" + theme);
            h.press(SDL_SCANCODE_RIGHT);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::Home);
            CHECK(h.missing_glyph() == "");
            h.screenshot(std::string("home-resume-") + lang + "-" + theme);
        }
    }
}

SCENARIO("On a question, Tab reaches the options and Enter answers the focused one", "[ui][keyboard]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}, {"kinds", "first"}});
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Question);
    const Question q = h.session().current();
    REQUIRE(q.options.size() >= 2);
    h.press(SDL_SCANCODE_TAB);
    h.press(SDL_SCANCODE_TAB);
    CHECK(focused(h) == q.options[1].text);
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Feedback);
    REQUIRE(h.session().answers().size() == 1);
    CHECK(h.session().answers()[0].chosen == std::vector<size_t>{1});
}
