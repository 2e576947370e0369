#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "core/base/text.h"
#include "core/exchange/export.h"
#include "core/pack/pack_loader.h"
#include "core/quiz/generator.h"
#include "support.h"
#include "synthetic_pack.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

Quiz seed_quiz(const std::string& lang, size_t count = 20) {
    QuizOptions o;
    o.seed = 8;
    o.count = count;
    o.lang = lang;
    return generate_quiz(seed_pack(), o);
}

// The quiz as quiz_to_json wrote it before it wrote question by question: one tree of
// the whole quiz, dumped (the packs here have no DEL or C1 to escape).
std::string whole_tree_json(const Quiz& quiz) {
    using nlohmann::ordered_json;
    auto id_or_null = [](const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); };
    ordered_json questions = ordered_json::array();
    for (const Question& q : quiz.questions) {
        ordered_json options = ordered_json::array();
        for (const Option& o : q.options)
            options.push_back({{"id", o.id},
                               {"text", o.text},
                               {"event", id_or_null(o.event)},
                               {"person", id_or_null(o.person)},
                               {"value", o.value ? ordered_json(*o.value) : ordered_json(nullptr)}});
        ordered_json answer = ordered_json::array();
        for (size_t i : q.answer) answer.push_back(q.options[i].id);
        questions.push_back({{"kind", kind_name(q.kind)},
                             {"prompt", q.prompt},
                             {"options", options},
                             {"answer", answer},
                             {"events", q.events},
                             {"explanation", q.explanation}});
    }
    const ordered_json out = {
        {"format", kQuizFormat}, {"pack", quiz.pack_id}, {"seed", quiz.seed}, {"lang", quiz.lang}, {"questions", questions}};
    return out.dump(2) + "\n";
}

std::string streamed(const Pack& pack, const QuizOptions& o, QuizFormat format, QuizExport* result = nullptr) {
    std::string text;
    const QuizExport done = export_quiz(pack, o, format, [&](std::string_view piece) { text += piece; });
    CHECK_FALSE(done.error);
    if (result) *result = done;
    return text;
}

const Pack& synthetic() {
    static const Pack pack = *load_pack_text(synthetic_pack(2000, 0.2), "synthetic.json").pack;
    return pack;
}

std::vector<std::string> keys_of(const nlohmann::ordered_json& j) {
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    return keys;
}

} // namespace

TEST_CASE("The JSON export has exactly the documented shape", "[export]") {
    const Quiz quiz = seed_quiz("en");
    const auto j = nlohmann::ordered_json::parse(quiz_to_json(quiz));
    CHECK(keys_of(j) == std::vector<std::string>{"format", "pack", "seed", "lang", "questions"});
    CHECK(j["format"] == "chronicle-quiz/1");
    CHECK(j["pack"] == "openai-2023");
    CHECK(j["seed"] == 8);
    CHECK(j["lang"] == "en");
    REQUIRE(j["questions"].size() == quiz.questions.size());
    for (const auto& q : j["questions"]) {
        CHECK(keys_of(q) == std::vector<std::string>{"kind", "prompt", "options", "answer", "events", "explanation"});
        std::set<std::string> ids;
        for (const auto& o : q["options"]) {
            CHECK(keys_of(o) == std::vector<std::string>{"id", "text", "event", "person", "value"});
            CHECK(o["text"].is_string());
            CHECK((o["event"].is_null() || o["event"].is_string()));
            CHECK((o["person"].is_null() || o["person"].is_string()));
            CHECK((o["value"].is_null() || o["value"].is_number()));
            ids.insert(o["id"].get<std::string>());
        }
        for (const auto& a : q["answer"]) CHECK(ids.count(a.get<std::string>()) == 1);
        if (q["kind"] == "order") CHECK(q["answer"].size() == q["options"].size());
        else CHECK(q["answer"].size() == 1);
        CHECK(q["events"].is_array());
        CHECK_FALSE(q["explanation"].get<std::string>().empty());
    }
}

TEST_CASE("The Markdown export is a quiz followed by its answer key", "[export]") {
    for (const char* lang : {"en", "zh"}) {
        const Quiz quiz = seed_quiz(lang, 5);
        const std::string md = quiz_to_markdown(quiz, seed_pack());
        const std::string key = std::string(lang) == "zh" ? "## 答案" : "## Answer key";
        const size_t answers = md.find(key);
        REQUIRE(answers != std::string::npos);
        for (const Question& q : quiz.questions) {
            CHECK(md.find(q.prompt) < answers);
            CHECK(md.find(q.prompt, answers) == std::string::npos);
        }
        CHECK(md.find("mp.weixin.qq.com") != std::string::npos);
    }
}

