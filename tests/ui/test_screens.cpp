// Every screen, in Chinese and English, at two window sizes: drawn without a
// missing glyph and saved as PNG under <build>/screenshots. And what the screens
// promise besides: Esc goes back, settings persist, idle draws nothing.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <utility>

#include <unistd.h>

#include "core/pack/discovery.h"
#include "core/exchange/import_builder.h"
#include "core/exchange/importer.h"
#include "core/base/paths.h"
#include "core/quiz/phrases.h"
#include "core/store/storage.h"
#include "ui/font_coverage.h"
#include "harness.h"
#include "ui/messages.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

void expect_glyphs(const Harness& h, const std::string& where) {
    INFO(where);
    CHECK(h.missing_glyph() == "");
}

std::string shot(Harness& h, const std::string& name) {
    const std::string path = h.screenshot(name);
    CHECK(std::filesystem::file_size(path) > 1000);
    return path;
}

} // namespace

TEST_CASE("Every screen draws every character, in both languages and two sizes", "[ui][screens]") {
    for (const char* lang : {"zh", "en"}) {
        for (auto [w, h_px] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
            const std::string tag = std::string(lang) + "-" + std::to_string(w) + "x" + std::to_string(h_px);
            const ui::Lang l = ui::lang_from_code(lang);
            Harness h({{"ui_lang", lang}, {"length", "5"}}, w, h_px);
            REQUIRE(h.screen() == ScreenId::Home);
            expect_glyphs(h, "home " + tag);
            shot(h, "home-" + tag);

            REQUIRE(h.click(ui::text(ui::T::Settings, l)));
            REQUIRE(h.screen() == ScreenId::Settings);
            expect_glyphs(h, "settings " + tag);
            shot(h, "settings-" + tag);
            h.press(SDL_SCANCODE_ESCAPE);
            REQUIRE(h.screen() == ScreenId::Home);

            REQUIRE(h.click(ui::text(ui::T::ProgressTitle, l)));
            REQUIRE(h.screen() == ScreenId::Progress);
            expect_glyphs(h, "progress " + tag);
            shot(h, "progress-empty-" + tag);
            h.press(SDL_SCANCODE_ESCAPE);
            REQUIRE(h.screen() == ScreenId::Home);

            REQUIRE(h.click(ui::text(ui::T::Start, l)));
            REQUIRE(h.screen() == ScreenId::Question);
            expect_glyphs(h, "question " + tag);
            shot(h, "question-" + tag);
            h.press(SDL_SCANCODE_ESCAPE);
            expect_glyphs(h, "leave " + tag);
            shot(h, "leave-" + tag);
            h.press(SDL_SCANCODE_ESCAPE); // keep playing
            REQUIRE(h.screen() == ScreenId::Question);
            // Answer every question wrongly by keyboard, to fill the review.
            for (int i = 0; h.screen() != ScreenId::Results; ++i) {
                const Question& q = h.session().current();
                if (q.kind == Kind::Order) h.press(SDL_SCANCODE_RETURN);
                else h.press(static_cast<SDL_Scancode>(SDL_SCANCODE_1 + static_cast<int>((q.answer[0] + 1) % q.options.size())));
                REQUIRE(h.screen() == ScreenId::Feedback);
                expect_glyphs(h, "feedback " + tag);
                if (i == 0) shot(h, "feedback-" + tag);
                h.press(SDL_SCANCODE_RETURN);
            }
            expect_glyphs(h, "results " + tag);
            shot(h, "results-" + tag);
        }
    }
}

TEST_CASE("An order question on screen", "[ui][screens]") {
    for (const char* lang : {"zh", "en"}) {
        Harness h({{"ui_lang", lang}, {"kinds", "order"}});
        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::Question);
        REQUIRE(h.session().current().kind == Kind::Order);
        expect_glyphs(h, "order");
        shot(h, std::string("question-order-") + lang);
    }
}

