// Index
//   1. Small helpers (size, BOM, UTF-8 and depth are checked by json_text)
//   2. Field readers: typed access that reports wrong types, unknown and missing fields
//   3. Records: metadata, people, events, quotes, numbers, hand-written questions
//   4. Cross-checks, warnings and the index the generator uses
#include "core/pack/pack_loader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <unordered_map>

#include <unistd.h>

#include "core/base/json_locate.h"
#include "core/base/json_records.h"
#include "core/base/json_text.h"
#include "core/pack/pack_checks.h"

namespace chronicle {

namespace {

// ---------------------------------------------------------------------------
// 1. Small helpers
// ---------------------------------------------------------------------------

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// ---------------------------------------------------------------------------
// 2. Field readers
// ---------------------------------------------------------------------------

// The lists of a pack, in the order they are read: each may refer to those before it.
enum class List { People, Events, Quotes, Numbers, Questions };
constexpr size_t kLists = 5;
constexpr const char* kListKeys[kLists] = {"people", "events", "quotes", "numbers", "questions"};

// The order diagnostics are given in, whatever the order of the file's members: the
// metadata, then each list, as a reader of the pack meets them.
enum Phase : uint8_t { RootFields, Head, Languages, Tail, PeopleRecords, EventRecords, EventsMissing,
                       QuoteRecords, NumberRecords, QuestionRecords, kPhases };
constexpr Phase kListPhases[kLists] = {PeopleRecords, EventRecords, QuoteRecords, NumberRecords, QuestionRecords};

// Reads the records as the JSON reader hands them over (stream(), record()), then the
// rest (finish()). A list is read as it streams in when the languages and every list
// before it are known by then, as in a pack written in the usual order; otherwise its
// records wait in the tree until the end.
class Loader : PathReporter {
public:
    Loader(std::string file, std::vector<Diagnostic>& out, Pack& pack, bool buffered)
        : PathReporter(std::move(file), out), pack_(&pack), buffered_(buffered), first_(out.size()) {}

    bool stream(JsonNode& root, const std::string& key);
    void record(const std::string& key, size_t index, JsonNode& element);
    void finish(JsonNode& root);

private:
    Pack* pack_ = nullptr;
    const bool buffered_;       // nothing streams: every record is read at the end
    const size_t first_;        // out_'s diagnostics from here on are this loader's
    std::vector<Phase> phases_; // per diagnostic from first_
    Phase phase_ = RootFields;
    bool languages_read_ = false;
    std::array<bool, kLists> streamed_{};
    std::array<size_t, kPhases> punctuation_in_phase_{};
    // ASCII punctuation in Chinese: one warning per text for the first few, then a count.
    static constexpr size_t kPunctuationWarnings = 10;
    size_t punctuation_found_ = 0;
    // Each text is looked up by language, and headlines and options are compared in each:
    // a bound on languages keeps a hostile pack's cost linear in its size.
    static constexpr size_t kMaxLanguages = 100;
    // "Did you mean" compares an unknown id with every known one: only this many per file
    // get a suggestion, so that a pack of near misses costs linear time, not quadratic.
    static constexpr size_t kSuggestedReferences = 16;
    size_t suggestions_left_ = kSuggestedReferences;
    std::unordered_map<std::string, size_t> people_ids_, event_ids_, quote_ids_, number_ids_, question_ids_;

    // Each diagnostic takes the phase it was reported in: set_phase() files those before.
    void set_phase(Phase phase) {
        phases_.resize(out_.size() - first_, phase_);
        phase_ = phase;
    }

    // Reports fields not in `allowed`, with a suggestion for near misses.
    bool check_object(JsonNode& j, const std::string& path, Term what, std::initializer_list<const char*> allowed) {
        if (!j.is_object()) {
            error(path, Problem::NotAnObject, {what, json_kind(j)});
            return false;
        }
        j.for_each_member([&](JsonNode& member) {
            const std::string& key = member.key();
            if (std::any_of(allowed.begin(), allowed.end(), [&](std::string_view a) { return key == a; })) return;
            const char* best = nullptr;
            size_t best_distance = 3;
            for (const char* a : allowed) {
                const size_t d = edit_distance(key, a, best_distance - 1);
                if (d < best_distance) best = a, best_distance = d;
            }
            if (best) error(pointer_append(path, key), Problem::MisspeltField, {key, what, best});
            else error(pointer_append(path, key), Problem::UnknownField, {key, what});
        });
        return true;
    }

