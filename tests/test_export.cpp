#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "core/base/text.h"
#include "core/exchange/export.h"
#include "core/quiz/generator.h"
#include "support.h"

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
