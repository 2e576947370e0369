// The Timeline card game on screen, to its end with a wrong placement among the right
// ones: by keyboard (←/→, Enter) in Chinese and by dragging the card in English, at
// three window sizes; every character drawn, nothing scrolls, idle is idle, the run
// saved and the best shown; Esc asks before leaving.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>

#include "core/quiz/phrases.h"
#include "core/store/storage.h"
#include "harness.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

const TimelineGame& timeline(Harness& h) {
    const TimelineGame* game = h.game().play().timeline();
    REQUIRE(game);
    return *game;
}

void check_page(Harness& h, const std::string& where) {
    INFO(where);
    CHECK(h.missing_glyph() == "");
    CHECK(h.scrolling_window() == "");
}

bool shown(Harness& h, ui::T id, ui::Lang lang) { return h.screen_text().find(ui::text(id, lang)) != std::string::npos; }

// Right on turns 0, 2 and 3, wrong on the others: a wrong one early, and an end by lives.
bool want_right(size_t turn) { return turn == 0 || turn == 2 || turn == 3; }

// A gap other than the right one.
size_t wrong_gap(const TimelineGame& game) { return game.right_gap() == 0 ? game.gaps() - 1 : 0; }

// After a placement: the card where it belongs, marked, and the screen says so.
void check_placed(Harness& h, ui::Lang lang, bool right, const std::string& where) {
    const TimelineGame& game = timeline(h);
    REQUIRE(game.last());
    CHECK(game.last()->right == right);
    CHECK(game.line()[game.last()->right_gap].right == right);
    if (!game.finished()) {
        CHECK(shown(h, right ? ui::T::TimelineRight : ui::T::TimelineWrong, lang));
        if (!right) CHECK(shown(h, ui::T::TimelineBelongs, lang));
    }
    check_page(h, where);
    CHECK(h.settle() <= 3); // nothing moves after a placement
}

// The end: the score, "new best" the first time, saved; Enter plays again.
void check_end(Harness& h, ui::Lang lang, const std::string& tag) {
    const TimelineGame& game = timeline(h);
    REQUIRE(game.finished());
    CHECK(game.score() > 0);
    CHECK(game.wrong() > 0);
    h.frames(2);
    check_page(h, "end " + tag);
    CHECK(h.screen_text().find(fill_in(ui::text(ui::for_count(game.score(), ui::T::TimelineScoreOne, ui::T::TimelineScore), lang),
                                       {{"n", ui::number_text(game.score(), lang)}})) != std::string::npos);
    CHECK(shown(h, ui::T::NewBest, lang));
    const Storage* storage = h.game().play().storage();
    REQUIRE(storage);
    const std::optional<TimelineRun> best = storage->best_timeline_run(game.pack_id());
    REQUIRE(best);
    CHECK(best->placed == game.score());
    CHECK(best->wrong == game.wrong());
    CHECK(best->seed == game.seed());
    CHECK(best->lang == game.lang());
    h.screenshot("timeline-end-" + tag);
    const int score = game.score();
    h.press(SDL_SCANCODE_RETURN); // play again
    REQUIRE(h.screen() == ScreenId::Timeline);
    REQUIRE_FALSE(timeline(h).finished());
    REQUIRE(h.game().play().timeline_best_before());
    CHECK(h.game().play().timeline_best_before()->placed == score);
}

// Esc asks first; Esc again keeps playing; Leave goes Home and the game is gone.
void leave(Harness& h, ui::Lang lang, const std::string& tag) {
    h.press(SDL_SCANCODE_ESCAPE);
    CHECK(shown(h, ui::T::LeaveTimeline, lang));
    CHECK(h.has(ui::text(ui::T::LeaveQuizButton, lang)));
    check_page(h, "leave " + tag);
    h.screenshot("timeline-leave-" + tag);
    h.press(SDL_SCANCODE_ESCAPE);
    h.frames(2);
    CHECK_FALSE(shown(h, ui::T::LeaveTimeline, lang));
    REQUIRE(h.screen() == ScreenId::Timeline);
    h.press(SDL_SCANCODE_ESCAPE);
    REQUIRE(h.click(ui::text(ui::T::LeaveQuizButton, lang)));
    CHECK(h.screen() == ScreenId::Home);
    CHECK_FALSE(h.game().play().timeline());
}

// From Home to a new game, its help shown.
void open_timeline(Harness& h, ui::Lang lang, const std::string& tag) {
    REQUIRE(h.click(ui::text(ui::T::Timeline, lang)));
    REQUIRE(h.screen() == ScreenId::Timeline);
    check_page(h, "start " + tag);
    CHECK(shown(h, ui::T::TimelineHelp, lang));
    h.screenshot("timeline-start-" + tag);
}

void play_by_keyboard(int width, int height) {
    const ui::Lang lang = ui::Lang::Zh;
    const std::string tag = "zh-" + std::to_string(width) + "x" + std::to_string(height);
    Harness h({{"ui_lang", "zh"}}, width, height);
    open_timeline(h, lang, tag);
    CHECK(timeline(h).lang() == "zh");
    for (size_t turn = 0; !timeline(h).finished(); ++turn) {
        INFO("turn " << turn << " " << tag);
        REQUIRE(turn < 200);
        const TimelineGame& game = timeline(h);
        const bool right = want_right(turn);
        const size_t target = right ? game.right_gap() : wrong_gap(game);
        for (size_t i = 0; i < game.gaps(); ++i) h.press(SDL_SCANCODE_LEFT); // to the first gap
        for (size_t i = 0; i < target; ++i) h.press(SDL_SCANCODE_RIGHT);
        h.press(SDL_SCANCODE_RETURN);
        check_placed(h, lang, right, "turn " + std::to_string(turn) + " " + tag);
        if (turn == 1) h.screenshot("timeline-wrong-" + tag);
        if (turn == 3) h.screenshot("timeline-line-" + tag);
    }
    check_end(h, lang, tag);
    leave(h, lang, tag);
}

