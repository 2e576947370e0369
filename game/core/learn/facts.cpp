#include "core/learn/facts.h"

#include <algorithm>
#include <array>

#include "core/quiz/generator.h"
#include "core/quiz/question_maker.h"

namespace chronicle {

namespace {

struct FactName {
    FactKind kind;
    std::string_view prefix;
};
constexpr std::array<FactName, 5> kFactNames{{
    {FactKind::Date, "date"},
    {FactKind::Who, "who"},
    {FactKind::Speaker, "speaker"},
    {FactKind::Value, "value"},
    {FactKind::Authored, "authored"},
}};

std::string_view prefix_of(FactKind kind) {
    for (const FactName& n : kFactNames)
        if (n.kind == kind) return n.prefix;
    return {};
}

const std::string& record_id(const Pack& pack, const Fact& fact) {
    switch (fact.kind) {
    case FactKind::Date:
    case FactKind::Who: return pack.events[fact.record].id;
    case FactKind::Speaker: return pack.quotes[fact.record].id;
    case FactKind::Value: return pack.numbers[fact.record].id;
    case FactKind::Authored: break;
    }
    return pack.questions[fact.record].id;
}

template <typename Records>
std::optional<size_t> index_of_id(const Records& records, std::string_view id) {
    const auto it = std::find_if(records.begin(), records.end(), [&](const auto& r) { return r.id == id; });
    if (it == records.end()) return std::nullopt;
    return static_cast<size_t>(it - records.begin());
}

bool supports(const std::vector<Kind>& kinds, Kind k) { return std::find(kinds.begin(), kinds.end(), k) != kinds.end(); }

// A question's key names the record it asks about ("when:e07", "who_said:q01"), or,
// for the order of events, none ("order:…"): then its events' dates are the facts.
struct KeyFact {
    std::string_view key_prefix;
    FactKind fact;
};
constexpr std::array<KeyFact, 5> kKeyFacts{{
    {"when", FactKind::Date},
    {"who_did", FactKind::Who},
    {"who_said", FactKind::Speaker},
    {"number", FactKind::Value},
    {"authored", FactKind::Authored},
}};

std::optional<std::string> fact_of_key(std::string_view key) {
    const size_t colon = key.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    for (const KeyFact& k : kKeyFacts)
        if (key.substr(0, colon) == k.key_prefix)
            return std::string(prefix_of(k.fact)).append(key.substr(colon));
    return std::nullopt;
}

std::string date_fact(const std::string& event_id) { return std::string(prefix_of(FactKind::Date)) + ":" + event_id; }

// The options of `order` (the player's arrangement) outside one longest run that stands
// in the right order: those the player misplaced. `right` is the right arrangement.
std::vector<bool> misplaced(const std::vector<size_t>& order, const std::vector<size_t>& right) {
    std::vector<size_t> rank(right.size());
    for (size_t i = 0; i < right.size(); ++i) rank[right[i]] = i;
    const size_t n = order.size();
    std::vector<size_t> length(n, 1), before(n, n);
    size_t best = 0;
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < i; ++j)
            if (rank[order[j]] < rank[order[i]] && length[j] + 1 > length[i]) {
                length[i] = length[j] + 1;
                before[i] = j;
            }
        if (length[i] > length[best]) best = i;
    }
    std::vector<bool> out(right.size(), true);
    for (size_t i = best; n > 0 && i < n; i = before[i]) out[order[i]] = false;
    return out;
}

// The kind whose deck holds a fact's records, and the fact's place in that deck.
std::optional<std::pair<Kind, size_t>> deck_place(const Pack& pack, const Fact& fact) {
    switch (fact.kind) {
    case FactKind::Date: {
        const auto it = std::find(pack.by_time.begin(), pack.by_time.end(), fact.record);
        if (it == pack.by_time.end()) return std::nullopt;
        return std::pair{Kind::When, static_cast<size_t>(it - pack.by_time.begin())};
    }
    case FactKind::Who: {
        const auto it = std::find(pack.who_events.begin(), pack.who_events.end(), fact.record);
        if (it == pack.who_events.end()) return std::nullopt;
        return std::pair{Kind::WhoDid, static_cast<size_t>(it - pack.who_events.begin())};
    }
    case FactKind::Speaker: return std::pair{Kind::WhoSaid, fact.record};
    case FactKind::Value: return std::pair{Kind::Number, fact.record};
    case FactKind::Authored: break;
    }
    return std::pair{Kind::Authored, fact.record};
}

} // namespace

std::string fact_key(const Pack& pack, const Fact& fact) {
    return std::string(prefix_of(fact.kind)) + ":" + record_id(pack, fact);
}

