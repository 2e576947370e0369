// The projector game end to end, by keyboard only: three teams, each question's
// answers entered by team number and option, a reveal-and-mark, a skip and a step
// back, the leaderboard between questions, and the podium; then the save.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/quiz/phrases.h"
#include "core/store/storage.h"
#include "harness.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

SDL_Scancode digit(size_t i) { return static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>(i)); }

const TeamGame& team_game(Harness& h) {
    const TeamGame* game = h.game().play().team_game();
    REQUIRE(game);
    return *game;
}

// Enters `option` for team `team` (both from 0) as the teacher would: its number, then the option's.
void enter(Harness& h, size_t team, size_t option) {
    h.press(digit(team));
    if (option < 4 && team % 2 == 0) h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_A + static_cast<int>(option)));
    else h.press(digit(option));
}

void play_projector_game(const char* lang_code, int width, int height) {
    const ui::Lang lang = ui::lang_from_code(lang_code);
    Harness h({{"ui_lang", lang_code}}, width, height);
    const std::string tag = std::string(lang_code) + "-" + std::to_string(width) + "x" + std::to_string(height);
    const std::string dir = h.data_dir();
    h.press(SDL_SCANCODE_F5);
    REQUIRE(h.screen() == ScreenId::TeamSetup);
    CHECK(h.missing_glyph() == "");
    auto name = [&](int n) { return fill_in(ui::text(ui::T::TeamName, lang), {{"n", std::to_string(n)}}); };
    CHECK(h.screen_text().find(name(3)) != std::string::npos);
    h.screenshot("team-setup-" + tag);
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::TeamQuestion);
    const size_t total = team_game(h).quiz().questions.size();
    REQUIRE(total == 10);
    REQUIRE(team_game(h).teams().size() == 3);

    // Team 3 is always right; team 1 right on the even questions; team 2 never.
    bool went_back = false;
    for (size_t i = 0; i < total; ++i) {
        REQUIRE(h.screen() == ScreenId::TeamQuestion);
        REQUIRE(team_game(h).index() == i);
        const Question q = team_game(h).question();
        INFO("question " << i + 1 << ": " << q.prompt);
        const size_t right = q.answer[0], wrong = (right + 1) % q.options.size();
        if (i == 3) { // skipped: no points for anyone
            enter(h, 2, right);
            h.press(SDL_SCANCODE_S);
            continue;
        }
        if (i == 5) { // the teacher reveals first, then marks team 3 right
            h.press(SDL_SCANCODE_R);
            REQUIRE(team_game(h).step() == TeamStep::Revealed);
            h.press(digit(2));
            CHECK(team_game(h).answers()[2].correct);
        } else {
            enter(h, 1, right); // replaced before the reveal
            enter(h, 1, wrong);
            enter(h, 0, i % 2 == 0 ? right : wrong);
            enter(h, 2, right);
            if (i == 1) h.screenshot("team-question-" + tag);
            h.press(SDL_SCANCODE_R);
            REQUIRE(team_game(h).step() == TeamStep::Revealed);
            CHECK(team_game(h).answers()[1].option == wrong);
            CHECK_FALSE(team_game(h).answers()[1].correct);
            CHECK(team_game(h).answers()[2].correct);
            CHECK(team_game(h).answers()[0].correct == (i % 2 == 0));
        }
        CHECK(h.missing_glyph() == "");
        if (i == 2) h.screenshot("team-reveal-" + tag);
        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::Leaderboard);
        CHECK(h.missing_glyph() == "");
        if (i == 2) h.screenshot("team-leaderboard-" + tag);
        if (i == 6 && !went_back) { // back: question 7 is asked again without its points, and answered the same
            const int before = team_game(h).points(2);
            h.press(SDL_SCANCODE_B);
            REQUIRE(h.screen() == ScreenId::TeamQuestion);
            CHECK(team_game(h).step() == TeamStep::Asking);
            CHECK(team_game(h).points(2) < before);
            went_back = true;
            --i;
            continue;
        }
        h.press(SDL_SCANCODE_RETURN);
    }
    REQUIRE(h.screen() == ScreenId::Podium);
    h.frames(3);
    CHECK(h.missing_glyph() == "");
    // Team 3 first, team 1 second, team 2 (no points) third.
    CHECK(h.has("podium-1:" + name(3)));
    CHECK(h.has("podium-2:" + name(1)));
    CHECK(h.has("podium-3:" + name(2)));
    CHECK(team_game(h).points(1) == 0);
    SDL_Delay(1300); // the blocks have risen
    h.frames(2);
    h.screenshot("team-podium-" + tag);

    auto saved = Storage::open(dir + "/chronicle.db", 0);
    REQUIRE(saved.storage);
    const std::vector<TeamGameRecord> games = saved.storage->recent_team_games(-1);
    REQUIRE(games.size() == 1);
    REQUIRE(games[0].teams.size() == 3);
    CHECK(games[0].teams[0].name == name(1));
    CHECK(games[0].teams[2].name == name(3));
    CHECK(games[0].teams[2].points == team_game(h).points(2));
    CHECK(games[0].teams[1].points == 0);
    h.press(SDL_SCANCODE_RETURN);
    CHECK(h.screen() == ScreenId::Home);
    CHECK_FALSE(h.game().play().team_game());
}

} // namespace

