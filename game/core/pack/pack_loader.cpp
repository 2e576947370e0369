// Index
//   1. Small helpers (size, BOM, UTF-8 and depth are checked by json_text)
//   2. Field readers: typed access that reports wrong types, unknown and missing fields
//   3. Records: metadata, people, events, quotes, numbers, hand-written questions
//   4. Cross-checks, warnings and the index the generator uses
#include "core/pack/pack_loader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>
#include <set>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/base/json_locate.h"
#include "core/base/json_text.h"

namespace chronicle {

using nlohmann::json;

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

class Loader {
public:
    Loader(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}

    void load(json& root, Pack& pack);

private:
    std::string file_;
    std::vector<Diagnostic>& out_;
    Pack* pack_ = nullptr;
    static constexpr size_t kUndatedWarnings = 5;
    // Each text is looked up by language, and headlines and options are compared in each:
    // a bound on languages keeps a hostile pack's cost linear in its size.
    static constexpr size_t kMaxLanguages = 100;
    // "Did you mean" compares an unknown id with every known one: only this many per file
    // get a suggestion, so that a pack of near misses costs linear time, not quadratic.
    static constexpr size_t kSuggestedReferences = 16;
    size_t suggestions_left_ = kSuggestedReferences;
    std::unordered_map<std::string, size_t> people_ids_, event_ids_, quote_ids_, number_ids_, question_ids_;

    // Positions are found for all diagnostics at once, after loading (see locate()).
    void report(Severity sev, const std::string& path, Issue issue) {
        Diagnostic d;
        d.severity = sev;
        d.file = file_;
        d.path = path;
        d.issue = std::move(issue);
        out_.push_back(std::move(d));
    }
    void error(const std::string& path, Problem p, std::vector<Detail> details = {}) {
        report(Severity::Error, path, {p, std::move(details)});
    }
    void warning(const std::string& path, Problem p, std::vector<Detail> details = {}) {
        report(Severity::Warning, path, {p, std::move(details)});
    }

    // Reports fields not in `allowed`, with a suggestion for near misses.
    bool check_object(const json& j, const std::string& path, Term what, std::initializer_list<const char*> allowed) {
        if (!j.is_object()) {
            error(path, Problem::NotAnObject, {what, json_kind(j)});
            return false;
        }
        for (const auto& item : j.items()) {
            const std::string& key = item.key();
            if (std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) continue;
            const char* best = nullptr;
            size_t best_distance = 3;
            for (const char* a : allowed) {
                const size_t d = edit_distance(key, a, best_distance - 1);
                if (d < best_distance) best = a, best_distance = d;
            }
            if (best) error(pointer_append(path, key), Problem::MisspeltField, {key, what, best});
            else error(pointer_append(path, key), Problem::UnknownField, {key, what});
        }
        return true;
    }