    // A field's value; nullptr when absent or null: null means exactly what leaving the
    // field out means, for every field (required: missing; optional: not given).
    JsonNode* field(JsonNode& obj, const char* key) {
        JsonNode* v = obj.find(key);
        return v && !v->is_null() ? v : nullptr;
    }

    void missing(const std::string& path, const char* key, Term what) {
        error(pointer_append(path, key), Problem::MissingField, {key, what});
    }

    // Control characters would act on a terminal that shows the text; newline and tab
    // only belong in running text (see running_text()).
    template <class PathFn> bool check_characters(const std::string& s, PathFn path, bool line_breaks_allowed) {
        const std::string_view found = first_control_character(s, line_breaks_allowed);
        if (found.empty()) return true;
        error(path(), Problem::ControlCharacter, {printable(found)});
        return false;
    }

    bool has_string(JsonNode& obj, const char* key) {
        const JsonNode* v = field(obj, key);
        return v && v->is_string();
    }

    std::string string_field(JsonNode& obj, const std::string& path, const char* key, bool required, Term what) {
        JsonNode* v = field(obj, key);
        if (!v) {
            if (required) missing(path, key, what);
            return {};
        }
        if (!v->is_string()) {
            error(pointer_append(path, key), Problem::NotAString, {what, json_kind(*v)});
            return {};
        }
        check_characters(v->string(), [&] { return pointer_append(path, key); }, false);
        return std::move(v->string());
    }

    std::string id_field(JsonNode& obj, const std::string& path, Term what) {
        const bool given = has_string(obj, "id");
        std::string id = string_field(obj, path, "id", true, what);
        if (!given || valid_item_id(id) || find_control_character(id, false) != std::string::npos) return id;
        if (id.empty()) error(pointer_append(path, "id"), Problem::EmptyId);
        else error(pointer_append(path, "id"), Problem::InvalidId, {id});
        return id;
    }

    // Fields of running text may hold line breaks and tabs; names, headlines, prompts
    // and options are shown on one line.
    static bool running_text(Term what) {
        return what == Term::EventText || what == Term::PackDescription || what == Term::PersonDescription ||
               what == Term::DateNote || what == Term::SourceNote || what == Term::Explanation;
    }

    // Chinese text writes , . : ; ? ! ( ) next to Chinese characters full width.
    template <class PathFn> void check_punctuation(const std::string& text, const std::string& lang, PathFn path) {
        if (!is_chinese(lang)) return;
        const std::optional<MisplacedPunctuation> found = find_ascii_punctuation(text);
        if (!found) return;
        // Only the first few of the whole file are told, once sorted by phase (finish()).
        ++punctuation_found_;
        if (punctuation_in_phase_[phase_]++ < kPunctuationWarnings)
            warning(path(), Problem::AsciiPunctuation, {std::string(1, found->ascii), std::string(found->full_width)});
    }

    // `path` makes the JSON path on demand: building it for every value that turns out
    // fine would cost as much as a tenth of the load.
    template <class PathFn> LocalText text_value(JsonNode& v, PathFn path, Term what) {
        LocalText t;
        if (v.is_string()) {
            if (v.string().empty()) error(path(), Problem::EmptyText, {what});
            check_characters(v.string(), path, running_text(what));
            check_punctuation(v.string(), pack_->default_language, path);
            t.by_lang.emplace_back(pack_->default_language, std::move(v.string()));
        } else if (v.is_object()) {
            v.for_each_member([&](JsonNode& item) {
                auto p = [&] { return pointer_append(path(), item.key()); };
                if (!pack_->has_language(item.key())) {
                    error(p(), Problem::UndeclaredLanguage, {item.key()});
                } else if (!item.is_string()) {
                    error(p(), Problem::TranslationNotAString, {json_kind(item)});
                } else if (item.string().empty()) {
                    error(p(), Problem::EmptyTranslation, {what});
                } else {
                    check_characters(item.string(), p, running_text(what));
                    check_punctuation(item.string(), item.key(), p);
                    t.by_lang.emplace_back(item.key(), std::move(item.string()));
                }
            });
            if (v.empty()) error(path(), Problem::NoTranslations, {what, pack_->default_language});
        } else {
            error(path(), Problem::NotText, {what, pack_->default_language, json_kind(v)});
        }
        return t;
    }

    LocalText text_field(JsonNode& obj, const std::string& path, const char* key, bool required, Term what) {
        JsonNode* v = field(obj, key);
        if (!v) {
            if (required) missing(path, key, what);
            return {};
        }
        return text_value(*v, [&] { return pointer_append(path, key); }, what);
    }

