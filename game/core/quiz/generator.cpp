// Index
//   1. Small parts: option letters, a draw-without-replacement deck, slot balancing
//   2. Generator: one maker per kind
//   3. The schedule: kinds in shuffled rounds until the quiz is full or nothing is left
#include "core/quiz/generator.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/quiz/phrases.h"
#include "core/base/rng.h"

namespace chronicle {

const char* kind_name(Kind k) {
    static const char* const kNames[] = {"first",   "last",    "order",  "before_after", "when",
                                         "who_said", "who_did", "number", "authored"};
    return kNames[static_cast<int>(k)];
}

std::optional<Kind> kind_from_name(std::string_view name) {
    for (Kind k : kAllKinds)
        if (name == kind_name(k)) return k;
    return std::nullopt;
}

const char* difficulty_name(Difficulty d) {
    return d == Difficulty::Easy ? "easy" : d == Difficulty::Hard ? "hard" : "normal";
}

std::optional<Difficulty> difficulty_from_name(std::string_view name) {
    for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard})
        if (name == difficulty_name(d)) return d;
    return std::nullopt;
}

namespace {

// ---------------------------------------------------------------------------
// 1. Small parts
// ---------------------------------------------------------------------------

std::string option_id(size_t i) { return std::string(1, static_cast<char>('A' + i)); }

// Draws 0..n-1 in random order without replacement, in O(1) per draw and without
// materialising n entries (a Fisher-Yates shuffle whose swaps are kept in a map),
// so a 100,000-event pack costs nothing until it is drawn from.
class Deck {
public:
    explicit Deck(size_t n) : size_(static_cast<uint32_t>(n)) {}
    bool empty() const { return drawn_ == size_; }
    int draw(Rng& rng) {
        const uint32_t j = drawn_ + rng.below(size_ - drawn_);
        const uint32_t picked = at(j);
        swaps_[j] = at(drawn_);
        ++drawn_;
        return static_cast<int>(picked);
    }

private:
    uint32_t at(uint32_t i) const {
        auto it = swaps_.find(i);
        return it == swaps_.end() ? i : it->second;
    }
    uint32_t size_;
    uint32_t drawn_ = 0;
    std::unordered_map<uint32_t, uint32_t> swaps_;
};

// Keeps the right answer's position even across a quiz: each question puts it in
// the least used of the slots it can use.
class SlotBalancer {
public:
    int pick(const std::vector<int>& feasible, Rng& rng) {
        int least = INT32_MAX;
        for (int s : feasible) least = std::min(least, used_[s]);
        std::vector<int> ties;
        for (int s : feasible)
            if (used_[s] == least) ties.push_back(s);
        const int slot = ties[rng.below(static_cast<uint32_t>(ties.size()))];
        ++used_[slot];
        return slot;
    }
    int pick(int n, Rng& rng) {
        std::vector<int> all(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) all[static_cast<size_t>(i)] = i;
        return pick(all, rng);
    }

private:
    int used_[8] = {};
};

struct Sizes {
    int first_last; // events in a first/last question
    int order;      // events to put in order
    int choices;    // options of a who/number question
};

Sizes sizes_for(Difficulty d) {
    switch (d) {
    case Difficulty::Easy: return {2, 3, 3};
    case Difficulty::Hard: return {4, 5, 5};
    default: return {3, 4, 4};
    }
}

// ---------------------------------------------------------------------------
// 2. Generator
// ---------------------------------------------------------------------------

class Generator {
public:
    Generator(const Pack& pack, const QuizOptions& options, std::string lang)
        : pack_(pack), options_(options), lang_(std::move(lang)), words_(phrases_for(lang_)),
          sizes_(sizes_for(options.difficulty)), rng_(options.seed), when_deck_(pack.by_time.size()),
          quote_deck_(pack.quotes.size()), who_deck_(pack.who_events.size()), number_deck_(pack.numbers.size()),
          authored_deck_(pack.questions.size()) {}

    Rng& rng() { return rng_; }

