// End to end: whole quizzes of the seed pack played through the real screens, by
// mouse and by keyboard, in both languages; the score shown must match the answers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sqlite3.h>
#include <unistd.h>

#include "core/quiz/phrases.h"
#include "core/store/storage.h"
#include "harness.h"
#include "ui/messages.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

enum class Input { Mouse, Keyboard };

// A wrong single answer: the option after the right one.
size_t wrong_option(const Question& q) { return (q.answer[0] + 1) % q.options.size(); }

// Answers the current question, rightly or not, through the screen.
void answer(Harness& h, bool right, Input input) {
    const Question& q = h.session().current();
    if (q.kind != Kind::Order) {
        const size_t option = right ? q.answer[0] : wrong_option(q);
        if (input == Input::Mouse) REQUIRE(h.click(q.options[option].text));
        else h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>(option)));
        return;
    }
    // The arrangement wanted, top to bottom: the answer, or it with the first two swapped.
    std::vector<size_t> wanted = q.answer;
    if (!right) std::swap(wanted[0], wanted[1]);
    const Question copy = q; // the screen may change under us once confirmed
    for (size_t row = 0; row < wanted.size(); ++row) {
        const std::string& target = copy.options[wanted[row]].text;
        // The rows as shown now, top to bottom (option buttons are logged by their text).
        std::vector<std::string> rows;
        for (const auto& l : h.labels())
            for (const auto& o : copy.options)
                if (l == o.text) rows.push_back(l);
        REQUIRE(rows.size() == copy.options.size());
        const size_t at = static_cast<size_t>(std::find(rows.begin(), rows.end(), target) - rows.begin());
        REQUIRE(at >= row);
        if (input == Input::Mouse) {
            // Drag the wanted option onto the row it belongs in.
            if (at != row) REQUIRE(h.drag(target, rows[row]));
        } else {
            // The selection sits on `row`: go down to the wanted option, carry it up
            // with Ctrl+↑, then step to the next row to fill.
            for (size_t i = row; i < at; ++i) h.press(SDL_SCANCODE_DOWN);
            for (size_t i = at; i > row; --i) h.press(SDL_SCANCODE_UP, KMOD_LCTRL);
            if (row + 1 < wanted.size()) h.press(SDL_SCANCODE_DOWN);
        }
    }
    if (input == Input::Mouse) REQUIRE(h.click(ui::text(ui::T::ConfirmOrder, h.game().settings().ui_lang == "zh" ? ui::Lang::Zh : ui::Lang::En)));
    else h.press(SDL_SCANCODE_RETURN);
}

// Plays a whole quiz; the answers at `wrong` positions are wrong. Returns how many were right.
int play(Harness& h, Input input, const std::vector<int>& wrong) {
    const ui::Lang lang = h.game().settings().ui_lang == "zh" ? ui::Lang::Zh : ui::Lang::En;
    if (input == Input::Mouse) REQUIRE(h.click(ui::text(ui::T::Start, lang)));
    else h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Question);
    const int total = static_cast<int>(h.session().quiz().questions.size());
    int right = 0;
    for (int i = 0; i < total; ++i) {
        REQUIRE(h.screen() == ScreenId::Question);
        REQUIRE(static_cast<int>(h.session().index()) == i);
        INFO("question " << i + 1 << ": " << h.session().current().prompt);
        const bool correct = std::find(wrong.begin(), wrong.end(), i) == wrong.end();
        answer(h, correct, input);
        right += correct;
        CHECK(h.session().answers().at(static_cast<size_t>(i)).grade.correct == correct);
        REQUIRE(h.screen() == ScreenId::Feedback);
        CHECK(h.missing_glyph() == "");
        if (correct && i == 2) h.screenshot(std::string("feedback-right-") + h.game().settings().ui_lang);
        // An order with two neighbours swapped is partly right: all but one in place.
        const Grade& grade = h.session().answers().at(static_cast<size_t>(i)).grade;
        const bool partly = !correct && asks_for_order(h.session().current().kind);
        const std::string verdict = ui::text(correct ? ui::T::Correct : partly ? ui::T::PartlyRight : ui::T::Wrong, lang);
        CHECK(h.screen_text().find(verdict) != std::string::npos);
        if (partly) {
            CHECK(grade.in_place == grade.placed - 1);
            const std::string in_place = fill_in(ui::text(ui::T::PartlyInPlace, lang),
                                                 {{"k", std::to_string(grade.in_place)}, {"n", std::to_string(grade.placed)}});
            CHECK(h.screen_text().find(in_place) != std::string::npos);
            if (i == 2) h.screenshot(std::string("feedback-partly-") + h.game().settings().ui_lang);
        }
        if (input == Input::Mouse) {
            const ui::T next = i + 1 == total ? ui::T::SeeResults : ui::T::Continue;
            REQUIRE(h.click(ui::text(next, lang)));
        } else {
            h.press(SDL_SCANCODE_RETURN);
        }
    }
    REQUIRE(h.screen() == ScreenId::Results);
    return right;
}

