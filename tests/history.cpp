#include "history.h"

#include <map>

#include "core/learn/facts.h"
#include "core/learn/study_day.h"
#include "core/quiz/generator.h"
#include "core/quiz/kind.h"

namespace chronicle::test {

bool write_history(Storage& storage, const Pack& pack, int weeks, int64_t now, int32_t utc_offset,
                   const fsrs::Parameters& params, std::string& error) {
    std::vector<std::string> facts;
    for (const Fact& f : pack_facts(pack)) facts.push_back(fact_key(pack, f));
    const std::vector<Kind> kinds = supported_kinds(pack);
    if (facts.empty() || kinds.empty()) {
        error = "the pack has no facts to study";
        return false;
    }
    std::map<std::string, fsrs::Card> cards;
    auto review = [&](size_t n, bool right, Kind kind, int64_t at) {
        FactReview r;
        r.pack_id = pack.id;
        r.fact = facts[n % facts.size()];
        r.rating = right ? (n % 3 == 0 ? fsrs::Rating::Easy : fsrs::Rating::Good) : fsrs::Rating::Again;
        r.kind = kind;
        r.at = at;
        r.card = fsrs::review(cards[r.fact], r.rating, at, params);
        cards[r.fact] = r.card;
        return r;
    };
    auto failed = [&] {
        error = storage.last_error() ? "a write failed (Problem " + std::to_string(static_cast<int>(storage.last_error()->problem)) + ")"
                                     : "a write failed";
        return false;
    };
    const int64_t today = study_day(now, utc_offset);
    const int64_t first = today - 7 * static_cast<int64_t>(weeks) + 1;
    size_t n = 0; // answers so far: picks the fact, the kind and right or wrong
    for (int64_t day = first; day <= today; ++day) {
        if ((day - first) % 9 == 4) continue; // a day off
        const int64_t start = study_day_start(day, utc_offset);
        // Up to ten Learn answers at 8 a.m. (four hours after the day starts), more on some days.
        const int learn = static_cast<int>((day - first) * 7 % 11);
        for (int i = 0; i < learn; ++i, ++n) {
            StudyAnswer a;
            a.pack_id = pack.id;
            a.lang = "en";
            a.kind = kinds[n % kinds.size()];
            a.prompt = "Learn question " + std::to_string(n);
            a.correct = n % 4 != 1;
            a.elapsed_ms = 4000 + static_cast<int64_t>(n % 7) * 1000;
            a.at = start + 4 * 3600 + i * 60;
            if (a.at > now) break;
            if (storage.record_study_answer(a, {review(n * 7, a.correct, a.kind, a.at)}) < 0) return failed();
        }
        // A game of five questions at 8 p.m., every other day from the second week on a hard one.
        GameRecord g;
        g.pack_id = pack.id;
        g.lang = "en";
        g.seed = static_cast<uint64_t>(day);
        g.finished_at = start + 16 * 3600;
        if (g.finished_at > now) continue;
        std::vector<FactReview> reviews;
        int streak = 0;
        for (int i = 0; i < 5; ++i, ++n) {
            AnsweredQuestion a;
            a.kind = kinds[(n + static_cast<size_t>(day)) % kinds.size()];
            a.prompt = "Question " + std::to_string(n);
            a.chosen = {"A"};
            a.correct = (n * 5 + static_cast<size_t>(day - first)) % 3 != 0;
            a.right = {a.correct ? "A" : "B"};
            a.points = a.correct ? 100 : 0;
            a.elapsed_ms = 3000 + static_cast<int64_t>(i) * 500;
            g.correct += a.correct ? 1 : 0;
            g.points += a.points;
            streak = a.correct ? streak + 1 : 0;
            g.best_streak = std::max(g.best_streak, streak);
            g.answers.push_back(a);
            reviews.push_back(review(n * 11 + 3, a.correct, a.kind, g.finished_at));
        }
        g.questions = static_cast<int>(g.answers.size());
        if (storage.record_game(g, reviews) < 0) return failed();
    }
    return true;
}

} // namespace chronicle::test