    // Deck kinds end when their deck is empty; the others after repeated misses.
    bool exhausted(Kind k) const {
        switch (k) {
        case Kind::When: return when_deck_.empty();
        case Kind::WhoSaid: return quote_deck_.empty();
        case Kind::WhoDid: return who_deck_.empty();
        case Kind::Number: return number_deck_.empty();
        case Kind::Authored: return authored_deck_.empty();
        default: return false;
        }
    }

    std::optional<Question> make(Kind k) {
        std::optional<Question> q;
        switch (k) {
        case Kind::First: q = make_first_last(false); break;
        case Kind::Last: q = make_first_last(true); break;
        case Kind::Order: q = make_order(); break;
        case Kind::BeforeAfter: q = make_before_after(); break;
        case Kind::When: q = make_when(); break;
        case Kind::WhoSaid: q = make_who_said(); break;
        case Kind::WhoDid: q = make_who_did(); break;
        case Kind::Number: q = make_number(); break;
        case Kind::Authored: q = make_authored(); break;
        }
        if (q && !used_keys_.insert(q->key).second) return std::nullopt;
        return q;
    }

private:
    const Pack& pack_;
    const QuizOptions& options_;
    std::string lang_;
    const Phrases& words_;
    Sizes sizes_;
    Rng rng_;
    SlotBalancer slots_;
    Deck when_deck_, quote_deck_, who_deck_, number_deck_, authored_deck_;
    std::unordered_set<std::string> used_keys_;

    const std::string& tr(const LocalText& t) const { return pack_.text(t, lang_); }

    // Text set inside 「」 in a Chinese prompt: its own 「」 become 『』, as Chinese nests quotes.
    std::string quoted(const LocalText& t) const {
        std::string s = tr(t);
        if (!is_chinese(lang_)) return s;
        for (auto [from, to] : {std::pair{"「", "『"}, std::pair{"」", "』"}})
            for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) s.replace(at, 3, to);
        return s;
    }

    std::string date_text(const Event& e) const {
        if (!e.date) return words_.date_unknown;
        return e.end ? format_date(*e.date, lang_) + " – " + format_date(*e.end, lang_) : format_date(*e.date, lang_);
    }

    // Events that lasted are ordered by when they began; a question with one says "began".
    bool any_lasted(const std::vector<int>& events) const {
        return std::any_of(events.begin(), events.end(),
                           [&](int e) { return pack_.events[static_cast<size_t>(e)].end.has_value(); });
    }

    // "date — headline", the text, and how the date is known.
    std::string explain_event(const Event& e) const {
        std::string s = date_text(e) + " — " + tr(e.headline) + "\n" + tr(e.text);
        if (!e.date_note.empty()) s += "\n(" + tr(e.date_note) + ")";
        return s;
    }

    // A quote's or a number's event, when it has one: the question's source and explanation.
    void add_source_event(Question& q, int event) const {
        if (event < 0) return;
        const Event& e = pack_.events[static_cast<size_t>(event)];
        q.events = {e.id};
        q.explanation += "\n" + explain_event(e);
    }

    std::string explain_chronology(const std::vector<int>& chronological) const {
        std::string s;
        for (size_t i = 0; i < chronological.size(); ++i) {
            const Event& e = pack_.events[static_cast<size_t>(chronological[i])];
            if (i) s += "\n";
            s += std::to_string(i + 1) + ". " + date_text(e) + " — " + tr(e.headline);
        }
        return s;
    }

    Option event_option(int event) const {
        Option o;
        o.text = tr(pack_.events[static_cast<size_t>(event)].headline);
        o.event = pack_.events[static_cast<size_t>(event)].id;
        return o;
    }

    Option person_option(int person) const {
        Option o;
        o.text = tr(pack_.people[static_cast<size_t>(person)].name);
        o.person = pack_.people[static_cast<size_t>(person)].id;
        return o;
    }

    static void letter(Question& q) {
        for (size_t i = 0; i < q.options.size(); ++i) q.options[i].id = option_id(i);
    }

