// The progress report (core/learn/progress.h) from records built here, over simulated
// weeks, with time and the time zone passed in; every figure checked by hand.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/learn/progress.h"
#include "core/learn/study_day.h"

using namespace chronicle;

namespace {

constexpr int32_t kBeijing = 8 * 3600;
// Wednesday 18 March 2026 in Beijing.
const int64_t kToday = days_from_civil(2026, 3, 18);

// Unix seconds at `hour`:`minute` local time on the calendar day `day` (days since 1970).
int64_t local(int64_t day, int hour, int minute = 0, int32_t offset = kBeijing) {
    return day * 86400 + hour * 3600 + minute * 60 - offset;
}

StudyAnswer study(int64_t at, Kind kind, bool correct) {
    StudyAnswer a;
    a.pack_id = "p";
    a.lang = "en";
    a.kind = kind;
    a.correct = correct;
    a.at = at;
    return a;
}

AnsweredQuestion answered(Kind kind, bool correct) {
    AnsweredQuestion a;
    a.kind = kind;
    a.correct = correct;
    return a;
}

FactState state(const std::string& fact, double stability, int64_t last_review, int64_t due) {
    FactState s;
    s.pack_id = "p";
    s.fact = fact;
    s.card.state = fsrs::State::Review;
    s.card.stability = stability;
    s.card.difficulty = 5;
    s.card.last_review = last_review;
    s.card.due = due;
    s.card.reps = 3;
    return s;
}

// Three weeks: Learn on seven days (2 answers a day, one right: "when"), a day off, then a
// game a day for twelve days up to yesterday (first ✓, first ✗, order ✓, when ✓).
ProgressInput three_weeks() {
    ProgressInput in;
    in.pack_id = "p";
    in.facts = 20;
    for (int64_t d = kToday - 20; d <= kToday - 14; ++d) {
        in.answers.push_back(study(local(d, 19), Kind::When, true));
        in.answers.push_back(study(local(d, 19, 5), Kind::When, false));
    }
    int64_t id = 1;
    for (int64_t d = kToday - 12; d <= kToday - 1; ++d) {
        GameRecord g;
        g.id = id++;
        g.pack_id = "p";
        g.finished_at = local(d, 21);
        g.questions = 4;
        g.correct = 3;
        g.answers = {answered(Kind::First, true), answered(Kind::First, false), answered(Kind::Order, true),
                     answered(Kind::When, true)};
        in.games.push_back(g);
    }
    return in;
}

} // namespace

SCENARIO("The progress of a pack never studied", "[progress]") {
    GIVEN("a pack of 20 facts and no records") {
        ProgressInput in;
        in.pack_id = "p";
        in.facts = 20;
        WHEN("the report is made") {
            const PackProgress p = make_progress(in, local(kToday, 10), kBeijing, {});
            THEN("every fact is new, nothing is due, known or answered") {
                CHECK(p.today == kToday);
                CHECK(p.facts == 20);
                CHECK(p.fresh == 20);
                CHECK(p.known == 0);
                CHECK(p.due_today == 0);
                CHECK(p.due_next == std::array<int, kForecastDays>{});
                CHECK(p.recent_games.empty());
                CHECK(p.recent == Tally{});
                CHECK(p.days.empty());
                CHECK(p.kinds.empty());
                CHECK(p.study_days == 0);
                CHECK(p.current_streak == 0);
                CHECK(p.longest_streak == 0);
            }
            THEN("the calendar is 26 weeks of zeros from a Monday to today") {
                CHECK(weekday(p.calendar_start) == 0);
                CHECK(day_iso(p.calendar_start) == "2025-09-22");
                CHECK(p.calendar.size() == static_cast<size_t>(25 * 7 + 3)); // Monday to Wednesday this week
                CHECK(std::all_of(p.calendar.begin(), p.calendar.end(), [](int n) { return n == 0; }));
            }
            THEN("its JSON is valid, versioned, with zeros") {
                const auto j = nlohmann::json::parse(progress_json({p}, local(kToday, 10), kBeijing, {}));
                CHECK(j["format"] == "chronicle-progress");
                CHECK(j["version"] == 1);
                CHECK(j["today"] == "2026-03-18");
                REQUIRE(j["packs"].size() == 1);
                CHECK(j["packs"][0]["pack"] == "p");
                CHECK(j["packs"][0]["new"] == 20);
                CHECK(j["packs"][0]["known"] == 0);
                CHECK(j["packs"][0]["days"].empty());
                CHECK(j["packs"][0]["due_next_days"] == nlohmann::json::array({0, 0, 0, 0, 0, 0, 0}));
            }
        }
    }
}

