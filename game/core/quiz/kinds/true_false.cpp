#include "core/quiz/kinds/true_false.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/quiz/kinds/authored.h"
#include "core/quiz/kinds/number.h"
#include "core/quiz/kinds/when.h"
#include "core/quiz/kinds/who_said.h"
#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

namespace {

// One fact said two ways: as it is, and certainly wrong. `facts` is the question
// as far as the fact decides it: its key (the fact's own, so that no quiz asks the
// fact twice, whatever the kind), events, explanation (the true statement first),
// what it shows and what gives it away.
struct Statement {
    std::string right, wrong;
    Question facts;
};

// "A happened before B", true or reversed, said either way round.
std::optional<Statement> order_statement(QuestionMaker& g) {
    if (!g.ordered_size(2, 2)) return std::nullopt;
    const auto events = g.pick_ordered(2);
    if (!events) return std::nullopt;
    const Event& earlier = g.pack().events[(*events)[0]];
    const Event& later = g.pack().events[(*events)[1]];
    // An order that rests on an estimate is not certain enough to call a statement false.
    if (!g.pack().date_is_answer(earlier) || !g.pack().date_is_answer(later)) return std::nullopt;
    const bool began = g.any_lasted(*events);
    const Words& before = began ? kBeganBeforeStatement : kBeforeStatement;
    const Words& after = began ? kBeganAfterStatement : kAfterStatement;
    auto say = [&](const Words& w, const Event& a, const Event& b) {
        return fill_in(w.in(g.lang()), {{"a", g.quoted(a.headline)}, {"b", g.quoted(b.headline)}});
    };
    Statement s;
    if (g.rng().below(2) == 0) {
        s.right = say(before, earlier, later);
        s.wrong = say(before, later, earlier);
    } else {
        s.right = say(after, later, earlier);
        s.wrong = say(after, earlier, later);
    }
    Question& q = s.facts;
    q.key = QuestionMaker::order_key(*events);
    q.explanation = s.right + "\n" + g.explain_event(earlier) + "\n" + g.explain_event(later);
    q.events = g.ids_of(*events);
    g.reveal_chronology(q, *events);
    QuestionMaker::reveal_event(q, earlier);
    QuestionMaker::reveal_event(q, later);
    return s;
}

// "A happened in November 2023": the date a `when` question would ask (a day as its
// month unless the quiz is hard); a false one is a wrong option of that question.
std::optional<Statement> date_statement(QuestionMaker& g) {
    const Pack& pack = g.pack();
    if (pack.by_time.empty()) return std::nullopt;
    const Event& e = pack.events[pack.by_time[g.rng().below(static_cast<uint32_t>(pack.by_time.size()))]];
    if (!pack.date_is_answer(e) || e.end) return std::nullopt;
    const std::optional<DateSpec> stated = g.asked_date(e);
    if (!stated) return std::nullopt;
    const int side = g.rng().below(2) ? 1 : -1;
    std::vector<DateSpec> wrong = g.wrong_dates(*stated, side);
    if (wrong.empty()) wrong = g.wrong_dates(*stated, -side);
    if (wrong.empty()) return std::nullopt;
    const Words& say = stated->from.year < kDeepTimeYear             ? kAgoStatement
                       : stated->precision() == Precision::Day ? kOnDayStatement
                                                               : kInPeriodStatement;
    Statement s;
    s.right = fill_in(say.in(g.lang()), {{"e", g.quoted(e.headline)}, {"d", format_date(*stated, g.lang())}});
    s.wrong = fill_in(say.in(g.lang()), {{"e", g.quoted(e.headline)}, {"d", format_date(wrong.front(), g.lang())}});
    Question& q = s.facts;
    q.key = std::string(kWhen.name) + ":" + e.id;
    q.explanation = s.right + "\n" + g.explain_event(e);
    q.events = {e.id};
    QuestionMaker::reveal_event(q, e);
    q.answered_by = {{QuestionMaker::fact("date", e.id)}};
    return s;
}

// "X said …": the speaker, or another person of the same kind not named in the quote.
std::optional<Statement> speaker_statement(QuestionMaker& g) {
    const Pack& pack = g.pack();
    if (pack.quotes.empty()) return std::nullopt;
    const Quote& quote = pack.quotes[g.rng().below(static_cast<uint32_t>(pack.quotes.size()))];
    // Anyone may have said a catchphrase: only its owner is certain.
    if (quote.catchphrase) return std::nullopt;
    const Person& speaker = pack.people[quote.speaker];
    const std::vector<PersonIndex> other = g.sample_people(speaker.kind, {quote.speaker}, 1, g.quote_words(quote));
    if (other.empty()) return std::nullopt;
    auto say = [&](PersonIndex p) {
        return fill_in(kSaidStatement.in(g.lang()), {{"q", g.quoted(quote.text)}, {"name", g.pack().display_name(pack.people[p], g.lang())}});
    };
    Statement s;
    s.right = say(quote.speaker);
    s.wrong = say(other[0]);
    Question& q = s.facts;
    q.key = std::string(kWhoSaid.name) + ":" + quote.id;
    q.explanation = s.right;
    q.reveals = {QuestionMaker::fact("speaker", quote.id)};
    q.answered_by = {{QuestionMaker::fact("speaker", quote.id)}};
    g.add_source_event(q, quote.event);
    return s;
}

// "… The answer is 20%": the pack's number, or another magnitude, a near multiple or
// another of the pack's numbers with the same unit that reads differently.
std::optional<Statement> number_statement(QuestionMaker& g) {
    const Pack& pack = g.pack();
    if (pack.numbers.empty()) return std::nullopt;
    const size_t index = g.rng().below(static_cast<uint32_t>(pack.numbers.size()));
    const NumberFact& fact = pack.numbers[index];
    const double v = fact.value;
    const std::string& unit = g.tr(fact.unit);
    std::vector<double> values = v == 0 ? std::vector<double>{1, 10, 100} : std::vector<double>{v * 10, v / 10, v * 2, v / 2, v * 5};
    for (size_t other : pack.number_groups[pack.number_group[index]]) values.push_back(pack.numbers[other].value);
    const std::string right_text = format_quantity(v, unit, g.lang());
    std::vector<std::string> wrong_texts;
    for (double c : values) {
        if (!std::isfinite(c) || c == v) continue;
        if (v == std::floor(v) && c != std::floor(c)) continue;
        if (v > 0 && c <= 0) continue;
        if (unit == "%" && c >= 100) continue;
        const std::string text = format_quantity(c, unit, g.lang());
        if (text != right_text) wrong_texts.push_back(text);
    }
    if (wrong_texts.empty()) return std::nullopt;
    auto say = [&](const std::string& value) {
        return fill_in(kNumberStatement.in(g.lang()), {{"q", g.quoted(fact.question)}, {"v", value}});
    };
    Statement s;
    s.right = say(right_text);
    s.wrong = say(wrong_texts[g.rng().below(static_cast<uint32_t>(wrong_texts.size()))]);
    Question& q = s.facts;
    q.key = std::string(kNumber.name) + ":" + fact.id;
    q.explanation = s.right;
    q.reveals = {QuestionMaker::fact("value", fact.id)};
    q.answered_by = {{QuestionMaker::fact("value", fact.id)}};
    g.add_source_event(q, fact.event);
    return s;
}

} // namespace

bool true_false_supported(const Pack& pack) {
    return pack.longest_chain.size() >= 2 || !pack.numbers.empty() || who_said_supported(pack);
}

std::optional<Question> make_true_false(QuestionMaker& g) {
    using Maker = std::optional<Statement> (*)(QuestionMaker&);
    constexpr Maker kMakers[] = {order_statement, date_statement, speaker_statement, number_statement};
    constexpr uint32_t kMakerCount = std::size(kMakers);
    std::optional<Statement> s = kMakers[g.rng().below(kMakerCount)](g);
    if (!s) return std::nullopt;
    // Slot 0 ("True") is right when the statement shown is the true one.
    const size_t slot = g.slots().pick(2, g.rng());
    Question q = std::move(s->facts);
    q.kind = Kind::TrueFalse;
    q.prompt = slot == 0 ? s->right : s->wrong;
    Option yes, no;
    yes.text = kTrue.in(g.lang());
    no.text = kFalse.in(g.lang());
    q.options = {yes, no};
    q.answer = {slot};
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
