// The question and its answer on screen: Test keeps right and wrong for the end;
// tiles, their reveal, the clock and the points as the player sees them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/quiz/phrases.h"
#include "harness.h"
#include "ui/strings.h"
#include "ui/tiles.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

ui::Lang lang_of(Harness& h) { return h.game().settings().ui_lang == "zh" ? ui::Lang::Zh : ui::Lang::En; }

// The part of a template before its first "{...}": "Score " of "Score {n}".
std::string fixed_part(ui::T id, ui::Lang lang) {
    const std::string t = ui::text(id, lang);
    return t.substr(0, t.find('{'));
}

// Answers by keys only: the right option, or the one after it; an order as shown.
void answer_by_keys(Harness& h, bool right) {
    const Question& q = h.session().current();
    if (asks_for_order(q.kind)) {
        h.press(SDL_SCANCODE_RETURN);
        return;
    }
    const size_t option = right ? q.answer[0] : (q.answer[0] + 1) % q.options.size();
    h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>(option)));
}

} // namespace

SCENARIO("A Test game shows no score, no streak and no right or wrong until the results", "[ui][question][test-mode]") {
    for (const char* lang_name : {"zh", "en"}) {
        GIVEN(std::string("a Test game in ") + lang_name + ", played by keyboard only") {
            Harness h({{"ui_lang", lang_name}, {"mode", "test"}, {"length", "6"}});
            const ui::Lang lang = lang_of(h);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::Question);
            const std::vector<std::string> giveaways = {
                fixed_part(ui::T::Score, lang),   fixed_part(ui::T::Streak, lang), ui::text(ui::T::Correct, lang),
                ui::text(ui::T::Wrong, lang),     ui::text(ui::T::PartlyRight, lang), ui::text(ui::T::TimedOut, lang)};
            const size_t total = h.session().quiz().questions.size();
            THEN("no screen before the results tells the score, the streak or a verdict") {
                for (size_t i = 0; i < total; ++i) {
                    REQUIRE(h.screen() == ScreenId::Question);
                    const std::string shown = h.screen_text();
                    for (const std::string& word : giveaways) {
                        INFO("question " << i + 1 << " shows \"" << word << "\" in: " << shown);
                        CHECK(shown.find(word) == std::string::npos);
                    }
                    for (const Answer& a : h.session().answers())
                        if (a.grade.points > 0)
                            CHECK(shown.find(fill_in(ui::text(ui::for_count(a.grade.points, ui::T::Point, ui::T::Points), lang),
                                                     {{"n", ui::number_text(a.grade.points, lang)}})) == std::string::npos);
                    answer_by_keys(h, i % 2 == 0);
                    h.frames();
                }
                REQUIRE(h.screen() == ScreenId::Results);
                CHECK(h.session().answers().size() == total);
                CHECK(h.session().score().correct > 0); // it was scored, only not shown
            }
        }
    }
}

namespace {

const ui::TileRecord* tile_of(const std::string& text) {
    for (const ui::TileRecord& t : ui::last_tiles())
        if (t.text == text) return &t;
    return nullptr;
}

// Waits out the points' count-up, drawing frames as the loop would.
void settle(Harness& h) {
    SDL_Delay(700);
    h.frames();
}

} // namespace

