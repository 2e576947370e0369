// The progress report of a pack: how much of it is known, what is due, how well the
// player answers lately, by day and by kind, and on which days they studied. A pure
// function of the records (no Storage inside), so that weeks of history can be
// simulated in a test; time and the time zone come in as arguments.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/learn/fsrs.h"
#include "core/quiz/kind.h"
#include "core/store/storage.h"

namespace chronicle {

// Weeks the calendar heatmap shows, the current one included.
constexpr int kCalendarWeeks = 26;
// Games in "recent accuracy".
constexpr size_t kRecentGames = 10;
// Days after today in the forecast of reviews due.
constexpr size_t kForecastDays = 7;

// Questions answered (in games and in Learn) and how many of them right.
struct Tally {
    int answered = 0;
    int right = 0;
    bool operator==(const Tally& o) const { return answered == o.answered && right == o.right; }
};

struct DayTally {
    int64_t day = 0; // a study day (learn/study_day.h)
    Tally tally;
    bool operator==(const DayTally& o) const { return day == o.day && tally == o.tally; }
};

struct KindTally {
    Kind kind = Kind::First;
    Tally tally;
    bool operator==(const KindTally& o) const { return kind == o.kind && tally == o.tally; }
};

struct GameScore {
    int64_t id = 0;
    int64_t finished_at = 0; // Unix seconds
    int correct = 0;
    int questions = 0;
};

struct PackProgress {
    std::string pack_id;
    int64_t now = 0;      // Unix seconds
    int32_t utc_offset = 0;
    int64_t today = 0;    // the study day of `now`

    // Mastery: facts whose chance of recall now is at least the desired retention.
    int facts = 0;
    int known = 0;
    int fresh = 0;     // never reviewed
    int due_today = 0; // reviewed facts due before today's study day ends (overdue ones too)
    std::array<int, kForecastDays> due_next{}; // due on each of the days after today

    // The last games (at most kRecentGames), oldest first, and their sum.
    std::vector<GameScore> recent_games;
    Tally recent;

    // Every study day with an answer, oldest first (the line of accuracy over time).
    std::vector<DayTally> days;
    // Every kind asked, in the table's order (bars per kind).
    std::vector<KindTally> kinds;
    Tally total;

    int study_days = 0;     // days with an answer
    int current_streak = 0; // days in a row ending today, or yesterday when today has none yet
    int longest_streak = 0;

    // The calendar heatmap: answers per day from calendar_start (a Monday, kCalendarWeeks - 1
    // weeks before this week's) to today, one entry a day.
    int64_t calendar_start = 0;
    std::vector<int> calendar;
};

struct ProgressInput {
    std::string pack_id;
    int facts = 0;                       // how many facts the pack has (pack_facts)
    std::vector<FactState> states;       // of facts the pack still has
    std::vector<GameRecord> games;       // finished games of the pack, with their answers
    std::vector<StudyAnswer> answers;    // Learn answers of the pack
};

PackProgress make_progress(const ProgressInput& input, int64_t now, int32_t utc_offset, const fsrs::Parameters& params);

// Monday is 0, Sunday 6, for a study day.
int weekday(int64_t day);
// "2026-12-02" for a study day.
std::string day_iso(int64_t day);

// The report of several packs as JSON ("chronicle-progress", version 1): stable field
// names, in this order; new ones may be added, none removed or changed in meaning.
std::string progress_json(const std::vector<PackProgress>& packs, int64_t now, int32_t utc_offset,
                          const fsrs::Parameters& params);

} // namespace chronicle