    // Puts `right` at a balanced slot among the shuffled `wrong` ones.
    void place(Question& q, Option right, std::vector<Option> wrong) {
        rng_.shuffle(wrong);
        const int slot = slots_.pick(static_cast<int>(wrong.size() + 1), rng_);
        q.options = std::move(wrong);
        q.options.insert(q.options.begin() + slot, std::move(right));
        q.answer = {slot};
        letter(q);
    }

    // Options that read in ascending order (dates, numbers): the right one lands in a
    // balanced slot by choosing how many wrong ones lie below it. `lower` and `higher`
    // are shuffled candidates; `n` the options wanted. Returns the wrong ones to use,
    // ascending, and the slot; nullopt when there is no wrong option at all.
    std::optional<std::pair<std::vector<int>, int>> ascending_slots(size_t lower, size_t higher, int n) {
        n = static_cast<int>(std::min<size_t>(static_cast<size_t>(n), lower + higher + 1));
        if (n < 2) return std::nullopt;
        std::vector<int> feasible;
        for (int s = 0; s < n; ++s)
            if (static_cast<size_t>(s) <= lower && static_cast<size_t>(n - 1 - s) <= higher) feasible.push_back(s);
        const int slot = slots_.pick(feasible, rng_);
        return std::make_pair(std::vector<int>{slot, n - 1 - slot}, slot);
    }

    // People of `kind` not in `exclude`, at most `count`, chosen at random.
    std::vector<int> sample_people(PersonKind kind, const std::vector<int>& exclude, size_t count) {
        const std::vector<int>& pool = pack_.people_by_kind[static_cast<int>(kind)];
        auto excluded = [&](int p) { return std::find(exclude.begin(), exclude.end(), p) != exclude.end(); };
        std::vector<int> out;
        Deck deck(pool.size());
        while (out.size() < count && !deck.empty()) {
            const int p = pool[static_cast<size_t>(deck.draw(rng_))];
            if (!excluded(p)) out.push_back(p);
        }
        return out;
    }

    // k events, pairwise certainly ordered, chronological. Easy spreads them out,
    // hard keeps them close: the chain steps to the next event that certainly comes
    // after the last one, then skips ahead at random by up to `gap` positions.
    std::optional<std::vector<int>> pick_ordered(int k) {
        const std::vector<int>& chain = pack_.longest_chain;
        if (static_cast<int>(chain.size()) < k) return std::nullopt;
        const int n = static_cast<int>(pack_.by_time.size());
        const int gap = options_.difficulty == Difficulty::Hard   ? 2
                        : options_.difficulty == Difficulty::Easy ? std::max(1, n / k)
                                                                  : std::max(1, n / (2 * k));
        for (int attempt = 0; attempt < 8; ++attempt) {
            const int window = attempt % 2 ? std::max(1, n / k) : n; // odd tries start early
            int pos = static_cast<int>(rng_.below(static_cast<uint32_t>(window)));
            std::vector<int> picked{pack_.by_time[static_cast<size_t>(pos)]};
            while (static_cast<int>(picked.size()) < k) {
                const int next = pack_.next_after[static_cast<size_t>(pos)];
                if (next >= n) break;
                pos = next + static_cast<int>(rng_.below(static_cast<uint32_t>(std::min(gap, n - next))));
                picked.push_back(pack_.by_time[static_cast<size_t>(pos)]);
            }
            if (static_cast<int>(picked.size()) == k) return picked;
        }
        // Dense overlapping packs: a window of the longest chain always works.
        const auto start = rng_.below(static_cast<uint32_t>(chain.size()) - static_cast<uint32_t>(k) + 1);
        return std::vector<int>(chain.begin() + start, chain.begin() + start + k);
    }

    // Identity within the quiz: the kind and the set of events, whatever their order.
    static std::string key_of(Kind kind, std::vector<int> events) {
        std::sort(events.begin(), events.end());
        std::string key = kind_name(kind);
        for (int e : events) key += ":" + std::to_string(e);
        return key;
    }

