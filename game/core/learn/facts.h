// The facts of a pack: what a student learns and FSRS schedules. A fact is one record's
// answer — an event's date, who did an event, who said a quote, a number's value, an
// authored question's answer — named by a key ("date:e07", "who:e05", "speaker:q01",
// "value:n02", "authored:a3"). Questions of many kinds test one fact (a date is asked by
// "when", by ordering, by true or false); an answer reviews the facts it tested.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/learn/fsrs.h"
#include "core/pack/pack.h"
#include "core/quiz/question.h"
#include "core/quiz/scoring.h"

namespace chronicle {

enum class FactKind { Date, Who, Speaker, Value, Authored };

struct Fact {
    FactKind kind = FactKind::Date;
    size_t record = 0; // into the pack's events (Date, Who), quotes, numbers or questions
    bool operator==(const Fact& o) const { return kind == o.kind && record == o.record; }
};

// "date:e07" for the date of event e07.
std::string fact_key(const Pack& pack, const Fact& fact);
// The fact a key names in this pack; nullopt when the pack has no such record (an
// edited pack) or the key is not a fact's.
std::optional<Fact> find_fact(const Pack& pack, std::string_view key);
// Every fact the pack can ask about, in the pack's order: the dates that are answers,
// the events with a "who", the quotes, the numbers, the authored questions, of the
// kinds the pack supports.
std::vector<Fact> pack_facts(const Pack& pack);
// The keys of pack_facts(pack): to tell at once which of many saved facts the pack
// still has (find_fact looks one up by a scan).
std::unordered_set<std::string> fact_keys(const Pack& pack);

// How an answer rates each fact its question tested. Wrong (or out of time): Again; right
// but slower than half the kind's Timed limit: Hard; else Good. An order rates each event
// (misplaced ones — outside the longest run in the right order — Again); a "which came
// first/last" rates the right event, and the one chosen instead when wrong; events that
// were only wrong options of other kinds are not rated.
struct FactRating {
    std::string fact; // its key
    fsrs::Rating rating = fsrs::Rating::Good;
};
std::vector<FactRating> rate_answer(const Question& q, const std::vector<size_t>& chosen, const Grade& grade,
                                    int64_t elapsed_ms);

// A question that tests `fact`, of the kind that asks it best (a date by "when", else by
// "before or after"), in `options.lang` at `options.difficulty`, shuffled by
// `options.seed`; nullopt when the pack cannot ask it.
std::optional<Question> question_for_fact(const Pack& pack, const QuizOptions& options, const Fact& fact);

} // namespace chronicle