void play_by_mouse(int width, int height) {
    const ui::Lang lang = ui::Lang::En;
    const std::string tag = "en-" + std::to_string(width) + "x" + std::to_string(height);
    Harness h({{"ui_lang", "en"}}, width, height);
    open_timeline(h, lang, tag);
    { // let go away from the line: the card goes back to the hand
        h.steady();
        const ui::WidgetRecord* card = ui::frame_log().find("timeline-hand");
        REQUIRE(card);
        const float x = (card->min.x + card->max.x) / 2, y = (card->min.y + card->max.y) / 2;
        h.mouse_down(x, y);
        h.mouse_move(x + 40, y + 20);
        h.mouse_move(x + 60, static_cast<float>(height) - 5);
        h.mouse_up(x + 60, static_cast<float>(height) - 5);
        CHECK(timeline(h).line().size() == 1);
        CHECK_FALSE(timeline(h).last());
    }
    bool any_right = false, any_wrong = false;
    for (size_t turn = 0; !timeline(h).finished(); ++turn) {
        INFO("turn " << turn << " " << tag);
        REQUIRE(turn < 200);
        h.steady();
        const TimelineGame& game = timeline(h);
        // The right gap when asked for and in view; else a wrong one in view.
        size_t target = want_right(turn) ? game.right_gap() : wrong_gap(game);
        if (!h.has("timeline-gap-" + std::to_string(target)))
            for (size_t g = 0; g < game.gaps(); ++g)
                if (g != game.right_gap() && h.has("timeline-gap-" + std::to_string(g))) target = g;
        const bool right = target == game.right_gap();
        const size_t before = game.line().size();
        if (turn == 2) { // a click on the line chooses the gap, the button places the card
            REQUIRE(h.click("timeline-gap-" + std::to_string(target)));
            REQUIRE(timeline(h).line().size() == before);
            REQUIRE(h.click(ui::text(ui::T::TimelinePlace, lang)));
        } else {
            REQUIRE(h.drag("timeline-hand", "timeline-gap-" + std::to_string(target)));
        }
        REQUIRE(timeline(h).line().size() == before + 1);
        any_right |= right;
        any_wrong |= !right;
        check_placed(h, lang, right, "turn " + std::to_string(turn) + " " + tag);
        if (turn == 1) h.screenshot("timeline-wrong-" + tag);
    }
    CHECK(any_right);
    CHECK(any_wrong);
    check_end(h, lang, tag);
    leave(h, lang, tag);
}

} // namespace

TEST_CASE("A Timeline game by keyboard, in Chinese, at three window sizes", "[ui][timeline]") {
    for (auto [w, ht] : {std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{800, 600}}) play_by_keyboard(w, ht);
}

TEST_CASE("A Timeline game by dragging the card, in English, at three window sizes", "[ui][timeline]") {
    for (auto [w, ht] : {std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{800, 600}}) play_by_mouse(w, ht);
}

TEST_CASE("A long line scrolls to keep the gap chosen in view", "[ui][timeline]") {
    for (const char* lang : {"zh", "en"}) {
        const std::string tag = std::string(lang) + "-800x600-200";
        Harness h({{"ui_lang", lang}, {"text_size", "200"}}, 800, 600); // large cards: a few fill the window
        REQUIRE(h.click(ui::text(ui::T::Timeline, ui::lang_from_code(lang))));
        for (int turn = 0; turn < 5; ++turn) {
            INFO("turn " << turn);
            const TimelineGame& game = timeline(h);
            REQUIRE_FALSE(game.finished());
            for (size_t i = 0; i < game.gaps(); ++i) h.press(SDL_SCANCODE_LEFT);
            CHECK(h.has("timeline-gap-0"));
            for (size_t i = 0; i < game.right_gap(); ++i) h.press(SDL_SCANCODE_RIGHT);
            CHECK(h.has("timeline-gap-" + std::to_string(game.right_gap())));
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(timeline(h).last());
            CHECK(timeline(h).last()->right);
            check_page(h, "turn " + std::to_string(turn) + " " + tag);
        }
        REQUIRE_FALSE(timeline(h).finished());
        h.press(SDL_SCANCODE_END);
        CHECK(h.has("timeline-gap-" + std::to_string(timeline(h).line().size())));
        CHECK_FALSE(h.has("timeline-gap-0")); // the line is longer than the window
        h.screenshot("timeline-long-" + tag);
    }
}

TEST_CASE("The Timeline screen fits a small window with large text, and a 4K one", "[ui][timeline][layout]") {
    for (const char* lang : {"zh", "en"})
        for (auto [w, ht, size] : {std::tuple{800, 600, "200"}, std::tuple{3840, 2160, "100"}, std::tuple{1280, 720, "200"}}) {
            const std::string where = std::string(lang) + " " + size + "% " + std::to_string(w) + "x" + std::to_string(ht);
            INFO(where);
            Harness h({{"ui_lang", lang}, {"text_size", size}}, w, ht);
            REQUIRE(h.click(ui::text(ui::T::Timeline, ui::lang_from_code(lang))));
            REQUIRE(h.screen() == ScreenId::Timeline);
            while (!timeline(h).finished()) {
                h.press(SDL_SCANCODE_RETURN);
                h.steady();
                check_page(h, where);
            }
            h.steady();
            check_page(h, "end " + where);
        }
}
