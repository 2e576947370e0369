// pack/: the pack — its model, loading and validating it, finding packs, installing them.
//
// The validated model of a pack: what the loader produces and the generator reads.
// References between records are indices, checked by the loader, so the generator
// never looks an id up and never meets a dangling one.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.h"
#include "core/base/text.h"

namespace chronicle {

constexpr const char* kPackFormat = "chronicle-pack/1";

// Positions in a pack's lists. The loader resolves every id to one of these and
// checks it, so a loaded pack holds no dangling reference.
using PersonIndex = std::size_t; // into Pack::people
using EventIndex = std::size_t;  // into Pack::events

enum class PersonKind { Person, Organization, Group };
constexpr size_t kPersonKinds = 3;
inline size_t index_of(PersonKind k) { return static_cast<size_t>(k); }

struct Person {
    std::string id;
    PersonKind kind = PersonKind::Person;
    LocalText name;
    std::vector<std::string> aliases;
    LocalText description;
    // The name as options show it, where the pack's text calls the person otherwise:
    // "伊尔亚·苏茨克维（Sutskever）". The pack's `display`, else made by the loader
    // (see derive_display_names); empty in a language where the name is shown as it is.
    LocalText display;
};

// Where an event's date comes from: the pack's source, a public record the source
// does not give, or the editor's estimate. An estimate is never a keyed answer.
enum class DateSource { Unstated, Source, PublicRecord, Estimate };

struct Event {
    std::string id;
    std::optional<DateSpec> date; // nullopt: unknown, never ordered
    DayInterval interval;         // valid when date is set
    std::optional<DateSpec> end;  // when an event that lasted ended; only with date.
                                  // Ordering uses `interval`: when the event began.
    DateSource date_source = DateSource::Unstated;
    LocalText date_note;
    LocalText headline;
    LocalText text;
    std::vector<PersonIndex> actors;
    LocalText who;           // "Who …?" phrase, the actor left out; answered by `actors`
    std::vector<std::string> tags;
};

struct Quote {
    std::string id;
    LocalText text;
    PersonIndex speaker = 0;
    std::optional<EventIndex> event;
    bool catchphrase = false; // something the speaker kept saying: "Whose catchphrase was …?"
};

struct NumberFact {
    std::string id;
    double value = 0;
    LocalText unit;
    LocalText question;
    std::optional<EventIndex> event;
};

struct AuthoredQuestion {
    enum class Type { MultipleChoice, TrueFalse };
    struct Choice {
        LocalText text;
        bool correct = false;
    };
    std::string id;
    Type type = Type::MultipleChoice;
    LocalText prompt;
    std::vector<Choice> choices; // multiple choice
    bool answer = false;         // true/false
    LocalText explanation;
    std::vector<EventIndex> events;
};

struct Source {
    LocalText title;
    std::string url;
    LocalText note;
    std::optional<DateSpec> date; // when it was published: no event of the pack is later
};

struct Pack {
    std::string path; // where it was loaded from
    std::string id;
    std::string version;
    std::string licence;
    LocalText author;
    LocalText title;
    LocalText description;
    std::vector<std::string> languages;
    std::string default_language;
    Source source;
    std::vector<Person> people;
    std::vector<Event> events;
    std::vector<Quote> quotes;
    std::vector<NumberFact> numbers;
    std::vector<AuthoredQuestion> questions;

    // Index, built by the loader so that generating a question never scans the pack.
    std::vector<EventIndex> by_time;       // dated events by (earliest, latest)
    std::vector<size_t> next_after;        // per by_time position: first position certainly after it
    std::vector<EventIndex> longest_chain; // most events that can all be ordered, chronological
    std::array<std::vector<PersonIndex>, kPersonKinds> people_by_kind; // per PersonKind
    std::vector<EventIndex> who_events;    // events with a "who" phrase and actors
    std::vector<std::vector<size_t>> number_groups; // indices of numbers that share a unit
    std::vector<size_t> number_group;      // per number: its group

    const std::string& text(const LocalText& t, const std::string& lang) const {
        return t.get(lang, default_language);
    }
    // A person's name as options show it in `lang`: the display form, else the name.
    const std::string& display_name(const Person& person, const std::string& lang) const;
    bool has_language(const std::string& lang) const;
    // The event's date may be the right answer to a question: it is known, and not an estimate.
    bool date_is_answer(const Event& e) const { return e.date && e.date_source != DateSource::Estimate; }
    size_t dated_event_count() const { return by_time.size(); }
};

// Letters, digits, '.', '_', '-'; starting with a letter or digit; at most 64 characters.
bool valid_item_id(std::string_view id);
// BCP 47-ish: "zh", "en", "pt-BR", "zh-Hant".
bool valid_language_code(std::string_view code);

// Every human-readable text of the pack in every language, concatenated: what a
// screen may ever show of it (for font coverage).
std::string all_text(const Pack& pack);
// Each code point of that text once, ascending, decoded where the text lies: no copy.
std::u32string pack_characters(const Pack& pack);

} // namespace chronicle