SCENARIO("Practice and Timed games by keyboard: tiles, their reveal, the clock and the points", "[ui][question]") {
    for (const char* lang_name : {"zh", "en"})
        for (const char* mode : {"practice", "timed"}) {
            GIVEN(std::string("a ") + mode + " game in " + lang_name + " of questions answered by one option") {
                Harness h({{"ui_lang", lang_name}, {"mode", mode}, {"length", "5"}, {"kinds", "when"}});
                const ui::Lang lang = lang_of(h);
                h.press(SDL_SCANCODE_RETURN);
                REQUIRE(h.screen() == ScreenId::Question);
                const bool timed = std::string(mode) == "timed";
                for (size_t i = 0; i < 5; ++i) {
                    const Question q = h.session().current();
                    INFO("question " << i + 1 << ": " << q.prompt);
                    REQUIRE(h.screen() == ScreenId::Question);
                    {
                        INFO("each option is a tile with its key, nothing revealed yet");
                        REQUIRE(ui::last_tiles().size() == q.options.size());
                        for (size_t o = 0; o < q.options.size(); ++o) {
                            const ui::TileRecord* t = tile_of(q.options[o].text);
                            REQUIRE(t);
                            CHECK(t->key == std::to_string(o + 1) + "/" + std::string(1, static_cast<char>('A' + o)));
                            CHECK_FALSE((t->right || t->dimmed || t->chosen));
                        }
                    }
                    const std::string clock = fill_in(ui::text(ui::T::SecondsLeft, lang), {{"n", "20"}});
                    CHECK((h.screen_text().find(clock) != std::string::npos) == timed);
                    // Wrong on the second only: three in a row at the fifth.
                    const bool right = i != 1;
                    const size_t chosen = right ? q.answer[0] : (q.answer[0] + 1) % q.options.size();
                    h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>(chosen)));
                    REQUIRE(h.screen() == ScreenId::Feedback);
                    settle(h);
                    {
                        INFO("the tiles reveal the answer: the right one marked, the others dimmed, the choice outlined");
                        REQUIRE(ui::last_tiles().size() == q.options.size());
                        for (size_t o = 0; o < q.options.size(); ++o) {
                            const ui::TileRecord* t = tile_of(q.options[o].text);
                            REQUIRE(t);
                            CHECK(t->right == (o == q.answer[0]));
                            CHECK(t->dimmed == (o != q.answer[0]));
                            CHECK(t->chosen == (o == chosen));
                        }
                    }
                    const Grade& g = h.session().answers().back().grade;
                    {
                        INFO("the points have counted up to what was earned, grouped, and the total with them");
                        if (g.points > 0)
                            CHECK(h.screen_text().find(fill_in(ui::text(ui::for_count(g.points, ui::T::Point, ui::T::Points), lang),
                                                               {{"n", ui::number_text(g.points, lang)}})) != std::string::npos);
                        CHECK(h.screen_text().find(fill_in(ui::text(ui::T::Score, lang),
                                                           {{"n", ui::number_text(h.session().score().points, lang)}})) !=
                              std::string::npos);
                    }
                    if (i == 4) {
                        INFO("three in a row earn a flourish");
                        REQUIRE(h.session().score().streak == 3);
                        CHECK(h.screen_text().find(fill_in(ui::text(ui::T::InARow, lang), {{"n", "3"}})) != std::string::npos);
                    }
                    if (i == 0) h.screenshot(std::string("question-reveal-") + mode + "-" + lang_name);
                    h.press(SDL_SCANCODE_RETURN);
                }
                REQUIRE(h.screen() == ScreenId::Results);
                CHECK(h.session().score().correct == 4);
            }
        }
}

SCENARIO("An order question revealed shows each row's right place", "[ui][question][order]") {
    Harness h({{"ui_lang", "en"}, {"kinds", "order"}, {"length", "5"}});
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Question);
    const Question q = h.session().current();
    GIVEN("the rows as first shown") {
        THEN("each row's badge gives its place, not a key") {
            REQUIRE(ui::last_tiles().size() == q.options.size());
            for (size_t row = 0; row < q.options.size(); ++row) CHECK(ui::last_tiles()[row].key == std::vector<std::string>{"1st", "2nd", "3rd", "4th", "5th", "6th"}.at(row));
        }
    }
    WHEN("they are confirmed as they are") {
        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::Feedback);
        const std::vector<size_t> chosen = h.session().answers().back().chosen;
        THEN("each row stays where the player put it, badged with its right place, marked when it is there") {
            REQUIRE(ui::last_tiles().size() == q.options.size());
            for (size_t row = 0; row < chosen.size(); ++row) {
                const ui::TileRecord& t = ui::last_tiles()[row];
                const size_t place = static_cast<size_t>(std::find(q.answer.begin(), q.answer.end(), chosen[row]) - q.answer.begin()) + 1;
                CHECK(t.text == q.options[chosen[row]].text);
                CHECK(t.place == place);
                CHECK(t.right == (place == row + 1));
                CHECK(t.dimmed == (place != row + 1));
            }
        }
    }
}

SCENARIO("Dragging an order row lifts it, opens a gap where it will land and moves it there", "[ui][question][order]") {
    Harness h({{"ui_lang", "zh"}, {"kinds", "order"}, {"length", "5"}});
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Question);
    const Question q = h.session().current();
    REQUIRE(q.options.size() >= 3);
    const std::string last = ui::last_tiles().back().text, first = ui::last_tiles().front().text;
    const ImVec2 from((ui::last_tiles().back().min.x + ui::last_tiles().back().max.x) / 2,
                      (ui::last_tiles().back().min.y + ui::last_tiles().back().max.y) / 2);
    const ImVec2 to(from.x, (ui::last_tiles().front().min.y + ui::last_tiles().front().max.y) / 2);
    WHEN("the last row is held and moved over the first") {
        h.mouse_down(from.x, from.y);
        h.mouse_move(from.x, from.y + 20);
        h.mouse_move(to.x, to.y);
        THEN("it is drawn under the pointer, raised, and the first place is left open for it") {
            const ui::TileRecord* lifted = tile_of(last);
            REQUIRE(lifted);
            CHECK(lifted->key == "第1");
            CHECK(std::abs((lifted->min.y + lifted->max.y) / 2 - to.y) < 2.0f);
            const ui::TileRecord* pushed = tile_of(first);
            REQUIRE(pushed);
            CHECK(pushed->key == "第2");
            CHECK(pushed->min.y > lifted->max.y - 1.0f);
        }
        AND_WHEN("it is let go") {
            h.mouse_up(to.x, to.y);
            THEN("it is first, and Enter confirms that order") {
                CHECK(ui::last_tiles().front().text == last);
                CHECK(ui::last_tiles().front().key == "第1");
                h.press(SDL_SCANCODE_RETURN);
                REQUIRE(h.screen() == ScreenId::Feedback);
                CHECK(q.options[h.session().answers().back().chosen.front()].text == last);
            }
        }
    }
}

