// Safety for the teacher: Esc or closing the window mid-quiz asks before leaving,
// and a quiz left for Home can be resumed with the time it had left.
#include <catch2/catch.hpp>

#include <SDL.h>

#include "harness.h"
#include "core/quiz/phrases.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

int64_t ms_left(Harness& h) { return h.game().play().round()->ms_left(SDL_GetTicks64()).value_or(-1); }

} // namespace

SCENARIO("Esc on a running quiz asks before leaving, and the quiz left can be resumed", "[ui][leave]") {
    for (const char* lang : {"en", "zh"}) {
        const ui::Lang l = ui::lang_from_code(lang);
        GIVEN(std::string("a timed quiz at its first question, in ") + lang) {
            Harness h({{"ui_lang", lang}, {"length", "5"}, {"mode", "timed"}});
            REQUIRE(h.click(ui::text(ui::T::Start, l)));
            REQUIRE(h.screen() == ScreenId::Question);
            const size_t asked = h.session().index();
            WHEN("Esc is pressed") {
                h.press(SDL_SCANCODE_ESCAPE);
                THEN("the dialog is shown over the question, Keep playing focused, the clock stopped") {
                    CHECK(h.screen() == ScreenId::Question);
                    CHECK(h.screen_text().find(ui::text(ui::T::LeaveQuiz, l)) != std::string::npos);
                    REQUIRE(h.has(ui::text(ui::T::KeepPlaying, l)));
                    CHECK(ui::frame_log().find(ui::text(ui::T::KeepPlaying, l))->focused);
                    CHECK(h.has(ui::text(ui::T::LeaveQuizButton, l)));
                    CHECK(h.game().play().round()->paused());
                }
                AND_WHEN("a number key is pressed under the dialog") {
                    h.press(SDL_SCANCODE_1);
                    THEN("nothing is answered") {
                        CHECK(h.screen() == ScreenId::Question);
                        CHECK(h.session().answers().empty());
                    }
                }
                AND_WHEN("Enter is pressed") {
                    h.press(SDL_SCANCODE_RETURN);
                    THEN("the quiz goes on at the same question, its clock running, nothing answered") {
                        CHECK(h.screen() == ScreenId::Question);
                        CHECK_FALSE(h.has(ui::text(ui::T::KeepPlaying, l)));
                        CHECK(h.session().index() == asked);
                        CHECK(h.session().answers().empty());
                        CHECK(h.game().play().round()->clock_running());
                    }
                }
                AND_WHEN("Esc is pressed again") {
                    h.press(SDL_SCANCODE_ESCAPE);
                    THEN("the quiz goes on") {
                        CHECK(h.screen() == ScreenId::Question);
                        CHECK_FALSE(h.has(ui::text(ui::T::KeepPlaying, l)));
                    }
                }
                AND_WHEN("Leave is chosen by keyboard (→, Enter)") {
                    const int64_t left_then = ms_left(h);
                    h.press(SDL_SCANCODE_RIGHT);
                    h.press(SDL_SCANCODE_RETURN);
                    THEN("Home shows Resume quiz") {
                        REQUIRE(h.screen() == ScreenId::Home);
                        const std::string resume = fill_in(ui::text(ui::T::ResumeQuiz, l), {{"i", "1"}, {"n", "5"}});
                        REQUIRE(h.has(resume));
                        AND_WHEN("time passes on Home and Resume is clicked") {
                            SDL_Delay(1200);
                            h.frames(2);
                            REQUIRE(h.click(resume));
                            THEN("the same question is back with the same time left") {
                                REQUIRE(h.screen() == ScreenId::Question);
                                CHECK(h.session().index() == asked);
                                CHECK(h.game().play().round()->clock_running());
                                const int64_t now_left = ms_left(h);
                                CHECK(now_left <= left_then);
                                CHECK(now_left > left_then - 600);
                            }
                        }
                        AND_WHEN("a new quiz is started instead") {
                            REQUIRE(h.click(ui::text(ui::T::Start, l)));
                            h.press(SDL_SCANCODE_ESCAPE);
                            h.press(SDL_SCANCODE_RIGHT);
                            h.press(SDL_SCANCODE_RETURN);
                            THEN("only the new one can be resumed") {
                                REQUIRE(h.screen() == ScreenId::Home);
                                CHECK(h.has(fill_in(ui::text(ui::T::ResumeQuiz, l), {{"i", "1"}, {"n", "5"}})));
                            }
                        }
                    }
                }
            }
        }
    }
}