SCENARIO("Three weeks of history", "[progress]") {
    GIVEN("a week of Learn, a day off, then twelve days of games up to yesterday") {
        const ProgressInput in = three_weeks();
        const int64_t now = local(kToday, 10);
        WHEN("the report is made this morning") {
            const PackProgress p = make_progress(in, now, kBeijing, {});
            THEN("the last ten games and their accuracy") {
                REQUIRE(p.recent_games.size() == 10);
                CHECK(p.recent_games.front().id == 3);
                CHECK(p.recent_games.back().id == 12);
                CHECK(p.recent == Tally{40, 30});
            }
            THEN("every answer by day, oldest first") {
                REQUIRE(p.days.size() == 19);
                CHECK(p.days.front() == DayTally{kToday - 20, {2, 1}});
                CHECK(p.days[6] == DayTally{kToday - 14, {2, 1}});
                CHECK(p.days[7] == DayTally{kToday - 12, {4, 3}});
                CHECK(p.days.back() == DayTally{kToday - 1, {4, 3}});
                CHECK(p.total == Tally{62, 43});
            }
            THEN("by kind, in the table's order") {
                CHECK(p.kinds == std::vector<KindTally>{
                                     {Kind::First, {24, 12}}, {Kind::Order, {12, 12}}, {Kind::When, {26, 19}}});
            }
            THEN("the streak runs to yesterday, today has none yet") {
                CHECK(p.study_days == 19);
                CHECK(p.longest_streak == 12);
                CHECK(p.current_streak == 12);
            }
            THEN("the calendar counts each day's answers") {
                CHECK(p.calendar[static_cast<size_t>(kToday - 20 - p.calendar_start)] == 2);
                CHECK(p.calendar[static_cast<size_t>(kToday - 1 - p.calendar_start)] == 4);
                CHECK(p.calendar.back() == 0);
                int sum = 0;
                for (int n : p.calendar) sum += n;
                CHECK(sum == 62);
            }
            THEN("its JSON says the same") {
                const auto j = nlohmann::json::parse(progress_json({p}, now, kBeijing, {}))["packs"][0];
                CHECK(j["recent_accuracy"] == nlohmann::json({{"correct", 30}, {"questions", 40}}));
                CHECK(j["days"][0] == nlohmann::json({{"date", "2026-02-26"}, {"answered", 2}, {"right", 1}}));
                CHECK(j["kinds"][1] == nlohmann::json({{"kind", "order"}, {"answered", 12}, {"right", 12}}));
                CHECK(j["current_streak"] == 12);
                CHECK(j["longest_streak"] == 12);
                CHECK(j["study_days"] == 19);
            }
        }
        WHEN("the player answers once today") {
            ProgressInput more = in;
            more.answers.push_back(study(local(kToday, 9), Kind::Last, true));
            const PackProgress p = make_progress(more, now, kBeijing, {});
            THEN("the streak includes today") {
                CHECK(p.current_streak == 13);
                CHECK(p.longest_streak == 13);
                CHECK(p.calendar.back() == 1);
            }
        }
        WHEN("the report is made tomorrow, with no answer today") {
            const PackProgress p = make_progress(in, local(kToday + 1, 10), kBeijing, {});
            THEN("a day without answers broke the streak; the longest stays") {
                CHECK(p.current_streak == 0);
                CHECK(p.longest_streak == 12);
            }
        }
    }
}