    static std::vector<std::string> ids_of(const Pack& p, const std::vector<int>& events) {
        std::vector<std::string> ids;
        for (int e : events) ids.push_back(p.events[static_cast<size_t>(e)].id);
        return ids;
    }

    int ordered_size(int wanted, int minimum) const {
        const int available = static_cast<int>(pack_.longest_chain.size());
        return available < minimum ? 0 : std::min(wanted, available);
    }

    std::optional<Question> make_first_last(bool last) {
        const int k = ordered_size(sizes_.first_last, 2);
        if (!k) return std::nullopt;
        auto events = pick_ordered(k);
        if (!events) return std::nullopt;
        Question q;
        q.kind = last ? Kind::Last : Kind::First;
        const bool began = any_lasted(*events);
        q.prompt = last ? (began ? words_.last_began : words_.last) : (began ? words_.first_began : words_.first);
        q.key = key_of(q.kind, *events);
        q.events = ids_of(pack_, *events);
        q.explanation = explain_chronology(*events);
        const int right = last ? events->back() : events->front();
        std::vector<Option> wrong;
        for (int e : *events)
            if (e != right) wrong.push_back(event_option(e));
        place(q, event_option(right), std::move(wrong));
        return q;
    }

    std::optional<Question> make_order() {
        const int k = ordered_size(sizes_.order, 3);
        if (!k) return std::nullopt;
        auto events = pick_ordered(k);
        if (!events) return std::nullopt;
        Question q;
        q.kind = Kind::Order;
        q.prompt = any_lasted(*events) ? words_.order_began : words_.order;
        q.key = key_of(q.kind, *events);
        q.events = ids_of(pack_, *events);
        q.explanation = explain_chronology(*events);
        std::vector<int> shown(static_cast<size_t>(k)); // shown[i]: chronological rank of option i
        for (int i = 0; i < k; ++i) shown[static_cast<size_t>(i)] = i;
        rng_.shuffle(shown);
        if (std::is_sorted(shown.begin(), shown.end())) std::rotate(shown.begin(), shown.begin() + 1, shown.end());
        q.answer.resize(static_cast<size_t>(k));
        for (int i = 0; i < k; ++i) {
            q.options.push_back(event_option((*events)[static_cast<size_t>(shown[static_cast<size_t>(i)])]));
            q.answer[static_cast<size_t>(shown[static_cast<size_t>(i)])] = i;
        }
        letter(q);
        return q;
    }

    std::optional<Question> make_before_after() {
        if (!ordered_size(2, 2)) return std::nullopt;
        auto events = pick_ordered(2);
        if (!events) return std::nullopt;
        Question q;
        q.kind = Kind::BeforeAfter;
        q.key = key_of(q.kind, *events);
        // Slot 0 ("before") is right when the subject is the earlier event.
        const int slot = slots_.pick(2, rng_);
        const int subject = (*events)[slot == 0 ? 0 : 1], other = (*events)[slot == 0 ? 1 : 0];
        q.prompt = fill_in(fill_in(any_lasted(*events) ? words_.before_after_began : words_.before_after, "a", quoted(pack_.events[static_cast<size_t>(subject)].headline)),
                           "b", quoted(pack_.events[static_cast<size_t>(other)].headline));
        q.events = ids_of(pack_, {subject, other});
        q.explanation = explain_chronology(*events);
        Option before_option, after_option;
        before_option.text = words_.before;
        after_option.text = words_.after;
        q.options = {before_option, after_option};
        q.answer = {slot};
        letter(q);
        return q;
    }

