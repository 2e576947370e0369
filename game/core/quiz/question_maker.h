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

// Keeps the right answer's position even among the quiz's questions with the same
// number of options: each puts it in the least used slot, ties drawn at random, so
// every slot is equally likely for every question. Balanced over the whole quiz
// instead, the last slot went to the questions with the most options and always
// picking the last option beat chance.
class SlotBalancer {
public:
    static constexpr size_t kMaxOptions = 8;
    // A slot in 0..n-1 for the right answer of a question with n options.
    size_t pick(size_t n, Rng& rng);

private:
    std::array<std::array<int, kMaxOptions>, kMaxOptions + 1> used_{}; // [options][slot]
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
    // From now on every deck gives nothing but `record` of kind k, once: the maker
    // asks about one record (learn/facts.h, a question for one fact).
    void pin(Kind k, size_t record);
    // From now on pick_ordered gives only pairs with event e (and nothing for more events).
    void pin_ordered(EventIndex e) { pinned_event_ = e; }
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
    // A quote's or a number's event, when it has one: the question's source and
    // explanation; its headline or text (which may say the answer) gives the answer away.
    void add_source_event(Question& q, std::optional<EventIndex> event) const;

    Option event_option(EventIndex event) const;
    Option person_option(PersonIndex person) const;
    // Letters the options "A", "B", … in their order.
    static void letter(Question& q);
    // Puts `right` at a balanced slot among the shuffled `wrong` ones.
    void place(Question& q, Option right, std::vector<Option> wrong);
    // Options that read in ascending order (dates, numbers): the right one's rank is the
    // balanced slot, and every rank must be possible, so `n` (the options wanted) shrinks
    // to what the shorter side allows: were the truth the latest option whenever nothing
    // later fits (the pack's last month, a share near 100 %), "pick the latest" would beat
    // chance. `lower` and `higher` count the wrong candidates on each side. Returns how
    // many to take below the right one (its slot) and above it; nullopt when fewer than
    // two options would be left. Two, like before/after, are fair when either is as
    // likely; a pack too small for three on each side gets no more.
    struct Split {
        size_t below, above;
    };
    std::optional<Split> ascending_slots(size_t lower, size_t higher, size_t n);
    // People of `kind` not in `exclude` and not named in `context` (see names()), at
    // most `count`, chosen at random: a person the question's own text names is no
    // plausible wrong answer.
    std::vector<PersonIndex> sample_people(PersonKind kind, const std::vector<PersonIndex>& exclude, size_t count,
                                           std::string_view context = {});
    // Whether `text` names person p by a name in any language or an alias: case-insensitively
    // and on word boundaries for Latin script ("Altman's" names Altman, "Altmann" does not),
    // anywhere for Han ("奥尔特曼回归").
    bool names(std::string_view text, PersonIndex p) const;
    // Every language's version of t, one a line: a name may appear in one language only.
    static std::string every_language(const LocalText& t);
    // Every language's text of the quote and of its event: no one named there is a
    // plausible wrong speaker ("Ilya has a good moral compass" is not Ilya's).
    std::string quote_words(const Quote& q) const;
    // Every language's headline, text and "who" phrase of e: where it names people.
    std::string event_words(const Event& e) const;

    // The days wrong dates may lie in: from the pack's earliest dated event to the end of
    // its latest-starting one, and never after the source's date.
    DayInterval time_window() const;
    // The date a question asks about e: one plain unit, never a range (a range is asked
    // by the finest unit both ends share: "between 30 November and 5 December 2022" asks
    // the year, and its options are plain years), a day by its month unless the quiz is
    // hard. nullopt when e has no date or its ends share no unit.
    std::optional<DateSpec> asked_date(const Event& e) const;
    // Wrong dates on one side of `asked` (side -1: earlier, +1: later) at its precision,
    // certainly apart from it and each other, inside time_window(): those at the
    // difficulty's distance first, in random order, then nearer and farther ones, so
    // that a side cut short by the window still offers what it can.
    std::vector<DateSpec> wrong_dates(const DateSpec& asked, int side);
    // k events, pairwise certainly ordered, chronological; nullopt when the pack has no such set.
    std::optional<std::vector<EventIndex>> pick_ordered(size_t k);
    std::optional<std::vector<EventIndex>> pick_pair_with(EventIndex e, size_t k, size_t gap);
    // `wanted` events to order, fewer if the pack's longest chain is shorter; 0 below `minimum`.
    size_t ordered_size(size_t wanted, size_t minimum) const;
    // Identity within the quiz of a question on the order of events: the set of events,
    // whatever their order and whatever the kind (first, last, order, before_after), so
    // that no quiz asks one set twice.
    static std::string order_key(std::vector<EventIndex> events);
    std::vector<std::string> ids_of(const std::vector<EventIndex>& events) const;

    // What a question shows and what gives its answer away (Question::reveals and
    // answered_by), as fact keys: fact("date", "e07") is "date:e07".
    static std::string fact(const char* what, const std::string& id);
    // What explain_event(e) shows: the event's date, headline and text.
    static void reveal_event(Question& q, const Event& e);
    // A question on the order of events (given chronologically) shows each one's
    // headline, and its explanation their dates and order: "order:e01<e04" for each
    // pair. An earlier list that put every pair in order gives its answer away (dates
    // shown one by one in other explanations do not: the student still has to know them).
    void reveal_chronology(Question& q, const std::vector<EventIndex>& chronological) const;
    // A question on a fact of the event (who did it, who said a quote in it, a number
    // from it) is answered by its headline or its text, which name people and numbers.
    static void answered_by_event(Question& q, const Event& e);

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
    bool pinned_ = false; // decks_ are set aside: draw gives pinned_record_ once
    std::array<std::optional<size_t>, kKindCount> pinned_record_;
    std::optional<EventIndex> pinned_event_;
    std::unordered_set<std::string> used_keys_;
    std::unordered_map<std::string_view, EventIndex> event_by_id_; // filled by reads_apart() when first needed
};

} // namespace chronicle
