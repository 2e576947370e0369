// Index
//   1. Small parts: difficulty names, the deck, slot balancing
//   2. The question maker: what every kind's maker shares (option letters, explanations, …)
//   3. The schedule: kinds drawn by weight, each question placed where no earlier one
//      gave its answer away, until the quiz is full or nothing is left; the pack's capacity
#include "core/quiz/generator.h"

#include <algorithm>
#include <utility>

#include "core/quiz/phrases.h"
#include "core/quiz/question_maker.h"
#include "core/quiz/quiz_plan.h"

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

size_t SlotBalancer::pick(size_t n, Rng& rng) {
    if (n > kMaxOptions) return rng.below(static_cast<uint32_t>(n));
    std::array<int, kMaxOptions>& used = used_[n];
    const int least = *std::min_element(used.begin(), used.begin() + static_cast<std::ptrdiff_t>(n));
    std::vector<size_t> ties;
    for (size_t s = 0; s < n; ++s)
        if (used[s] == least) ties.push_back(s);
    const size_t slot = ties[rng.below(static_cast<uint32_t>(ties.size()))];
    ++used[slot];
    return slot;
}

namespace {

Sizes sizes_for(Difficulty d) {
    switch (d) {
    case Difficulty::Easy: return {3, 3, 3}; // at least three options on every difficulty
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
    if (pinned_) return std::exchange(pinned_record_[index_of(k)], std::nullopt);
    std::optional<Deck>& deck = decks_[index_of(k)];
    if (!deck || deck->empty()) return std::nullopt;
    return deck->draw(rng_);
}

void QuestionMaker::pin(Kind k, size_t record) {
    pinned_ = true;
    pinned_record_[index_of(k)] = record;
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
    if (!e.date_note.empty()) s += "\n" + fill_in(kAside.in(lang_), {{"a", tr(e.date_note)}});
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
        if (uncertain && !e.date_note.empty()) s += "\n   " + fill_in(kAside.in(lang_), {{"a", tr(e.date_note)}});
    }
    return s;
}

void QuestionMaker::add_source_event(Question& q, std::optional<EventIndex> event) const {
    if (!event) return;
    const Event& e = pack_.events[*event];
    q.events = {e.id};
    q.explanation += "\n" + explain_event(e);
    reveal_event(q, e);
    answered_by_event(q, e);
}

Option QuestionMaker::event_option(EventIndex event) const {
    Option o;
    o.text = tr(pack_.events[event].headline);
    o.event = pack_.events[event].id;
    return o;
}

Option QuestionMaker::person_option(PersonIndex person) const {
    Option o;
    o.text = pack_.display_name(pack_.people[person], lang_);
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
    n = std::min({n, lower + 1, higher + 1});
    if (n < 2) return std::nullopt;
    const size_t slot = slots_.pick(n, rng_);
    return Split{slot, n - 1 - slot};
}

namespace {

// ASCII letters lowered, every other byte kept: names match whatever their case.
std::string folded(std::string_view text) {
    std::string s(text);
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool is_word_byte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Whether folded `text` holds folded `name` as a whole word: its Latin ends may not
// touch a letter or digit, its Han ends may touch anything (Chinese has no spaces).
bool holds_name(std::string_view text, std::string_view name) {
    if (name.empty()) return false;
    for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
        const size_t end = at + name.size();
        const bool starts_apart = !is_word_byte(name.front()) || at == 0 || !is_word_byte(text[at - 1]);
        const bool ends_apart = !is_word_byte(name.back()) || end == text.size() || !is_word_byte(text[end]);
        if (starts_apart && ends_apart) return true;
    }
    return false;
}

bool named_in(const Person& person, std::string_view folded_text) {
    for (const auto& [lang, name] : person.name.by_lang)
        if (holds_name(folded_text, folded(name))) return true;
    for (const std::string& alias : person.aliases)
        if (holds_name(folded_text, folded(alias))) return true;
    return false;
}

} // namespace

bool QuestionMaker::names(std::string_view text, PersonIndex p) const { return named_in(pack_.people[p], folded(text)); }

std::string QuestionMaker::every_language(const LocalText& t) {
    std::string s;
    for (const auto& [lang, text] : t.by_lang) s += text + "\n";
    return s;
}

std::string QuestionMaker::event_words(const Event& e) const {
    return every_language(e.headline) + every_language(e.text) + every_language(e.who);
}

std::vector<PersonIndex> QuestionMaker::sample_people(PersonKind kind, const std::vector<PersonIndex>& exclude, size_t count,
                                                      std::string_view context) {
    const std::vector<PersonIndex>& pool = pack_.people_by_kind[index_of(kind)];
    const std::string folded_context = folded(context);
    auto excluded = [&](PersonIndex p) {
        return std::find(exclude.begin(), exclude.end(), p) != exclude.end() || named_in(pack_.people[p], folded_context);
    };
    std::vector<PersonIndex> out;
    Deck deck(pool.size());
    while (out.size() < count && !deck.empty()) {
        const PersonIndex p = pool[deck.draw(rng_)];
        if (!excluded(p)) out.push_back(p);
    }
    return out;
}

DayInterval QuestionMaker::time_window() const {
    DayInterval window{pack_.events[pack_.by_time.front()].interval.earliest,
                       pack_.events[pack_.by_time.back()].interval.latest};
    if (pack_.source.date) window.latest = std::min(window.latest, pack_.source.date->interval().latest);
    return window;
}

std::optional<DateSpec> QuestionMaker::asked_date(const Event& e) const {
    if (!e.date) return std::nullopt;
    const bool days = options_.difficulty == Difficulty::Hard;
    for (Precision unit : {Precision::Day, Precision::Month, Precision::Year}) {
        if (unit > e.date->precision() || (unit == Precision::Day && !days)) continue;
        auto cut = [&](PartialDate d) {
            if (unit != Precision::Day) d.day = 0;
            if (unit == Precision::Year) d.month = 0;
            return d;
        };
        if (cut(e.date->from) == cut(e.date->to)) return DateSpec{cut(e.date->from), cut(e.date->from)};
    }
    return std::nullopt;
}

std::string QuestionMaker::quote_words(const Quote& q) const {
    std::string words = every_language(q.text);
    if (q.event) words += event_words(pack_.events[*q.event]);
    return words;
}

std::vector<DateSpec> QuestionMaker::wrong_dates(const DateSpec& asked, int side) {
    const Difficulty d = options_.difficulty;
    // Distances in units of the date's precision: easy keeps neighbours out, hard keeps close.
    const int nearest = d == Difficulty::Easy ? 2 : 1;
    const int farthest = d == Difficulty::Easy ? 8 : d == Difficulty::Hard ? 4 : 5;
    const DayInterval window = time_window();
    // Deep time reads to 3 significant figures ("4.5 billion years ago" is about that):
    // a wrong date moves its second figure, never only the third.
    const int scale = asked.from.year < kDeepTimeYear ? 10 : 1;
    std::vector<DateSpec> preferred, more;
    for (int m = 1; m <= 2 * farthest; ++m) {
        const std::optional<DateSpec> date = shift_date(asked, side * m * scale);
        if (!date) break;
        const DayInterval in = date->interval();
        if (in.earliest > window.latest || in.latest < window.earliest) break; // and every farther one
        (m >= nearest && m <= farthest ? preferred : more).push_back(*date);
    }
    rng_.shuffle(preferred);
    preferred.insert(preferred.end(), more.begin(), more.end());
    return preferred;
}

// Easy spreads the events out, hard keeps them close: the chain steps to the next
// event that certainly comes after the last one, then skips ahead at random by up
// to `gap` positions. In a small pack the gap stays wide enough (2, 3, 4) for quizzes
// to draw different sets.
std::optional<std::vector<EventIndex>> QuestionMaker::pick_ordered(size_t k) {
    const std::vector<EventIndex>& chain = pack_.longest_chain;
    if (chain.size() < k) return std::nullopt;
    const size_t n = pack_.by_time.size();
    const size_t gap = options_.difficulty == Difficulty::Hard   ? 2
                       : options_.difficulty == Difficulty::Easy ? std::max<size_t>(4, n / k)
                                                                 : std::max<size_t>(3, n / (2 * k));
    if (pinned_event_) return pick_pair_with(*pinned_event_, k, gap);
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

// The pinned event and one certainly before or after it, at most `gap` places from the
// nearest such, the side drawn at random.
std::optional<std::vector<EventIndex>> QuestionMaker::pick_pair_with(EventIndex e, size_t k, size_t gap) {
    const std::vector<EventIndex>& by_time = pack_.by_time;
    const auto it = std::find(by_time.begin(), by_time.end(), e);
    if (k != 2 || it == by_time.end()) return std::nullopt;
    const auto p = static_cast<size_t>(it - by_time.begin());
    std::vector<size_t> before; // positions certainly before p, nearest first
    for (size_t q = p; q-- > 0 && before.size() < gap;)
        if (pack_.next_after[q] <= p) before.push_back(q);
    const size_t first_after = pack_.next_after[p];
    const size_t after = first_after < by_time.size() ? std::min(gap, by_time.size() - first_after) : 0;
    if (before.empty() && after == 0) return std::nullopt;
    if (after > 0 && (before.empty() || rng_.below(2) == 0))
        return std::vector<EventIndex>{e, by_time[first_after + rng_.below(static_cast<uint32_t>(after))]};
    return std::vector<EventIndex>{by_time[before[rng_.below(static_cast<uint32_t>(before.size()))]], e};
}

size_t QuestionMaker::ordered_size(size_t wanted, size_t minimum) const {
    const size_t available = pack_.longest_chain.size();
    return available < minimum ? 0 : std::min(wanted, available);
}

std::string QuestionMaker::order_key(std::vector<EventIndex> events) {
    std::sort(events.begin(), events.end());
    std::string key = "order";
    for (EventIndex e : events) key += ":" + std::to_string(e);
    return key;
}

std::vector<std::string> QuestionMaker::ids_of(const std::vector<EventIndex>& events) const {
    std::vector<std::string> ids;
    for (EventIndex e : events) ids.push_back(pack_.events[e].id);
    return ids;
}

std::string QuestionMaker::fact(const char* what, const std::string& id) { return std::string(what) + ":" + id; }

void QuestionMaker::reveal_event(Question& q, const Event& e) {
    for (const char* what : {"date", "headline", "text"}) q.reveals.push_back(fact(what, e.id));
}

void QuestionMaker::reveal_chronology(Question& q, const std::vector<EventIndex>& chronological) const {
    std::vector<std::string> pairs;
    for (size_t i = 0; i < chronological.size(); ++i) {
        const Event& e = pack_.events[chronological[i]];
        q.reveals.push_back(fact("headline", e.id));
        q.reveals.push_back(fact("date", e.id));
        for (size_t j = i + 1; j < chronological.size(); ++j)
            pairs.push_back(fact("order", e.id + "<" + pack_.events[chronological[j]].id));
    }
    q.reveals.insert(q.reveals.end(), pairs.begin(), pairs.end());
    q.answered_by.push_back(std::move(pairs));
}

void QuestionMaker::answered_by_event(Question& q, const Event& e) {
    q.answered_by.push_back({fact("headline", e.id)});
    q.answered_by.push_back({fact("text", e.id)});
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

namespace {

std::vector<Kind> active_kinds(const Pack& pack, const QuizOptions& options) {
    const std::vector<Kind> supported = supported_kinds(pack);
    std::vector<Kind> active;
    for (Kind k : options.kinds.empty() ? supported : options.kinds)
        if (std::find(supported.begin(), supported.end(), k) != supported.end() &&
            std::find(active.begin(), active.end(), k) == active.end())
            active.push_back(k);
    return active;
}

constexpr size_t kMany = size_t{1} << 40; // counts stop here: far more than any quiz asks

// Sets of `size` events, pairwise certainly ordered: chains counted from each by_time
// position, every later event that certainly follows it continuing the chain.
size_t ordered_sets(const Pack& pack, size_t size) {
    const size_t n = pack.by_time.size();
    std::vector<size_t> chains(n, 1), from(n + 1, 0); // from[i]: chains starting at i or later
    for (size_t length = 2; length <= size; ++length) {
        for (size_t i = n; i-- > 0;) from[i] = std::min(kMany, from[i + 1] + chains[i]);
        for (size_t i = 0; i < n; ++i) chains[i] = pack.next_after[i] < n ? from[pack.next_after[i]] : 0;
    }
    size_t total = 0;
    for (size_t c : chains) total = std::min(kMany, total + c);
    return total;
}

// How often each kind is drawn: a kind with a deck by how many records it has, so
// that a small deck is not asked in full by every quiz; one that draws sets of events
// as often as the biggest deck.
std::array<uint32_t, kKindCount> kind_weights(const Pack& pack, const std::vector<Kind>& kinds) {
    constexpr size_t kMostWeight = size_t{1} << 24; // the draw adds the weights in 32 bits
    std::array<uint32_t, kKindCount> weight{};
    size_t biggest = 2;
    for (Kind k : kinds)
        if (const auto deck = kind_spec(k).deck_size) biggest = std::max(biggest, deck(pack));
    for (Kind k : kinds) {
        const auto deck = kind_spec(k).deck_size;
        weight[index_of(k)] = static_cast<uint32_t>(std::clamp<size_t>(deck ? deck(pack) : biggest, 1, kMostWeight));
    }
    return weight;
}

} // namespace

size_t quiz_capacity(const Pack& pack, const QuizOptions& options) {
    const Sizes sizes = sizes_for(options.difficulty);
    size_t total = 0;
    bool orders = false;
    for (Kind k : active_kinds(pack, options)) {
        if (const auto deck = kind_spec(k).deck_size) total = std::min(kMany, total + deck(pack));
        else orders = true;
    }
    // Kinds without a deck ask sets of ordered events, each set once whatever the kind.
    if (orders)
        for (size_t size = 2; size <= std::max(sizes.first_last, sizes.order); ++size)
            total = std::min(kMany, total + ordered_sets(pack, size));
    return total;
}

Quiz quiz_header(const Pack& pack, const QuizOptions& options) {
    Quiz quiz;
    quiz.pack_id = pack.id;
    quiz.seed = options.seed;
    quiz.lang = options.lang.empty() ? pack.default_language : options.lang;
    quiz.difficulty = options.difficulty;
    return quiz;
}

Quiz generate_quiz(const Pack& pack, const QuizOptions& options) {
    Quiz quiz = quiz_header(pack, options);
    std::vector<Question> kept;
    const std::vector<size_t> order = generate_questions(pack, options, [&](Question&& q) { kept.push_back(std::move(q)); });
    quiz.questions.reserve(order.size());
    for (size_t number : order) quiz.questions.push_back(std::move(kept[number]));
    return quiz;
}

// Kinds are drawn at random by weight, one question at a time. A question is kept when
// it is new to the quiz, its events are within their share and some place in the quiz
// leaves every answer unshown until its question; one whose events are over their share
// waits, and fills the quiz when nothing else is left.
std::vector<size_t> generate_questions(const Pack& pack, const QuizOptions& options, const std::function<void(Question&&)>& keep) {
    std::vector<Kind> active = active_kinds(pack, options);
    const std::array<uint32_t, kKindCount> weight = kind_weights(pack, active);
    // The kind drawn tries this many questions, so that questions left out do not tilt
    // the quiz towards other kinds; a kind that finds none three times in a row has
    // nothing fresh left (kinds that draw sets of events may draw one the quiz has).
    constexpr int kTries = 8, kMisses = 3;
    std::array<int, kKindCount> misses{};

    QuestionMaker maker(pack, options, quiz_header(pack, options).lang);
    QuizPlan plan(pack);
    size_t numbered = 0; // questions handed to `keep`
    // Over their events' share: handed to `keep` at once, since they may be many and
    // never asked (a long quiz fills up first); the plan needs only their facts.
    struct Waiting {
        Question facts;
        size_t number;
    };
    std::vector<Waiting> waiting;
    while (plan.size() < options.count && !active.empty()) {
        uint32_t total = 0;
        for (Kind k : active) total += weight[index_of(k)];
        uint32_t r = maker.rng().below(total);
        size_t i = 0;
        while (r >= weight[index_of(active[i])]) r -= weight[index_of(active[i++])];
        const Kind k = active[i];
        bool kept = false;
        for (int t = 0; t < kTries && !kept && !maker.exhausted(k); ++t) {
            // A question not asked leaves the balance of answer slots as it was.
            const SlotBalancer slots = maker.slots();
            std::optional<Question> q = maker.make(k);
            if (q && !plan.within_share(*q)) {
                Question facts;
                facts.events = q->events;
                facts.reveals = q->reveals;
                facts.answered_by = q->answered_by;
                waiting.push_back({std::move(facts), numbered++});
                keep(std::move(*q));
            } else if (q && (kept = plan.place(*q, numbered))) {
                keep(std::move(*q));
                ++numbered;
            }
            if (!kept) maker.slots() = slots;
        }
        misses[index_of(k)] = kept ? 0 : misses[index_of(k)] + 1;
        if (maker.exhausted(k) || misses[index_of(k)] >= kMisses) active.erase(active.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (const Waiting& w : waiting)
        if (plan.size() < options.count) plan.place(w.facts, w.number);
    return plan.order();
}

} // namespace chronicle
