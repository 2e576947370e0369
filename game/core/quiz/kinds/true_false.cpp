#include "core/quiz/kinds/true_false.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/quiz/kinds/authored.h"
#include "core/quiz/kinds/interval.h"
#include "core/quiz/kinds/who_said.h"
#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

namespace {

// One fact said two ways: as it is, and certainly wrong; the explanation follows
// the true statement.
struct Statement {
    std::string key;
    std::string right, wrong;
    std::string explanation; // the records the fact comes from, or empty
    std::vector<std::string> events;
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
    s.key = QuestionMaker::key_of(Kind::TrueFalse, *events);
    if (g.rng().below(2) == 0) {
        s.right = say(before, earlier, later);
        s.wrong = say(before, later, earlier);
    } else {
        s.right = say(after, later, earlier);
        s.wrong = say(after, earlier, later);
    }
    s.explanation = g.explain_event(earlier) + "\n" + g.explain_event(later);
    s.events = g.ids_of(*events);
    return s;
}

// "A happened in November 2023": the event's own date, or a month on easy and normal
// when it is a single day; a false one is that date shifted by whole widths (so it
// cannot overlap it) and still inside the pack's window.
std::optional<Statement> date_statement(QuestionMaker& g) {
    const Pack& pack = g.pack();
    if (pack.by_time.empty()) return std::nullopt;
    const Event& e = pack.events[pack.by_time[g.rng().below(static_cast<uint32_t>(pack.by_time.size()))]];
    if (!pack.date_is_answer(e) || e.end || e.date->is_range()) return std::nullopt;
    DateSpec stated = *e.date;
    if (stated.precision() == Precision::Day && g.options().difficulty != Difficulty::Hard)
        stated.from.day = stated.to.day = 0;
    const std::string right_date = format_date(stated, g.lang());
    const DayInterval window = time_window(pack); // a false date is no more absurd than a true one
    std::vector<int64_t> shifts{-3, -2, -1, 1, 2, 3};
    g.rng().shuffle(shifts);
    std::optional<std::string> wrong_date;
    for (int64_t m : shifts) {
        const std::optional<DateSpec> shifted = shift_date(stated, m);
        if (!shifted || !overlap(shifted->interval(), window)) continue;
        const std::string text = format_date(*shifted, g.lang());
        if (text == right_date) continue;
        wrong_date = text;
        break;
    }
    if (!wrong_date) return std::nullopt;
    const Words& say = stated.from.year < kDeepTimeYear             ? kAgoStatement
                       : stated.precision() == Precision::Day ? kOnDayStatement
                                                              : kInPeriodStatement;
    Statement s;
    s.key = std::string(kTrueFalse.name) + ":date:" + e.id;
    s.right = fill_in(say.in(g.lang()), {{"e", g.quoted(e.headline)}, {"d", right_date}});
    s.wrong = fill_in(say.in(g.lang()), {{"e", g.quoted(e.headline)}, {"d", *wrong_date}});
    s.explanation = g.explain_event(e);
    s.events = {e.id};
    return s;
}

// A person is named in a text by any of their names or aliases, in any language.
bool named_in(const Person& p, const LocalText& text) {
    for (const auto& [lang, t] : text.by_lang) {
        for (const auto& [name_lang, name] : p.name.by_lang)
            if (!name.empty() && t.find(name) != std::string::npos) return true;
        for (const std::string& alias : p.aliases)
            if (!alias.empty() && t.find(alias) != std::string::npos) return true;
    }
    return false;
}

// "X said …": the speaker, or another person of the same kind not named in the quote.
std::optional<Statement> speaker_statement(QuestionMaker& g) {
    const Pack& pack = g.pack();
    if (pack.quotes.empty()) return std::nullopt;
    const Quote& quote = pack.quotes[g.rng().below(static_cast<uint32_t>(pack.quotes.size()))];
    const Person& speaker = pack.people[quote.speaker];
    std::vector<PersonIndex> ruled_out{quote.speaker};
    for (PersonIndex p : pack.people_by_kind[index_of(speaker.kind)])
        if (named_in(pack.people[p], quote.text)) ruled_out.push_back(p);
    const std::vector<PersonIndex> other = g.sample_people(speaker.kind, ruled_out, 1);
    if (other.empty()) return std::nullopt;
    auto say = [&](const Person& p) {
        return fill_in(kSaidStatement.in(g.lang()), {{"q", g.quoted(quote.text)}, {"name", g.tr(p.name)}});
    };
    Statement s;
    s.key = std::string(kTrueFalse.name) + ":said:" + quote.id;
    s.right = say(speaker);
    s.wrong = say(pack.people[other[0]]);
    if (quote.event) {
        const Event& e = pack.events[*quote.event];
        s.explanation = g.explain_event(e);
        s.events = {e.id};
    }
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
    s.key = std::string(kTrueFalse.name) + ":number:" + fact.id;
    s.right = say(right_text);
    s.wrong = say(wrong_texts[g.rng().below(static_cast<uint32_t>(wrong_texts.size()))]);
    if (fact.event) {
        const Event& e = pack.events[*fact.event];
        s.explanation = g.explain_event(e);
        s.events = {e.id};
    }
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
    const std::optional<Statement> s = kMakers[g.rng().below(kMakerCount)](g);
    if (!s) return std::nullopt;
    // Slot 0 ("True") is right when the statement shown is the true one.
    const size_t slot = g.slots().pick(2, g.rng());
    Question q;
    q.kind = Kind::TrueFalse;
    q.key = s->key;
    q.prompt = slot == 0 ? s->right : s->wrong;
    q.events = s->events;
    q.explanation = s->explanation.empty() ? s->right : s->right + "\n" + s->explanation;
    Option yes, no;
    yes.text = kTrue.in(g.lang());
    no.text = kFalse.in(g.lang());
    q.options = {yes, no};
    q.answer = {slot};
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