    std::optional<Question> make_when() {
        if (when_deck_.empty()) return std::nullopt;
        const int event = pack_.by_time[static_cast<size_t>(when_deck_.draw(rng_))];
        const Event& e = pack_.events[static_cast<size_t>(event)];
        const DateSpec& truth = *e.date;
        const std::string truth_text = format_date(truth, lang_);

        // Shifts by whole widths never overlap the truth or each other; the checks
        // below guard the calendar's edges (clamped days, deep-time rounding).
        const int max_shift = options_.difficulty == Difficulty::Easy ? 8 : options_.difficulty == Difficulty::Hard ? 4 : 5;
        const int min_shift = options_.difficulty == Difficulty::Easy ? 2 : 1;
        // A single day moves by weeks unless the quiz is hard: "3 or 4 November?" tests luck.
        const int step = truth.precision() == Precision::Day && !truth.is_range() &&
                                 options_.difficulty != Difficulty::Hard ? 7 : 1;
        std::vector<DateSpec> taken{truth};
        std::vector<std::string> texts{truth_text};
        auto candidates = [&](int sign) {
            std::vector<int> shifts;
            for (int m = min_shift; m <= max_shift; ++m) shifts.push_back(sign * m * step);
            rng_.shuffle(shifts);
            return shifts;
        };
        std::vector<int> lower = candidates(-1), higher = candidates(+1);
        auto slots = ascending_slots(lower.size(), higher.size(), sizes_.choices);
        if (!slots) return std::nullopt;
        std::vector<std::pair<int64_t, std::string>> wrong; // (earliest day, text)
        auto take = [&](const std::vector<int>& shifts, int count) {
            for (int m : shifts) {
                if (count == 0) break;
                const std::optional<DateSpec> shifted = shift_date(truth, m);
                if (!shifted) continue;
                const DateSpec& s = *shifted;
                const std::string text = format_date(s, lang_);
                const DayInterval in = s.interval();
                const bool clash = std::any_of(taken.begin(), taken.end(), [&](const DateSpec& t) {
                    return overlap(in, t.interval());
                }) || std::find(texts.begin(), texts.end(), text) != texts.end();
                if (clash) continue;
                taken.push_back(s);
                texts.push_back(text);
                wrong.emplace_back(in.earliest, text);
                --count;
            }
            return count == 0;
        };
        if (!take(lower, slots->first[0]) || !take(higher, slots->first[1])) return std::nullopt;
        wrong.emplace_back(e.interval.earliest, truth_text);
        std::sort(wrong.begin(), wrong.end());

        Question q;
        q.kind = Kind::When;
        q.key = "when:" + e.id;
        q.prompt = fill_in(e.end ? words_.when_began : words_.when, "e", quoted(e.headline));
        q.events = {e.id};
        q.explanation = explain_event(e);
        for (size_t i = 0; i < wrong.size(); ++i) {
            Option o;
            o.text = wrong[i].second;
            if (o.text == truth_text) {
                o.event = e.id;
                q.answer = {static_cast<int>(i)};
            }
            q.options.push_back(std::move(o));
        }
        letter(q);
        return q;
    }

    std::optional<Question> make_who_said() {
        if (quote_deck_.empty()) return std::nullopt;
        const Quote& quote = pack_.quotes[static_cast<size_t>(quote_deck_.draw(rng_))];
        const Person& speaker = pack_.people[static_cast<size_t>(quote.speaker)];
        const auto wrong = sample_people(speaker.kind, {quote.speaker}, static_cast<size_t>(sizes_.choices - 1));
        if (wrong.empty()) return std::nullopt;
        Question q;
        q.kind = Kind::WhoSaid;
        q.key = "who_said:" + quote.id;
        q.prompt = fill_in(words_.who_said, "q", quoted(quote.text));
        q.explanation = fill_in(fill_in(words_.quote_line, "q", quoted(quote.text)), "name", tr(speaker.name));
        add_source_event(q, quote.event);
        std::vector<Option> others;
        for (int p : wrong) others.push_back(person_option(p));
        place(q, person_option(quote.speaker), std::move(others));
        return q;
    }

    std::optional<Question> make_who_did() {
        if (who_deck_.empty()) return std::nullopt;
        const Event& e = pack_.events[static_cast<size_t>(pack_.who_events[static_cast<size_t>(who_deck_.draw(rng_))])];
        const int right = e.actors[rng_.below(static_cast<uint32_t>(e.actors.size()))];
        const auto wrong = sample_people(pack_.people[static_cast<size_t>(right)].kind, e.actors,
                                         static_cast<size_t>(sizes_.choices - 1));
        if (wrong.empty()) return std::nullopt;
        Question q;
        q.kind = Kind::WhoDid;
        q.key = "who_did:" + e.id;
        q.prompt = fill_in(words_.who_did, "p", tr(e.who));
        q.events = {e.id};
        q.explanation = explain_event(e);
        std::vector<Option> others;
        for (int p : wrong) others.push_back(person_option(p));
        place(q, person_option(right), std::move(others));
        return q;
    }

