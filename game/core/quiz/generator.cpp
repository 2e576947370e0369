// Index
//   1. Small parts: difficulty names, the deck, slot balancing
//   2. The question maker: what every kind's maker shares (option letters, explanations, …)
//   3. The schedule: kinds in shuffled rounds until the quiz is full or nothing is left
#include "core/quiz/generator.h"

#include <algorithm>

#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"

namespace chronicle {

// ---------------------------------------------------------------------------
// 1. Small parts
// ---------------------------------------------------------------------------

const char* difficulty_name(Difficulty d) {
    return d == Difficulty::Easy ? "easy" : d == Difficulty::Hard ? "hard" : "normal";
}

std::optional<Difficulty> difficulty_from_name(std::string_view name) {
    for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard})
        if (name == difficulty_name(d)) return d;
    return std::nullopt;
}

size_t Deck::draw(Rng& rng) {
    const uint32_t j = drawn_ + rng.below(size_ - drawn_);
    const uint32_t picked = at(j);
    swaps_[j] = at(drawn_);
    ++drawn_;
    return picked;
}

uint32_t Deck::at(uint32_t i) const {
    auto it = swaps_.find(i);
    return it == swaps_.end() ? i : it->second;
}

size_t SlotBalancer::pick(const std::vector<size_t>& feasible, Rng& rng) {
    int least = INT32_MAX;
    for (size_t s : feasible) least = std::min(least, used_[s]);
    std::vector<size_t> ties;
    for (size_t s : feasible)
        if (used_[s] == least) ties.push_back(s);
    const size_t slot = ties[rng.below(static_cast<uint32_t>(ties.size()))];
    ++used_[slot];
    return slot;
}

size_t SlotBalancer::pick(size_t n, Rng& rng) {
    std::vector<size_t> all(n);
    for (size_t i = 0; i < n; ++i) all[i] = i;
    return pick(all, rng);
}

namespace {

Sizes sizes_for(Difficulty d) {
    switch (d) {
    case Difficulty::Easy: return {2, 3, 3};
    case Difficulty::Hard: return {4, 5, 5};
    default: return {3, 4, 4};
    }
}

} // namespace

// ---------------------------------------------------------------------------
// 2. The question maker
// ---------------------------------------------------------------------------

QuestionMaker::QuestionMaker(const Pack& pack, const QuizOptions& options, std::string lang)
    : pack_(pack), options_(options), lang_(std::move(lang)), sizes_(sizes_for(options.difficulty)), rng_(options.seed) {
    for (Kind k : kAllKinds)
        if (const auto size = kind_spec(k).deck_size) decks_[index_of(k)].emplace(size(pack));
}

std::optional<size_t> QuestionMaker::draw(Kind k) {
    std::optional<Deck>& deck = decks_[index_of(k)];
    if (!deck || deck->empty()) return std::nullopt;
    return deck->draw(rng_);
}

bool QuestionMaker::exhausted(Kind k) const {
    const std::optional<Deck>& deck = decks_[index_of(k)];
    return deck && deck->empty();
}

// Every kind's question passes here, so this is the one guard against a question
// with two options, or two named events, that read the same.
std::optional<Question> QuestionMaker::make(Kind k) {
    std::optional<Question> q = kind_spec(k).make(*this);
    if (q && (!reads_apart(*q) || !used_keys_.insert(q->key).second)) return std::nullopt;
    return q;
}

bool QuestionMaker::reads_apart(const Question& q) {
    for (size_t i = 1; i < q.options.size(); ++i)
        for (size_t k = 0; k < i; ++k)
            if (q.options[i].text == q.options[k].text) return false;
    if (q.events.size() < 2) return true;
    if (event_by_id_.empty())
        for (EventIndex e = 0; e < pack_.events.size(); ++e) event_by_id_.emplace(pack_.events[e].id, e);
    std::unordered_map<std::string_view, std::string_view> headline_of; // headline → event id
    for (const std::string& id : q.events) {
        const auto [it, fresh] = headline_of.emplace(tr(pack_.events[event_by_id_.at(id)].headline), id);
        if (!fresh && it->second != id) return false;
    }
    return true;
}