    // An array field; returns nullptr (after reporting) when present but not an array.
    JsonNode* array_field(JsonNode& obj, const std::string& path, const char* key, Term what) {
        JsonNode* v = field(obj, key);
        if (!v) return nullptr;
        if (!v->is_array()) {
            error(pointer_append(path, key), Problem::NotAnArray, {what, json_kind(*v)});
            return nullptr;
        }
        return v;
    }

    // Resolves a reference to an id declared elsewhere; nullopt (after reporting) if unknown.
    template <class PathFn> std::optional<size_t> reference(JsonNode& v, PathFn path, const std::unordered_map<std::string, size_t>& ids,
                  Term what, const char* where_declared) {
        if (!v.is_string()) {
            error(path(), Problem::ReferenceNotAString, {what, json_kind(v)});
            return std::nullopt;
        }
        const std::string& id = v.string();
        auto it = ids.find(id);
        if (it != ids.end()) return it->second;
        std::string best;
        if (suggestions_left_ > 0) {
            --suggestions_left_;
            size_t best_distance = 3;
            for (const auto& [known, index] : ids) {
                const size_t d = edit_distance(id, known, 2);
                if (d < best_distance || (d == best_distance && !best.empty() && known < best))
                    best = known, best_distance = d;
            }
        }
        if (best.empty()) error(path(), Problem::UnknownReference, {what, id, where_declared});
        else error(path(), Problem::MisspeltReference, {what, id, best});
        return std::nullopt;
    }

    std::optional<size_t> optional_reference(JsonNode& obj, const std::string& path, const char* key,
                                             const std::unordered_map<std::string, size_t>& ids, Term what,
                                             const char* declared) {
        JsonNode* v = field(obj, key);
        if (!v) return std::nullopt;
        return reference(*v, [&] { return pointer_append(path, key); }, ids, what, declared);
    }

    template <class PathFn> std::optional<PartialDate> date_end(JsonNode& v, PathFn path) {
        Issue why;
        std::optional<PartialDate> d;
        if (v.is_string()) {
            d = parse_partial_date(v.string(), why);
        } else if (v.is_number_unsigned() && v.as_unsigned() > static_cast<uint64_t>(kMaxAbsYear)) {
            why = {Problem::YearOutOfRange, {std::to_string(v.as_unsigned())}};
        } else if (v.is_number_integer()) {
            d = year_date(v.as_int(), why);
        } else if (v.is_number_float() && std::trunc(v.as_double()) == v.as_double() &&
                   std::fabs(v.as_double()) <= static_cast<double>(kMaxAbsYear)) {
            d = year_date(static_cast<int64_t>(v.as_double()), why); // 2023.0 is a whole year too
        } else {
            why = {Problem::NotADateValue, {json_kind(v)}};
        }
        if (!d) report(Severity::Error, path(), std::move(why));
        return d;
    }

    template <class PathFn> std::optional<DateSpec> date_value(JsonNode& v, PathFn path) {
        if (v.is_object()) {
            if (!check_object(v, path(), Term::DateRange, {"from", "to"})) return std::nullopt;
            JsonNode* from = field(v, "from");
            JsonNode* to = field(v, "to");
            if (!from || !to) {
                error(path(), Problem::RangeWithoutEnds);
                return std::nullopt;
            }
            auto a = date_end(*from, [&] { return pointer_append(path(), "from"); });
            auto b = date_end(*to, [&] { return pointer_append(path(), "to"); });
            if (!a || !b) return std::nullopt;
            DateSpec spec{*a, *b};
            const DayInterval in = spec.interval();
            if (in.latest < in.earliest) {
                error(path(), Problem::RangeBackwards, {iso(*b), iso(*a)});
                return std::nullopt;
            }
            return spec;
        }
        auto d = date_end(v, path);
        if (!d) return std::nullopt;
        return DateSpec{*d, *d};
    }

    // One element of a list: read, checked for a repeated id, kept.
    template <class Record, class ReadOne>
    void read_record(JsonNode& element, size_t index, List list, std::vector<Record>& out,
                     std::unordered_map<std::string, size_t>& ids, ReadOne read_one) {
        const std::string list_path = pointer_append("", kListKeys[static_cast<size_t>(list)]);
        const std::string path = pointer_append(list_path, std::to_string(index));
        Record r;
        if (!read_one(element, path, r)) return;
        if (valid_item_id(r.id)) {
            auto [it, fresh] = ids.emplace(r.id, out.size());
            if (!fresh) {
                error(pointer_append(path, "id"), Problem::DuplicateId, {r.id, list_path + "/" + std::to_string(it->second)});
                return;
            }
        }
        out.push_back(std::move(r));
    }

