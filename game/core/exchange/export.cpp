#include "core/exchange/export.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/base/text.h"
#include "core/quiz/generator.h"
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

// One question as it stands in the whole quiz's JSON, nlohmann's dump(2) of the quiz:
// an item of "questions", two levels in. Written field by field (a tree a question cost
// a quarter of a long export), each value by nlohmann: its escapes, its numbers.
std::string question_json(const Question& q) {
    auto value = [](const auto& v) { return nlohmann::json(v).dump(); };
    auto id_or_null = [&](const std::string& s) { return s.empty() ? std::string("null") : value(s); };
    auto strings = [&](const std::vector<std::string>& items) { // a field's array
        if (items.empty()) return std::string("[]");
        std::string out = "[";
        for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n        " : "\n        ") + value(items[i]);
        return out + "\n      ]";
    };
    std::string out = "    {\n      \"kind\": " + value(kind_name(q.kind)) + ",\n      \"prompt\": " + value(q.prompt) +
                      ",\n      \"options\": ";
    if (q.options.empty()) out += "[]";
    for (size_t i = 0; i < q.options.size(); ++i) {
        const Option& o = q.options[i];
        out += (i ? ",\n        {\n          \"id\": " : "[\n        {\n          \"id\": ") + value(o.id) +
               ",\n          \"text\": " + value(o.text) + ",\n          \"event\": " + id_or_null(o.event) +
               ",\n          \"person\": " + id_or_null(o.person) + ",\n          \"value\": " + (o.value ? value(*o.value) : "null") +
               "\n        }";
        if (i + 1 == q.options.size()) out += "\n      ]";
    }
    std::vector<std::string> answer;
    for (size_t i : q.answer) answer.push_back(q.options[i].id);
    out += ",\n      \"answer\": " + strings(answer) + ",\n      \"events\": " + strings(q.events) + ",\n      \"explanation\": " +
           value(q.explanation) + "\n    }";
    return with_controls_escaped(out);
}

// The JSON before the questions, up to "questions": …
std::string json_head(const Quiz& quiz) {
    const nlohmann::ordered_json header = {{"format", kQuizFormat}, {"pack", quiz.pack_id}, {"seed", quiz.seed}, {"lang", quiz.lang}};
    std::string text = header.dump(2);
    text.resize(text.size() - 2); // "\n}"
    return with_controls_escaped(text) + ",\n  \"questions\": ";
}

// The Markdown before the questions: title, seed, difficulty, count, source.
std::string markdown_head(const Quiz& quiz, const Pack& pack, size_t count) {
    const std::string& lang = quiz.lang;
    std::string md = "# " + pack.text(pack.title, lang) + "\n\n";
    const Words& line = count == 1 ? kSheetLineOne : kSheetLine;
    md += fill_in(line.in(lang), {{"s", std::to_string(quiz.seed)},
                                  {"d", kDifficultyWords[static_cast<size_t>(quiz.difficulty)].in(lang)},
                                  {"n", format_number(static_cast<double>(count), lang)}}) +
          "\n\n";
    if (!pack.source.url.empty())
        md += fill_in(kSourceLine.in(lang), {{"t", pack.text(pack.source.title, lang)}, {"u", pack.source.url}}) + "\n\n";
    return md;
}

// A question on the sheet, after its number.
std::string question_markdown(const Question& q) {
    std::string md = q.prompt + "\n\n";
    for (const Option& o : q.options) md += "   - " + (asks_for_order(q.kind) ? std::string("___ ") : "") + o.id + ". " + o.text + "\n";
    return md + "\n";
}

// Its line in the answer key, after its number.
std::string answer_markdown(const Question& q) {
    std::string answer;
    for (size_t a : q.answer) answer += (answer.empty() ? "" : asks_for_order(q.kind) ? " → " : ", ") + q.options[a].id;
    std::string md = "**" + answer + "**";
    if (!asks_for_order(q.kind)) md += " " + q.options[q.answer[0]].text;
    md += "\n\n";
    // Indent each explanation line under its number.
    std::string body = q.explanation;
    for (size_t at = 0; (at = body.find('\n', at)) != std::string::npos; at += 5) body.replace(at, 1, "\\\n   ");
    return md + "   " + body + "\n\n";
}

