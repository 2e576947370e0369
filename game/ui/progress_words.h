// The progress report (core/learn/progress.h) in words, in the interface language: the
// Progress screen and `chronicle progress` say the same figures the same way.
#pragma once
#include <string>

#include "core/learn/progress.h"
#include "ui/strings.h"

namespace chronicle::ui {

// Right out of answered as a whole percent (0 when nothing was answered).
int percent(int right, int answered);

std::string mastery_text(const PackProgress& p, Lang lang);       // "4 of 20 facts"
std::string new_facts_text(const PackProgress& p, Lang lang);     // "New: 15"
std::string due_today_text(const PackProgress& p, Lang lang);     // "Due today: 2"
std::string due_next_text(const PackProgress& p, Lang lang);      // "Next 7 days: 1 · 0 · … · 1"
std::string recent_text(const PackProgress& p, Lang lang);        // "Last 10 games: 30 of 40 right (75%)"
std::string answered_text(const PackProgress& p, Lang lang);      // "62 answered, 43 right (69%)"
std::string study_days_text(const PackProgress& p, Lang lang);    // "Studied on 19 days"
std::string streak_text(const PackProgress& p, Lang lang);        // "Streak: 12 days"
std::string longest_streak_text(const PackProgress& p, Lang lang); // "Longest streak: 12 days"
std::string month_text(int month, Lang lang);                     // "Mar", "3月"
std::string month_day_text(int64_t study_day, Lang lang);         // "18 Mar", "3月18日"

// The whole report of one pack as lines of text, under its title.
std::string progress_report_text(const std::string& title, const PackProgress& p, Lang lang);

} // namespace chronicle::ui
