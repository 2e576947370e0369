#include "core/learn/progress.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/learn/study_day.h"

namespace chronicle {

namespace {

void count(Tally& t, bool right) {
    ++t.answered;
    if (right) ++t.right;
}

// {"answered": …, "right": …}, after what it counts ({"date": "2026-03-18", …}) when named.
nlohmann::ordered_json tally_json(const Tally& t, const char* key = nullptr, const std::string& value = "") {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (key) j[key] = value;
    j["answered"] = t.answered;
    j["right"] = t.right;
    return j;
}

} // namespace

int weekday(int64_t day) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const int64_t w = (day + 3) % 7;
    return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string day_iso(int64_t day) {
    int64_t year = 0;
    int month = 0, dom = 0;
    civil_from_days(day, year, month, dom);
    char text[32];
    std::snprintf(text, sizeof text, "%04lld-%02d-%02d", static_cast<long long>(year), month, dom);
    return text;
}

PackProgress make_progress(const ProgressInput& input, int64_t now, int32_t utc_offset, const fsrs::Parameters& params) {
    PackProgress p;
    p.pack_id = input.pack_id;
    p.now = now;
    p.utc_offset = utc_offset;
    p.today = study_day(now, utc_offset);

    // Mastery and what is due.
    p.facts = input.facts;
    int reviewed = 0;
    const int64_t tomorrow_starts = study_day_start(p.today + 1, utc_offset);
    for (const FactState& s : input.states) {
        if (s.card.state == fsrs::State::New && s.card.reps == 0) continue;
        ++reviewed;
        // Known: past its learning steps (a fact just missed is relearning, whatever its
        // recall within the day) and recalled now at the desired retention.
        if (s.card.state == fsrs::State::Review && fsrs::retrievability(s.card, now, params) >= params.desired_retention)
            ++p.known;
        if (s.card.due < tomorrow_starts) {
            ++p.due_today;
        } else {
            const int64_t ahead = study_day(s.card.due, utc_offset) - p.today;
            if (ahead >= 1 && ahead <= static_cast<int64_t>(kForecastDays)) ++p.due_next[static_cast<size_t>(ahead - 1)];
        }
    }
    p.fresh = std::max(0, p.facts - reviewed);

    // The last games.
    std::vector<const GameRecord*> games;
    for (const GameRecord& g : input.games) games.push_back(&g);
    std::stable_sort(games.begin(), games.end(), [](const GameRecord* a, const GameRecord* b) {
        return a->finished_at != b->finished_at ? a->finished_at < b->finished_at : a->id < b->id;
    });
    const size_t first_recent = games.size() > kRecentGames ? games.size() - kRecentGames : 0;
    for (size_t i = first_recent; i < games.size(); ++i) {
        const GameRecord& g = *games[i];
        p.recent_games.push_back({g.id, g.finished_at, g.correct, g.questions});
        p.recent.answered += g.questions;
        p.recent.right += g.correct;
    }

    // Every answer, by day and by kind.
    std::map<int64_t, Tally> by_day;
    std::map<Kind, Tally> by_kind;
    auto answer = [&](int64_t at, Kind kind, bool right) {
        count(by_day[study_day(at, utc_offset)], right);
        count(by_kind[kind], right);
        count(p.total, right);
    };
    for (const GameRecord* g : games)
        for (const AnsweredQuestion& a : g->answers) answer(g->finished_at, a.kind, a.correct);
    for (const StudyAnswer& a : input.answers) answer(a.at, a.kind, a.correct);
    for (const auto& [day, tally] : by_day) p.days.push_back({day, tally});
    for (Kind k : kAllKinds)
        if (auto it = by_kind.find(k); it != by_kind.end()) p.kinds.push_back({k, it->second});

    // Streaks.
    p.study_days = static_cast<int>(p.days.size());
    int run = 0;
    int64_t previous = 0;
    for (const DayTally& d : p.days) {
        run = run > 0 && d.day == previous + 1 ? run + 1 : 1;
        previous = d.day;
        p.longest_streak = std::max(p.longest_streak, run);
    }
    if (!p.days.empty() && (previous == p.today || previous == p.today - 1)) p.current_streak = run;

    // The calendar.
    p.calendar_start = p.today - weekday(p.today) - 7 * (kCalendarWeeks - 1);
    p.calendar.assign(static_cast<size_t>(p.today - p.calendar_start + 1), 0);
    for (const DayTally& d : p.days)
        if (d.day >= p.calendar_start && d.day <= p.today)
            p.calendar[static_cast<size_t>(d.day - p.calendar_start)] = d.tally.answered;
    return p;
}

std::string progress_json(const std::vector<PackProgress>& packs, int64_t now, int32_t utc_offset,
                          const fsrs::Parameters& params) {
    nlohmann::ordered_json out;
    out["format"] = "chronicle-progress";
    out["version"] = 1;
    out["now"] = now;
    out["utc_offset"] = utc_offset;
    out["today"] = day_iso(study_day(now, utc_offset));
    out["desired_retention"] = params.desired_retention;
    out["packs"] = nlohmann::ordered_json::array();
    for (const PackProgress& p : packs) {
        nlohmann::ordered_json j;
        j["pack"] = p.pack_id;
        j["facts"] = p.facts;
        j["known"] = p.known;
        j["new"] = p.fresh;
        j["due_today"] = p.due_today;
        j["due_next_days"] = p.due_next;
        auto games = nlohmann::ordered_json::array();
        for (const GameScore& g : p.recent_games)
            games.push_back({{"id", g.id}, {"finished_at", g.finished_at}, {"correct", g.correct}, {"questions", g.questions}});
        j["recent_games"] = std::move(games);
        j["recent_accuracy"] = {{"correct", p.recent.right}, {"questions", p.recent.answered}};
        j["answered"] = tally_json(p.total);
        auto days = nlohmann::ordered_json::array();
        for (const DayTally& d : p.days) days.push_back(tally_json(d.tally, "date", day_iso(d.day)));
        j["days"] = std::move(days);
        auto kinds = nlohmann::ordered_json::array();
        for (const KindTally& k : p.kinds) kinds.push_back(tally_json(k.tally, "kind", kind_name(k.kind)));
        j["kinds"] = std::move(kinds);
        j["study_days"] = p.study_days;
        j["current_streak"] = p.current_streak;
        j["longest_streak"] = p.longest_streak;
        j["calendar"] = {{"start", day_iso(p.calendar_start)}, {"counts", p.calendar}};
        out["packs"].push_back(std::move(j));
    }
    return out.dump(1) + "\n";
}

} // namespace chronicle
