// The loader reads a pack as it streams (json_records): records are read as they come
// when the file is in the usual order, and wait in the tree when it is not. Either way,
// and from a file or from text, it must say the same things in the same order.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/pack/pack_loader.h"
#include "support.h"
#include "synthetic_pack.h"

using namespace chronicle;
using chronicle::test::pack_with;
using chronicle::test::TempDir;
using nlohmann::ordered_json;

namespace {

std::string told(const Issue& issue) {
    std::string out = Catch::StringMaker<Problem>::convert(issue.problem);
    for (const Detail& d : issue.details) out += " | " + Catch::StringMaker<Detail>::convert(d);
    return out;
}

// Everything a reader sees of a diagnostic, positions included.
std::vector<std::string> said(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        out.push_back(std::to_string(static_cast<int>(d.severity)) + " " + d.path + " " +
                      std::to_string(static_cast<int>(d.issue.problem)) + " " + std::to_string(d.line) + ":" +
                      std::to_string(d.column) + " " + told(d.issue));
    return out;
}

// The same without positions: what two orders of the same members must share.
std::vector<std::string> said_anywhere(const LoadResult& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        out.push_back(d.path + " " + told(d.issue));
    return out;
}

LoadResult load_file(const TempDir& dir, const std::string& text) {
    const std::string path = dir.file("pack.json");
    std::ofstream(path, std::ios::binary) << text;
    LoadResult r = load_pack_file(path);
    for (Diagnostic& d : r.diagnostics) d.file = "pack.json";
    return r;
}

// A pack with something wrong in every list and in the metadata.
ordered_json flawed_pack() {
    ordered_json pack = ordered_json::parse(pack_with(R"([
        {"id": "e1", "date": "2023-01-02", "headline": "First: one", "text": "t", "actors": ["alise"], "colour": 1},
        {"id": "e2", "date": "2023-13-01", "headline": "Second", "text": "t"},
        {"id": "e1", "date": "2023-03-01", "headline": "Third", "text": "t"},
        {"id": "e4", "headline": "Fourth", "text": "t"}
    ])", R"("people": [{"id": "alice", "name": "Alice"}, {"id": "bob", "nmae": "Bob"}],
         "quotes": [{"id": "q1", "text": "Hi", "speaker": "bobb"}],
         "numbers": [{"id": "n1", "value": "three", "question": "How many?", "event": "e9"}],
         "questions": [{"id": "h1", "type": "multiple_choice", "prompt": "P", "options": [{"text": "a", "correct": true}]}],)"));
    pack["title"] = 5;
    pack["extra"] = true;
    return pack;
}

// The same members, in the opposite order: every list before what it refers to.
ordered_json reversed(const ordered_json& pack) {
    ordered_json out = ordered_json::object();
    for (auto it = pack.rbegin(); it != pack.rend(); ++it) out[it.key()] = it.value();
    return out;
}

} // namespace

TEST_CASE("A pack loads the same from its file as from its text", "[loader][stream]") {
    TempDir dir;
    GIVEN("packs that load, packs with errors in every list, and files that are not JSON") {
        const std::vector<std::string> texts = {
            flawed_pack().dump(2),
            reversed(flawed_pack()).dump(),
            pack_with(R"([{"id": "e1", "date": "2023", "headline": "H", "text": "t"}])"),
            test::synthetic_pack(300, 0.5),
            "\xEF\xBB\xBF" + pack_with(R"([{"id": "e1", "date": "2023", "headline": "H", "text": "t"}])"),
            "\xEF\xBB\xBF\xEF\xBB\xBF{}",
            "{\"id\": \"x\",\n \"events\": [1, 2,]}",
            std::string(100, '[') + std::string(100, ']'),
            "{\"title\": \"caf\xC3\x28\"}",
            "",
        };
        THEN("each loads with the same diagnostics, in the same places, and the same pack") {
            for (size_t i = 0; i < texts.size(); ++i) {
                INFO("text " << i);
                const LoadResult from_text = load_pack_text(texts[i], "pack.json");
                const LoadResult from_file = load_file(dir, texts[i]);
                CHECK(said(from_file) == said(from_text));
                REQUIRE(from_file.pack.has_value() == from_text.pack.has_value());
                if (from_text.pack) {
                    CHECK(from_file.pack->events.size() == from_text.pack->events.size());
                    CHECK(from_file.pack->by_time == from_text.pack->by_time);
                }
            }
        }
    }
}