void check_results(Harness& h, int right, int total) {
    const ui::Lang lang = h.game().settings().ui_lang == "zh" ? ui::Lang::Zh : ui::Lang::En;
    const Score& s = h.session().score();
    CHECK(s.correct == right);
    const int percent = (right * 100 + total / 2) / total;
    const std::string shown = fill_in(ui::text(ui::T::Accuracy, lang),
                                      {{"c", std::to_string(right)}, {"n", std::to_string(total)}, {"p", std::to_string(percent)}});
    CHECK(h.screen_text().find(shown) != std::string::npos);
    const std::string points = fill_in(ui::text(ui::for_count(s.points, ui::T::PointTotal, ui::T::PointsTotal), lang),
                                       {{"n", ui::number_text(s.points, lang)}});
    CHECK(h.screen_text().find(points) != std::string::npos);
    CHECK(h.missing_glyph() == "");
}

} // namespace

TEST_CASE("A whole quiz by mouse, in English", "[ui][play]") {
    Harness h({{"ui_lang", "en"}});
    const int right = play(h, Input::Mouse, {1, 4, 7});
    CHECK(right == 7);
    check_results(h, right, 10);
    h.screenshot("results-played-en");
}

TEST_CASE("A whole quiz by keyboard only, in Chinese", "[ui][play]") {
    Harness h({{"ui_lang", "zh"}});
    const int right = play(h, Input::Keyboard, {0, 5});
    CHECK(right == 8);
    check_results(h, right, 10);
    h.screenshot("results-played-zh");
}

TEST_CASE("Order questions by drag and drop and by keyboard", "[ui][play][order]") {
    for (const auto& [input, lang] : {std::pair{Input::Mouse, "zh"}, std::pair{Input::Keyboard, "en"}}) {
        Harness h({{"ui_lang", lang}, {"kinds", "order"}, {"length", "5"}, {"difficulty", "hard"}});
        const int right = play(h, input, {2});
        CHECK(right == 4);
        check_results(h, right, static_cast<int>(h.session().quiz().questions.size()));
    }
}

TEST_CASE("A finished game survives closing the window", "[ui][storage]") {
    std::string dir;
    {
        Harness h({{"ui_lang", "en"}, {"length", "5"}, {"mode", "test"}});
        dir = h.data_dir();
        REQUIRE(h.click("Start"));
        for (int i = 0; i < 5; ++i) {
            REQUIRE(h.screen() == ScreenId::Question);
            answer(h, true, Input::Keyboard);
        }
        REQUIRE(h.screen() == ScreenId::Results); // test mode: no feedback between questions
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        SDL_PushEvent(&quit);
        CHECK_FALSE(h.game().step(0));
        auto saved = Storage::open(dir + "/chronicle.db", 0);
        REQUIRE(saved.storage);
        CHECK(saved.storage->game_count() == 1);
        const auto best = saved.storage->best_score("openai-2023", Mode::Test);
        REQUIRE(best);
        CHECK(best->correct == 5);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("A save from a newer version: Home says so at once, its best score shows, and Results says the game was not kept",
          "[ui][storage]") {
    const std::string dir = (std::filesystem::temp_directory_path() / ("chronicle-ui-newer-save-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/chronicle.db";
    {
        OpenResult made = Storage::open(path, 0);
        REQUIRE(made.storage);
        GameRecord g;
        g.pack_id = "openai-2023";
        g.mode = Mode::Practice;
        g.points = 4321;
        g.questions = 10;
        REQUIRE(made.storage->record_game(g) > 0);
    }
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    {
        Harness h({}, 1280, 720, dir);
        const ui::Lang lang = h.game().settings().ui_lang == "zh" ? ui::Lang::Zh : ui::Lang::En;
        const Issue notice{Problem::SaveNewerReadOnly, {path}};
        CHECK(h.screen_text().find(ui::message(notice, lang)) != std::string::npos);
        CHECK(h.screen_text().find(ui::number_text(4321, lang)) != std::string::npos); // the best score, from the newer save
        play(h, Input::Keyboard, {});
        const Issue not_saved{Problem::GameNotSaved, {Term::SaveFromNewerVersion}};
        CHECK(h.screen_text().find(ui::message(not_saved, lang)) != std::string::npos);
        CHECK(h.missing_glyph() == "");
    }
    CHECK(Storage::open(path, 0).storage->game_count() == 1);
    std::filesystem::remove_all(dir);
}