SCENARIO("Streaks across the 4 a.m. rollover and time zones", "[progress]") {
    GIVEN("answers late at night, before 4 a.m. and after it") {
        ProgressInput in;
        in.pack_id = "p";
        in.answers.push_back(study(local(kToday - 2, 23, 30), Kind::When, true));
        in.answers.push_back(study(local(kToday - 1, 3, 30), Kind::When, true)); // still the day before
        in.answers.push_back(study(local(kToday, 3, 59), Kind::When, true));     // still yesterday
        WHEN("it is 10 a.m. today in Beijing") {
            const PackProgress p = make_progress(in, local(kToday, 10), kBeijing, {});
            THEN("the night before 4 a.m. counts with the evening: two days, ending yesterday") {
                REQUIRE(p.days.size() == 2);
                CHECK(p.days[0] == DayTally{kToday - 2, {2, 2}});
                CHECK(p.days[1] == DayTally{kToday - 1, {1, 1}});
                CHECK(p.current_streak == 2);
            }
        }
        WHEN("it is 3 a.m. tomorrow in Beijing") {
            const PackProgress p = make_progress(in, local(kToday + 1, 3), kBeijing, {});
            THEN("today is still today, so yesterday's streak holds") {
                CHECK(p.today == kToday);
                CHECK(p.current_streak == 2);
            }
        }
    }
    GIVEN("answers at 10 a.m. Beijing time yesterday and today (2 a.m. in London)") {
        ProgressInput in;
        in.pack_id = "p";
        in.answers.push_back(study(local(kToday - 1, 10), Kind::When, true));
        in.answers.push_back(study(local(kToday, 10), Kind::When, false));
        const int64_t now = local(kToday, 13); // 5 a.m. in London
        WHEN("the report is made in Beijing") {
            const PackProgress p = make_progress(in, now, kBeijing, {});
            THEN("they fall on yesterday and today") {
                REQUIRE(p.days.size() == 2);
                CHECK(p.days[0].day == kToday - 1);
                CHECK(p.days[1].day == kToday);
                CHECK(p.current_streak == 2);
            }
        }
        WHEN("the same moments are seen from London (UTC)") {
            const PackProgress p = make_progress(in, now, 0, {});
            THEN("before 4 a.m. there, each counts with the day before; today has none yet") {
                CHECK(p.today == kToday);
                REQUIRE(p.days.size() == 2);
                CHECK(p.days[0] == DayTally{kToday - 2, {1, 1}});
                CHECK(p.days[1] == DayTally{kToday - 1, {1, 0}});
                CHECK(p.current_streak == 2);
                CHECK(p.calendar.back() == 0);
            }
        }
    }
    GIVEN("answers on four days with one day missing") {
        ProgressInput in;
        in.pack_id = "p";
        for (int64_t d : {kToday - 4, kToday - 3, kToday - 1, kToday})
            in.answers.push_back(study(local(d, 12), Kind::First, false));
        WHEN("the report is made today") {
            const PackProgress p = make_progress(in, local(kToday, 20), kBeijing, {});
            THEN("the gap breaks the streak") {
                CHECK(p.study_days == 4);
                CHECK(p.current_streak == 2);
                CHECK(p.longest_streak == 2);
                CHECK(p.kinds == std::vector<KindTally>{{Kind::First, {4, 0}}});
            }
        }
    }
}

SCENARIO("Mastery and the reviews due", "[progress]") {
    GIVEN("five reviewed facts of a pack of 20") {
        const int64_t now = local(kToday, 10);
        const int64_t day = 86400;
        ProgressInput in;
        in.pack_id = "p";
        in.facts = 20;
        in.states = {
            state("date:e1", 10, now - day, now - 3600),                                        // overdue, known
            state("date:e2", 1, now - 5 * day, study_day_start(kToday + 1, kBeijing) - 1),      // due today, forgotten
            state("date:e3", 30, now - 2 * day, study_day_start(kToday + 1, kBeijing) + 3600),  // tomorrow
            state("date:e4", 30, now - 2 * day, study_day_start(kToday + 7, kBeijing)),         // in 7 days
            state("date:e5", 30, now - 2 * day, study_day_start(kToday + 8, kBeijing)),         // later
        };
        WHEN("the report is made") {
            const PackProgress p = make_progress(in, now, kBeijing, {});
            THEN("facts recalled with at least the desired retention are known") {
                // R = (1 + f·t/S)^-w20: t 1 d, S 10 d ≈ 0.986; t 5 d, S 1 d ≈ 0.76; t 2 d, S 30 d ≈ 0.99.
                CHECK(p.known == 4);
                CHECK(p.fresh == 15);
            }
            THEN("what is due today and on each of the next seven days") {
                CHECK(p.due_today == 2);
                CHECK(p.due_next == std::array<int, kForecastDays>{1, 0, 0, 0, 0, 0, 1});
            }
        }
        WHEN("the desired retention is 0.995") {
            fsrs::Parameters strict;
            strict.desired_retention = 0.995;
            const PackProgress p = make_progress(in, now, kBeijing, strict);
            THEN("fewer are known") { CHECK(p.known == 0); }
        }
    }
}
