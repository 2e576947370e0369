#include "ui/progress_words.h"

#include "core/base/date.h"
#include "core/quiz/kind.h"
#include "core/quiz/phrases.h"

namespace chronicle::ui {

namespace {

std::string n(long long v, Lang lang) { return number_text(v, lang); }

std::string percent_text(int right, int answered, Lang lang) {
    return fill_in(text(T::PercentN, lang), {{"n", n(percent(right, answered), lang)}});
}

} // namespace

int percent(int right, int answered) {
    return answered > 0 ? static_cast<int>((200LL * right + answered) / (2LL * answered)) : 0;
}

std::string mastery_text(const PackProgress& p, Lang lang) {
    return fill_in(text(T::MasteryOf, lang), {{"k", n(p.known, lang)}, {"n", n(p.facts, lang)}});
}

std::string new_facts_text(const PackProgress& p, Lang lang) {
    return fill_in(text(T::NewFacts, lang), {{"n", n(p.fresh, lang)}});
}

std::string due_today_text(const PackProgress& p, Lang lang) {
    return fill_in(text(T::DueToday, lang), {{"n", n(p.due_today, lang)}});
}

std::string due_next_text(const PackProgress& p, Lang lang) {
    std::string list;
    for (int d : p.due_next) list += (list.empty() ? "" : " · ") + n(d, lang);
    return fill_in(text(T::DueNextDays, lang), {{"l", list}});
}

std::string recent_text(const PackProgress& p, Lang lang) {
    if (p.recent_games.empty()) return text(T::NoGamesYet, lang);
    const auto games = static_cast<long long>(p.recent_games.size());
    return fill_in(text(for_count(games, T::RecentAccuracyOne, T::RecentAccuracy), lang),
                   {{"g", n(games, lang)},
                    {"c", n(p.recent.right, lang)},
                    {"n", n(p.recent.answered, lang)},
                    {"p", n(percent(p.recent.right, p.recent.answered), lang)}});
}

std::string answered_text(const PackProgress& p, Lang lang) {
    if (p.total.answered == 0) return text(T::NoAnswersYet, lang);
    return fill_in(text(T::AllAnswered, lang), {{"n", n(p.total.answered, lang)},
                                                 {"c", n(p.total.right, lang)},
                                                 {"p", n(percent(p.total.right, p.total.answered), lang)}});
}

std::string study_days_text(const PackProgress& p, Lang lang) {
    return fill_in(text(for_count(p.study_days, T::StudyDayN, T::StudyDaysN), lang), {{"n", n(p.study_days, lang)}});
}

std::string streak_text(const PackProgress& p, Lang lang) {
    return fill_in(text(for_count(p.current_streak, T::CurrentStreakOne, T::CurrentStreak), lang),
                   {{"n", n(p.current_streak, lang)}});
}

std::string longest_streak_text(const PackProgress& p, Lang lang) {
    return fill_in(text(for_count(p.longest_streak, T::LongestStreakOne, T::LongestStreak), lang),
                   {{"n", n(p.longest_streak, lang)}});
}

std::string month_text(int month, Lang lang) {
    if (month < 1 || month > 12) return "";
    return text(static_cast<T>(static_cast<int>(T::Month1) + month - 1), lang);
}

std::string month_day_text(int64_t study_day, Lang lang) {
    int64_t year = 0;
    int month = 0, day = 0;
    civil_from_days(study_day, year, month, day);
    return fill_in(text(T::MonthDay, lang), {{"m", std::to_string(month)}, {"d", std::to_string(day)}, {"mn", month_text(month, lang)}});
}

std::string progress_report_text(const std::string& title, const PackProgress& p, Lang lang) {
    std::string out = title + "\n";
    auto line = [&out](const std::string& s) { out += "  " + s + "\n"; };
    line(std::string(text(T::Mastery, lang)) + (lang == Lang::Zh ? "：" : ": ") + mastery_text(p, lang) + "  " +
         new_facts_text(p, lang));
    line(due_today_text(p, lang) + "  " + due_next_text(p, lang));
    line(recent_text(p, lang));
    line(answered_text(p, lang));
    line(study_days_text(p, lang) + "  " + streak_text(p, lang) + "  " + longest_streak_text(p, lang));
    if (!p.kinds.empty()) {
        line(text(T::KindAccuracy, lang));
        for (const KindTally& k : p.kinds)
            line("  " + std::string(kind_spec(k.kind).label.in(lang_code(lang))) + "  " +
                 fill_in(text(T::KindScore, lang), {{"c", n(k.tally.right, lang)}, {"n", n(k.tally.answered, lang)}}) +
                 "  " + percent_text(k.tally.right, k.tally.answered, lang));
    }
    return out;
}

} // namespace chronicle::ui