TEST_CASE("A projector game with three teams, by keyboard only, in Chinese and English", "[ui][teams]") {
    play_projector_game("zh", 1280, 720);
    play_projector_game("en", 1920, 1080);
}

// The other language at each size, for the screenshots (not run by default).
TEST_CASE("Screenshots of a projector game", "[.][ui][teams][shots]") {
    play_projector_game("en", 1280, 720);
    play_projector_game("zh", 1920, 1080);
}

TEST_CASE("A team name typed by the teacher is drawn with its own glyphs", "[ui][teams]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}});
    h.press(SDL_SCANCODE_F5);
    REQUIRE(h.screen() == ScreenId::TeamSetup);
    REQUIRE(h.click("team-name-2"));
    h.press(SDL_SCANCODE_END);
    SDL_Event typed{};
    typed.type = SDL_TEXTINPUT;
    SDL_strlcpy(typed.text.text, " 鼹鼠", sizeof typed.text.text); // characters neither the interface nor the pack uses
    SDL_PushEvent(&typed);
    h.frames(4);
    CHECK(h.screen_text().find("Team 2 鼹鼠") != std::string::npos);
    CHECK(h.missing_glyph() == "");
    h.press(SDL_SCANCODE_RETURN); // ends the typing, starts nothing
    CHECK(h.screen() == ScreenId::TeamSetup);
    REQUIRE(h.click(ui::text(ui::T::Start, ui::Lang::En)));
    REQUIRE(h.screen() == ScreenId::TeamQuestion);
    CHECK(team_game(h).teams()[1].name == "Team 2 鼹鼠");
    CHECK(team_game(h).quiz().questions.size() == 10); // the setup's count, not Home's length
    CHECK(h.screen_text().find("Team 2 鼹鼠") != std::string::npos);
    CHECK(h.missing_glyph() == "");
}

TEST_CASE("A team row takes the keyboard focus: Tab to it, Enter, then its option", "[ui][teams][keyboard]") {
    Harness h({{"ui_lang", "en"}});
    h.press(SDL_SCANCODE_F5);
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::TeamQuestion);
    const auto focused = [] {
        for (const ui::WidgetRecord& w : ui::frame_log().widgets)
            if (w.focused) return w.label;
        return std::string();
    };
    for (int i = 0; i < 20 && focused() != "team-2"; ++i) h.press(SDL_SCANCODE_TAB);
    REQUIRE(focused() == "team-2");
    h.press(SDL_SCANCODE_RETURN);
    h.press(SDL_SCANCODE_1);
    REQUIRE(team_game(h).answers()[1].option.has_value());
    CHECK(*team_game(h).answers()[1].option == 0u);
    CHECK_FALSE(team_game(h).answers()[0].option.has_value());
}