std::optional<Fact> find_fact(const Pack& pack, std::string_view key) {
    const size_t colon = key.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view prefix = key.substr(0, colon), id = key.substr(colon + 1);
    for (const FactName& n : kFactNames) {
        if (n.prefix != prefix) continue;
        std::optional<size_t> record;
        switch (n.kind) {
        case FactKind::Date:
        case FactKind::Who: record = index_of_id(pack.events, id); break;
        case FactKind::Speaker: record = index_of_id(pack.quotes, id); break;
        case FactKind::Value: record = index_of_id(pack.numbers, id); break;
        case FactKind::Authored: record = index_of_id(pack.questions, id); break;
        }
        if (!record) return std::nullopt;
        return Fact{n.kind, *record};
    }
    return std::nullopt;
}

std::vector<Fact> pack_facts(const Pack& pack) {
    const std::vector<Kind> kinds = supported_kinds(pack);
    std::vector<Fact> facts;
    if (supports(kinds, Kind::When))
        for (EventIndex e = 0; e < pack.events.size(); ++e)
            if (pack.date_is_answer(pack.events[e])) facts.push_back({FactKind::Date, e});
    if (supports(kinds, Kind::WhoDid)) {
        std::vector<EventIndex> who = pack.who_events;
        std::sort(who.begin(), who.end());
        for (EventIndex e : who) facts.push_back({FactKind::Who, e});
    }
    if (supports(kinds, Kind::WhoSaid))
        for (size_t q = 0; q < pack.quotes.size(); ++q) facts.push_back({FactKind::Speaker, q});
    if (supports(kinds, Kind::Number))
        for (size_t n = 0; n < pack.numbers.size(); ++n) facts.push_back({FactKind::Value, n});
    if (supports(kinds, Kind::Authored))
        for (size_t a = 0; a < pack.questions.size(); ++a) facts.push_back({FactKind::Authored, a});
    return facts;
}

std::unordered_set<std::string> fact_keys(const Pack& pack) {
    std::unordered_set<std::string> keys;
    for (const Fact& f : pack_facts(pack)) keys.insert(fact_key(pack, f));
    return keys;
}

std::vector<FactRating> rate_answer(const Question& q, const std::vector<size_t>& chosen, const Grade& grade,
                                    int64_t elapsed_ms) {
    const fsrs::Rating right_rating =
        elapsed_ms * 2 > rules_for(Mode::Timed).limit_for(q.kind) ? fsrs::Rating::Hard : fsrs::Rating::Good;
    const fsrs::Rating rating = grade.correct && !grade.timed_out ? right_rating : fsrs::Rating::Again;
    if (const std::optional<std::string> fact = fact_of_key(q.key)) return {{*fact, rating}};

    std::vector<FactRating> out;
    if (q.kind == Kind::Order) {
        const std::vector<bool> wrong = chosen.size() == q.options.size() && !grade.timed_out
                                            ? misplaced(chosen, q.answer)
                                            : std::vector<bool>(q.options.size(), true);
        for (size_t i = 0; i < q.options.size(); ++i)
            out.push_back({date_fact(q.options[i].event), wrong[i] ? fsrs::Rating::Again : right_rating});
        return out;
    }
    if (q.kind == Kind::First || q.kind == Kind::Last) {
        out.push_back({date_fact(q.options[q.answer.at(0)].event), rating});
        if (rating == fsrs::Rating::Again && chosen.size() == 1 && chosen[0] != q.answer.at(0) &&
            chosen[0] < q.options.size())
            out.push_back({date_fact(q.options[chosen[0]].event), fsrs::Rating::Again});
        return out;
    }
    for (const std::string& event : q.events) out.push_back({date_fact(event), rating}); // a pair of events
    return out;
}

std::optional<Question> question_for_fact(const Pack& pack, const QuizOptions& options, const Fact& fact) {
    const std::optional<std::pair<Kind, size_t>> place = deck_place(pack, fact);
    if (!place) return std::nullopt;
    const std::string lang = options.lang.empty() ? pack.default_language : options.lang;
    // A maker may find no question on one try (too few wrong options at random): a few seeds.
    // A date "when" cannot ask fairly (the pack's first or last, where every wrong date
    // would lie on one side) is asked by "before or after" another event.
    QuizOptions tried = options;
    for (int attempt = 0; attempt < 4; ++attempt, ++tried.seed) {
        QuestionMaker maker(pack, tried, lang);
        maker.pin(place->first, place->second);
        if (std::optional<Question> q = maker.make(place->first)) return q;
        if (fact.kind != FactKind::Date) continue;
        maker.pin_ordered(fact.record);
        if (std::optional<Question> q = maker.make(Kind::BeforeAfter)) return q;
    }
    return std::nullopt;
}

} // namespace chronicle
