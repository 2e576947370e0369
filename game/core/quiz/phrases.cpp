#include "core/quiz/phrases.h"

namespace chronicle {

std::string generated_characters() {
    std::string out = "0123456789,.-–—%+ 『』「」“”年月日公元前约亿万至 BC billion million years ago"
                      "January February March April May June July August September October November December";
    for (const Words& w : {kDateUnknown, kQuoteLine}) out += std::string(w.zh) + w.en;
    for (Kind k : kAllKinds)
        for (const Words& w : kind_spec(k).phrases) out += std::string(w.zh) + w.en;
    return out;
}

std::string fill_in(std::string_view tmpl, std::string_view name, std::string_view value) {
    std::string out(tmpl);
    const std::string marker = "{" + std::string(name) + "}";
    for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at + value.size()))
        out.replace(at, marker.size(), value);
    return out;
}

} // namespace chronicle