// Text set aside until the quiz's order is known: in an unnamed temporary file (gone
// when closed, even after a crash), or in memory when none can be made.
class SetAside {
public:
    struct Span {
        uint64_t at, size;
    };
    SetAside() : file_(std::tmpfile()) {}
    ~SetAside() {
        if (file_) std::fclose(file_);
    }
    SetAside(const SetAside&) = delete;
    SetAside& operator=(const SetAside&) = delete;

    Span add(const std::string& text) {
        const Span span{size_, text.size()};
        size_ += text.size();
        if (!file_) memory_ += text;
        else if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) fail();
        return span;
    }
    std::string read(Span span) {
        if (!file_) return memory_.substr(span.at, span.size);
        std::string text(span.size, '\0');
        if (std::fseek(file_, static_cast<long>(span.at), SEEK_SET) != 0 ||
            std::fread(text.data(), 1, text.size(), file_) != text.size())
            fail();
        return text;
    }
    const std::optional<Issue>& error() const { return error_; }

private:
    void fail() {
        if (!error_) error_ = Issue{Problem::CannotWrite, {P_tmpdir, std::strerror(errno ? errno : EIO)}};
    }
    std::FILE* file_;
    std::string memory_;
    uint64_t size_ = 0;
    std::optional<Issue> error_;
};

} // namespace

std::string quiz_to_json(const Quiz& quiz) {
    std::string json = json_head(quiz);
    if (quiz.questions.empty()) return json + "[]\n}\n";
    json += "[\n";
    for (size_t i = 0; i < quiz.questions.size(); ++i) json += (i ? ",\n" : "") + question_json(quiz.questions[i]);
    return json + "\n  ]\n}\n";
}

std::string quiz_to_markdown(const Quiz& quiz, const Pack& pack) {
    std::string md = markdown_head(quiz, pack, quiz.questions.size());
    for (size_t i = 0; i < quiz.questions.size(); ++i) md += std::to_string(i + 1) + ". " + question_markdown(quiz.questions[i]);
    md += std::string(kAnswerKey.in(quiz.lang)) + "\n\n";
    for (size_t i = 0; i < quiz.questions.size(); ++i) md += std::to_string(i + 1) + ". " + answer_markdown(quiz.questions[i]);
    return md;
}

QuizExport export_quiz(const Pack& pack, const QuizOptions& options, QuizFormat format,
                       const std::function<void(std::string_view)>& put) {
    const bool json = format == QuizFormat::Json;
    SetAside aside;
    std::vector<SetAside::Span> questions, answers; // by number
    const std::vector<size_t> order = generate_questions(pack, options, [&](Question&& q) {
        questions.push_back(aside.add(json ? question_json(q) : question_markdown(q)));
        if (!json) answers.push_back(aside.add(answer_markdown(q)));
    });
    QuizExport done{order.size(), aside.error()};
    if (order.empty() || done.error) return done;
    const Quiz quiz = quiz_header(pack, options);
    if (json) {
        put(json_head(quiz) + "[\n");
        for (size_t i = 0; i < order.size(); ++i) {
            if (i) put(",\n");
            put(aside.read(questions[order[i]]));
        }
        put("\n  ]\n}\n");
    } else {
        put(markdown_head(quiz, pack, order.size()));
        for (size_t i = 0; i < order.size(); ++i) put(std::to_string(i + 1) + ". " + aside.read(questions[order[i]]));
        put(std::string(kAnswerKey.in(quiz.lang)) + "\n\n");
        for (size_t i = 0; i < order.size(); ++i) put(std::to_string(i + 1) + ". " + aside.read(answers[order[i]]));
    }
    done.error = aside.error();
    return done;
}

} // namespace chronicle
