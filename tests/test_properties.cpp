// Property test: over thousands of random packs with random date intervals, every
// ordering answer agrees with the intervals and no two options tie.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "core/quiz/generator.h"
#include "core/base/rng.h"
#include "support.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// One end of a date: a year (sometimes a JSON integer), a month or a day.
nlohmann::json random_end(Rng& rng, int64_t year) {
    if (year < -9999 && rng.below(2)) return year;
    const int month = 1 + static_cast<int>(rng.below(12));
    const int day = 1 + static_cast<int>(rng.below(static_cast<uint32_t>(days_in_month(year, month))));
    PartialDate d{year, 0, 0};
    const uint32_t precision = rng.below(3);
    if (precision >= 1) d.month = month;
    if (precision == 2) d.day = day;
    return iso(d);
}

DateSpec spec_of(const nlohmann::json& end) {
    Issue why;
    const auto d = end.is_string() ? parse_partial_date(end.get<std::string>(), why) : year_date(end.get<int64_t>(), why);
    return {*d, *d};
}

// Years crowd into a few eras so that overlaps, ties and deep time all happen.
nlohmann::json random_date(Rng& rng) {
    const uint32_t era = rng.below(10);
    if (era == 0) return nullptr;
    const int64_t year = era == 1   ? -rng.between(10'000, 13'800'000'000)
                         : era == 2 ? rng.between(-3000, 1900)
                                    : rng.between(2000, 2004);
    const nlohmann::json from = random_end(rng, year);
    if (rng.below(3)) return from;
    const nlohmann::json to = random_end(rng, year + rng.between(0, year < -9999 ? 1'000'000 : 2));
    if (spec_of(to).interval().latest < spec_of(from).interval().earliest) return from;
    return {{"from", from}, {"to", to}};
}

std::string random_pack(Rng& rng) {
    nlohmann::json events = nlohmann::json::array();
    const int n = 2 + static_cast<int>(rng.below(25));
    for (int i = 0; i < n; ++i)
        events.push_back({{"id", "e" + std::to_string(i)}, {"date", random_date(rng)},
                          {"headline", "event " + std::to_string(i)}, {"text", "t"}});
    return pack_with(events.dump());
}

} // namespace

TEST_CASE("Over random packs, ordering answers agree with the intervals and options never tie",
          "[generator][property]") {
    Rng rng(20231117);
    int questions = 0;
    for (int round = 0; round < 2000; ++round) {
        const std::string text = random_pack(rng);
        const LoadResult r = load(text);
        INFO(text);
        REQUIRE(r.pack);
        const Pack& p = *r.pack;
        QuizOptions o;
        o.seed = rng.next();
        o.count = 12;
        o.difficulty = static_cast<Difficulty>(rng.below(3));
        o.kinds = {Kind::First, Kind::Last, Kind::Order, Kind::BeforeAfter, Kind::When};
        const Quiz quiz = generate_quiz(p, o);
        std::set<std::string> keys;
        for (const Question& q : quiz.questions) {
            ++questions;
            REQUIRE(keys.insert(q.key).second);
            REQUIRE_FALSE(q.answer.empty());
            for (size_t a : q.answer) REQUIRE(a < q.options.size());
            INFO(q.prompt);
            if (q.kind == Kind::When) {
                std::set<std::string> texts;
                for (const Option& opt : q.options) texts.insert(opt.text);
                CHECK(texts.size() == q.options.size());
                // The right option is the event's date as one unit that holds both its ends.
                const DateSpec& date = *event_by_id(p, q.events[0]).date;
                std::set<std::string> units;
                PartialDate from = date.from, to = date.to;
                if (from == to) units.insert(format_date(from, "en"));
                from.day = to.day = 0;
                if (from == to) units.insert(format_date(from, "en"));
                from.month = to.month = 0;
                if (from == to) units.insert(format_date(from, "en"));
                CHECK(units.count(q.options[q.answer[0]].text) == 1);
                continue;
            }
            std::vector<const Event*> shown;
            for (const std::string& id : q.events) shown.push_back(&event_by_id(p, id));
            // No two events of the question tie or overlap.
            for (size_t i = 0; i < shown.size(); ++i)
                for (size_t j = i + 1; j < shown.size(); ++j) CHECK_FALSE(overlap(shown[i]->interval, shown[j]->interval));
            // The answer agrees with the intervals.
            if (q.kind == Kind::BeforeAfter) {
                CHECK((q.answer[0] == 0) == before(shown[0]->interval, shown[1]->interval));
            } else if (q.kind == Kind::Order) {
                for (size_t i = 0; i + 1 < q.answer.size(); ++i)
                    CHECK(before(event_by_id(p, q.options[q.answer[i]].event).interval,
                                 event_by_id(p, q.options[q.answer[i + 1]].event).interval));
            } else {
                const Event& right = event_by_id(p, q.options[q.answer[0]].event);
                for (const Event* other : shown) {
                    if (other == &right) continue;
                    CHECK((q.kind == Kind::First ? before(right.interval, other->interval)
                                                 : before(other->interval, right.interval)));
                }
            }
        }
    }
    CHECK(questions > 10000);
}