TEST_CASE("The order of a pack's members changes no diagnostic and no record", "[loader][stream]") {
    GIVEN("a flawed pack, and the same members in the opposite order") {
        const LoadResult usual = load_pack_text(flawed_pack().dump(2), "pack.json");
        const LoadResult backwards = load_pack_text(reversed(flawed_pack()).dump(2), "pack.json");
        THEN("the same diagnostics come in the same order") {
            REQUIRE(usual.diagnostics.size() >= 8);
            CHECK(said_anywhere(backwards) == said_anywhere(usual));
        }
    }
    GIVEN("a pack that loads, backwards") {
        const std::string text = test::synthetic_pack(200, 0.5);
        const LoadResult usual = load_pack_text(text, "pack.json");
        const LoadResult backwards = load_pack_text(reversed(ordered_json::parse(text)).dump(), "pack.json");
        THEN("it loads with the same records, index and warnings") {
            REQUIRE(usual.pack);
            REQUIRE(backwards.pack);
            CHECK(said_anywhere(backwards) == said_anywhere(usual));
            CHECK(backwards.pack->events.size() == usual.pack->events.size());
            CHECK(backwards.pack->by_time == usual.pack->by_time);
            CHECK(backwards.pack->people.size() == usual.pack->people.size());
            CHECK(backwards.pack->quotes.size() == usual.pack->quotes.size());
        }
    }
    GIVEN("a pack whose languages come twice, the events read between them") {
        const std::string text = R"({"format": "chronicle-pack/1", "id": "t", "title": {"en": "T"},
            "languages": ["en"], "default_language": "en",
            "events": [{"id": "e1", "date": "2023", "headline": "H", "text": "t"}],
            "languages": ["fr"], "default_language": "fr"})";
        THEN("the last languages count, as a JSON reader keeping the last member gives") {
            const LoadResult r = load_pack_text(text, "pack.json");
            CHECK_FALSE(r.pack);
            REQUIRE_FALSE(r.diagnostics.empty());
            CHECK(r.diagnostics[0].issue.problem == Problem::UndeclaredLanguage);
            CHECK(r.diagnostics[0].path == "/title/en");
        }
    }
    GIVEN("a pack whose events come twice, the second list the one that counts") {
        ordered_json pack = ordered_json::parse(pack_with(R"([{"id": "e1", "date": "2023", "headline": "Old", "text": "t"}])"));
        const std::string text = pack.dump();
        const std::string twice = text.substr(0, text.size() - 1) +
                                  R"(, "events": [{"id": "n1", "date": "2020", "headline": "New", "text": "t"},
                                                  {"id": "n2", "date": "2021", "headline": "Newer", "text": "t"}]})";
        THEN("the pack has the second list, as a JSON reader keeping the last member gives") {
            const LoadResult r = load_pack_text(twice, "pack.json");
            REQUIRE(r.pack);
            REQUIRE(r.pack->events.size() == 2);
            CHECK(r.pack->events[0].id == "n1");
        }
    }
}

TEST_CASE("A file of many small values is refused before it fills the memory", "[loader][stream][limits]") {
    TempDir dir;
    GIVEN("a pack with a list of two million zeros in an unknown member, which the loader would keep whole") {
        std::string zeros = "[0";
        for (int i = 1; i < 2'000'000; ++i) zeros += ",0";
        zeros += "]";
        const std::string text = pack_with(R"([{"id": "e1", "date": "2023", "headline": "H", "text": "t"}])",
                                           R"("zeros": )" + zeros + ",");
        THEN("it is refused, at its start, from text and from a file alike") {
            const LoadResult r = load_pack_text(text, "pack.json");
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].issue.problem == Problem::TooManyValues);
            CHECK(r.diagnostics[0].line == 1);
            CHECK(said(load_file(dir, text)) == said(r));
        }
    }
    GIVEN("one event with 100,000 tags, as many values but in a bigger file") {
        std::string tags = "[";
        for (int i = 0; i < 100'000; ++i) tags += std::string(i ? "," : "") + "\"tag" + std::to_string(i) + "\"";
        tags += "]";
        THEN("it loads") {
            const LoadResult r = load_pack_text(pack_with(R"([{"id": "e1", "date": "2023", "headline": "H", "text": "t", "tags": )" + tags + "}]"), "pack.json");
            REQUIRE(r.pack);
            CHECK(r.pack->events[0].tags.size() == 100'000);
        }
    }
}

TEST_CASE("More than ten ASCII marks in Chinese text: the first ten of the file are told", "[loader][stream]") {
    GIVEN("marks in the title and in twelve events, the events written before the title") {
        std::string events = "[";
        for (int i = 0; i < 12; ++i)
            events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "date": ")" +
                      std::to_string(2000 + i) + R"(", "headline": "事件)" + std::to_string(i) + R"(,好", "text": "文"})";
        events += "]";
        ordered_json pack = ordered_json::parse(pack_with(events));
        pack["languages"] = {"zh"};
        pack["default_language"] = "zh";
        pack["title"] = "标题,一";
        const LoadResult usual = load_pack_text(pack.dump(), "pack.json");
        const LoadResult backwards = load_pack_text(reversed(pack).dump(), "pack.json");
        THEN("the title's comes first, then nine events', then how many more") {
            std::vector<std::string> marks;
            for (const Diagnostic& d : usual.diagnostics)
                if (d.issue.problem == Problem::AsciiPunctuation) marks.push_back(d.path);
            REQUIRE(marks.size() == 10);
            CHECK(marks.front() == "/title");
            CHECK(marks.back() == "/events/8/headline");
            CHECK(said_anywhere(backwards) == said_anywhere(usual));
        }
    }
}
