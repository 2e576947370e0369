#include <catch2/catch.hpp>

#include <map>

#include "core/store/settings.h"

using namespace chronicle;

namespace {

Settings read(const std::map<std::string, std::string>& stored, const std::string& system_lang = "en") {
    return read_settings(
        [&](const std::string& key) -> std::optional<std::string> {
            auto it = stored.find(key);
            return it == stored.end() ? std::nullopt : std::optional<std::string>(it->second);
        },
        system_lang);
}

} // namespace

TEST_CASE("Settings round-trip through their stored text", "[settings]") {
    Settings s;
    s.ui_lang = "zh";
    s.text_size = 175;
    s.theme = Theme::HighContrast;
    s.sound = false;
    s.partial_order_credit = false;
    s.pack = "openai-2023";
    s.mode = Mode::Timed;
    s.length = 20;
    s.difficulty = Difficulty::Hard;
    s.kinds = {Kind::Order, Kind::WhoSaid};
    s.desired_retention = 85;
    s.new_per_day = 5;
    std::map<std::string, std::string> stored;
    for (const auto& [key, value] : settings_entries(s)) stored[key] = value;
    const Settings back = read(stored);
    CHECK(back.ui_lang == "zh");
    CHECK(back.text_size == 175);
    CHECK(back.theme == Theme::HighContrast);
    CHECK_FALSE(back.sound);
    CHECK_FALSE(back.partial_order_credit);
    CHECK(back.pack == "openai-2023");
    CHECK(back.mode == Mode::Timed);
    CHECK(back.length == 20);
    CHECK(back.difficulty == Difficulty::Hard);
    CHECK(back.kinds == std::vector<Kind>{Kind::Order, Kind::WhoSaid});
    CHECK(back.desired_retention == 85);
    CHECK(back.new_per_day == 5);
}

TEST_CASE("Missing or bad settings keep their defaults", "[settings]") {
    CHECK(read({}, "zh").ui_lang == "zh"); // the system's language first
    CHECK(read({}, "fr").ui_lang == "en");
    const Settings s = read({{"ui_lang", "klingon"}, {"text_size", "9000"}, {"theme", "neon"}, {"length", "7"},
                             {"mode", "speedrun"}, {"kinds", "order,bogus"}, {"difficulty", ""}});
    CHECK(s.ui_lang == "en");
    CHECK(s.text_size == kMaxTextSize);
    CHECK(s.theme == Theme::Dark);
    CHECK(s.length == 10);
    CHECK(s.mode == Mode::Practice);
    CHECK(s.kinds == std::vector<Kind>{Kind::Order});
    CHECK(s.difficulty == Difficulty::Normal);
    CHECK(read({}).partial_order_credit);
    CHECK(read({{"order_credit", "sometimes"}}).partial_order_credit);
    CHECK(read({{"text_size", "110"}}).text_size == 100); // snapped to the 25 % steps on offer
    CHECK(read({{"text_size", "140"}}).text_size == 150);
    CHECK(read({}).desired_retention == 90);
    CHECK(read({{"retention", "99"}}).desired_retention == kMaxRetention); // past FSRS's sensible range
    CHECK(read({{"retention", "-5"}}).desired_retention == 90);
    CHECK(read({}).new_per_day == 20);
    CHECK(read({{"new_per_day", "many"}}).new_per_day == 20);
    CHECK(read({{"new_per_day", "500"}}).new_per_day == kMaxNewPerDay);
}
