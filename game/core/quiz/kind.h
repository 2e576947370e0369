// The kinds of question, and what each one is: its name in files, its label and
// prompts in both languages, whether the player picks one option or puts them all in
// order, and the functions that make it. Every kind has one entry in one table
// (quiz/kinds.cpp) and its own file in quiz/kinds/; see CONTRIBUTING.md.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chronicle {

struct Pack;
struct Question;
class QuestionMaker;

// The order here is the order of the table in quiz/kinds.cpp (checked when it compiles).
enum class Kind {
    First, Last, Order, BeforeAfter, When, Interval, WhoSaid, WhoDid, Number, TrueFalse, Authored, Count
};
constexpr size_t kKindCount = static_cast<size_t>(Kind::Count);
constexpr size_t index_of(Kind k) { return static_cast<size_t>(k); }

// A word or a sentence template in the two languages Chronicle speaks.
struct Words {
    const char* zh;
    const char* en;
    // "zh…" gets the Chinese, any other language the English.
    const char* in(std::string_view lang) const;
};

// A constant list of Words, made from an array (C++17 has no std::span).
struct WordList {
    const Words* first = nullptr;
    size_t count = 0;
    constexpr WordList() = default;
    template <size_t N> constexpr WordList(const Words (&words)[N]) : first(words), count(N) {}
    constexpr const Words* begin() const { return first; }
    constexpr const Words* end() const { return first + count; }
};

// How a question of the kind is answered, and so how it is graded and drawn.
enum class Answering {
    OneOption, // pick the one right option
    Arrange,   // put every option in order; partly right earns part (Grade::in_place)
};

struct KindSpec {
    Kind kind;
    const char* name; // in packs' settings, exports, saved games and the command line: "before_after"
    Words label;      // what Home and Results call it
    Answering answering;
    WordList phrases; // every template its prompts use (for font coverage)
    // Whether the pack can ask it at all, at the easiest settings.
    bool (*supported)(const Pack& pack);
    // Kinds that ask about each record once (each event's date, each quote) draw
    // from a deck of this many; null for kinds that draw sets of events at random.
    size_t (*deck_size)(const Pack& pack);
    // One question, or nullopt when this try found none.
    std::optional<Question> (*make)(QuestionMaker& maker);
};

const KindSpec& kind_spec(Kind k);
// The player puts every option in order (rather than picking one).
inline bool asks_for_order(Kind k) { return kind_spec(k).answering == Answering::Arrange; }

// Every kind, in the table's order: `for (Kind k : kAllKinds)`.
struct AllKinds {
    const Kind* begin() const;
    const Kind* end() const;
};
constexpr AllKinds kAllKinds{};

const char* kind_name(Kind k); // "first", "before_after", …
std::optional<Kind> kind_from_name(std::string_view name);
// "first,last,order,…": every name, for help and error messages.
const std::string& kind_names_list();

} // namespace chronicle
