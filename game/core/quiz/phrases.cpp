#include "core/quiz/phrases.h"

#include "core/base/text.h"

namespace chronicle {

namespace {

const Phrases kChinese = {
    "下面哪件事最先发生？",
    "下面哪件事最晚发生？",
    "把这些事件按时间先后排序（最早的在前）。",
    "「{a}」发生在「{b}」之前还是之后？",
    "之前",
    "之后",
    "「{e}」发生在什么时候？",
    "谁说过「{q}」？",
    "谁{p}？",
    "对",
    "错",
    "日期不详",
    "「{q}」—— {name}",
    "下面哪件事最先开始？",
    "下面哪件事最晚开始？",
    "把这些事件按开始时间先后排序（最早的在前）。",
    "「{a}」开始于「{b}」开始之前还是之后？",
    "「{e}」是什么时候开始的？",
};

const Phrases kEnglish = {
    "Which of these happened first?",
    "Which of these happened most recently?",
    "Put these events in order, earliest first.",
    "Did “{a}” happen before or after “{b}”?",
    "Before",
    "After",
    "When did this happen: “{e}”?",
    "Who said “{q}”?",
    "Who {p}?",
    "True",
    "False",
    "date unknown",
    "“{q}” — {name}",
    "Which of these began first?",
    "Which of these began most recently?",
    "Put these events in order of when they began, earliest first.",
    "Did “{a}” begin before or after “{b}” began?",
    "When did this begin: “{e}”?",
};

} // namespace

const Phrases& phrases_for(std::string_view lang) { return is_chinese(lang) ? kChinese : kEnglish; }

std::string generated_characters() {
    std::string out = "0123456789,.-–—%+ 『』「」“”年月日公元前约亿万至 BC billion million years ago"
                      "January February March April May June July August September October November December";
    for (const Phrases* p : {&kChinese, &kEnglish})
        for (const char* s : {p->first, p->last, p->order, p->before_after, p->before, p->after, p->when, p->who_said,
                              p->who_did, p->true_, p->false_, p->date_unknown, p->quote_line, p->first_began, p->last_began,
                              p->order_began, p->before_after_began, p->when_began})
            out += s;
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
