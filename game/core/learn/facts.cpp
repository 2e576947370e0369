#include "core/learn/facts.h"

#include <algorithm>
#include <array>

#include "core/quiz/generator.h"

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

} // namespace chronicle
