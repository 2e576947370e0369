#include "core/store/settings.h"

#include "core/base/text.h"

#include <algorithm>

namespace chronicle {

namespace {

const char* theme_name(Theme t) { return t == Theme::Light ? "light" : t == Theme::HighContrast ? "high_contrast" : "dark"; }

std::optional<int> to_int(const std::string& s) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(s);
}

} // namespace

Settings read_settings(const std::function<std::optional<std::string>(const std::string&)>& get,
                       const std::string& default_lang) {
    Settings s;
    s.ui_lang = default_lang == "zh" ? "zh" : "en";
    if (auto v = get("ui_lang"); v && (*v == "zh" || *v == "en")) s.ui_lang = *v;
    if (auto v = get("text_size"))
        if (auto n = to_int(*v)) s.text_size = (std::clamp(*n, kMinTextSize, kMaxTextSize) + 12) / 25 * 25; // the 25 % steps Settings offers
    if (auto v = get("theme"))
        for (Theme t : {Theme::Dark, Theme::Light, Theme::HighContrast})
            if (*v == theme_name(t)) s.theme = t;
    if (auto v = get("sound")) s.sound = *v != "off";
    if (auto v = get("order_credit")) s.partial_order_credit = *v != "all_or_nothing";
    if (auto v = get("retention"))
        if (auto n = to_int(*v)) s.desired_retention = std::clamp(*n, kMinRetention, kMaxRetention);
    if (auto v = get("new_per_day"))
        if (auto n = to_int(*v)) s.new_per_day = std::min(*n, kMaxNewPerDay);
    if (auto v = get("pack")) s.pack = *v;
    if (auto v = get("mode"))
        if (auto m = mode_from_name(*v)) s.mode = *m;
    if (auto v = get("length"))
        if (auto n = to_int(*v); n && (*n == 5 || *n == 10 || *n == 20)) s.length = *n;
    if (auto v = get("difficulty"))
        if (auto d = difficulty_from_name(*v)) s.difficulty = *d;
    if (auto v = get("kinds"))
        for (const std::string& name : split(*v, ','))
            if (auto k = kind_from_name(name)) s.kinds.push_back(*k);
    return s;
}

fsrs::Parameters memory_parameters(const Settings& s) {
    fsrs::Parameters p;
    p.desired_retention = s.desired_retention / 100.0;
    return p;
}

std::vector<std::pair<std::string, std::string>> settings_entries(const Settings& s) {
    std::vector<std::string> kinds;
    for (Kind k : s.kinds) kinds.emplace_back(kind_name(k));
    return {{"ui_lang", s.ui_lang},
            {"text_size", std::to_string(s.text_size)},
            {"theme", theme_name(s.theme)},
            {"sound", s.sound ? "on" : "off"},
            {"order_credit", s.partial_order_credit ? "partial" : "all_or_nothing"},
            {"retention", std::to_string(s.desired_retention)},
            {"new_per_day", std::to_string(s.new_per_day)},
            {"pack", s.pack},
            {"mode", mode_name(s.mode)},
            {"length", std::to_string(s.length)},
            {"difficulty", difficulty_name(s.difficulty)},
            {"kinds", join(kinds, ",")}};
}

} // namespace chronicle