std::string QuestionMaker::quoted(const LocalText& t) const {
    std::string s = tr(t);
    if (!is_chinese(lang_)) return s;
    for (auto [from, to] : {std::pair{"「", "『"}, std::pair{"」", "』"}})
        for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) s.replace(at, 3, to);
    return s;
}

std::string QuestionMaker::date_text(const Event& e) const {
    if (!e.date) return kDateUnknown.in(lang_);
    return e.end ? format_lasted(*e.date, *e.end, lang_) : format_date(*e.date, lang_);
}

bool QuestionMaker::any_lasted(const std::vector<EventIndex>& events) const {
    return std::any_of(events.begin(), events.end(), [&](EventIndex e) { return pack_.events[e].end.has_value(); });
}

std::string QuestionMaker::explain_event(const Event& e) const {
    std::string s = date_text(e) + " — " + tr(e.headline) + "\n" + tr(e.text);
    if (!e.date_note.empty()) s += "\n(" + tr(e.date_note) + ")";
    return s;
}

std::string QuestionMaker::explain_chronology(const std::vector<EventIndex>& chronological) const {
    std::string s;
    for (size_t i = 0; i < chronological.size(); ++i) {
        const Event& e = pack_.events[chronological[i]];
        if (i) s += "\n";
        s += std::to_string(i + 1) + ". " + date_text(e) + " — " + tr(e.headline);
        // An order that rests on an estimate or a range says how far it can be trusted.
        const bool uncertain = e.date_source == DateSource::Estimate || (e.date && e.date->is_range());
        if (uncertain && !e.date_note.empty()) s += "\n   (" + tr(e.date_note) + ")";
    }
    return s;
}

void QuestionMaker::add_source_event(Question& q, std::optional<EventIndex> event) const {
    if (!event) return;
    const Event& e = pack_.events[*event];
    q.events = {e.id};
    q.explanation += "\n" + explain_event(e);
}

Option QuestionMaker::event_option(EventIndex event) const {
    Option o;
    o.text = tr(pack_.events[event].headline);
    o.event = pack_.events[event].id;
    return o;
}

Option QuestionMaker::person_option(PersonIndex person) const {
    Option o;
    o.text = tr(pack_.people[person].name);
    o.person = pack_.people[person].id;
    return o;
}

void QuestionMaker::letter(Question& q) {
    for (size_t i = 0; i < q.options.size(); ++i) q.options[i].id = std::string(1, static_cast<char>('A' + i));
}

void QuestionMaker::place(Question& q, Option right, std::vector<Option> wrong) {
    rng_.shuffle(wrong);
    const size_t slot = slots_.pick(wrong.size() + 1, rng_);
    q.options = std::move(wrong);
    q.options.insert(q.options.begin() + static_cast<std::ptrdiff_t>(slot), std::move(right));
    q.answer = {slot};
    letter(q);
}

std::optional<QuestionMaker::Split> QuestionMaker::ascending_slots(size_t lower, size_t higher, size_t n) {
    n = std::min(n, lower + higher + 1);
    if (n < 2) return std::nullopt;
    std::vector<size_t> feasible;
    for (size_t s = 0; s < n; ++s)
        if (s <= lower && n - 1 - s <= higher) feasible.push_back(s);
    const size_t slot = slots_.pick(feasible, rng_);
    return Split{slot, n - 1 - slot};
}

std::vector<PersonIndex> QuestionMaker::sample_people(PersonKind kind, const std::vector<PersonIndex>& exclude, size_t count) {
    const std::vector<PersonIndex>& pool = pack_.people_by_kind[index_of(kind)];
    auto excluded = [&](PersonIndex p) { return std::find(exclude.begin(), exclude.end(), p) != exclude.end(); };
    std::vector<PersonIndex> out;
    Deck deck(pool.size());
    while (out.size() < count && !deck.empty()) {
        const PersonIndex p = pool[deck.draw(rng_)];
        if (!excluded(p)) out.push_back(p);
    }
    return out;
}