namespace {

// Starts a Timed game of each kind the bundled pack can ask and checks that its first
// questions do not scroll (the clock takes room too) and every glyph is there; then
// leaves for Home.
void check_fit(int w, int hgt, const char* text_size, const char* lang_name) {
    Harness h({{"ui_lang", lang_name}, {"mode", "timed"}, {"length", "5"}, {"text_size", text_size}}, w, hgt);
    int kinds_played = 0;
    for (Kind k : kAllKinds) {
        h.game().play().settings().kinds = {k};
        h.press(SDL_SCANCODE_RETURN);
        if (h.screen() != ScreenId::Question) continue; // the pack cannot ask this kind
        ++kinds_played;
        for (int asked = 0; asked < 2; ++asked) {
            REQUIRE(h.screen() == ScreenId::Question);
            const Question q = h.session().current();
            INFO(w << "x" << hgt << " at " << text_size << "% in " << lang_name << ", " << kind_name(k) << ": " << q.prompt);
            CHECK(h.scrolling_window() == "");
            CHECK(h.missing_glyph() == "");
            h.press(SDL_SCANCODE_1);
            if (asks_for_order(q.kind)) h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::Feedback);
            h.press(SDL_SCANCODE_RETURN);
        }
        const bool mid_quiz = h.screen() != ScreenId::Results; // a kind the pack asks twice at most ends there
        h.press(SDL_SCANCODE_ESCAPE);
        if (mid_quiz) { // "Leave this quiz?": → Leave, Enter
            h.press(SDL_SCANCODE_RIGHT);
            h.press(SDL_SCANCODE_RETURN);
        }
        REQUIRE(h.screen() == ScreenId::Home);
    }
    CHECK(kinds_played >= 8);
}

} // namespace

SCENARIO("Every kind of question fits the window without scrolling, at every size and text size", "[ui][question][fit]") {
    const std::pair<int, int> sizes[] = {{800, 600}, {1280, 720}, {1920, 1080}, {3840, 2160}};
    for (const auto& [w, hgt] : sizes)
        for (const char* text_size : {"100", "200"})
            for (const char* lang_name : {"zh", "en"}) check_fit(w, hgt, text_size, lang_name);
}

// Screenshots to look at (not a check of pixels): a question of four tiles and an
// order, before and after the answer, at two sizes in both languages.
TEST_CASE("Screenshots of tiles, an order and their reveals", "[ui][question][shots]") {
    for (const auto& [w, hgt] : {std::pair{1280, 720}, std::pair{1920, 1080}})
        for (const char* lang_name : {"zh", "en"})
            for (const char* kind : {"who_did", "order"}) {
                Harness h({{"ui_lang", lang_name}, {"mode", "timed"}, {"length", "5"}, {"kinds", kind}}, w, hgt);
                h.press(SDL_SCANCODE_RETURN);
                REQUIRE(h.screen() == ScreenId::Question);
                const std::string name = std::string(kind) + "-" + lang_name + "-" + std::to_string(w) + "x" + std::to_string(hgt);
                h.screenshot("tiles-" + name);
                const Question q = h.session().current();
                if (asks_for_order(q.kind)) {
                    h.press(SDL_SCANCODE_DOWN);
                    h.press(SDL_SCANCODE_UP, KMOD_LCTRL);
                    h.press(SDL_SCANCODE_RETURN);
                } else {
                    h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>((q.answer[0] + 1) % q.options.size())));
                }
                REQUIRE(h.screen() == ScreenId::Feedback);
                SDL_Delay(700);
                h.frames();
                h.screenshot("reveal-" + name);
            }
}

TEST_CASE("Tile colours read apart by lightness and their text has a contrast of at least 4.5:1", "[ui][question][tiles]") {
    for (size_t i = 0; i < 4; ++i) {
        INFO("tile " << i + 1);
        CHECK(ui::contrast_ratio(ui::tile_fill(i), ui::tile_ink(i)) >= 4.5f);
        for (size_t j = i + 1; j < 4; ++j) CHECK(ui::contrast_ratio(ui::tile_fill(i), ui::tile_fill(j)) >= 1.2f);
    }
}

TEST_CASE("Screenshots of the tiles in the high-contrast and light themes", "[ui][question][shots]") {
    for (const char* theme : {"high_contrast", "light"}) {
        Harness h({{"ui_lang", "en"}, {"mode", "timed"}, {"length", "5"}, {"kinds", "who_did"}, {"theme", theme}});
        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::Question);
        h.screenshot(std::string("tiles-") + theme);
        const Question q = h.session().current();
        h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>((q.answer[0] + 1) % q.options.size())));
        REQUIRE(h.screen() == ScreenId::Feedback);
        SDL_Delay(700);
        h.frames();
        h.screenshot(std::string("reveal-") + theme);
    }
}