    void read_element(List list, JsonNode& j, size_t index) {
        Pack& p = *pack_;
        set_phase(kListPhases[static_cast<size_t>(list)]);
        switch (list) {
        case List::People:
            return read_record(j, index, list, p.people, people_ids_, [&](JsonNode& r, const std::string& path, Person& out) { return read_person(r, path, out); });
        case List::Events:
            return read_record(j, index, list, p.events, event_ids_, [&](JsonNode& r, const std::string& path, Event& out) { return read_event(r, path, out); });
        case List::Quotes:
            return read_record(j, index, list, p.quotes, quote_ids_, [&](JsonNode& r, const std::string& path, Quote& out) { return read_quote(r, path, out); });
        case List::Numbers:
            return read_record(j, index, list, p.numbers, number_ids_, [&](JsonNode& r, const std::string& path, NumberFact& out) { return read_number(r, path, out); });
        case List::Questions:
            return read_record(j, index, list, p.questions, question_ids_, [&](JsonNode& r, const std::string& path, AuthoredQuestion& out) { return read_question(r, path, out); });
        }
    }

    // A list that did not stream, from the tree.
    void read_list(JsonNode& root, List list) {
        static constexpr Term kWhat[kLists] = {Term::People, Term::Events, Term::Quotes, Term::Numbers, Term::Questions};
        set_phase(kListPhases[static_cast<size_t>(list)]);
        JsonNode* elements = array_field(root, "", kListKeys[static_cast<size_t>(list)], kWhat[static_cast<size_t>(list)]);
        if (!elements) return;
        reserve(list, elements->size());
        elements->for_each_element([&](size_t i, JsonNode& element) { read_element(list, element, i); });
    }

    void reserve(List list, size_t n) {
        Pack& p = *pack_;
        switch (list) {
        case List::People: p.people.reserve(n), people_ids_.reserve(n); break;
        case List::Events: p.events.reserve(n), event_ids_.reserve(n); break;
        case List::Quotes: p.quotes.reserve(n), quote_ids_.reserve(n); break;
        case List::Numbers: p.numbers.reserve(n), number_ids_.reserve(n); break;
        case List::Questions: p.questions.reserve(n), question_ids_.reserve(n); break;
        }
    }

    // Diagnostics in phase order, and only the first few punctuation warnings of all.
    void sort_by_phase() {
        set_phase(phase_);
        std::vector<size_t> order(phases_.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return phases_[a] < phases_[b]; });
        std::vector<Diagnostic> sorted;
        sorted.reserve(order.size());
        size_t punctuation = 0;
        for (size_t i : order) {
            Diagnostic& d = out_[first_ + i];
            if (d.issue.problem == Problem::AsciiPunctuation && punctuation++ >= kPunctuationWarnings) continue;
            sorted.push_back(std::move(d));
        }
        out_.resize(first_);
        std::move(sorted.begin(), sorted.end(), std::back_inserter(out_));
    }

    bool errors_before(Phase phase) {
        set_phase(phase_);
        for (size_t i = 0; i < phases_.size(); ++i)
            if (phases_[i] < phase && out_[first_ + i].severity == Severity::Error) return true;
        return false;
    }

    // -----------------------------------------------------------------------
    // 3. Records
    // -----------------------------------------------------------------------

