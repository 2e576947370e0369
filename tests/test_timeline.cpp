// The Timeline card game without a window: every dealt card has exactly one right
// gap, lives, the end when the lives or the deck run out, the same game for the same
// seed, and packs with overlapping, undated and estimated events.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/base/rng.h"
#include "core/learn/timeline_game.h"
#include "core/play/play.h"
#include "support.h"
#include "synthetic_pack.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// The gaps where the hand could go without contradicting a card on the line.
std::vector<size_t> possible_gaps(const TimelineGame& game, const Pack& pack) {
    const DayInterval hand = pack.events[*game.hand()].interval;
    const auto& line = game.line();
    std::vector<size_t> gaps;
    for (size_t g = 0; g <= line.size(); ++g) {
        const bool after_left = g == 0 || before(line[g - 1].interval, hand);
        const bool before_right = g == line.size() || before(hand, line[g].interval);
        if (after_left && before_right) gaps.push_back(g);
    }
    return gaps;
}

// Every card on the line certainly before the next one.
bool certainly_ordered(const TimelineGame& game) {
    const auto& line = game.line();
    for (size_t i = 1; i < line.size(); ++i)
        if (!before(line[i - 1].interval, line[i].interval)) return false;
    return true;
}

// Plays to the end, right or wrong at random (by `rng`), checking fairness every turn;
// returns the events dealt into the hand, in order.
std::vector<EventIndex> play_checking(TimelineGame& game, const Pack& pack, Rng& rng) {
    std::vector<EventIndex> dealt;
    while (!game.finished()) {
        const EventIndex hand = *game.hand();
        dealt.push_back(hand);
        INFO("card " << pack.events[hand].id << " on a line of " << game.line().size());
        REQUIRE(pack.date_is_answer(pack.events[hand]));
        const std::vector<size_t> gaps = possible_gaps(game, pack);
        REQUIRE(gaps.size() == 1);
        REQUIRE(game.right_gap() == gaps[0]);
        const bool right = rng.below(3) != 0;
        const size_t gap = right ? gaps[0] : (gaps[0] + 1 + rng.below(static_cast<uint32_t>(game.line().size()))) % game.gaps();
        const size_t before_size = game.line().size();
        const int score = game.score(), lives = game.lives();
        const auto placed = game.place(gap);
        REQUIRE(placed);
        CHECK(placed->right == right);
        CHECK(placed->right_gap == gaps[0]);
        CHECK(placed->event == hand);
        REQUIRE(game.line().size() == before_size + 1);
        CHECK(game.line()[gaps[0]].event == hand);
        CHECK(game.line()[gaps[0]].right == right);
        CHECK(game.score() == score + (right ? 1 : 0));
        CHECK(game.lives() == lives - (right ? 0 : 1));
        REQUIRE(certainly_ordered(game));
    }
    return dealt;
}

} // namespace

SCENARIO("Every card dealt has exactly one right gap, and the line stays certainly ordered", "[timeline]") {
    GIVEN("the bundled pack and a big synthetic one, with ranges, deep time and undated events") {
        const LoadResult synthetic = load(synthetic_pack(400, 0.3, 50));
        REQUIRE(synthetic.pack);
        for (const Pack* pack : {&seed_pack(), &*synthetic.pack}) {
            for (uint64_t seed = 1; seed <= 20; ++seed) {
                WHEN("a game is played to its end, right and wrong at random (seed " << seed << ")") {
                    TimelineGame game(*pack, "en", seed);
                    REQUIRE(game.line().size() == 1);
                    REQUIRE(pack->date_is_answer(pack->events[game.line()[0].event]));
                    Rng rng(seed * 7919);
                    const std::vector<EventIndex> dealt = play_checking(game, *pack, rng);
                    THEN("no card was dealt twice, and it ended by lives or by an empty deck") {
                        CHECK(std::set<EventIndex>(dealt.begin(), dealt.end()).size() == dealt.size());
                        CHECK(!game.hand());
                        CHECK((game.lives() == 0 || game.dealable() == 0));
                        CHECK(game.score() + game.wrong() == static_cast<int>(dealt.size()));
                        CHECK_FALSE(game.place(0));
                    }
                }
            }
        }
    }
}

