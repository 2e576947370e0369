// The class game's messages (docs/class-protocol.md) without sockets: joins and
// rejoins, what each phone is told, and every kind of bad input refused without
// touching the game.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/classroom/class_host.h"

using namespace chronicle;
using nlohmann::json;

namespace {

constexpr const char* kPin = "123456";
constexpr const char* kToken = "host-secret-token-0123456789";

Quiz two_questions() {
    Quiz quiz;
    quiz.pack_id = "test";
    quiz.lang = "en";
    for (int i = 0; i < 2; ++i) {
        Question q;
        q.kind = Kind::First;
        q.prompt = "Which came first? " + std::to_string(i);
        for (const char* id : {"A", "B", "C", "D"}) q.options.push_back({id, std::string("option ") + id, "", "", {}});
        q.answer = {1};
        quiz.questions.push_back(q);
    }
    return quiz;
}

std::string join(const std::string& client, const std::string& name, const std::string& pin = kPin) {
    return json{{"type", "join"}, {"pin", pin}, {"client", client}, {"name", name}}.dump();
}
std::string answer(size_t question, std::vector<size_t> choice) {
    return json{{"type", "answer"}, {"question", question}, {"choice", choice}}.dump();
}

// The messages for `conn` in an outbox, parsed.
std::vector<json> for_conn(const std::vector<Outgoing>& out, uint64_t conn) {
    std::vector<json> messages;
    for (const Outgoing& o : out)
        if (o.conn == conn && !o.text.empty()) messages.push_back(json::parse(o.text));
    return messages;
}

std::string error_of(const std::vector<Outgoing>& out, uint64_t conn) {
    for (const json& m : for_conn(out, conn))
        if (m["type"] == "error") return m["code"];
    return "";
}

json last_state(const std::vector<Outgoing>& out, uint64_t conn) {
    json state;
    for (const json& m : for_conn(out, conn))
        if (m["type"] == "state") state = m;
    return state;
}

const std::string kAna = "ana-client-0000000001", kBob = "bob-client-0000000002";

} // namespace

