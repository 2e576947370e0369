// libFuzzer target: any bytes → load_pack_text; a pack that loads → generate_quiz,
// quiz_to_json and quiz_to_markdown. Every invariant below is a promise of the core
// (see pack.h, generator.h); a broken one stops the run with __builtin_trap so that
// libFuzzer saves the input.
//
//   fuzz_pack_loader -dict=tests/fuzz/pack_loader.dict CORPUS_COPY tests/fuzz/corpus/pack_loader
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/exchange/export.h"
#include "core/quiz/generator.h"
#include "core/pack/pack_loader.h"
#include "fuzz_support.h"

using namespace chronicle;

namespace {

bool in_range(size_t i, size_t n) { return i < n; }

// Texts that must all read differently in every language of the pack.
void check_distinct(const Pack& p, const std::vector<const LocalText*>& texts) {
    for (const std::string& lang : p.languages) {
        std::unordered_set<std::string> seen;
        for (const LocalText* t : texts) CHECK(seen.insert(p.text(*t, lang)).second);
    }
}

// The loader's promises: every reference is a valid index, and the index is consistent.
void check_pack(const Pack& p) {
    CHECK(valid_item_id(p.id)); // never empty: it names the pack's file
    for (const Event& e : p.events) CHECK(valid_item_id(e.id));
    for (const Person& x : p.people) CHECK(valid_item_id(x.id));
    std::vector<const LocalText*> headlines;
    for (const Event& e : p.events) headlines.push_back(&e.headline);
    check_distinct(p, headlines);
    CHECK(!p.events.empty());
    CHECK(!p.languages.empty());
    CHECK(p.has_language(p.default_language));
    for (const Event& e : p.events) {
        for (size_t a : e.actors) CHECK(in_range(a, p.people.size()));
        if (e.date) {
            const DayInterval in = e.date->interval();
            CHECK(in.earliest == e.interval.earliest && in.latest == e.interval.latest);
            CHECK(in.earliest <= in.latest);
        }
    }
    for (const Quote& q : p.quotes) {
        CHECK(in_range(q.speaker, p.people.size()));
        CHECK(!q.event || in_range(*q.event, p.events.size()));
    }
    for (const NumberFact& n : p.numbers) CHECK(!n.event || in_range(*n.event, p.events.size()));
    for (const AuthoredQuestion& q : p.questions) {
        for (size_t e : q.events) CHECK(in_range(e, p.events.size()));
        if (q.type == AuthoredQuestion::Type::MultipleChoice) {
            CHECK(q.choices.size() >= 2 && q.choices.size() <= 6);
            CHECK(std::count_if(q.choices.begin(), q.choices.end(), [](auto& c) { return c.correct; }) == 1);
            std::vector<const LocalText*> texts;
            for (const auto& c : q.choices) texts.push_back(&c.text);
            check_distinct(p, texts);
        }
    }
    size_t dated = 0;
    for (const Event& e : p.events) dated += e.date ? 1 : 0;
    CHECK(p.by_time.size() == dated);
    CHECK(p.next_after.size() == p.by_time.size());
    for (size_t k = 0; k < p.by_time.size(); ++k) {
        CHECK(in_range(p.by_time[k], p.events.size()));
        CHECK(p.events[p.by_time[k]].date.has_value());
        if (k) CHECK(p.events[p.by_time[k - 1]].interval.earliest <=
                     p.events[p.by_time[k]].interval.earliest);
        const size_t next = p.next_after[k];
        CHECK(next > k && next <= p.by_time.size());
        if (next < p.by_time.size()) CHECK(before(p.events[p.by_time[k]].interval, p.events[p.by_time[next]].interval));
    }
    for (size_t k = 0; k < p.longest_chain.size(); ++k) {
        CHECK(in_range(p.longest_chain[k], p.events.size()));
        if (k) CHECK(before(p.events[p.longest_chain[k - 1]].interval,
                            p.events[p.longest_chain[k]].interval));
    }
    size_t people = 0;
    for (const auto& kind : p.people_by_kind) {
        people += kind.size();
        for (size_t i : kind) CHECK(in_range(i, p.people.size()));
    }
    CHECK(people == p.people.size());
    for (size_t e : p.who_events) {
        CHECK(in_range(e, p.events.size()));
        CHECK(!p.events[e].who.empty() && !p.events[e].actors.empty());
    }
}

struct Lookup {
    std::unordered_map<std::string, size_t> events, people, quotes, numbers;
    explicit Lookup(const Pack& p) {
        for (size_t i = 0; i < p.events.size(); ++i) events.emplace(p.events[i].id, i);
        for (size_t i = 0; i < p.people.size(); ++i) people.emplace(p.people[i].id, i);
        for (size_t i = 0; i < p.quotes.size(); ++i) quotes.emplace(p.quotes[i].id, i);
        for (size_t i = 0; i < p.numbers.size(); ++i) numbers.emplace(p.numbers[i].id, i);
    }
    static size_t find(const std::unordered_map<std::string, size_t>& m, const std::string& id) {
        auto it = m.find(id);
        CHECK(it != m.end());
        return it->second;
    }
};

// The text after "kind:" in a question's key.
std::string key_id(const Question& q) {
    const size_t colon = q.key.find(':');
    CHECK(colon != std::string::npos);
    return q.key.substr(colon + 1);
}

const DayInterval& interval_of(const Pack& p, const Lookup& ids, const std::string& event_id) {
    const Event& e = p.events[Lookup::find(ids.events, event_id)];
    CHECK(e.date.has_value()); // an undated event is never ordered
    return e.interval;
}

// The generator's promises, per question.
void check_question(const Pack& p, const Lookup& ids, const std::string& lang, const Question& q) {
    const size_t n = q.options.size();
    CHECK(n >= 2 && n <= 8);
    CHECK(!q.answer.empty());
    for (size_t a : q.answer) CHECK(in_range(a, n));
    for (size_t i = 0; i < n; ++i) CHECK(q.options[i].id == std::string(1, static_cast<char>('A' + i)));
    std::unordered_set<std::string> texts; // one right answer: no two options read the same
    for (const Option& o : q.options) CHECK(texts.insert(o.text).second);
    for (const std::string& e : q.events) Lookup::find(ids.events, e);
    for (const Option& o : q.options) {
        if (!o.event.empty()) Lookup::find(ids.events, o.event);
        if (!o.person.empty()) Lookup::find(ids.people, o.person);
    }
    if (!asks_for_order(q.kind)) CHECK(q.answer.size() == 1);
    const size_t right = q.answer[0];

    switch (q.kind) {
    case Kind::First:
    case Kind::Last: {
        // The right event is certainly before (first) or after (last) every other one.
        const DayInterval& r = interval_of(p, ids, q.options[right].event);
        for (size_t i = 0; i < n; ++i) {
            if (i == right) continue;
            const DayInterval& o = interval_of(p, ids, q.options[i].event);
            CHECK(q.kind == Kind::First ? before(r, o) : before(o, r));
        }
        CHECK(q.events.size() == n);
        break;
    }
    case Kind::Order: {
        // answer: every option once, earliest first, each certainly before the next.
        CHECK(q.answer.size() == n && n >= 3);
        std::vector<bool> seen(n, false);
        for (size_t a : q.answer) {
            CHECK(!seen[a]);
            seen[a] = true;
        }
        for (size_t i = 1; i < n; ++i)
            CHECK(before(interval_of(p, ids, q.options[q.answer[i - 1]].event),
                         interval_of(p, ids, q.options[q.answer[i]].event)));
        break;
    }
    case Kind::BeforeAfter: {
        // events = {subject, other}; option 0 is "before", 1 is "after".
        CHECK(n == 2 && q.events.size() == 2);
        const DayInterval& subject = interval_of(p, ids, q.events[0]);
        const DayInterval& other = interval_of(p, ids, q.events[1]);
        CHECK(right == 0 ? before(subject, other) : before(other, subject));
        break;
    }
    case Kind::When: {
        CHECK(q.events.size() == 1);
        const Event& e = p.events[Lookup::find(ids.events, q.events[0])];
        CHECK(e.date.has_value());
        // The right option is the event's date as one plain unit that holds both its ends.
        PartialDate from = e.date->from, to = e.date->to;
        bool holds = from == to && q.options[right].text == format_date(from, lang);
        from.day = to.day = 0;
        holds = holds || (from == to && q.options[right].text == format_date(from, lang));
        from.month = to.month = 0;
        holds = holds || (from == to && q.options[right].text == format_date(from, lang));
        CHECK(holds);
        for (size_t i = 0; i < n; ++i)
            for (size_t j = i + 1; j < n; ++j) CHECK(q.options[i].text != q.options[j].text);
        break;
    }
    case Kind::Interval: {
        // Two dated events without an end, the second certainly later; whole, positive
        // counts, ascending and distinct, the right one the later minus the earlier.
        CHECK(q.events.size() == 2);
        const Event& a = p.events[Lookup::find(ids.events, q.events[0])];
        const Event& b = p.events[Lookup::find(ids.events, q.events[1])];
        CHECK(!a.end && !b.end);
        CHECK(before(interval_of(p, ids, a.id), interval_of(p, ids, b.id)));
        for (size_t i = 0; i < n; ++i) {
            CHECK(q.options[i].value.has_value());
            CHECK(*q.options[i].value >= 1);
            if (i) CHECK(*q.options[i - 1].value < *q.options[i].value);
        }
        break;
    }
    case Kind::TrueFalse: {
        // True and False, and the records the statement names.
        CHECK(n == 2);
        CHECK(q.events.size() <= 2);
        break;
    }
    case Kind::WhoSaid: {
        const Quote& quote = p.quotes[Lookup::find(ids.quotes, key_id(q))];
        const std::string& speaker = p.people[quote.speaker].id;
        for (size_t i = 0; i < n; ++i) {
            CHECK(!q.options[i].person.empty());
            CHECK((i == right) == (q.options[i].person == speaker));
            const Person& who = p.people[Lookup::find(ids.people, q.options[i].person)];
            CHECK(who.kind == p.people[quote.speaker].kind);
        }
        break;
    }
    case Kind::WhoDid: {
        const Event& e = p.events[Lookup::find(ids.events, key_id(q))];
        for (size_t i = 0; i < n; ++i) {
            const size_t person = Lookup::find(ids.people, q.options[i].person);
            const bool actor = std::find(e.actors.begin(), e.actors.end(), person) != e.actors.end();
            CHECK((i == right) == actor); // one actor offered: the right one
        }
        break;
    }
    case Kind::Number: {
        const NumberFact& fact = p.numbers[Lookup::find(ids.numbers, key_id(q))];
        for (size_t i = 0; i < n; ++i) {
            CHECK(q.options[i].value.has_value());
            CHECK((i == right) == (*q.options[i].value == fact.value));
            if (i) CHECK(*q.options[i - 1].value < *q.options[i].value); // ascending, distinct
            for (size_t j = 0; j < i; ++j) CHECK(q.options[i].text != q.options[j].text);
        }
        break;
    }
    case Kind::Authored:
    case Kind::Count: // not a kind
        break;
    }
}

void check_quiz(const Pack& p, const QuizOptions& o, const Quiz& quiz) {
    const Lookup ids(p);
    CHECK(quiz.questions.size() <= o.count);
    std::unordered_set<std::string> keys;
    for (const Question& q : quiz.questions) {
        CHECK(keys.insert(q.key).second); // no question twice
        if (!o.kinds.empty()) CHECK(std::find(o.kinds.begin(), o.kinds.end(), q.kind) != o.kinds.end());
        check_question(p, ids, quiz.lang, q);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    LoadResult r = load_pack_text(text, "fuzz.json");
    // A pack comes back exactly when there is no error; a refused pack says why.
    CHECK(r.pack.has_value() == !has_errors(r.diagnostics));
    fuzz::check_diagnostics(r.diagnostics);
    if (!r.pack) return 0;
    const Pack& pack = *r.pack;
    check_pack(pack);

    // Quiz options from the input's hash, so that each input explores one setting.
    const uint64_t h = fuzz::fnv1a(data, size);
    QuizOptions o;
    o.seed = h;
    o.count = 1 + (h >> 8) % 24;
    o.difficulty = static_cast<Difficulty>((h >> 16) % 3);
    const size_t lang = (h >> 20) % (pack.languages.size() + 1);
    o.lang = lang < pack.languages.size() ? pack.languages[lang] : "";
    if ((h >> 24) % 4 == 0) { // now and then a subset of the kinds
        for (Kind k : kAllKinds)
            if ((h >> (28 + index_of(k))) & 1) o.kinds.push_back(k);
    }
    const Quiz quiz = generate_quiz(pack, o);
    check_quiz(pack, o, quiz);
    for (Kind k : supported_kinds(pack)) CHECK(index_of(k) < kKindCount);

    // The same seed gives the same quiz.
    const std::string json_text = quiz_to_json(quiz);
    CHECK(quiz_to_json(generate_quiz(pack, o)) == json_text);
    // The export is JSON that names the answers by option id.
    const nlohmann::json back = nlohmann::json::parse(json_text);
    CHECK(back.at("questions").size() == quiz.questions.size());
    (void)quiz_to_markdown(quiz, pack);
    return 0;
}