TEST_CASE("The JSON export escapes every control character, DEL and C1 included", "[export][control]") {
    // Packs with control characters are refused by the loader; a quiz is built by hand.
    Quiz quiz;
    quiz.pack_id = "p";
    Question q;
    q.kind = Kind::Authored;
    q.prompt = "red \x1b[31m, del \x7f, csi \xc2\x9b, bell \x07, 中文 “quoted”";
    quiz.questions.push_back(q);
    const std::string text = quiz_to_json(quiz);
    CHECK(find_control_character(text, true) == std::string::npos);
    CHECK(text.find("\\u009b") != std::string::npos);
    CHECK(text.find("中文 “quoted”") != std::string::npos); // other text stays as it is
    CHECK(nlohmann::json::parse(text)["questions"][0]["prompt"] == q.prompt);
}

TEST_CASE("The Markdown header is in the export's language, with the count's right plural", "[export][md]") {
    const Quiz zh = seed_quiz("zh", 5);
    const std::string zh_md = quiz_to_markdown(zh, seed_pack());
    CHECK(zh_md.find("种子 8 · 普通 · 5 题\n") != std::string::npos);
    CHECK(zh_md.find("来源：" + seed_pack().text(seed_pack().source.title, "zh") + " <https://") != std::string::npos);
    CHECK(zh_md.find("normal") == std::string::npos);
    CHECK(zh_md.find("来源:") == std::string::npos);
    CHECK(quiz_to_markdown(seed_quiz("en", 5), seed_pack()).find("Seed 8 · normal · 5 questions\n") != std::string::npos);
    CHECK(quiz_to_markdown(seed_quiz("en", 1), seed_pack()).find("Seed 8 · normal · 1 question\n") != std::string::npos);
}

TEST_CASE("A streamed export gives the whole quiz's bytes, as one tree of it dumped gave them", "[export][stream]") {
    const std::vector<std::vector<Kind>> kind_sets = {
        {}, {Kind::When}, {Kind::Order, Kind::First, Kind::Last}, {Kind::WhoSaid, Kind::Number, Kind::TrueFalse}};
    for (const Pack* pack : {&seed_pack(), &synthetic()})
        for (uint64_t seed : {1u, 8u, 42u})
            for (const char* lang : {"en", "zh"})
                for (const std::vector<Kind>& kinds : kind_sets)
                    for (size_t count : {size_t{1}, size_t{20}, size_t{300}}) {
                        if (!pack->has_language(lang)) continue;
                        QuizOptions o;
                        o.seed = seed;
                        o.count = count;
                        o.lang = lang;
                        o.kinds = kinds;
                        o.difficulty = seed == 42 ? Difficulty::Hard : Difficulty::Normal;
                        const Quiz quiz = generate_quiz(*pack, o);
                        if (quiz.questions.empty()) continue;
                        CAPTURE(pack->id, seed, lang, kinds.size(), count);
                        const std::string json = streamed(*pack, o, QuizFormat::Json);
                        CHECK(json == quiz_to_json(quiz));
                        CHECK(json == whole_tree_json(quiz));
                        CHECK(streamed(*pack, o, QuizFormat::Markdown) == quiz_to_markdown(quiz, *pack));
                    }
}

TEST_CASE("A streamed export of more questions than the pack has writes what it has and says how many", "[export][stream]") {
    QuizOptions o;
    o.seed = 3;
    o.count = 1'000'000;
    o.lang = "en";
    o.kinds = {Kind::When};
    const Quiz quiz = generate_quiz(seed_pack(), o);
    REQUIRE(quiz.questions.size() > 1);
    REQUIRE(quiz.questions.size() <= quiz_capacity(seed_pack(), o));
    QuizExport done;
    const std::string json = streamed(seed_pack(), o, QuizFormat::Json, &done);
    CHECK(done.questions == quiz.questions.size());
    CHECK(nlohmann::json::parse(json)["questions"].size() == quiz.questions.size());
    CHECK(json == quiz_to_json(quiz));
    const std::string md = streamed(seed_pack(), o, QuizFormat::Markdown, &done);
    CHECK(done.questions == quiz.questions.size());
    CHECK(md.find("Seed 3 · normal · " + std::to_string(quiz.questions.size()) + " questions\n") != std::string::npos);

    // One undated event: no kind can ask anything.
    const LoadResult tiny = load_pack_text(R"({"format": "chronicle-pack/1", "id": "tiny", "title": "T", "languages": ["en"],
        "default_language": "en", "events": [{"id": "e1", "headline": "H", "text": "T"}]})", "tiny.json");
    REQUIRE(tiny.pack);
    o.kinds = {};
    std::string nothing;
    done = export_quiz(*tiny.pack, o, QuizFormat::Json, [&](std::string_view piece) { nothing += piece; });
    CHECK(done.questions == 0);
    CHECK(nothing.empty());
}

TEST_CASE("A long quiz of a big pack streams the bytes of the whole quiz", "[export][stream]") {
    QuizOptions o;
    o.seed = 5;
    o.count = 6000; // more than the pack has events: many questions are placed before earlier ones
    const Quiz quiz = generate_quiz(synthetic(), o);
    CHECK(quiz.questions.size() == o.count);
    CHECK(streamed(synthetic(), o, QuizFormat::Json) == whole_tree_json(quiz));
    CHECK(streamed(synthetic(), o, QuizFormat::Markdown) == quiz_to_markdown(quiz, synthetic()));
}