    std::optional<Question> make_number() {
        if (number_deck_.empty()) return std::nullopt;
        const int index = number_deck_.draw(rng_);
        const NumberFact& fact = pack_.numbers[static_cast<size_t>(index)];
        const double v = fact.value;
        const std::string& unit = tr(fact.unit);
        const bool integral = v == std::floor(v);
        const bool percent = unit == "%";

        // Plausible wrong values: other magnitudes (easy), near multiples (hard), and
        // the pack's other numbers with the same unit. Never equal, never shown alike.
        std::vector<double> factors;
        if (options_.difficulty == Difficulty::Easy) factors = {10, 0.1, 100, 0.01, 1000};
        else if (options_.difficulty == Difficulty::Hard) factors = {2, 0.5, 1.5, 3, 0.25, 5, 0.2};
        else factors = {10, 0.1, 2, 0.5, 5, 0.2, 100};
        std::vector<double> values;
        for (double f : factors) values.push_back(v * f);
        if (v == 0) values = {1, 10, 100, -1, -10};
        // A few of the pack's numbers with the same unit, drawn at random.
        const std::vector<int>& same_unit = pack_.number_groups[static_cast<size_t>(pack_.number_group[static_cast<size_t>(index)])];
        Deck others(same_unit.size());
        for (int taken = 0; taken < 8 && !others.empty();) {
            const NumberFact& other = pack_.numbers[static_cast<size_t>(same_unit[static_cast<size_t>(others.draw(rng_))])];
            if (&other != &fact) values.push_back(other.value), ++taken;
        }

        const std::string right_text = format_quantity(v, unit, lang_);
        std::vector<std::string> texts{right_text};
        std::vector<double> lower, higher;
        for (double c : values) {
            if (!std::isfinite(c) || std::fabs(c - v) <= 1e-9 * std::max(1.0, std::fabs(v))) continue;
            if (integral && c != std::floor(c)) continue;
            if (v > 0 && c <= 0) continue;
            if (percent && c > 100) continue;
            const std::string text = format_quantity(c, unit, lang_);
            if (std::find(texts.begin(), texts.end(), text) != texts.end()) continue;
            texts.push_back(text);
            (c < v ? lower : higher).push_back(c);
        }
        rng_.shuffle(lower);
        rng_.shuffle(higher);
        auto slots = ascending_slots(lower.size(), higher.size(), sizes_.choices);
        if (!slots) return std::nullopt;
        std::vector<double> shown(lower.begin(), lower.begin() + slots->first[0]);
        shown.insert(shown.end(), higher.begin(), higher.begin() + slots->first[1]);
        shown.push_back(v);
        std::sort(shown.begin(), shown.end());

        Question q;
        q.kind = Kind::Number;
        q.key = "number:" + fact.id;
        q.prompt = tr(fact.question);
        q.explanation = right_text;
        add_source_event(q, fact.event);
        for (size_t i = 0; i < shown.size(); ++i) {
            Option o;
            o.text = format_quantity(shown[i], unit, lang_);
            o.value = shown[i];
            if (shown[i] == v) q.answer = {static_cast<int>(i)};
            q.options.push_back(std::move(o));
        }
        letter(q);
        return q;
    }

