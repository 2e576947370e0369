#include "core/learn/progress_input.h"

#include "core/learn/facts.h"

namespace chronicle {

ProgressInput progress_input(const Pack& pack) {
    ProgressInput in;
    in.pack_id = pack.id;
    in.facts = static_cast<int>(pack_facts(pack).size());
    return in;
}

ProgressInput progress_input(const Storage& storage, const Pack& pack) {
    ProgressInput in = progress_input(pack);
    const std::unordered_set<std::string> keys = fact_keys(pack);
    for (FactState& s : storage.fact_states(pack.id))
        if (keys.count(s.fact)) in.states.push_back(std::move(s));
    for (const GameRecord& listed : storage.recent_games(-1)) {
        if (listed.pack_id != pack.id) continue;
        if (std::optional<GameRecord> g = storage.game(listed.id)) in.games.push_back(std::move(*g));
    }
    in.answers = storage.study_answers(pack.id, 0);
    return in;
}

} // namespace chronicle
