#include "ui/strings.h"

#include "core/base/text.h"
#include "core/quiz/kind.h"
#include "core/quiz/phrases.h"
#include "ui/messages.h"

namespace chronicle::ui {

namespace {

const char* const kZh[] = {
#define CHRONICLE_UI_ZH(id, zh, en) zh,
    CHRONICLE_UI_STRINGS(CHRONICLE_UI_ZH)
#undef CHRONICLE_UI_ZH
};
const char* const kEn[] = {
#define CHRONICLE_UI_EN(id, zh, en) en,
    CHRONICLE_UI_STRINGS(CHRONICLE_UI_EN)
#undef CHRONICLE_UI_EN
};
static_assert(sizeof kZh / sizeof *kZh == static_cast<size_t>(T::Count));

} // namespace

const char* text(T id, Lang lang) { return (lang == Lang::Zh ? kZh : kEn)[static_cast<size_t>(id)]; }

Lang lang_from_code(std::string_view code) { return code.substr(0, 2) == "zh" ? Lang::Zh : Lang::En; }

const char* lang_code(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

std::string number_text(long long n, Lang lang) { return format_number(static_cast<double>(n), lang_code(lang)); }

std::string time_from_now(int64_t seconds, Lang lang) {
    const auto say = [&](T words, int64_t n) { return fill_in(text(words, lang), {{"n", number_text(n, lang)}}); };
    if (seconds < 60) return text(T::Now, lang);
    if (seconds < 3600) return say(T::InMinutes, (seconds + 30) / 60);
    if (seconds < 86400) return say(T::InHours, (seconds + 1800) / 3600);
    const int64_t days = (seconds + 43200) / 86400;
    return days == 1 ? text(T::InOneDay, lang) : say(T::InDays, days);
}

std::string all_ui_text() {
    std::string all = "中文English0123456789%+-–—/:()[]{}.,!?…·↑↓←→";
    for (size_t i = 0; i < static_cast<size_t>(T::Count); ++i) all += std::string(kZh[i]) + kEn[i];
    for (Kind k : kAllKinds) all += std::string(kind_spec(k).label.zh) + kind_spec(k).label.en;
    return all + all_message_text();
}

} // namespace chronicle::ui
