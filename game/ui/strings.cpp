#include "ui/strings.h"

#include "core/base/text.h"
#include "core/quiz/kind.h"
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

std::string all_ui_text() {
    std::string all = "中文English0123456789%+-–—/:()[]{}.,!?…·↑↓←→";
    for (size_t i = 0; i < static_cast<size_t>(T::Count); ++i) all += std::string(kZh[i]) + kEn[i];
    for (Kind k : kAllKinds) all += std::string(kind_spec(k).label.zh) + kind_spec(k).label.en;
    return all + all_message_text();
}

} // namespace chronicle::ui
