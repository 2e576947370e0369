#include "core/quiz/kinds/who_said.h"

#include <algorithm>

#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

bool who_said_supported(const Pack& pack) {
    return std::any_of(pack.quotes.begin(), pack.quotes.end(), [&](const Quote& q) {
        return pack.people_by_kind[index_of(pack.people[q.speaker].kind)].size() > 1;
    });
}

size_t who_said_deck(const Pack& pack) { return pack.quotes.size(); }

std::optional<Question> make_who_said(QuestionMaker& g) {
    const std::optional<size_t> drawn = g.draw(Kind::WhoSaid);
    if (!drawn) return std::nullopt;
    const Quote& quote = g.pack().quotes[*drawn];
    const Person& speaker = g.pack().people[quote.speaker];
    // Nobody the quote or its event names: "Ilya has a good moral compass" is not Ilya's.
    const auto wrong = g.sample_people(speaker.kind, {quote.speaker}, g.sizes().choices - 1, g.quote_words(quote));
    if (wrong.empty()) return std::nullopt;
    Question q;
    q.kind = Kind::WhoSaid;
    q.key = "who_said:" + quote.id;
    const Words& prompt = quote.catchphrase ? kWhoSaidCatchphrasePrompt : kWhoSaidPrompt;
    q.prompt = fill_in(prompt.in(g.lang()), {{"q", g.quoted(quote.text)}});
    q.explanation = fill_in(kQuoteLine.in(g.lang()),
                            {{"q", g.quoted(quote.text)}, {"name", g.pack().display_name(speaker, g.lang())}});
    q.reveals = {QuestionMaker::fact("speaker", quote.id)};
    q.answered_by = {{QuestionMaker::fact("speaker", quote.id)}};
    g.add_source_event(q, quote.event);
    std::vector<Option> others;
    for (PersonIndex p : wrong) others.push_back(g.person_option(p));
    g.place(q, g.person_option(quote.speaker), std::move(others));
    return q;
}

} // namespace chronicle::kinds