SCENARIO("Three wrong placements end the game; a wrong card goes where it belongs", "[timeline]") {
    GIVEN("a pack of ten events a year apart") {
        std::string events = "[";
        for (int i = 0; i < 10; ++i)
            events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "date": ")" +
                      std::to_string(2000 + i) + R"(", "headline": "H)" + std::to_string(i) + R"(", "text": "T"})";
        const LoadResult r = load(pack_with(events + "]"));
        REQUIRE(r.pack);
        TimelineGame game(*r.pack, "en", 42);
        REQUIRE(game.lives() == TimelineGame::kLives);
        WHEN("the first card is placed right") {
            const auto placed = game.place(game.right_gap());
            THEN("it scores and keeps the lives") {
                REQUIRE(placed);
                CHECK(placed->right);
                CHECK(game.score() == 1);
                CHECK(game.lives() == 3);
                CHECK(game.line()[placed->right_gap].right);
            }
        }
        WHEN("three cards are placed wrong") {
            for (int i = 0; i < 3; ++i) {
                REQUIRE_FALSE(game.finished());
                const size_t right = game.right_gap();
                const size_t wrong = right == 0 ? game.gaps() - 1 : 0;
                const EventIndex hand = *game.hand();
                const auto placed = game.place(wrong);
                REQUIRE(placed);
                CHECK_FALSE(placed->right);
                CHECK(placed->chosen == wrong);
                CHECK(placed->right_gap == right);
                CHECK(game.line()[right].event == hand);
                CHECK_FALSE(game.line()[right].right);
                CHECK(game.lives() == 2 - i);
            }
            THEN("the game is over with no score, though cards were left") {
                CHECK(game.finished());
                CHECK(game.score() == 0);
                CHECK(game.wrong() == 3);
                CHECK(game.dealable() == 6);
                CHECK(game.line().size() == 4);
            }
        }
        WHEN("a gap past the end is asked for") {
            const size_t right = game.right_gap();
            const auto placed = game.place(1000);
            THEN("it is the last gap") {
                REQUIRE(placed);
                CHECK(placed->chosen == 1);
                CHECK(placed->right == (right == 1));
            }
        }
    }
}

SCENARIO("The game ends when no card can be dealt", "[timeline]") {
    GIVEN("a pack of four events a year apart, all placed right") {
        const LoadResult r = load(pack_with(R"([
    {"id": "a", "date": "2001", "headline": "A", "text": "T"}, {"id": "b", "date": "2002", "headline": "B", "text": "T"},
    {"id": "c", "date": "2003-04", "headline": "C", "text": "T"}, {"id": "d", "date": "2004-05-06", "headline": "D", "text": "T"}])"));
        REQUIRE(r.pack);
        TimelineGame game(*r.pack, "zh", 3);
        while (!game.finished()) game.place(game.right_gap());
        THEN("every card is on the line, in order, all right, and all lives are left") {
            REQUIRE(game.line().size() == 4);
            for (size_t i = 0; i < 4; ++i) CHECK(r.pack->events[game.line()[i].event].id == std::string(1, static_cast<char>('a' + i)));
            CHECK(game.score() == 3);
            CHECK(game.lives() == 3);
            CHECK(game.dealable() == 0);
        }
    }
    GIVEN("a pack with one dated event, or none") {
        const LoadResult one = load(pack_with(R"([{"id": "a", "date": "2001", "headline": "A", "text": "T"},
    {"id": "b", "headline": "B", "text": "T"}])"));
        const LoadResult none = load(pack_with(R"([{"id": "b", "headline": "B", "text": "T"}])"));
        REQUIRE(one.pack);
        REQUIRE(none.pack);
        THEN("there is nothing to place") {
            const TimelineGame a(*one.pack, "en", 1), b(*none.pack, "en", 1);
            CHECK(a.finished());
            CHECK(a.line().size() == 1);
            CHECK(b.finished());
            CHECK(b.line().empty());
        }
    }
}

SCENARIO("Overlapping, undated and estimated events are never dealt against each other", "[timeline]") {
    GIVEN("a pack where 2002 and May 2002 overlap, one date is an estimate, one is missing, one is a range") {
        const LoadResult r = load(pack_with(R"([
    {"id": "a", "date": "2001", "headline": "A", "text": "T"},
    {"id": "b", "date": "2002", "headline": "B", "text": "T"},
    {"id": "c", "date": "2002-05", "headline": "C", "text": "T"},
    {"id": "est", "date": "2005", "date_source": "estimate", "headline": "Estimated", "text": "T"},
    {"id": "none", "headline": "Undated", "text": "T"},
    {"id": "f", "date": {"from": "2003", "to": "2004"}, "headline": "F", "text": "T"},
    {"id": "g", "date": "2004-06", "headline": "G", "text": "T"}])"));
        REQUIRE(r.pack);
        for (uint64_t seed = 0; seed < 50; ++seed) {
            TimelineGame game(*r.pack, "en", seed);
            Rng rng(seed);
            play_checking(game, *r.pack, rng);
            std::set<std::string> seen;
            for (const TimelineCard& c : game.line()) seen.insert(r.pack->events[c.event].id);
            INFO("seed " << seed);
            CHECK_FALSE(seen.count("est"));
            CHECK_FALSE(seen.count("none"));
            CHECK_FALSE((seen.count("b") && seen.count("c")));
            CHECK_FALSE((seen.count("f") && seen.count("g")));
        }
    }
}