    // A field's value; nullptr when absent or null: null means exactly what leaving the
    // field out means, for every field (required: missing; optional: not given).
    json* field(json& obj, const char* key) {
        auto it = obj.find(key);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
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

    bool has_string(json& obj, const char* key) {
        const json* v = field(obj, key);
        return v && v->is_string();
    }

    std::string string_field(json& obj, const std::string& path, const char* key, bool required, Term what) {
        json* v = field(obj, key);
        if (!v) {
            if (required) missing(path, key, what);
            return {};
        }
        if (!v->is_string()) {
            error(pointer_append(path, key), Problem::NotAString, {what, json_kind(*v)});
            return {};
        }
        check_characters(v->get_ref<const std::string&>(), [&] { return pointer_append(path, key); }, false);
        return std::move(v->get_ref<std::string&>());
    }

    std::string id_field(json& obj, const std::string& path, Term what) {
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

    // `path` makes the JSON path on demand: building it for every value that turns out
    // fine would cost as much as a tenth of the load.
    template <class PathFn> LocalText text_value(json& v, PathFn path, Term what) {
        LocalText t;
        if (v.is_string()) {
            if (v.get_ref<std::string&>().empty()) error(path(), Problem::EmptyText, {what});
            check_characters(v.get_ref<const std::string&>(), path, running_text(what));
            t.by_lang.emplace_back(pack_->default_language, std::move(v.get_ref<std::string&>()));
        } else if (v.is_object()) {
            for (auto& item : v.items()) {
                auto p = [&] { return pointer_append(path(), item.key()); };
                if (!pack_->has_language(item.key())) {
                    error(p(), Problem::UndeclaredLanguage, {item.key()});
                } else if (!item.value().is_string()) {
                    error(p(), Problem::TranslationNotAString, {json_kind(item.value())});
                } else if (item.value().get_ref<const std::string&>().empty()) {
                    error(p(), Problem::EmptyTranslation, {what});
                } else {
                    check_characters(item.value().get_ref<const std::string&>(), p, running_text(what));
                    t.by_lang.emplace_back(item.key(), std::move(item.value().get_ref<std::string&>()));
                }
            }
            if (v.empty()) error(path(), Problem::NoTranslations, {what, pack_->default_language});
        } else {
            error(path(), Problem::NotText, {what, pack_->default_language, json_kind(v)});
        }
        return t;
    }

    LocalText text_field(json& obj, const std::string& path, const char* key, bool required, Term what) {
        json* v = field(obj, key);
        if (!v) {
            if (required) missing(path, key, what);
            return {};
        }
        return text_value(*v, [&] { return pointer_append(path, key); }, what);
    }

    // An array field; returns nullptr (after reporting) when present but not an array.
    json* array_field(json& obj, const std::string& path, const char* key, Term what) {
        json* v = field(obj, key);
        if (!v) return nullptr;
        if (!v->is_array()) {
            error(pointer_append(path, key), Problem::NotAnArray, {what, json_kind(*v)});
            return nullptr;
        }
        return v;
    }

    // Resolves a reference to an id declared elsewhere; nullopt (after reporting) if unknown.
    template <class PathFn> std::optional<size_t> reference(json& v, PathFn path, const std::unordered_map<std::string, size_t>& ids,
                  Term what, const char* where_declared) {
        if (!v.is_string()) {
            error(path(), Problem::ReferenceNotAString, {what, json_kind(v)});
            return std::nullopt;
        }
        const std::string& id = v.get_ref<std::string&>();
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

    std::optional<size_t> optional_reference(json& obj, const std::string& path, const char* key,
                                             const std::unordered_map<std::string, size_t>& ids, Term what,
                                             const char* declared) {
        json* v = field(obj, key);
        if (!v) return std::nullopt;
        return reference(*v, [&] { return pointer_append(path, key); }, ids, what, declared);
    }

    template <class PathFn> std::optional<PartialDate> date_end(json& v, PathFn path) {
        Issue why;
        std::optional<PartialDate> d;
        if (v.is_string()) {
            d = parse_partial_date(v.get_ref<const std::string&>(), why);
        } else if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(kMaxAbsYear)) {
            why = {Problem::YearOutOfRange, {std::to_string(v.get<uint64_t>())}};
        } else if (v.is_number_integer()) {
            d = year_date(v.get<int64_t>(), why);
        } else if (v.is_number_float() && std::trunc(v.get<double>()) == v.get<double>() &&
                   std::fabs(v.get<double>()) <= static_cast<double>(kMaxAbsYear)) {
            d = year_date(static_cast<int64_t>(v.get<double>()), why); // 2023.0 is a whole year too
        } else {
            why = {Problem::NotADateValue, {json_kind(v)}};
        }
        if (!d) report(Severity::Error, path(), std::move(why));
        return d;
    }

    template <class PathFn> std::optional<DateSpec> date_value(json& v, PathFn path) {
        if (v.is_object()) {
            if (!check_object(v, path(), Term::DateRange, {"from", "to"})) return std::nullopt;
            json* from = field(v, "from");
            json* to = field(v, "to");
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

    template <class Record, class ReadOne>
    void read_list(json& root, const char* key, Term what, std::vector<Record>& out,
                   std::unordered_map<std::string, size_t>* ids, ReadOne read_one) {
        json* list = array_field(root, "", key, what);
        if (!list) return;
        out.reserve(list->size());
        if (ids) ids->reserve(list->size());
        const std::string list_path = pointer_append("", key);
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string path = pointer_append(list_path, std::to_string(i));
            Record r;
            if (!read_one((*list)[i], path, r)) continue;
            if (ids && valid_item_id(r.id)) {
                auto [it, fresh] = ids->emplace(r.id, out.size());
                if (!fresh) {
                    error(pointer_append(path, "id"), Problem::DuplicateId,
                          {r.id, list_path + "/" + std::to_string(it->second)});
                    continue;
                }
            }
            out.push_back(std::move(r));
        }
    }

    // -----------------------------------------------------------------------
    // 3. Records
    // -----------------------------------------------------------------------

    void read_metadata(json& root) {
        Pack& p = *pack_;
        string_field(root, "", "$schema", false, Term::SchemaPath); // for editors; only its type is checked
        const bool format_given = has_string(root, "format");
        const std::string format = string_field(root, "", "format", true, Term::PackFormat);
        if (format_given && format != kPackFormat) error("/format", Problem::UnknownFormat, {format, kPackFormat});
        p.id = id_field(root, "", Term::PackId);
        if (std::any_of(p.id.begin(), p.id.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            error("/id", Problem::UpperCasePackId, {lower(p.id)});
        p.version = string_field(root, "", "version", false, Term::PackVersion);
        p.licence = string_field(root, "", "licence", false, Term::PackLicence);

        json* langs = array_field(root, "", "languages", Term::LanguageCodes);
        if (langs && langs->size() > kMaxLanguages) {
            error("/languages", Problem::TooManyLanguages, {std::to_string(langs->size()), std::to_string(kMaxLanguages)});
            langs = nullptr; // and so no language: nothing more is checked
        }
        if (langs) {
            for (size_t i = 0; i < langs->size(); ++i) {
                json& l = (*langs)[i];
                const std::string path = "/languages/" + std::to_string(i);
                if (!l.is_string() || !valid_language_code(l.get_ref<const std::string&>())) {
                    error(path, Problem::NotALanguageCode);
                } else if (p.has_language(l.get_ref<const std::string&>())) {
                    error(path, Problem::LanguageTwice, {l.get<std::string>()});
                } else {
                    p.languages.push_back(l.get<std::string>());
                }
            }
        }
        if (!field(root, "languages")) missing("", "languages", Term::PackLanguages);
        else if (p.languages.empty() && langs) error("/languages", Problem::NoLanguages);

        const bool default_given = has_string(root, "default_language");
        p.default_language = string_field(root, "", "default_language", true, Term::DefaultLanguage);
        if (default_given && !p.languages.empty() && !p.has_language(p.default_language)) {
            error("/default_language", Problem::DefaultLanguageNotListed, {p.default_language});
        }
        if (p.languages.empty()) return; // every text needs its languages: nothing more can be checked
        if (p.default_language.empty()) p.default_language = p.languages.front();

        p.title = text_field(root, "", "title", true, Term::PackTitle);
        p.description = text_field(root, "", "description", false, Term::PackDescription);
        p.author = text_field(root, "", "author", false, Term::PackAuthor);
        if (json* src = field(root, "source")) {
            if (check_object(*src, "/source", Term::SourceRecord, {"title", "url", "note", "date"})) {
                p.source.title = text_field(*src, "/source", "title", false, Term::SourceTitle);
                p.source.url = string_field(*src, "/source", "url", false, Term::SourceUrl);
                p.source.note = text_field(*src, "/source", "note", false, Term::SourceNote);
                if (json* d = field(*src, "date")) p.source.date = date_value(*d, [] { return std::string("/source/date"); });
            }
        }
    }

    bool read_person(json& j, const std::string& path, Person& person) {
        if (!check_object(j, path, Term::PersonRecord, {"id", "kind", "name", "aliases", "description"})) return false;
        person.id = id_field(j, path, Term::PersonId);
        const bool kind_given = has_string(j, "kind");
        const std::string kind = string_field(j, path, "kind", false, Term::PersonKind);
        if (kind == "organization") person.kind = PersonKind::Organization;
        else if (kind == "group") person.kind = PersonKind::Group;
        else if (kind_given && kind != "person")
            error(pointer_append(path, "kind"), Problem::UnknownPersonKind, {kind});
        person.name = text_field(j, path, "name", true, Term::PersonName);
        if (json* aliases = array_field(j, path, "aliases", Term::Aliases)) {
            for (size_t i = 0; i < aliases->size(); ++i) {
                const auto alias_path = [&] { return pointer_append(pointer_append(path, "aliases"), std::to_string(i)); };
                if (!(*aliases)[i].is_string()) error(alias_path(), Problem::AliasNotAString);
                else if (check_characters((*aliases)[i].get_ref<const std::string&>(), alias_path, false))
                    person.aliases.push_back((*aliases)[i].get<std::string>());
            }
        }
        person.description = text_field(j, path, "description", false, Term::PersonDescription);
        return true;
    }

    bool read_event(json& j, const std::string& path, Event& e) {
        if (!check_object(j, path, Term::EventRecord,
                          {"id", "date", "end", "date_source", "date_note", "headline", "text", "actors", "who", "tags"}))
            return false;
        e.id = id_field(j, path, Term::EventId);
        if (json* d = field(j, "date")) {
            e.date = date_value(*d, [&] { return pointer_append(path, "date"); });
            if (e.date) e.interval = e.date->interval();
        }
        if (json* d = field(j, "end")) {
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
        if (json* actors = array_field(j, path, "actors", Term::ActorIds)) {
            const std::string p = pointer_append(path, "actors");
            for (size_t i = 0; i < actors->size(); ++i) {
                const auto who = reference((*actors)[i], [&] { return pointer_append(p, std::to_string(i)); }, people_ids_, Term::Person, "people");
                if (who) e.actors.push_back(*who);
            }
        }
        e.who = text_field(j, path, "who", false, Term::WhoPhrase);
        const json* actors_field = field(j, "actors");
        if (!e.who.empty() && (!actors_field || (actors_field->is_array() && actors_field->empty())))
            error(pointer_append(path, "who"), Problem::WhoWithoutActors);
        if (json* tags = array_field(j, path, "tags", Term::Tags)) {
            for (size_t i = 0; i < tags->size(); ++i) {
                const auto tag_path = [&] { return pointer_append(pointer_append(path, "tags"), std::to_string(i)); };
                if (!(*tags)[i].is_string()) error(tag_path(), Problem::TagNotAString);
                else if (check_characters((*tags)[i].get_ref<const std::string&>(), tag_path, false))
                    e.tags.push_back((*tags)[i].get<std::string>());
            }
        }
        return true;
    }

    void read_date_source(json& j, const std::string& path, Event& e) {
        if (!has_string(j, "date_source")) {
            string_field(j, path, "date_source", false, Term::DateSource); // reports a value that is no string
            return;
        }
        const std::string& given = field(j, "date_source")->get_ref<const std::string&>();
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

    bool read_quote(json& j, const std::string& path, Quote& q) {
        if (!check_object(j, path, Term::QuoteRecord, {"id", "text", "speaker", "event"})) return false;
        q.id = id_field(j, path, Term::QuoteId);
        q.text = text_field(j, path, "text", true, Term::QuoteText);
        if (json* s = field(j, "speaker"))
            q.speaker = reference(*s, [&] { return pointer_append(path, "speaker"); }, people_ids_, Term::Person, "people").value_or(0);
        else
            missing(path, "speaker", Term::Speaker);
        q.event = optional_reference(j, path, "event", event_ids_, Term::Event, "events");
        return true;
    }

    bool read_number(json& j, const std::string& path, NumberFact& n) {
        if (!check_object(j, path, Term::NumberRecord, {"id", "value", "unit", "question", "event"})) return false;
        n.id = id_field(j, path, Term::NumberId);
        json* v = field(j, "value");
        if (!v) missing(path, "value", Term::NumberValue);
        else if (!v->is_number() || !std::isfinite(v->get<double>()))
            error(pointer_append(path, "value"), Problem::NotANumberValue, {json_kind(*v)});
        else
            n.value = v->get<double>();
        n.unit = text_field(j, path, "unit", false, Term::Unit);
        n.question = text_field(j, path, "question", true, Term::NumberQuestion);
        n.event = optional_reference(j, path, "event", event_ids_, Term::Event, "events");
        return true;
    }

    bool read_question(json& j, const std::string& path, AuthoredQuestion& q) {
        if (!check_object(j, path, Term::QuestionRecord,
                          {"id", "type", "prompt", "options", "answer", "explanation", "events"}))
            return false;
        q.id = id_field(j, path, Term::QuestionId);
        const bool type_given = has_string(j, "type");
        const std::string type = string_field(j, path, "type", true, Term::QuestionType);
        q.prompt = text_field(j, path, "prompt", true, Term::Prompt);
        q.explanation = text_field(j, path, "explanation", false, Term::Explanation);
        if (json* evs = array_field(j, path, "events", Term::QuestionEvents)) {
            for (size_t i = 0; i < evs->size(); ++i) {
                const auto e = reference((*evs)[i], [&] { return pointer_append(pointer_append(path, "events"), std::to_string(i)); },
                                         event_ids_, Term::Event, "events");
                if (e) q.events.push_back(*e);
            }
        }
        if (type == "true_false") {
            q.type = AuthoredQuestion::Type::TrueFalse;
            json* a = field(j, "answer");
            if (!a) missing(path, "answer", Term::TrueOrFalse);
            else if (!a->is_boolean()) error(pointer_append(path, "answer"), Problem::AnswerNotABoolean, {json_kind(*a)});
            else q.answer = a->get<bool>();
            if (field(j, "options")) error(pointer_append(path, "options"), Problem::OptionsInTrueFalse);
        } else if (type == "multiple_choice") {
            q.type = AuthoredQuestion::Type::MultipleChoice;
            json* opts = array_field(j, path, "options", Term::OptionList);
            const std::string opath = pointer_append(path, "options");
            if (!field(j, "options")) missing(path, "options", Term::Options);
            if (opts) {
                for (size_t i = 0; i < opts->size(); ++i) {
                    json& o = (*opts)[i];
                    const std::string p = pointer_append(opath, std::to_string(i));
                    if (!check_object(o, p, Term::OptionRecord, {"text", "correct"})) continue;
                    AuthoredQuestion::Choice c;
                    c.text = text_field(o, p, "text", true, Term::OptionText);
                    if (json* cor = field(o, "correct")) {
                        if (cor->is_boolean()) c.correct = cor->get<bool>();
                        else error(pointer_append(p, "correct"), Problem::CorrectNotABoolean);
                    }
                    q.choices.push_back(std::move(c));
                }
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

    // Calls report(k, i, language, text) for pairs of texts, k before i, that read the
    // same in a language as the game shows them: their own text in it, else their
    // default-language one. Only texts actually written go in the maps (not one copy per
    // language in use), so memory stays linear in the pack whatever the number of
    // languages: a text that falls back is met through the default language, or through
    // `written` when another text was written the same in that language.
    template <class Report> void find_same_texts(const std::vector<const LocalText*>& texts, Report report) const {
        const std::string& fallback = pack_->default_language;
        std::unordered_map<std::string_view, size_t> by_default;                 // default text → first item
        std::map<std::pair<std::string_view, std::string_view>, size_t> by_lang; // (language, text) → first item
        std::unordered_multimap<std::string_view, std::pair<std::string_view, size_t>> written; // text → (language, first item)
        std::set<std::pair<size_t, size_t>> reported;
        auto collide = [&](size_t k, size_t i, std::string_view lang, std::string_view text) {
            if (reported.emplace(k, i).second) report(k, i, std::string(lang), std::string(text));
        };
        for (size_t i = 0; i < texts.size(); ++i) {
            const LocalText& t = *texts[i];
            if (t.empty()) continue; // missing: reported already
            const std::string& own_default = t.get(fallback, fallback);
            if (const auto [it, fresh] = by_default.emplace(own_default, i); !fresh) collide(it->second, i, fallback, own_default);
            // An earlier text written in a language this one falls back in.
            const auto [from, to] = written.equal_range(own_default);
            for (auto w = from; w != to; ++w)
                if (!t.find(w->second.first)) collide(w->second.second, i, w->second.first, own_default);
            for (const auto& [lang, text] : t.by_lang) {
                if (lang == fallback) continue;
                const auto [it, fresh] = by_lang.emplace(std::make_pair(std::string_view(lang), std::string_view(text)), i);
                if (!fresh) {
                    collide(it->second, i, lang, text);
                    continue;
                }
                written.emplace(text, std::make_pair(std::string_view(lang), i));
                // An earlier text that falls back in this language and shows the same.
                if (const auto k = by_default.find(text); k != by_default.end() && k->second != i && !texts[k->second]->find(lang))
                    collide(k->second, i, lang, text);
            }
        }
    }

    // Two options that read the same leave no single right answer.
    void check_distinct_options(const std::vector<AuthoredQuestion::Choice>& choices, const std::string& opath) {
        std::vector<const LocalText*> texts;
        for (const auto& c : choices) texts.push_back(&c.text);
        find_same_texts(texts, [&](size_t k, size_t i, const std::string& lang, const std::string& text) {
            const std::string path = pointer_append(pointer_append(opath, std::to_string(i)), "text");
            const std::string other = pointer_append(opath, std::to_string(k));
            if (pack_->languages.size() > 1) error(path, Problem::SameOptionTextInLanguage, {text, other, lang});
            else error(path, Problem::SameOptionText, {text, other});
        });
    }

    // -----------------------------------------------------------------------
    // 4. Cross-checks, warnings, the index
    // -----------------------------------------------------------------------

    // Questions name events by headline: two the same cannot be told apart.
    void check_headlines() {
        const Pack& p = *pack_;
        std::vector<const LocalText*> headlines;
        for (const Event& e : p.events) headlines.push_back(&e.headline);
        find_same_texts(headlines, [&](size_t k, size_t i, const std::string& lang, const std::string&) {
            const std::string path = "/events/" + std::to_string(i) + "/headline";
            if (p.languages.size() > 1)
                error(path, Problem::SameHeadlineInLanguage, {p.events[k].id, p.events[i].id, lang});
            else
                error(path, Problem::SameHeadline, {p.events[k].id, p.events[i].id});
        });
    }

    // Nothing the source tells of can begin after it was written.
    void check_source_date() {
        const Pack& p = *pack_;
        if (!p.source.date) return;
        const int64_t written = p.source.date->interval().latest;
        for (size_t i = 0; i < p.events.size(); ++i)
            if (p.events[i].date && p.events[i].interval.earliest > written)
                error("/events/" + std::to_string(i) + "/date", Problem::EventAfterSource, {*p.events[i].date, *p.source.date});
    }

    void warn_weak_spots() {
        Pack& p = *pack_;
        std::vector<bool> used(p.people.size(), false);
        std::array<bool, kPersonKinds> answer_kind{}; // kinds that some "who" question answers with
        for (const Event& e : p.events) {
            for (PersonIndex a : e.actors) used[a] = true;
            if (!e.who.empty())
                for (PersonIndex a : e.actors) answer_kind[index_of(p.people[a].kind)] = true;
        }
        for (const Quote& q : p.quotes) {
            used[q.speaker] = true;
            answer_kind[index_of(p.people[q.speaker].kind)] = true;
        }
        for (size_t i = 0; i < p.people.size(); ++i) {
            if (!used[i] && !answer_kind[index_of(p.people[i].kind)])
                warning("/people/" + std::to_string(i), Problem::PersonUnused, {p.people[i].id});
        }
        // One warning per undated event is useful for a few; for many it buries the rest.
        std::vector<size_t> undated;
        for (size_t i = 0; i < p.events.size(); ++i)
            if (!p.events[i].date) undated.push_back(i);
        if (undated.size() <= kUndatedWarnings) {
            for (size_t i : undated) warning("/events/" + std::to_string(i), Problem::EventUndated, {p.events[i].id});
        } else {
            std::vector<std::string> ids;
            for (size_t k = 0; k < kUndatedWarnings; ++k) ids.push_back(p.events[undated[k]].id);
            warning("/events/" + std::to_string(undated.front()), Problem::EventsUndated,
                    {std::to_string(undated.size()), join(ids, ", ")});
        }
    }

    void build_index() {
        Pack& p = *pack_;
        // Sorting (earliest, latest, index) triples keeps the sorts in contiguous memory.
        struct Span {
            int64_t earliest, latest;
            EventIndex event;
        };
        std::vector<Span> spans;
        spans.reserve(p.events.size());
        for (size_t i = 0; i < p.events.size(); ++i)
            if (p.events[i].date) spans.push_back({p.events[i].interval.earliest, p.events[i].interval.latest, i});
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
            return std::tie(a.earliest, a.latest, a.event) < std::tie(b.earliest, b.latest, b.event);
        });
        p.by_time.reserve(spans.size());
        for (const Span& sp : spans) p.by_time.push_back(sp.event);
        // next_after[k]: the first position whose event starts after event k ends.
        p.next_after.resize(spans.size());
        for (size_t k = 0; k < spans.size(); ++k) {
            auto it = std::upper_bound(spans.begin() + static_cast<std::ptrdiff_t>(k), spans.end(), spans[k].latest,
                                       [](int64_t day, const Span& sp) { return day < sp.earliest; });
            p.next_after[k] = static_cast<size_t>(it - spans.begin());
        }
        // Interval scheduling: taking the event that ends first gives the longest chain.
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
            return std::tie(a.latest, a.event) < std::tie(b.latest, b.event);
        });
        int64_t chain_end = 0;
        for (const Span& sp : spans) {
            if (!p.longest_chain.empty() && sp.earliest <= chain_end) continue;
            p.longest_chain.push_back(sp.event);
            chain_end = sp.latest;
        }

        for (size_t i = 0; i < p.people.size(); ++i)
            p.people_by_kind[index_of(p.people[i].kind)].push_back(i);
        for (size_t i = 0; i < p.events.size(); ++i)
            if (!p.events[i].who.empty() && !p.events[i].actors.empty()) p.who_events.push_back(i);
        std::unordered_map<std::string, size_t> group_of_unit;
        for (size_t i = 0; i < p.numbers.size(); ++i) {
            const auto [it, fresh] = group_of_unit.emplace(p.text(p.numbers[i].unit, p.default_language), p.number_groups.size());
            if (fresh) p.number_groups.emplace_back();
            p.number_groups[it->second].push_back(i);
            p.number_group.push_back(it->second);
        }
    }
};

void Loader::load(json& root, Pack& pack) {
    pack_ = &pack;
    if (!check_object(root, "", Term::PackRecord,
                      {"$schema", "format", "id", "version", "author", "licence", "title", "description",
                       "languages", "default_language", "source", "people", "events", "quotes", "numbers",
                       "questions"}))
        return;
    read_metadata(root);
    if (pack.languages.empty()) return;

    read_list(root, "people", Term::People, pack.people, &people_ids_,
              [&](json& j, const std::string& path, Person& r) { return read_person(j, path, r); });
    read_list(root, "events", Term::Events, pack.events, &event_ids_,
              [&](json& j, const std::string& path, Event& r) { return read_event(j, path, r); });
    if (!field(root, "events")) missing("", "events", Term::PackEvents);
    else if (pack.events.empty() && !has_errors(out_)) error("/events", Problem::NoEvents);
    read_list(root, "quotes", Term::Quotes, pack.quotes, &quote_ids_,
              [&](json& j, const std::string& path, Quote& r) { return read_quote(j, path, r); });
    read_list(root, "numbers", Term::Numbers, pack.numbers, &number_ids_,
              [&](json& j, const std::string& path, NumberFact& r) { return read_number(j, path, r); });
    read_list(root, "questions", Term::Questions, pack.questions, &question_ids_,
              [&](json& j, const std::string& path, AuthoredQuestion& r) { return read_question(j, path, r); });
    check_headlines();
    check_source_date();
    if (has_errors(out_)) return;
    warn_weak_spots();
    build_index();
}

} // namespace

LoadResult load_pack_text(const std::string& text, const std::string& file) {
    LoadResult result;
    std::optional<json> root = parse_json_text(text, file, result.diagnostics);
    if (!root) return result;
    Pack pack;
    pack.path = file;
    Loader(file, result.diagnostics).load(*root, pack);
    locate_diagnostics(text, result.diagnostics);
    if (!has_errors(result.diagnostics)) result.pack = std::move(pack);
    return result;
}

LoadResult load_pack_file(const std::string& path) {
    LoadResult r;
    if (std::optional<std::string> text = read_input_file(path, r.diagnostics)) return load_pack_text(*text, path);
    return r;
}

} // namespace chronicle
