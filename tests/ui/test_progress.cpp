// The Progress screen over weeks of simulated history written into the save first
// (tests/history.h): the figures it draws are the ones core's make_progress gives for
// the same records, in Chinese and English, at three window sizes, every character
// with a glyph; screenshots in <build>/screenshots/progress-*.png.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/clock.h"
#include "core/learn/progress_input.h"
#include "core/pack/pack_loader.h"
#include "core/quiz/phrases.h"
#include "harness.h"
#include "history.h"
#include "ui/progress_words.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

const std::string kPackFile = std::string(CHRONICLE_SOURCE_PACKS) + "/openai-2023.json";

// A data folder whose save holds `weeks` weeks of history up to now; the report core
// makes from it (at `now`, the local time zone) in `expected`.
std::string folder_with_history(int weeks, int64_t now, PackProgress& expected) {
    const std::string dir =
        (std::filesystem::temp_directory_path() / ("chronicle-ui-progress-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    LoadResult loaded = load_pack_file(kPackFile);
    REQUIRE(loaded.pack);
    OpenResult opened = Storage::open(dir + "/" + kSaveFileName, now);
    REQUIRE(opened.storage);
    std::string error;
    REQUIRE(write_history(*opened.storage, *loaded.pack, weeks, now, utc_offset_at(now), {}, error));
    expected = make_progress(progress_input(*opened.storage, *loaded.pack), now, utc_offset_at(now), {});
    return dir;
}

void set(const std::string& dir, const std::string& key, const std::string& value) {
    OpenResult opened = Storage::open(dir + "/" + kSaveFileName, 0);
    REQUIRE(opened.storage);
    REQUIRE(opened.storage->set_setting(key, value));
}

// Every figure of the report, as the screen words it.
std::vector<std::string> figures(const PackProgress& p, ui::Lang lang) {
    std::vector<std::string> all = {ui::mastery_text(p, lang),       ui::new_facts_text(p, lang), ui::due_today_text(p, lang),
                                    ui::due_next_text(p, lang),      ui::recent_text(p, lang),    ui::answered_text(p, lang),
                                    ui::streak_text(p, lang),        ui::longest_streak_text(p, lang),
                                    ui::study_days_text(p, lang)};
    for (const KindTally& k : p.kinds) all.push_back(kind_spec(k.kind).label.in(ui::lang_code(lang)));
    for (const KindTally& k : p.kinds)
        all.push_back(fill_in(ui::text(ui::T::KindScore, lang),
                              {{"c", ui::number_text(k.tally.right, lang)}, {"n", ui::number_text(k.tally.answered, lang)}}) +
                      "  " +
                      fill_in(ui::text(ui::T::PercentN, lang),
                              {{"n", ui::number_text(ui::percent(k.tally.right, k.tally.answered), lang)}}));
    return all;
}

} // namespace

TEST_CASE("Progress draws the report of weeks of history", "[ui][progress]") {
    const int64_t now = unix_now();
    PackProgress expected;
    const std::string dir = folder_with_history(5, now, expected);
    REQUIRE(expected.study_days > 20);
    REQUIRE(expected.recent_games.size() == 10);
    REQUIRE(expected.known > 0);
    for (const char* lang : {"zh", "en"}) {
        const ui::Lang l = ui::lang_from_code(lang);
        set(dir, "ui_lang", lang);
        for (auto [w, h_px] : {std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{800, 600}}) {
            const std::string tag = std::string(lang) + "-" + std::to_string(w) + "x" + std::to_string(h_px);
            INFO(tag);
            Harness h(Harness::SettingList{}, w, h_px, dir);
            REQUIRE(h.click(ui::text(ui::T::ProgressTitle, l)));
            REQUIRE(h.screen() == ScreenId::Progress);
            h.steady();
            const std::string drawn = h.screen_text();
            for (const std::string& figure : figures(expected, l)) {
                INFO(figure);
                CHECK(drawn.find(figure) != std::string::npos);
            }
            CHECK(h.has("mastery-bar"));
            CHECK(h.has("accuracy-line"));
            CHECK(h.has("calendar"));
            CHECK(h.missing_glyph() == "");
            CHECK(h.scrolling_window() == "");
            h.screenshot("progress-" + tag);
            h.press(SDL_SCANCODE_ESCAPE);
            CHECK(h.screen() == ScreenId::Home);
        }
    }
    set(dir, "ui_lang", "en");
    set(dir, "theme", "high_contrast");
    {
        Harness h(Harness::SettingList{}, 1280, 720, dir);
        REQUIRE(h.click("Progress"));
        h.steady();
        CHECK(h.missing_glyph() == "");
        h.screenshot("progress-en-high-contrast");
    }
    set(dir, "theme", "light");
    {
        Harness h(Harness::SettingList{}, 1280, 720, dir);
        REQUIRE(h.click("Progress"));
        h.steady();
        h.screenshot("progress-en-light");
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("Progress with nothing studied, and another pack", "[ui][progress]") {
    for (const char* lang : {"zh", "en"}) {
        const ui::Lang l = ui::lang_from_code(lang);
        // A second pack in the user's folder, to switch to.
        const std::string dir =
            (std::filesystem::temp_directory_path() / ("chronicle-ui-progress-empty-" + std::to_string(::getpid()))).string();
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir + "/packs");
        {
            std::ifstream in(kPackFile);
            nlohmann::json pack = nlohmann::json::parse(in);
            pack["id"] = "openai-copy";
            std::ofstream(dir + "/packs/copy.json") << pack.dump();
        }
        Harness h({{"ui_lang", lang}}, 1280, 720, dir);
        REQUIRE(h.click(ui::text(ui::T::ProgressTitle, l)));
        REQUIRE(h.screen() == ScreenId::Progress);
        h.steady();
        std::string drawn = h.screen_text();
        CHECK(drawn.find(ui::text(ui::T::NoGamesYet, l)) != std::string::npos);
        CHECK(drawn.find(ui::text(ui::T::NoAnswersYet, l)) != std::string::npos);
        CHECK(h.missing_glyph() == "");
        h.screenshot(std::string("progress-switch-") + lang);
        const std::string first = h.game().settings().pack;
        REQUIRE(h.click(ui::text(ui::T::SwitchPack, l)));
        h.game().finish_loading();
        h.steady();
        CHECK(h.game().settings().pack != first);
        CHECK(h.screen() == ScreenId::Progress);
        drawn = h.screen_text();
        CHECK(drawn.find(ui::text(ui::T::NoGamesYet, l)) != std::string::npos);
        h.press(SDL_SCANCODE_ESCAPE);
        CHECK(h.screen() == ScreenId::Home);
        std::filesystem::remove_all(dir);
    }
}
