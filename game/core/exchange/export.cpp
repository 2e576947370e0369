#include "core/exchange/export.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/base/text.h"
#include "core/quiz/phrases.h"

namespace chronicle {

namespace {

// nlohmann escapes C0 controls but writes DEL and C1 (U+0080–U+009F) raw, and a
// terminal acts on those: write them as \u escapes too. The strings are the same.
std::string with_controls_escaped(const std::string& json) {
    std::string out;
    std::string_view rest = json;
    for (size_t at = find_control_character(rest, true); at != std::string_view::npos; at = find_control_character(rest, true)) {
        const bool c1 = static_cast<unsigned char>(rest[at]) >= 0x80; // two bytes in UTF-8: 0xC2, then the code
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(rest[at + (c1 ? 1 : 0)]));
        out.append(rest.substr(0, at)).append(escape);
        rest.remove_prefix(at + (c1 ? 2 : 1));
    }
    return out.append(rest);
}

// The Markdown sheet's own words, in the quiz's language like its questions.
constexpr Words kSheetLine{"种子 {s} · {d} · {n} 题", "Seed {s} · {d} · {n} questions"};
constexpr Words kSheetLineOne{"种子 {s} · {d} · {n} 题", "Seed {s} · {d} · {n} question"};
constexpr Words kDifficultyWords[] = {{"简单", "easy"}, {"普通", "normal"}, {"困难", "hard"}};
constexpr Words kSourceLine{"来源：{t} <{u}>", "Source: {t} <{u}>"};
constexpr Words kAnswerKey{"## 答案", "## Answer key"};

} // namespace

std::string quiz_to_json(const Quiz& quiz) {
    using nlohmann::ordered_json;
    auto id_or_null = [](const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); };
    ordered_json questions = ordered_json::array();
    for (const Question& q : quiz.questions) {
        ordered_json options = ordered_json::array();
        for (const Option& o : q.options) {
            options.push_back({{"id", o.id},
                               {"text", o.text},
                               {"event", id_or_null(o.event)},
                               {"person", id_or_null(o.person)},
                               {"value", o.value ? ordered_json(*o.value) : ordered_json(nullptr)}});
        }
        ordered_json answer = ordered_json::array();
        for (size_t i : q.answer) answer.push_back(q.options[i].id);
        questions.push_back({{"kind", kind_name(q.kind)},
                             {"prompt", q.prompt},
                             {"options", options},
                             {"answer", answer},
                             {"events", q.events},
                             {"explanation", q.explanation}});
    }
    const ordered_json out = {{"format", kQuizFormat},
                              {"pack", quiz.pack_id},
                              {"seed", quiz.seed},
                              {"lang", quiz.lang},
                              {"questions", questions}};
    return with_controls_escaped(out.dump(2)) + "\n";
}

std::string quiz_to_markdown(const Quiz& quiz, const Pack& pack) {
    const std::string& lang = quiz.lang;
    const std::string& title = pack.text(pack.title, lang);
    std::string md = "# " + title + "\n\n";
    const Words& line = quiz.questions.size() == 1 ? kSheetLineOne : kSheetLine;
    md += fill_in(line.in(lang), {{"s", std::to_string(quiz.seed)},
                                  {"d", kDifficultyWords[static_cast<size_t>(quiz.difficulty)].in(lang)},
                                  {"n", format_number(static_cast<double>(quiz.questions.size()), lang)}}) +
          "\n\n";
    if (!pack.source.url.empty())
        md += fill_in(kSourceLine.in(lang), {{"t", pack.text(pack.source.title, lang)}, {"u", pack.source.url}}) + "\n\n";

    for (size_t i = 0; i < quiz.questions.size(); ++i) {
        const Question& q = quiz.questions[i];
        md += std::to_string(i + 1) + ". " + q.prompt + "\n\n";
        for (const Option& o : q.options) md += "   - " + (asks_for_order(q.kind) ? std::string("___ ") : "") + o.id + ". " + o.text + "\n";
        md += "\n";
    }
    md += std::string(kAnswerKey.in(lang)) + "\n\n";
    for (size_t i = 0; i < quiz.questions.size(); ++i) {
        const Question& q = quiz.questions[i];
        std::string answer;
        for (size_t a : q.answer) answer += (answer.empty() ? "" : asks_for_order(q.kind) ? " → " : ", ") + q.options[a].id;
        md += std::to_string(i + 1) + ". **" + answer + "**";
        if (!asks_for_order(q.kind)) md += " " + q.options[q.answer[0]].text;
        md += "\n\n";
        // Indent each explanation line under its number.
        std::string body = q.explanation;
        for (size_t at = 0; (at = body.find('\n', at)) != std::string::npos; at += 5) body.replace(at, 1, "\\\n   ");
        md += "   " + body + "\n\n";
    }
    return md;
}

} // namespace chronicle