TEST_CASE("Esc goes back everywhere (asking first on a running quiz)", "[ui][navigation]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}});
    REQUIRE(h.click("Start"));
    REQUIRE(h.screen() == ScreenId::Question);
    h.press(SDL_SCANCODE_ESCAPE);
    REQUIRE(h.click("Leave"));
    CHECK(h.screen() == ScreenId::Home);
    REQUIRE(h.click("Start"));
    h.press(SDL_SCANCODE_1);
    REQUIRE(h.screen() == ScreenId::Feedback);
    h.press(SDL_SCANCODE_ESCAPE);
    REQUIRE(h.click("Leave"));
    CHECK(h.screen() == ScreenId::Home);
    REQUIRE(h.click("Settings"));
    h.press(SDL_SCANCODE_ESCAPE);
    CHECK(h.screen() == ScreenId::Home);
}

TEST_CASE("A key pressed and released between two frames still counts", "[ui][keys]") {
    Harness h({{"ui_lang", "en"}, {"kinds", "when"}});
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Question);
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.scancode = SDL_SCANCODE_2;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    SDL_PushEvent(&e);
    h.frames(3);
    CHECK(h.screen() == ScreenId::Feedback);
    CHECK(h.session().answers().at(0).chosen == std::vector<size_t>{1});
}