// Easy spreads the events out, hard keeps them close: the chain steps to the next
// event that certainly comes after the last one, then skips ahead at random by up
// to `gap` positions.
std::optional<std::vector<EventIndex>> QuestionMaker::pick_ordered(size_t k) {
    const std::vector<EventIndex>& chain = pack_.longest_chain;
    if (chain.size() < k) return std::nullopt;
    const size_t n = pack_.by_time.size();
    const size_t gap = options_.difficulty == Difficulty::Hard   ? 2
                       : options_.difficulty == Difficulty::Easy ? std::max<size_t>(1, n / k)
                                                                 : std::max<size_t>(1, n / (2 * k));
    for (int attempt = 0; attempt < 8; ++attempt) {
        const size_t window = attempt % 2 ? std::max<size_t>(1, n / k) : n; // odd tries start early
        size_t pos = rng_.below(static_cast<uint32_t>(window));
        std::vector<EventIndex> picked{pack_.by_time[pos]};
        while (picked.size() < k) {
            const size_t next = pack_.next_after[pos];
            if (next >= n) break;
            pos = next + rng_.below(static_cast<uint32_t>(std::min(gap, n - next)));
            picked.push_back(pack_.by_time[pos]);
        }
        if (picked.size() == k) return picked;
    }
    // Dense overlapping packs: a window of the longest chain always works.
    const auto start = static_cast<std::ptrdiff_t>(rng_.below(static_cast<uint32_t>(chain.size() - k + 1)));
    return std::vector<EventIndex>(chain.begin() + start, chain.begin() + start + static_cast<std::ptrdiff_t>(k));
}

size_t QuestionMaker::ordered_size(size_t wanted, size_t minimum) const {
    const size_t available = pack_.longest_chain.size();
    return available < minimum ? 0 : std::min(wanted, available);
}

std::string QuestionMaker::key_of(Kind kind, std::vector<EventIndex> events) {
    std::sort(events.begin(), events.end());
    std::string key = kind_name(kind);
    for (EventIndex e : events) key += ":" + std::to_string(e);
    return key;
}

std::vector<std::string> QuestionMaker::ids_of(const std::vector<EventIndex>& events) const {
    std::vector<std::string> ids;
    for (EventIndex e : events) ids.push_back(pack_.events[e].id);
    return ids;
}

// ---------------------------------------------------------------------------
// 3. The schedule
// ---------------------------------------------------------------------------

std::vector<Kind> supported_kinds(const Pack& pack) {
    std::vector<Kind> kinds;
    for (Kind k : kAllKinds)
        if (kind_spec(k).supported(pack)) kinds.push_back(k);
    return kinds;
}

std::vector<Kind> kinds_to_ask(const std::vector<Kind>& supported, const std::vector<Kind>& chosen) {
    if (chosen.empty()) return supported;
    std::vector<Kind> out;
    for (Kind k : supported)
        if (std::find(chosen.begin(), chosen.end(), k) != chosen.end()) out.push_back(k);
    return out;
}

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

    QuestionMaker maker(pack, options, quiz.lang);
    quiz.questions.reserve(options.count);
    // Ordering kinds draw at random and may repeat a set; this many misses in a row
    // means the pack has no fresh set left.
    constexpr int kMisses = 24;
    while (quiz.questions.size() < options.count && !active.empty()) {
        std::vector<Kind> round = active;
        maker.rng().shuffle(round);
        for (Kind k : round) {
            if (quiz.questions.size() >= options.count) break;
            std::optional<Question> q;
            for (int miss = 0; !q && miss < kMisses && !maker.exhausted(k); ++miss) q = maker.make(k);
            if (q) quiz.questions.push_back(std::move(*q));
            else active.erase(std::find(active.begin(), active.end(), k));
        }
    }
    return quiz;
}

} // namespace chronicle