SCENARIO("Phones join by PIN, get their state, and rejoin their seat", "[class][protocol]") {
    GIVEN("a live game and two phones") {
        ClassHost host(ClassGame(two_questions(), {}), kPin, kToken);
        host.opened(1, 0);
        host.opened(2, 0);
        WHEN("both join with the right PIN") {
            host.received(1, join(kAna, "Ana"), 0);
            host.received(2, join(kBob, "<b>Bob</b>"), 0);
            const auto out = host.take_outbox(0);
            THEN("each is welcomed to its seat and told the lobby, names as they were typed") {
                const auto ana = for_conn(out, 1);
                REQUIRE(ana.size() == 2);
                CHECK(ana[0]["type"] == "welcome");
                CHECK(ana[0]["seat"] == 0);
                CHECK(ana[1]["phase"] == "lobby");
                CHECK(ana[1]["players"] == 2);
                CHECK(last_state(out, 2)["me"]["name"] == "<b>Bob</b>");
                CHECK(host.take_outbox(0).empty()); // nothing changed since
            }
            AND_WHEN("the game starts") {
                REQUIRE(host.act(HostAction::Start, 1000));
                const auto started = host.take_outbox(1000);
                THEN("each phone gets the question, its texts and its clock") {
                    const json s = last_state(started, 1);
                    CHECK(s["phase"] == "question");
                    CHECK(s["question"]["index"] == 0);
                    CHECK(s["question"]["count"] == 2);
                    CHECK(s["question"]["options"].size() == 4);
                    CHECK(s["question"]["options"][1]["text"] == "option B");
                    CHECK(s["question"]["left_ms"] == 20000);
                    CHECK_FALSE(s.contains("players"));
                }
                AND_WHEN("Ana answers after 5 s, then her phone reloads and rejoins on a new connection") {
                    host.received(1, answer(0, {1}), 6000);
                    CHECK(last_state(host.take_outbox(6000), 1)["phase"] == "answered");
                    host.opened(3, 7000);
                    host.received(3, join(kAna, "ignored"), 7000);
                    const auto out2 = host.take_outbox(7000);
                    THEN("she is back in her seat with her answer; the old connection is closed") {
                        CHECK(for_conn(out2, 3)[0]["name"] == "Ana");
                        CHECK(last_state(out2, 3)["phase"] == "answered");
                        CHECK(last_state(out2, 3)["question"]["chosen"] == json::array({1}));
                        bool closed_old = false;
                        for (const Outgoing& o : out2) closed_old |= o.conn == 1 && o.close_after;
                        CHECK(closed_old);
                        CHECK(error_of(out2, 1) == "replaced"); // so that its page does not take the seat back
                        CHECK(host.game().player_count() == 2);
                    }
                    AND_WHEN("Bob answers wrong: everyone has answered") {
                        host.received(2, answer(0, {0}), 8000);
                        const auto revealed = host.take_outbox(8000);
                        THEN("both see the reveal with their points and ranks") {
                            const json ana = last_state(revealed, 3), bob = last_state(revealed, 2);
                            CHECK(ana["phase"] == "reveal");
                            CHECK(ana["result"]["correct"] == true);
                            CHECK(ana["result"]["points"] == 875);
                            CHECK(ana["result"]["answer"] == json::array({1}));
                            CHECK(ana["me"]["rank"] == 1);
                            CHECK(ana["players"] == 2);
                            CHECK_FALSE(ana["question"].contains("chosen")); // the result says it now
                            CHECK(bob["result"]["correct"] == false);
                            CHECK(bob["result"]["chosen"] == json::array({0}));
                            CHECK(bob["me"]["rank"] == 2);
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("Bad joins are refused with a code and change nothing", "[class][protocol]") {
    ClassHost host(ClassGame(two_questions(), {}), kPin, kToken);
    host.opened(1, 0);
    host.received(1, join(kAna, "Ana", "654321"), 0);
    CHECK(error_of(host.take_outbox(0), 1) == "wrong_pin");
    host.received(1, join("short", "Ana"), 2000);
    CHECK(error_of(host.take_outbox(2000), 1) == "bad_client");
    host.received(1, join("has spaces in it, sixteen+", "Ana"), 4000);
    CHECK(error_of(host.take_outbox(4000), 1) == "bad_client");
    host.received(1, join(kAna, "   "), 6000);
    CHECK(error_of(host.take_outbox(6000), 1) == "name_empty");
    host.received(1, join(kAna, "abcdefghijklmnopqrstu"), 8000);
    CHECK(error_of(host.take_outbox(8000), 1) == "name_too_long");
    host.received(1, join(kAna, "Ana"), 10'000);
    host.opened(2, 0);
    host.received(2, join(kBob, "ANA"), 10'000);
    CHECK(error_of(host.take_outbox(10'000), 2) == "name_taken");
    CHECK(host.game().player_count() == 1);
    host.received(2, answer(0, {1}), 12'000);
    CHECK(error_of(host.take_outbox(12'000), 2) == "not_joined");
    // A connection that plays a seat cannot join again under other client ids: each
    // would be a seat no one answers for, and the game would wait for them.
    host.received(1, join("ghost-client-00000000001", "Ghost"), 14'000);
    CHECK(error_of(host.take_outbox(14'000), 1) == "bad_client");
    CHECK(host.game().player_count() == 1);
}

TEST_CASE("Malformed, unknown and flooding messages get an error and a log line, once a second", "[class][protocol]") {
    ClassHost host(ClassGame(two_questions(), {}), kPin, kToken);
    host.opened(1, 0);
    host.received(1, "{not json", 0);
    CHECK(error_of(host.take_outbox(0), 1) == "bad_json");
    host.received(1, "[1,2]", 1000);
    CHECK(error_of(host.take_outbox(1000), 1) == "bad_json");
    host.received(1, R"({"type":"dance"})", 2000);
    CHECK(error_of(host.take_outbox(2000), 1) == "unknown_type");
    host.received(1, R"({"type":"join","pin":123456})", 3000);
    CHECK(error_of(host.take_outbox(3000), 1) == "unknown_type");
    CHECK(host.take_refusals().size() == 4);

    host.received(1, join(kAna, "Ana"), 4000);
    host.act(HostAction::Start, 4000);
    host.take_outbox(4000);
    // A flood: 500 answers in the same millisecond. The first is taken; the rest of the
    // burst are refused as not open (answered), each told; the rest as too fast, once.
    for (int i = 0; i < 500; ++i) host.received(1, answer(0, {static_cast<size_t>(i % 4)}), 5000);
    const auto out = host.take_outbox(5000);
    int not_open = 0, too_fast = 0;
    for (const json& m : for_conn(out, 1)) {
        not_open += m["code"] == "not_open";
        too_fast += m["code"] == "too_fast";
    }
    CHECK(not_open == 19);
    CHECK(too_fast == 1);
    CHECK(host.game().players()[0].answers[0].chosen == std::vector<size_t>{0});
    // Two seconds later the bucket has refilled: the phone is heard again.
    host.received(1, answer(1, {1}), 7000);
    CHECK(error_of(host.take_outbox(7000), 1) == "not_open");
}

TEST_CASE("A phone acts only for its own seat; host actions need the host token", "[class][protocol]") {
    ClassHost host(ClassGame(two_questions(), {}), kPin, kToken);
    host.opened(1, 0);
    host.opened(2, 0);
    host.received(1, join(kAna, "Ana"), 0);
    host.received(2, join(kBob, "Bob"), 0);
    host.received(2, R"({"type":"host","token":"guess","action":"start"})", 0);
    CHECK(error_of(host.take_outbox(0), 2) == "not_host");
    CHECK(host.game().phase() == ClassPhase::Lobby);
    host.received(2, json{{"type", "host"}, {"token", kToken}, {"action", "start"}}.dump(), 1000);
    REQUIRE(host.game().phase() == ClassPhase::Question);
    // Bob names Ana's seat: the protocol has no such field, and his answer is his.
    host.received(2, R"({"type":"answer","question":0,"choice":[1],"seat":0})", 2000);
    CHECK(host.game().players()[1].answers[0].answered);
    CHECK_FALSE(host.game().players()[0].answers[0].answered);
    host.received(2, R"({"type":"answer","question":0,"choice":[2]})", 4000);
    CHECK(error_of(host.take_outbox(4000), 2) == "not_open"); // answered already
    host.received(1, R"({"type":"answer","question":0,"choice":[1.5]})", 4000);
    CHECK(error_of(host.take_outbox(4000), 1) == "bad_choice");
    host.received(1, R"({"type":"answer","question":0,"choice":[-1]})", 6000);
    CHECK(error_of(host.take_outbox(6000), 1) == "bad_choice");
}

TEST_CASE("A removed player is told so, disconnected, and cannot rejoin", "[class][protocol]") {
    ClassHost host(ClassGame(two_questions(), {}), kPin, kToken);
    host.opened(1, 0);
    host.received(1, join(kAna, "Ana"), 0);
    host.take_outbox(0);
    REQUIRE(host.act(HostAction::Remove, 0, 0));
    const auto out = host.take_outbox(0);
    REQUIRE(out.size() == 1);
    CHECK(error_of(out, 1) == "removed");
    CHECK(out[0].close_after);
    host.closed(1);
    host.opened(2, 1000);
    host.received(2, join(kAna, "Ana again"), 1000);
    CHECK(error_of(host.take_outbox(1000), 2) == "removed");
    CHECK(host.game().player_count() == 0);
}

TEST_CASE("Phones can be shown tiles without texts", "[class][protocol]") {
    ClassSettings settings;
    settings.texts_on_phones = false;
    ClassHost host(ClassGame(two_questions(), settings), kPin, kToken);
    host.opened(1, 0);
    host.received(1, join(kAna, "Ana"), 0);
    host.act(HostAction::Start, 0);
    const json s = last_state(host.take_outbox(0), 1);
    CHECK_FALSE(s["question"].contains("prompt"));
    CHECK(s["question"]["options"].size() == 4);
    CHECK_FALSE(s["question"]["options"][0].contains("text"));
}

TEST_CASE("Self-paced phones get their result at once and move on with next", "[class][protocol]") {
    ClassSettings settings;
    settings.mode = ClassMode::SelfPaced;
    ClassHost host(ClassGame(two_questions(), settings), kPin, kToken);
    host.opened(1, 0);
    host.received(1, join(kAna, "Ana"), 0);
    host.act(HostAction::Start, 0);
    host.received(1, answer(0, {1}), 0);
    json s = last_state(host.take_outbox(0), 1);
    CHECK(s["mode"] == "self_paced");
    CHECK(s["phase"] == "reveal");
    CHECK(s["result"]["points"] == 1000);
    CHECK_FALSE(s["me"].contains("rank"));
    host.received(1, R"({"type":"next"})", 1000);
    s = last_state(host.take_outbox(1000), 1);
    CHECK(s["phase"] == "question");
    CHECK(s["question"]["index"] == 1);
    host.received(1, answer(1, {0}), 2000);
    host.received(1, R"({"type":"next"})", 3000);
    s = last_state(host.take_outbox(3000), 1);
    CHECK(s["phase"] == "end");
    CHECK(s["final"]["score"] == 1000);
    CHECK(s["final"]["rank"] == 1);
}