TEST_CASE("Settings apply at once and are remembered", "[ui][settings]") {
    std::string dir;
    {
        Harness h({{"ui_lang", "en"}});
        dir = h.data_dir() + "-kept";
        std::filesystem::remove_all(dir);
        std::filesystem::copy(h.data_dir(), dir);
    }
    {
        Harness h(Harness::SettingList{}, 1280, 720, dir);
        REQUIRE(h.click("Settings"));
        REQUIRE(h.click("中文"));
        CHECK(h.has("返回")); // the screen is Chinese at once
        REQUIRE(h.click("浅色"));
        REQUIRE(h.click("150%"));
        REQUIRE(h.click("关"));
        expect_glyphs(h, "settings after changes");
        shot(h, "settings-changed");
    }
    {
        Harness h(Harness::SettingList{}, 1280, 720, dir);
        CHECK(h.game().settings().ui_lang == "zh");
        CHECK(h.game().settings().theme == Theme::Light);
        CHECK(h.game().settings().text_size == 150);
        CHECK_FALSE(h.game().settings().sound);
        CHECK(h.has("开始"));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("Idle is idle: no frames are drawn while nothing happens", "[ui][idle]") {
    Harness h({{"ui_lang", "en"}});
    for (int i = 0; i < 5; ++i) h.game().step(0); // let pending frames drain
    const uint64_t drawn = h.game().frames_drawn();
    for (int i = 0; i < 20; ++i) h.game().step(10); // each waits up to 10 ms for an event
    CHECK(h.game().frames_drawn() == drawn);
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    SDL_PushEvent(&e);
    h.game().step(10);
    CHECK(h.game().frames_drawn() > drawn);
}

TEST_CASE("A broken pack is listed with its error and stops nothing", "[ui][packs]") {
    const std::string dir = (std::filesystem::temp_directory_path() / ("chronicle-ui-broken-pack-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir + "/packs");
    std::ofstream(dir + "/packs/broken.json") << "{\n  \"id\": \"broken\",\n}\n";
    {
        Harness h({{"ui_lang", "en"}}, 1280, 720, dir);
        const std::string shown = h.screen_text();
        CHECK(shown.find("broken.json") != std::string::npos);
        CHECK(shown.find("Cannot be loaded") != std::string::npos);
        CHECK(shown.find("broken.json:3:1: error: JSON syntax: ") != std::string::npos); // where, and the problem in words
        REQUIRE(h.click("Start")); // the bundled pack still plays
        CHECK(h.screen() == ScreenId::Question);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("An imported pack is found in the user's folder and plays", "[ui][packs][import]") {
    const std::string dir = (std::filesystem::temp_directory_path() / ("chronicle-ui-imported-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir + "/packs");
    ImportOptions o;
    o.file = "space-race.csv";
    const ImportResult r = import_csv("date,end date,headline,text\n1957-10-04,,Sputnik 1,The first satellite\n"
                                      "1961-04-12,,Gagarin,The first human in space\n"
                                      "1969-07-16,1969-07-24,Apollo 11,To the Moon and back\n"
                                      "1975-07-15,1975-07-24,Apollo–Soyuz,A handshake in orbit\n", o);
    REQUIRE(r.pack_text);
    std::ofstream(dir + "/packs/space-race.json") << *r.pack_text;
    for (const char* lang : {"zh", "en"}) {
        for (auto [w, h_px] : {std::pair{1280, 720}, std::pair{800, 600}}) {
            const std::string tag = std::string(lang) + "-" + std::to_string(w) + "x" + std::to_string(h_px);
            Harness h({{"ui_lang", lang}, {"pack", "space-race"}, {"kinds", "order"}}, w, h_px, dir);
            CHECK(h.screen_text().find("space-race") != std::string::npos);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::Question);
            // The pack is in English; events that lasted are ordered by when they began.
            CHECK(h.screen_text().find("Put these events in order of when they began") != std::string::npos);
            expect_glyphs(h, "imported question " + tag);
            shot(h, "question-imported-" + tag);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::Feedback);
            CHECK(h.screen_text().find("16 – 24 July 1969") != std::string::npos);
            expect_glyphs(h, "imported feedback " + tag);
            shot(h, "feedback-imported-" + tag);
        }
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("Home appears before the packs are loaded, and shows a pack still loading", "[ui][packs][loading]") {
    const std::string dir = (std::filesystem::temp_directory_path() / ("chronicle-ui-loading-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir + "/packs");
    ImportOptions o;
    o.file = "space-race.csv";
    const ImportResult r = import_csv("date,headline,text\n1957-10-04,Sputnik 1,The first satellite\n"
                                      "1961-04-12,Gagarin,The first human in space\n"
                                      "1969-07-16,Apollo 11,To the Moon and back\n", o);
    REQUIRE(r.pack_text);
    const std::string pack = dir + "/packs/space-race.json";
    std::ofstream(pack) << *r.pack_text;
    { Harness indexes_all(Harness::SettingList{}, 1280, 720, dir); } // the bundled pack is now in the index
    for (const char* lang : {"zh", "en"}) {
        for (auto [w, h_px] : {std::pair{1280, 720}, std::pair{800, 600}}) {
            const std::string tag = std::string(lang) + "-" + std::to_string(w) + "x" + std::to_string(h_px);
            const ui::Lang l = ui::lang_from_code(lang);
            // The user's pack changed since it was indexed: it is indexed again.
            std::filesystem::last_write_time(pack, std::filesystem::last_write_time(pack) + std::chrono::seconds(1));
            Harness h({{"ui_lang", lang}}, w, h_px, dir, true);
            REQUIRE(h.screen() == ScreenId::Home);
            const std::string shown = h.screen_text();
            CHECK(shown.find("space-race.json") != std::string::npos);
            CHECK(shown.find(ui::text(ui::T::PackLoading, l)) != std::string::npos);
            CHECK(shown.find("OpenAI") != std::string::npos); // the bundled pack, from the index
            REQUIRE(h.has(ui::text(ui::T::StartLoading, l))); // Start waits for the chosen pack
            REQUIRE(h.click(ui::text(ui::T::StartLoading, l)));
            CHECK(h.screen() == ScreenId::Home);
            expect_glyphs(h, "loading " + tag);
            shot(h, "home-loading-" + tag);

            h.game().finish_loading();
            h.frames();
            CHECK(h.screen_text().find(ui::text(ui::T::PackLoading, l)) == std::string::npos);
            CHECK(h.screen_text().find(fill_in(ui::text(ui::T::PackEvents, l), {{"n", "3"}})) != std::string::npos);
            REQUIRE(h.click(ui::text(ui::T::Start, l)));
            CHECK(h.screen() == ScreenId::Question);
        }
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("Home says when the chosen pack is too small for the length asked", "[ui][packs][capacity]") {
    const std::string dir = (std::filesystem::temp_directory_path() / ("chronicle-ui-capacity-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir + "/packs");
    ImportOptions o;
    o.file = "space-race.csv";
    const ImportResult r = import_csv("date,headline,text\n1957-10-04,Sputnik 1,The first satellite\n"
                                      "1961-04-12,Gagarin,The first human in space\n"
                                      "1969-07-16,Apollo 11,To the Moon and back\n", o);
    REQUIRE(r.pack_text);
    std::ofstream(dir + "/packs/space-race.json") << *r.pack_text;
    for (const char* lang : {"zh", "en"}) {
        const ui::Lang l = ui::lang_from_code(lang);
        // Three dated events give three `when` questions, not ten.
        const std::string too_small = ui::message(Issue{Problem::QuizShorter, {std::string("3"), std::string("10")}}, l);
        {
            Harness h({{"ui_lang", lang}, {"pack", "space-race"}, {"kinds", "when"}, {"length", "10"}}, 1280, 720, dir);
            REQUIRE(h.screen() == ScreenId::Home);
            CHECK(h.screen_text().find(too_small) != std::string::npos);
            expect_glyphs(h, std::string("too small ") + lang);
            shot(h, std::string("home-too-small-") + lang);
            REQUIRE(h.click("5"));
            h.frames();
            CHECK(h.screen_text().find(ui::message(Issue{Problem::QuizShorter, {std::string("3"), std::string("5")}}, l)) !=
                  std::string::npos);
        }
        {
            Harness h({{"ui_lang", lang}, {"pack", "space-race"}, {"kinds", "when"}, {"length", "5"}}, 1280, 720, dir);
            h.press(SDL_SCANCODE_RETURN); // the round still starts, shorter
            REQUIRE(h.screen() == ScreenId::Question);
        }
        // The seed pack fills ten: no such words, whatever its number.
        const std::string any = ui::message(Issue{Problem::QuizShorter, {std::string("\x01"), std::string("10")}}, l);
        Harness seed({{"ui_lang", lang}, {"pack", "openai-2023"}, {"length", "10"}}, 1280, 720, dir);
        REQUIRE(seed.screen_text().find("OpenAI") != std::string::npos);
        CHECK(seed.screen_text().find(any.substr(any.find('\x01') + 1)) == std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("A file dropped on the window becomes a pack", "[ui][packs][import]") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("chronicle-ui-drop-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "files");
    const std::string sheet = (dir / "files" / "登月.csv").string();
    std::ofstream(sheet) << "日期,标题,内容\n1957-10-04,人造卫星,第一颗人造卫星\n1961-04-12,加加林,第一位进入太空的人\n"
                            "1969-07-20,登月,阿波罗 11 号登月\n1969-13-01,坏日期,x\n";
    const std::string broken = (dir / "files" / "notes.csv").string();
    std::ofstream(broken) << "what,when\nx,y\n";
    auto drop = [](Harness& h, std::initializer_list<std::string> files) {
        for (const std::string& file : files) {
            SDL_Event e{};
            e.type = SDL_DROPFILE;
            e.drop.file = SDL_strdup(file.c_str());
            e.drop.windowID = SDL_GetWindowID(h.game().window());
            SDL_PushEvent(&e);
        }
        h.frames();
        h.game().finish_loading(); // the new pack is indexed and, chosen, loaded in the background
        h.frames();
    };
    for (const char* lang : {"zh", "en"}) {
        for (auto [w, h_px] : {std::pair{1280, 720}, std::pair{800, 600}}) {
            const std::string tag = std::string(lang) + "-" + std::to_string(w) + "x" + std::to_string(h_px);
            std::filesystem::remove_all(dir / "data");
            Harness h({{"ui_lang", lang}}, w, h_px, (dir / "data").string());
            const size_t before = h.game().play().library().entries().size();
            drop(h, {sheet});
            REQUIRE(h.game().play().library().entries().size() == before + 1);
            CHECK(std::filesystem::exists(dir / "data" / "packs" / ("pack-" + name_hash("登月") + ".json")));
            const std::string added = ui::text(ui::T::PackAdded, ui::lang_from_code(lang));
            CHECK(h.screen_text().find(added.substr(0, added.find("{t}"))) != std::string::npos);
            CHECK(h.screen_text().find("chronicle import " + sheet) != std::string::npos); // the bad row
            expect_glyphs(h, "dropped " + tag);
            shot(h, "home-dropped-" + tag);
            h.press(SDL_SCANCODE_RETURN); // the new pack is the one chosen
            REQUIRE(h.screen() == ScreenId::Question);
            CHECK(h.session().current().events.front().rfind("row-", 0) == 0);
            h.press(SDL_SCANCODE_ESCAPE); // "Leave this quiz?": → Leave, Enter
            h.press(SDL_SCANCODE_RIGHT);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::Home);

            drop(h, {sheet, broken}); // the same again is never replaced; a file that is no timeline is refused
            CHECK(h.game().play().library().entries().size() == before + 1);
            CHECK(h.screen_text().find("notes.csv") != std::string::npos);
            CHECK(h.screen_text().find("--install --force") != std::string::npos);
            expect_glyphs(h, "not dropped " + tag);
            shot(h, "home-not-dropped-" + tag);
        }
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("A damaged save is moved aside and the player is told", "[ui][storage]") {
    const std::string dir = (std::filesystem::temp_directory_path() / ("chronicle-ui-damaged-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/chronicle.db") << "this is not a database, just bytes that were once one";
    {
        Harness h(Harness::SettingList{}, 1280, 720, dir);
        CHECK(h.screen() == ScreenId::Home);
        CHECK(h.screen_text().find("chronicle.db.damaged-") != std::string::npos);
        expect_glyphs(h, "home with notice");
    }
    bool moved = false;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        moved |= entry.path().filename().string().rfind("chronicle.db.damaged-", 0) == 0;
    CHECK(moved);
    std::filesystem::remove_all(dir);
}

TEST_CASE("The bundled fonts cover the interface and every bundled pack", "[ui][fonts]") {
    ui::FontCoverage fonts(ui::bundled_fonts());
    std::string all = ui::all_ui_text() + generated_characters();
    for (const PackEntry& e : discover_packs({{"bundled", CHRONICLE_SOURCE_PACKS}})) {
        REQUIRE(e.pack);
        all += all_text(*e.pack);
    }
    const ui::GlyphPlan plan = fonts.plan(all);
    CHECK(plan.missing.empty());
    for (const ui::FontFace& face : plan.faces) CHECK_FALSE(face.system); // no system font needed
    REQUIRE(plan.faces.size() == 2);
    CHECK(plan.glyphs[0].size() > 60);  // Latin from Noto Sans
    CHECK(plan.glyphs[1].size() > 500); // hanzi from Noto Sans CJK SC
}

TEST_CASE("Saved data lives where SDL_GetPrefPath says", "[ui][storage]") {
    unsetenv("CHRONICLE_DATA_DIR");
    char* pref = SDL_GetPrefPath("", "chronicle");
    REQUIRE(pref);
    CHECK(std::string(pref) == user_data_folder().value_or("none") + "/");
    SDL_free(pref);
}

TEST_CASE("Without a data folder the game does not start, and says why", "[ui][storage]") {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    auto said = [](const std::string& error, const Issue& issue) {
        return error == ui::message(issue, ui::Lang::En) || error == ui::message(issue, ui::Lang::Zh);
    };
    namespace fs = std::filesystem;
    const std::string dangling = (fs::temp_directory_path() / ("chronicle-dangling-" + std::to_string(::getpid()))).string();
    fs::remove(dangling);
    fs::create_symlink(dangling + "-gone", dangling);
    setenv("CHRONICLE_DATA_DIR", dangling.c_str(), 1);
    {
        Game game(GameOptions{});
        std::string error;
        CHECK_FALSE(game.start(error));
        CHECK(said(error, {Problem::FolderIsDanglingLink, {dangling, dangling + "-gone"}}));
    }
    fs::remove(dangling);
    unsetenv("CHRONICLE_DATA_DIR");
    std::vector<std::pair<const char*, std::optional<std::string>>> saved;
    for (const char* name : {"HOME", "XDG_DATA_HOME"}) {
        const char* value = std::getenv(name);
        saved.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
        unsetenv(name);
    }
    {
        Game game(GameOptions{});
        std::string error;
        CHECK_FALSE(game.start(error));
        CHECK(said(error, {Problem::NoDataFolder}));
    }
    for (const auto& [name, value] : saved)
        if (value) setenv(name, value->c_str(), 1);
}