SCENARIO("Closing the window mid-quiz asks first", "[ui][leave]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}});
    REQUIRE(h.click("Start"));
    REQUIRE(h.screen() == ScreenId::Question);
    SDL_Event close{}; // the window manager's close button
    close.type = SDL_WINDOWEVENT;
    close.window.event = SDL_WINDOWEVENT_CLOSE;
    close.window.windowID = SDL_GetWindowID(h.game().window());
    SDL_PushEvent(&close);
    REQUIRE(h.game().step(0));
    h.frames(2);
    CHECK(h.has("Leave this quiz?") == false); // a text, not a widget
    CHECK(h.screen_text().find("Leave this quiz?") != std::string::npos);
    WHEN("Keep playing is chosen") {
        REQUIRE(h.click("Keep playing"));
        THEN("the game goes on") {
            CHECK(h.game().step(0));
            CHECK(h.screen() == ScreenId::Question);
        }
    }
    WHEN("Leave is chosen") {
        REQUIRE(h.click("Leave"));
        THEN("the game quits") { CHECK_FALSE(h.game().step(0)); }
    }
}

SCENARIO("The answer screen asks too, and resumes to the answer shown", "[ui][leave]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}, {"mode", "practice"}});
    REQUIRE(h.click("Start"));
    if (h.session().current().kind == Kind::Order) h.press(SDL_SCANCODE_RETURN);
    else h.press(SDL_SCANCODE_1);
    REQUIRE(h.screen() == ScreenId::Feedback);
    h.press(SDL_SCANCODE_ESCAPE);
    CHECK(h.screen_text().find("Leave this quiz?") != std::string::npos);
    h.press(SDL_SCANCODE_RETURN); // Enter under the dialog keeps playing, it does not continue
    CHECK(h.screen() == ScreenId::Feedback);
    CHECK(h.session().index() == 0);
    h.press(SDL_SCANCODE_ESCAPE);
    REQUIRE(h.click("Leave"));
    REQUIRE(h.screen() == ScreenId::Home);
    REQUIRE(h.click("Resume quiz (1 of 5)"));
    CHECK(h.screen() == ScreenId::Feedback);
    CHECK(h.session().index() == 0);
}

SCENARIO("A quiz taken up again is as it was left: an order half built stays", "[ui][leave]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}, {"mode", "practice"}, {"kinds", "order"}});
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Question);
    const size_t options = h.session().current().options.size();
    const std::string total = std::to_string(h.session().quiz().questions.size());
    h.press(SDL_SCANCODE_DOWN, KMOD_LCTRL); // the first row goes down one
    h.press(SDL_SCANCODE_ESCAPE);
    h.press(SDL_SCANCODE_RIGHT);
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Home);
    REQUIRE(h.click(fill_in(ui::text(ui::T::ResumeQuiz, ui::Lang::En), {{"i", "1"}, {"n", total}})));
    REQUIRE(h.screen() == ScreenId::Question);
    h.press(SDL_SCANCODE_RETURN); // confirms the order as it stands
    REQUIRE(h.screen() == ScreenId::Feedback);
    const std::vector<size_t>& chosen = h.session().answers().back().chosen;
    REQUIRE(chosen.size() == options);
    CHECK(chosen[0] == 1);
    CHECK(chosen[1] == 0);
}