SCENARIO("The same pack, seed and language give the same game", "[timeline]") {
    GIVEN("the bundled pack") {
        const Pack& pack = seed_pack();
        const auto deal = [&](uint64_t seed) {
            TimelineGame game(pack, "zh", seed);
            std::vector<EventIndex> cards{game.line()[0].event};
            // Always the gap after the first card: some right, some wrong.
            while (!game.finished()) {
                cards.push_back(*game.hand());
                game.place(1);
            }
            return cards;
        };
        THEN("a seed deals the same cards every time, and other seeds deal others") {
            CHECK(deal(7) == deal(7));
            CHECK(deal(7) != deal(8));
            const TimelineGame a(pack, "zh", 9), b(pack, "zh", 9);
            CHECK(a.line()[0].event == b.line()[0].event);
            CHECK(a.hand() == b.hand());
            CHECK(a.seed() == 9);
            CHECK(a.lang() == "zh");
            CHECK(a.pack_id() == pack.id);
        }
    }
}

SCENARIO("A Timeline game of the chosen pack is played, saved once, and its best kept", "[timeline][play]") {
    TempDir dir;
    GIVEN("the bundled pack chosen, with its questions in Chinese") {
        Play play(dir.path(), {{"bundled", CHRONICLE_PACKS_DIR}}, "zh", 1'700'000'000);
        play.finish_loading();
        play.settings().pack = "openai-2023";
        REQUIRE(play.chosen_pack());
        WHEN("a game is played to its end with two cards right") {
            REQUIRE(play.start_timeline(11) == StartProblem::None);
            TimelineGame& game = *play.timeline();
            CHECK(game.lang() == "zh");
            CHECK(game.pack_id() == "openai-2023");
            CHECK_FALSE(play.timeline_best_before());
            CHECK_FALSE(play.save_timeline(1'700'000'100)); // not finished: nothing saved
            for (int i = 0; !game.finished(); ++i) game.place(i < 2 ? game.right_gap() : game.right_gap() == 0 ? 1 : 0);
            REQUIRE(game.score() == 2);
            const std::optional<int64_t> id = play.save_timeline(1'700'000'200);
            THEN("it is saved once, as the pack's best, and the next game knows it") {
                REQUIRE(id);
                CHECK(play.save_timeline(1'700'000'300) == id);
                const std::optional<TimelineRun> best = play.storage()->best_timeline_run("openai-2023");
                REQUIRE(best);
                CHECK(best->placed == 2);
                CHECK(best->wrong == 3);
                CHECK(best->seed == 11);
                CHECK(best->lang == "zh");
                CHECK(best->finished_at == 1'700'000'200);
                REQUIRE(play.start_timeline(12) == StartProblem::None);
                REQUIRE(play.timeline_best_before());
                CHECK(play.timeline_best_before()->placed == 2);
            }
            THEN("a round started afterwards ends it") {
                REQUIRE(play.start_round(1, Moment{0, 1'700'000'000}) == StartProblem::None);
                CHECK_FALSE(play.timeline());
            }
        }
    }
    GIVEN("a pack with a single dated event") {
        const std::string folder = dir.file("packs");
        std::filesystem::create_directories(folder);
        std::ofstream(folder + "/one.json") << R"({"format": "chronicle-pack/1", "id": "one", "title": "One", "languages": ["en"],
  "default_language": "en", "events": [{"id": "a", "date": "2001", "headline": "A", "text": "T"},
  {"id": "b", "headline": "B", "text": "T"}]})";
        Play play(dir.path(), {{"user", folder}}, "en", 1'700'000'000);
        play.finish_loading();
        play.settings().pack = "one";
        THEN("no Timeline game starts, and Play says why") {
            REQUIRE(play.chosen_pack());
            CHECK(play.start_timeline(1) == StartProblem::NoCards);
            CHECK_FALSE(play.timeline());
        }
    }
}
