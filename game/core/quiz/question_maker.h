// What every kind's maker shares while one quiz is generated: the pack, the options,
// the randomness, the decks each record is drawn from once, the balance of the right
// answer's position, and the helpers that turn pack records into options and
// explanations. Internal to the generator and the kinds (quiz/kinds/).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/base/rng.h"
#include "core/pack/pack.h"
#include "core/quiz/kind.h"
#include "core/quiz/question.h"

namespace chronicle {

// Draws 0..n-1 in random order without replacement, in O(1) per draw and without
// materialising n entries (a Fisher-Yates shuffle whose swaps are kept in a map),
// so a 100,000-event pack costs nothing until it is drawn from.
class Deck {
public:
    explicit Deck(size_t n) : size_(static_cast<uint32_t>(n)) {}
    bool empty() const { return drawn_ == size_; }
    size_t draw(Rng& rng);

private:
    uint32_t at(uint32_t i) const;
    uint32_t size_;
    uint32_t drawn_ = 0;
    std::unordered_map<uint32_t, uint32_t> swaps_;
};

// Keeps the right answer's position even across a quiz: each question puts it in
// the least used of the slots it can use.
class SlotBalancer {
public:
    size_t pick(const std::vector<size_t>& feasible, Rng& rng);
    size_t pick(size_t n, Rng& rng);

private:
    std::array<int, 8> used_{};
};

// How many events or options a question has at a difficulty.
struct Sizes {
    size_t first_last; // events in a first/last question
    size_t order;      // events to put in order
    size_t choices;    // options of a who/number/when question
};

class QuestionMaker {
public:
    QuestionMaker(const Pack& pack, const QuizOptions& options, std::string lang);

    const Pack& pack() const { return pack_; }
    const QuizOptions& options() const { return options_; }
    const std::string& lang() const { return lang_; }
    const Sizes& sizes() const { return sizes_; }
    Rng& rng() { return rng_; }
    SlotBalancer& slots() { return slots_; }

    // The next record of a deck kind, or nullopt when its deck is empty.
    std::optional<size_t> draw(Kind k);
    // A deck kind has asked about every record.
    bool exhausted(Kind k) const;
    // One question of kind k, or nullopt when this try gave none or one the quiz has.
    std::optional<Question> make(Kind k);

    // Text of the pack in the quiz's language.
    const std::string& tr(const LocalText& t) const { return pack_.text(t, lang_); }
    // Text set inside 「」 in a Chinese prompt: its own 「」 become 『』, as Chinese nests quotes.
    std::string quoted(const LocalText& t) const;
    std::string date_text(const Event& e) const;
    // Events that lasted are ordered by when they began; a question with one says "began".
    bool any_lasted(const std::vector<EventIndex>& events) const;
    // "date — headline", the text, and how the date is known.
    std::string explain_event(const Event& e) const;
    // "1. date — headline" for each event, in the order given, with the date note of
    // an estimated or uncertain date.
    std::string explain_chronology(const std::vector<EventIndex>& chronological) const;
    // A quote's or a number's event, when it has one: the question's source and explanation.
    void add_source_event(Question& q, std::optional<EventIndex> event) const;

    Option event_option(EventIndex event) const;
    Option person_option(PersonIndex person) const;
    // Letters the options "A", "B", … in their order.
    static void letter(Question& q);
    // Puts `right` at a balanced slot among the shuffled `wrong` ones.
    void place(Question& q, Option right, std::vector<Option> wrong);
    // Options that read in ascending order (dates, numbers): the right one lands in a
    // balanced slot by choosing how many wrong ones lie below it. `lower` and `higher`
    // count the candidates on each side; `n` the options wanted. Returns how many to
    // take below the right one (its slot) and above it; nullopt when there is no wrong
    // option at all.
    struct Split {
        size_t below, above;
    };
    std::optional<Split> ascending_slots(size_t lower, size_t higher, size_t n);
    // People of `kind` not in `exclude`, at most `count`, chosen at random.
    std::vector<PersonIndex> sample_people(PersonKind kind, const std::vector<PersonIndex>& exclude, size_t count);
    // k events, pairwise certainly ordered, chronological; nullopt when the pack has no such set.
    std::optional<std::vector<EventIndex>> pick_ordered(size_t k);
    // `wanted` events to order, fewer if the pack's longest chain is shorter; 0 below `minimum`.
    size_t ordered_size(size_t wanted, size_t minimum) const;
    // Identity within the quiz: the kind and the set of events, whatever their order.
    static std::string key_of(Kind kind, std::vector<EventIndex> events);
    std::vector<std::string> ids_of(const std::vector<EventIndex>& events) const;

private:
    // The question's options, and the events it names, all read differently in the
    // quiz's language: else it has no single right answer.
    bool reads_apart(const Question& q);

    const Pack& pack_;
    const QuizOptions& options_;
    std::string lang_;
    Sizes sizes_;
    Rng rng_;
    SlotBalancer slots_;
    std::array<std::optional<Deck>, kKindCount> decks_;
    std::unordered_set<std::string> used_keys_;
    std::unordered_map<std::string_view, EventIndex> event_by_id_; // filled by reads_apart() when first needed
};

} // namespace chronicle