    void read_head(JsonNode& root) {
        Pack& p = *pack_;
        set_phase(Head);
        string_field(root, "", "$schema", false, Term::SchemaPath); // for editors; only its type is checked
        const bool format_given = has_string(root, "format");
        const std::string format = string_field(root, "", "format", true, Term::PackFormat);
        if (format_given && format != kPackFormat) error("/format", Problem::UnknownFormat, {format, kPackFormat});
        p.id = id_field(root, "", Term::PackId);
        if (std::any_of(p.id.begin(), p.id.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            error("/id", Problem::UpperCasePackId, {lower(p.id)});
        p.version = string_field(root, "", "version", false, Term::PackVersion);
        p.licence = string_field(root, "", "licence", false, Term::PackLicence);
    }

    // Every text needs the languages: with none, nothing more can be checked.
    void read_languages(JsonNode& root) {
        Pack& p = *pack_;
        set_phase(Languages);
        languages_read_ = true;
        JsonNode* langs = array_field(root, "", "languages", Term::LanguageCodes);
        if (langs && langs->size() > kMaxLanguages) {
            error("/languages", Problem::TooManyLanguages, {std::to_string(langs->size()), std::to_string(kMaxLanguages)});
            langs = nullptr; // and so no language: nothing more is checked
        }
        if (langs) {
            langs->for_each_element([&](size_t i, JsonNode& l) {
                const std::string path = "/languages/" + std::to_string(i);
                if (!l.is_string() || !valid_language_code(l.string())) {
                    error(path, Problem::NotALanguageCode);
                } else if (p.has_language(l.string())) {
                    error(path, Problem::LanguageTwice, {l.string()});
                } else {
                    p.languages.push_back(l.string());
                }
            });
        }
        if (!field(root, "languages")) missing("", "languages", Term::PackLanguages);
        else if (p.languages.empty() && langs) error("/languages", Problem::NoLanguages);

        const bool default_given = has_string(root, "default_language");
        p.default_language = string_field(root, "", "default_language", true, Term::DefaultLanguage);
        if (default_given && !p.languages.empty() && !p.has_language(p.default_language)) {
            error("/default_language", Problem::DefaultLanguageNotListed, {p.default_language});
        }
        if (!p.languages.empty() && p.default_language.empty()) p.default_language = p.languages.front();
    }

    void read_tail(JsonNode& root) {
        Pack& p = *pack_;
        set_phase(Tail);
        p.title = text_field(root, "", "title", true, Term::PackTitle);
        p.description = text_field(root, "", "description", false, Term::PackDescription);
        p.author = text_field(root, "", "author", false, Term::PackAuthor);
        if (JsonNode* src = field(root, "source")) {
            if (check_object(*src, "/source", Term::SourceRecord, {"title", "url", "note", "date"})) {
                p.source.title = text_field(*src, "/source", "title", false, Term::SourceTitle);
                p.source.url = string_field(*src, "/source", "url", false, Term::SourceUrl);
                p.source.note = text_field(*src, "/source", "note", false, Term::SourceNote);
                if (JsonNode* d = field(*src, "date")) p.source.date = date_value(*d, [] { return std::string("/source/date"); });
            }
        }
    }

    bool read_person(JsonNode& j, const std::string& path, Person& person) {
        if (!check_object(j, path, Term::PersonRecord, {"id", "kind", "name", "display", "aliases", "description"}))
            return false;
        person.id = id_field(j, path, Term::PersonId);
        const bool kind_given = has_string(j, "kind");
        const std::string kind = string_field(j, path, "kind", false, Term::PersonKind);
        if (kind == "organization") person.kind = PersonKind::Organization;
        else if (kind == "group") person.kind = PersonKind::Group;
        else if (kind_given && kind != "person")
            error(pointer_append(path, "kind"), Problem::UnknownPersonKind, {kind});
        person.name = text_field(j, path, "name", true, Term::PersonName);
        person.display = text_field(j, path, "display", false, Term::DisplayName);
        if (JsonNode* aliases = array_field(j, path, "aliases", Term::Aliases)) {
            aliases->for_each_element([&](size_t i, JsonNode& alias) {
                const auto alias_path = [&] { return pointer_append(pointer_append(path, "aliases"), std::to_string(i)); };
                if (!alias.is_string()) error(alias_path(), Problem::AliasNotAString);
                else if (check_characters(alias.string(), alias_path, false)) person.aliases.push_back(std::move(alias.string()));
            });
        }
        person.description = text_field(j, path, "description", false, Term::PersonDescription);
        return true;
    }

    bool read_event(JsonNode& j, const std::string& path, Event& e) {
        if (!check_object(j, path, Term::EventRecord,
                          {"id", "date", "end", "date_source", "date_note", "headline", "text", "actors", "who", "tags"}))
            return false;
        e.id = id_field(j, path, Term::EventId);
        if (JsonNode* d = field(j, "date")) {
            e.date = date_value(*d, [&] { return pointer_append(path, "date"); });
            if (e.date) e.interval = e.date->interval();
        }
        if (JsonNode* d = field(j, "end")) {
            const auto end_path = [&] { return pointer_append(path, "end"); };
            e.end = date_value(*d, end_path);
            if (e.end && !e.date) {
                error(end_path(), Problem::EndWithoutDate);
                e.end.reset();
            } else if (e.end && e.end->interval().latest < e.interval.earliest) {
                error(end_path(), Problem::EventEndsBeforeItBegins, {*e.end, *e.date});
                e.end.reset();
            }
        }
        read_date_source(j, path, e);
        e.date_note = text_field(j, path, "date_note", false, Term::DateNote);
        e.headline = text_field(j, path, "headline", true, Term::Headline);
        e.text = text_field(j, path, "text", true, Term::EventText);
        if (JsonNode* actors = array_field(j, path, "actors", Term::ActorIds)) {
            const std::string p = pointer_append(path, "actors");
            actors->for_each_element([&](size_t i, JsonNode& actor) {
                const auto who = reference(actor, [&] { return pointer_append(p, std::to_string(i)); }, people_ids_, Term::Person, "people");
                if (who) e.actors.push_back(*who);
            });
        }
        e.who = text_field(j, path, "who", false, Term::WhoPhrase);
        const JsonNode* actors_field = field(j, "actors");
        if (!e.who.empty() && (!actors_field || (actors_field->is_array() && actors_field->empty())))
            error(pointer_append(path, "who"), Problem::WhoWithoutActors);
        if (JsonNode* tags = array_field(j, path, "tags", Term::Tags)) {
            tags->for_each_element([&](size_t i, JsonNode& tag) {
                const auto tag_path = [&] { return pointer_append(pointer_append(path, "tags"), std::to_string(i)); };
                if (!tag.is_string()) error(tag_path(), Problem::TagNotAString);
                else if (check_characters(tag.string(), tag_path, false)) e.tags.push_back(std::move(tag.string()));
            });
        }
        return true;
    }

    void read_date_source(JsonNode& j, const std::string& path, Event& e) {
        if (!has_string(j, "date_source")) {
            string_field(j, path, "date_source", false, Term::DateSource); // reports a value that is no string
            return;
        }
        const std::string& given = field(j, "date_source")->string();
        const auto source_path = [&] { return pointer_append(path, "date_source"); };
        if (given == "source") e.date_source = DateSource::Source;
        else if (given == "public_record") e.date_source = DateSource::PublicRecord;
        else if (given == "estimate") e.date_source = DateSource::Estimate;
        else error(source_path(), Problem::UnknownDateSource, {given});
        if (!e.date && e.date_source != DateSource::Unstated) {
            error(source_path(), Problem::DateSourceWithoutDate);
            e.date_source = DateSource::Unstated;
        }
    }

    bool read_quote(JsonNode& j, const std::string& path, Quote& q) {
        if (!check_object(j, path, Term::QuoteRecord, {"id", "text", "speaker", "event", "catchphrase"})) return false;
        q.id = id_field(j, path, Term::QuoteId);
        q.text = text_field(j, path, "text", true, Term::QuoteText);
        if (JsonNode* s = field(j, "speaker"))
            q.speaker = reference(*s, [&] { return pointer_append(path, "speaker"); }, people_ids_, Term::Person, "people").value_or(0);
        else
            missing(path, "speaker", Term::Speaker);
        q.event = optional_reference(j, path, "event", event_ids_, Term::Event, "events");
        if (JsonNode* c = field(j, "catchphrase")) {
            if (c->is_boolean()) q.catchphrase = c->as_bool();
            else error(pointer_append(path, "catchphrase"), Problem::FlagNotABoolean, {json_kind(*c)});
        }
        return true;
    }

    bool read_number(JsonNode& j, const std::string& path, NumberFact& n) {
        if (!check_object(j, path, Term::NumberRecord, {"id", "value", "unit", "question", "event"})) return false;
        n.id = id_field(j, path, Term::NumberId);
        JsonNode* v = field(j, "value");
        if (!v) missing(path, "value", Term::NumberValue);
        else if (!v->is_number() || !std::isfinite(v->as_double()))
            error(pointer_append(path, "value"), Problem::NotANumberValue, {json_kind(*v)});
        else
            n.value = v->as_double();
        n.unit = text_field(j, path, "unit", false, Term::Unit);
        n.question = text_field(j, path, "question", true, Term::NumberQuestion);
        n.event = optional_reference(j, path, "event", event_ids_, Term::Event, "events");
        return true;
    }

    bool read_question(JsonNode& j, const std::string& path, AuthoredQuestion& q) {
        if (!check_object(j, path, Term::QuestionRecord,
                          {"id", "type", "prompt", "options", "answer", "explanation", "events"}))
            return false;
        q.id = id_field(j, path, Term::QuestionId);
        const bool type_given = has_string(j, "type");
        const std::string type = string_field(j, path, "type", true, Term::QuestionType);
        q.prompt = text_field(j, path, "prompt", true, Term::Prompt);
        q.explanation = text_field(j, path, "explanation", false, Term::Explanation);
        if (JsonNode* evs = array_field(j, path, "events", Term::QuestionEvents)) {
            evs->for_each_element([&](size_t i, JsonNode& ev) {
                const auto e = reference(ev, [&] { return pointer_append(pointer_append(path, "events"), std::to_string(i)); },
                                         event_ids_, Term::Event, "events");
                if (e) q.events.push_back(*e);
            });
        }
        if (type == "true_false") {
            q.type = AuthoredQuestion::Type::TrueFalse;
            JsonNode* a = field(j, "answer");
            if (!a) missing(path, "answer", Term::TrueOrFalse);
            else if (!a->is_boolean()) error(pointer_append(path, "answer"), Problem::AnswerNotABoolean, {json_kind(*a)});
            else q.answer = a->as_bool();
            if (field(j, "options")) error(pointer_append(path, "options"), Problem::OptionsInTrueFalse);
        } else if (type == "multiple_choice") {
            q.type = AuthoredQuestion::Type::MultipleChoice;
            JsonNode* opts = array_field(j, path, "options", Term::OptionList);
            const std::string opath = pointer_append(path, "options");
            if (!field(j, "options")) missing(path, "options", Term::Options);
            if (opts) {
                opts->for_each_element([&](size_t i, JsonNode& o) {
                    const std::string p = pointer_append(opath, std::to_string(i));
                    if (!check_object(o, p, Term::OptionRecord, {"text", "correct"})) return;
                    AuthoredQuestion::Choice c;
                    c.text = text_field(o, p, "text", true, Term::OptionText);
                    if (JsonNode* cor = field(o, "correct")) {
                        if (cor->is_boolean()) c.correct = cor->as_bool();
                        else error(pointer_append(p, "correct"), Problem::CorrectNotABoolean);
                    }
                    q.choices.push_back(std::move(c));
                });
                const auto right = std::count_if(q.choices.begin(), q.choices.end(), [](auto& c) { return c.correct; });
                if (opts->size() < 2 || opts->size() > 6)
                    error(opath, Problem::OptionCount, {std::to_string(opts->size())});
                else if (right != 1)
                    error(opath, Problem::CorrectOptionCount, {std::to_string(right)});
                else if (q.choices.size() == opts->size())
                    check_distinct_options(q.choices, opath);
            }
            if (field(j, "answer")) error(pointer_append(path, "answer"), Problem::AnswerInMultipleChoice);
        } else if (type_given) {
            error(pointer_append(path, "type"), Problem::UnknownQuestionType, {type});
        }
        return true;
    }


    // Two options that read the same leave no single right answer.
    void check_distinct_options(const std::vector<AuthoredQuestion::Choice>& choices, const std::string& opath) {
        std::vector<const LocalText*> texts;
        for (const auto& c : choices) texts.push_back(&c.text);
        find_same_texts(texts, pack_->default_language, [&](size_t k, size_t i, const std::string& lang, const std::string& text) {
            const std::string path = pointer_append(pointer_append(opath, std::to_string(i)), "text");
            const std::string other = pointer_append(opath, std::to_string(k));
            if (pack_->languages.size() > 1) error(path, Problem::SameOptionTextInLanguage, {text, other, lang});
            else error(path, Problem::SameOptionText, {text, other});
        });
    }

};

bool Loader::stream(JsonNode& root, const std::string& key) {
    const auto* at = std::find_if(std::begin(kListKeys), std::end(kListKeys), [&](const char* k) { return key == k; });
    if (buffered_ || at == std::end(kListKeys)) return false;
    const size_t list = static_cast<size_t>(at - std::begin(kListKeys));
    if (!languages_read_) {
        if (!root.find("languages") || !root.find("default_language")) return false;
        read_languages(root);
    }
    for (size_t before = 0; before < list; ++before)
        if (!streamed_[before]) return false;
    streamed_[list] = true;
    return true;
}

void Loader::record(const std::string& key, size_t index, JsonNode& element) {
    if (pack_->languages.empty()) return; // nothing is read without languages
    const auto* at = std::find_if(std::begin(kListKeys), std::end(kListKeys), [&](const char* k) { return key == k; });
    read_element(static_cast<List>(at - std::begin(kListKeys)), element, index);
}

void Loader::finish(JsonNode& root) {
    Pack& pack = *pack_;
    set_phase(RootFields);
    if (!check_object(root, "", Term::PackRecord,
                      {"$schema", "format", "id", "version", "author", "licence", "title", "description",
                       "languages", "default_language", "source", "people", "events", "quotes", "numbers",
                       "questions"}))
        return;
    read_head(root);
    if (!languages_read_) read_languages(root);
    if (pack.languages.empty()) return sort_by_phase();
    read_tail(root);
    for (size_t list = 0; list < kLists; ++list) {
        if (!streamed_[list]) read_list(root, static_cast<List>(list));
        if (static_cast<List>(list) != List::Events) continue;
        set_phase(EventsMissing);
        if (!field(root, "events")) missing("", "events", Term::PackEvents);
        else if (pack.events.empty() && !errors_before(EventsMissing)) error("/events", Problem::NoEvents);
    }
    sort_by_phase();
    check_across_records(pack, file_, out_);
    if (punctuation_found_ > kPunctuationWarnings)
        warning("", Problem::MoreAsciiPunctuation, {std::to_string(punctuation_found_ - kPunctuationWarnings)});
    if (has_errors(out_)) return;
    index_pack(pack, file_, out_);
}

// Whether some member of the root comes twice: nlohmann keeps the last, so what was read
// as it streamed in (records, or the languages they were read in) may not be what the
// pack says.
bool repeats_a_key(JsonNode& root) {
    if (!root.is_object()) return false;
    std::vector<const std::string*> keys;
    root.for_each_member([&](JsonNode& m) { keys.push_back(&m.key()); });
    return keys.size() != root.size();
}

} // namespace

namespace {

// The loader over a parse of the pack: parse(handler, nodes, refused) reads the JSON and
// says whether it was read; locate(diagnostics) places the diagnostics in its text.
// nullopt when the parse failed without a diagnostic (the caller then tries the text).
template <class Parse, class Locate>
std::optional<LoadResult> run_loader(const std::string& file, Parse parse, Locate locate) {
    // A pack whose root repeats a member is read again with nothing streamed.
    for (const bool buffered : {false, true}) {
        LoadResult result;
        Pack pack;
        pack.path = file;
        Loader loader(file, result.diagnostics, pack, buffered);
        JsonRecordHandler handler{[&](JsonNode& root, const std::string& key) { return loader.stream(root, key); },
                                  [&](const std::string& key, size_t index, JsonNode& element) { loader.record(key, index, element); }};
        std::vector<JsonNode> nodes;
        std::vector<Diagnostic> refused;
        if (!parse(handler, nodes, refused)) {
            if (refused.empty()) return std::nullopt;
            result.diagnostics = std::move(refused); // what streamed before the error does not count
            return result;
        }
        if (!buffered && repeats_a_key(nodes.front())) continue;
        loader.finish(nodes.front());
        if (!result.diagnostics.empty()) locate(result.diagnostics);
        if (!has_errors(result.diagnostics)) result.pack = std::move(pack);
        return result;
    }
    return std::nullopt;
}

} // namespace

LoadResult load_pack_text(const std::string& text, const std::string& file) {
    const auto parse = [&](const JsonRecordHandler& handler, std::vector<JsonNode>& nodes, std::vector<Diagnostic>& refused) {
        return read_json_records(text, file, handler, nodes, refused);
    };
    return *run_loader(file, parse, [&](std::vector<Diagnostic>& ds) { locate_diagnostics(text, ds); });
}

LoadResult load_pack_file(const std::string& path) {
    LoadResult r;
    if (path != "-") {
        // Parsed as it is read, and read again to place diagnostics, so that a big pack's
        // text is never held whole; it is, to say why a file is not JSON.
        const int fd = open_input_file(path, r.diagnostics);
        if (fd < 0) return r;
        const auto parse = [&](const JsonRecordHandler& handler, std::vector<JsonNode>& nodes, std::vector<Diagnostic>&) {
            return read_json_file_records(fd, handler, nodes);
        };
        const auto locate = [&](std::vector<Diagnostic>& ds) { locate_diagnostics_in_file(fd, ds); };
        std::optional<LoadResult> streamed = run_loader(path, parse, locate);
        close(fd);
        if (streamed) return std::move(*streamed);
    }
    if (std::optional<std::string> text = read_input_file(path, r.diagnostics)) return load_pack_text(*text, path);
    return r;
}

} // namespace chronicle
