#include "core/quiz/kinds/who_did.h"

#include <algorithm>

#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

bool who_did_supported(const Pack& pack) {
    return std::any_of(pack.who_events.begin(), pack.who_events.end(), [&](EventIndex e) {
        const std::vector<PersonIndex>& actors = pack.events[e].actors;
        return std::any_of(actors.begin(), actors.end(), [&](PersonIndex a) {
            const std::vector<PersonIndex>& same_kind = pack.people_by_kind[index_of(pack.people[a].kind)];
            return std::any_of(same_kind.begin(), same_kind.end(), [&](PersonIndex p) {
                return std::find(actors.begin(), actors.end(), p) == actors.end();
            });
        });
    });
}

size_t who_did_deck(const Pack& pack) { return pack.who_events.size(); }

std::optional<Question> make_who_did(QuestionMaker& g) {
    const std::optional<size_t> drawn = g.draw(Kind::WhoDid);
    if (!drawn) return std::nullopt;
    const Event& e = g.pack().events[g.pack().who_events[*drawn]];
    const PersonIndex right = e.actors[g.rng().below(static_cast<uint32_t>(e.actors.size()))];
    const auto wrong = g.sample_people(g.pack().people[right].kind, e.actors, g.sizes().choices - 1, g.event_words(e));
    if (wrong.empty()) return std::nullopt;
    Question q;
    q.kind = Kind::WhoDid;
    q.key = "who_did:" + e.id;
    q.prompt = fill_in(kWhoDidPrompt.in(g.lang()), {{"p", g.tr(e.who)}});
    q.events = {e.id};
    q.explanation = g.explain_event(e);
    QuestionMaker::reveal_event(q, e);
    QuestionMaker::answered_by_event(q, e);
    std::vector<Option> others;
    for (PersonIndex p : wrong) others.push_back(g.person_option(p));
    g.place(q, g.person_option(right), std::move(others));
    return q;
}

} // namespace chronicle::kinds
