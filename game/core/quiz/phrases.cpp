#include "core/quiz/phrases.h"

#include <algorithm>

namespace chronicle {

std::string generated_characters() {
    std::string out = "0123456789,.-–—%+ 『』「」“”年月日公元前约亿万至之间从持续到 BC billion million years ago between and from to"
                      "January February March April May June July August September October November December";
    for (const Words& w : {kDateUnknown, kQuoteLine}) out += std::string(w.zh) + w.en;
    for (Kind k : kAllKinds)
        for (const Words& w : kind_spec(k).phrases) out += std::string(w.zh) + w.en;
    return out;
}

std::string fill_in(std::string_view tmpl, std::initializer_list<Fill> fills) {
    std::string out;
    out.reserve(tmpl.size());
    size_t done = 0; // tmpl[0, done) is in `out`
    for (size_t open = tmpl.find('{'); open != std::string_view::npos; open = tmpl.find('{', open + 1)) {
        const size_t close = tmpl.find('}', open + 1);
        if (close == std::string_view::npos) break;
        const std::string_view name = tmpl.substr(open + 1, close - open - 1);
        const Fill* fill = std::find_if(fills.begin(), fills.end(), [&](const Fill& f) { return f.name == name; });
        if (fill == fills.end()) continue;
        out.append(tmpl.substr(done, open - done)).append(fill->value);
        done = close + 1;
        open = close;
    }
    return out.append(tmpl.substr(done));
}

} // namespace chronicle
