// The player's settings and last choices on Home, remembered across runs. Stored as
// text key/value pairs so that an old or hand-edited value falls back to its default
// instead of failing.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/learn/fsrs.h"
#include "core/quiz/question.h"
#include "core/quiz/scoring.h"

namespace chronicle {

enum class Theme { Dark, Light, HighContrast };

constexpr int kMinTextSize = 75, kMaxTextSize = 200; // percent
constexpr int kMinRetention = 70, kMaxRetention = 97;  // percent, FSRS's sensible range
constexpr int kMaxNewPerDay = 100;

struct Settings {
    std::string ui_lang = "en"; // "zh" or "en"
    int text_size = 100;        // percent, kMinTextSize..kMaxTextSize
    Theme theme = Theme::Dark;
    bool sound = true;
    bool partial_order_credit = true; // see ScoreRules::partial_order_credit
    // Studying over days (learn/): the chance of recall reviews aim at, and how many
    // facts of a pack a day's Learn sessions bring in for the first time.
    int desired_retention = 90; // percent, kMinRetention..kMaxRetention
    int new_per_day = 20;       // 0..kMaxNewPerDay
    // Last choices on Home.
    std::string pack;
    Mode mode = Mode::Practice;
    int length = 10; // 5, 10 or 20
    Difficulty difficulty = Difficulty::Normal;
    std::vector<Kind> kinds; // empty: every kind the pack supports
};

// Reads each setting through `get` (key → stored text); missing or bad values keep
// the defaults, with `default_lang` for the interface language.
Settings read_settings(const std::function<std::optional<std::string>(const std::string&)>& get,
                       const std::string& default_lang);
// The FSRS parameters the settings choose (the desired retention).
fsrs::Parameters memory_parameters(const Settings& s);
// Every setting as (key, text), for storing.
std::vector<std::pair<std::string, std::string>> settings_entries(const Settings& s);

} // namespace chronicle