    std::optional<Question> make_authored() {
        if (authored_deck_.empty()) return std::nullopt;
        const AuthoredQuestion& a = pack_.questions[static_cast<size_t>(authored_deck_.draw(rng_))];
        Question q;
        q.kind = Kind::Authored;
        q.key = "authored:" + a.id;
        q.prompt = tr(a.prompt);
        q.events = ids_of(pack_, a.events);
        q.explanation = tr(a.explanation);
        for (int e : a.events) {
            if (!q.explanation.empty()) q.explanation += "\n";
            q.explanation += explain_event(pack_.events[static_cast<size_t>(e)]);
        }
        if (a.type == AuthoredQuestion::Type::TrueFalse) {
            Option yes, no;
            yes.text = words_.true_;
            no.text = words_.false_;
            q.options = {yes, no};
            q.answer = {a.answer ? 0 : 1};
            letter(q);
            return q;
        }
        Option right;
        std::vector<Option> wrong;
        for (const auto& c : a.choices) {
            Option o;
            o.text = tr(c.text);
            if (c.correct) right = std::move(o);
            else wrong.push_back(std::move(o));
        }
        place(q, std::move(right), std::move(wrong));
        return q;
    }
};

} // namespace

std::vector<Kind> supported_kinds(const Pack& pack) {
    auto has_other = [&](int person, const std::vector<int>& exclude) {
        for (int p : pack.people_by_kind[static_cast<int>(pack.people[static_cast<size_t>(person)].kind)])
            if (std::find(exclude.begin(), exclude.end(), p) == exclude.end()) return true;
        return false;
    };
    std::vector<Kind> kinds;
    const size_t chain = pack.longest_chain.size();
    for (Kind k : kAllKinds) {
        bool ok = false;
        switch (k) {
        case Kind::First:
        case Kind::Last:
        case Kind::BeforeAfter: ok = chain >= 2; break;
        case Kind::Order: ok = chain >= 3; break;
        case Kind::When: ok = !pack.by_time.empty(); break;
        case Kind::WhoSaid:
            ok = std::any_of(pack.quotes.begin(), pack.quotes.end(),
                             [&](const Quote& q) { return has_other(q.speaker, {q.speaker}); });
            break;
        case Kind::WhoDid:
            ok = std::any_of(pack.who_events.begin(), pack.who_events.end(), [&](int e) {
                const auto& actors = pack.events[static_cast<size_t>(e)].actors;
                return std::any_of(actors.begin(), actors.end(), [&](int a) { return has_other(a, actors); });
            });
            break;
        case Kind::Number: ok = !pack.numbers.empty(); break;
        case Kind::Authored: ok = !pack.questions.empty(); break;
        }
        if (ok) kinds.push_back(k);
    }
    return kinds;
}

// ---------------------------------------------------------------------------
// 3. The schedule
// ---------------------------------------------------------------------------

Quiz generate_quiz(const Pack& pack, const QuizOptions& options) {
    Quiz quiz;
    quiz.pack_id = pack.id;
    quiz.seed = options.seed;
    quiz.lang = options.lang.empty() ? pack.default_language : options.lang;
    quiz.difficulty = options.difficulty;

    const std::vector<Kind> supported = supported_kinds(pack);
    std::vector<Kind> active;
    for (Kind k : options.kinds.empty() ? supported : options.kinds)
        if (std::find(supported.begin(), supported.end(), k) != supported.end() &&
            std::find(active.begin(), active.end(), k) == active.end())
            active.push_back(k);

    Generator gen(pack, options, quiz.lang);
    quiz.questions.reserve(static_cast<size_t>(std::max(0, options.count)));
    // Ordering kinds draw at random and may repeat a set; this many misses in a row
    // means the pack has no fresh set left.
    constexpr int kMisses = 24;
    while (static_cast<int>(quiz.questions.size()) < options.count && !active.empty()) {
        std::vector<Kind> round = active;
        gen.rng().shuffle(round);
        for (Kind k : round) {
            if (static_cast<int>(quiz.questions.size()) >= options.count) break;
            std::optional<Question> q;
            for (int miss = 0; !q && miss < kMisses && !gen.exhausted(k); ++miss) q = gen.make(k);
            if (q) quiz.questions.push_back(std::move(*q));
            else active.erase(std::find(active.begin(), active.end(), k));
        }
    }
    return quiz;
}

} // namespace chronicle
