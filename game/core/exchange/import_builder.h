// What both importers share: a pack assembled record by record as the loader would
// read it, written once and checked as the loader checks it. Internal to the importers.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/base/date.h"
#include "core/exchange/importer.h"

namespace chronicle {

struct EventDraft {
    std::string id_hint;         // used as the id when it is a valid, unused id
    bool id_from_author = false; // the author's own id (a unique_id), reserved for it
    std::optional<DateSpec> date, end;
    std::string date_note, headline, text, who;
    std::vector<std::string> people; // names; each becomes a person once
    std::vector<std::string> tags;
};

// "My Timeline (2).csv" → "my-timeline-2": lower-case ASCII letters and digits
// joined by '-', at most 64 characters; "" when nothing is left.
std::string slug(const std::string& name);

// A date as TimelineJS reads year, month and day (0: not given). On the "human"
// scale a negative year is a year BCE, as TimelineJS shows it: -44 is 44 BC, the
// astronomical year -43. On the cosmological scale, and beyond the years JavaScript
// dates reach, years are plain numbers and month and day are ignored, as there.
// nullopt with the reason, and the part at fault ("year", "month", "day").
std::optional<PartialDate> timelinejs_date(int64_t year, int64_t month, int64_t day, bool cosmological,
                                           Issue& error, const char*& part);

// Problem::EndBeforeStart, or nullopt.
std::optional<Issue> end_before_start(const DateSpec& start, const DateSpec& end);

// Adds the note (Problem::RowNotImported, …) to the errors from `from` on.
void mark_not_imported(std::vector<Diagnostic>& diagnostics, size_t from, Problem note);

// False, with an error, when --id or --lang is not usable.
bool check_import_options(const ImportOptions& options, std::vector<Diagnostic>& out);

// Removes control characters from imported text (newlines and tabs are kept in
// running text): a pack cannot hold them. The first one removed, escaped, as a
// Problem::ControlCharactersRemoved warning; nullopt when there was none.
std::optional<Issue> remove_control_characters(std::string& text, bool running_text);

// Eight hex digits that tell names apart, for ids when a name has no ASCII letters.
std::string name_hash(const std::string& name);

// The file name without folders and extension.
std::string file_stem(const std::string& path);

class PackBuilder {
public:
    PackBuilder(const ImportOptions& options, ImportResult& result);

    void set_title(std::string title) { title_ = std::move(title); }
    void set_description(std::string description) { description_ = std::move(description); }
    // A slide's picture credit and caption, kept in the pack's source note.
    void add_media_note(const std::string& headline, const std::string& caption, const std::string& credit);
    EventIndex add_event(const EventDraft& e);
    const std::string& event_id(EventIndex e) const { return pack_.events[e].id; }
    // An id the author gave an event, kept from other events that would take it.
    void reserve_event_id(const std::string& id) { reserved_ids_.insert(id); }
    // Things dropped or kept loosely, told once for the whole import.
    void dropped_time_of_day() { ++times_dropped_; }
    void kept_display_date(const std::string& shown);
    void add_quote(const std::string& text, const std::string& speaker, std::optional<EventIndex> event);
    void add_number(double value, const std::string& unit, const std::string& question, std::optional<EventIndex> event);
    // Sets the result's pack and its text when any event was added and the pack passes
    // the loader's checks, and adds the pack's warnings; `when_empty` says why there is
    // none when no error did.
    void finish(Problem when_empty);

private:
    PersonIndex person(const std::string& name);
    std::string fresh_id(const std::string& hint, bool authors, const std::string& prefix,
                         std::unordered_set<std::string>& used);
    void tell_apart_same_headlines(const std::string& lang);
    void make_punctuation_full_width();
    void count_letters(const std::string& text);

    const ImportOptions& options_;
    ImportResult& result_;
    std::string title_, description_, source_note_;
    // Its texts are in the language "" until finish() knows the pack's language.
    Pack pack_;
    std::unordered_map<std::string, PersonIndex> person_by_name_; // lower-cased name → person
    std::unordered_set<std::string> event_ids_, person_ids_, reserved_ids_;
    int times_dropped_ = 0, display_dates_ = 0;
    std::string display_date_example_;
    long han_ = 0, latin_ = 0; // for guessing the language
};

} // namespace chronicle
