// Index
//   1. Names: slugs and file stems
//   2. PackBuilder: records in the pack format, checked by the loader
//   3. Format detection
#include "core/exchange/importer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/exchange/import_builder.h"
#include "core/pack/pack.h"
#include "core/base/json_text.h"
#include "core/pack/pack_loader.h"
#include "core/base/text.h"

namespace chronicle {

using nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// 1. Names
// ---------------------------------------------------------------------------

std::string slug(const std::string& name) {
    std::string s;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u)) s += static_cast<char>(std::tolower(u));
        else if (!s.empty() && s.back() != '-') s += '-';
    }
    if (s.size() > 64) s.resize(64);
    while (!s.empty() && s.back() == '-') s.pop_back();
    return s;
}

std::string name_hash(const std::string& name) {
    uint32_t h = 2166136261u; // FNV-1a
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", h);
    return hex;
}

std::optional<Issue> remove_control_characters(std::string& text, bool running_text) {
    const std::string_view found = first_control_character(text, running_text);
    if (found.empty()) return std::nullopt;
    Issue removed{Problem::ControlCharactersRemoved, {printable(found)}};
    text = without_control_characters(text, running_text);
    return removed;
}

std::string file_stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::optional<Issue> end_before_start(const DateSpec& start, const DateSpec& end) {
    if (end.interval().latest >= start.interval().earliest) return std::nullopt;
    return Issue{Problem::EndBeforeStart, {end, start}};
}

void mark_not_imported(std::vector<Diagnostic>& diagnostics, size_t from, Problem note) {
    for (size_t k = from; k < diagnostics.size(); ++k)
        if (diagnostics[k].severity == Severity::Error) diagnostics[k].notes.push_back({note});
}

std::optional<PartialDate> timelinejs_date(int64_t year, int64_t month, int64_t day, bool cosmological,
                                           Issue& error, const char*& part) {
    // TimelineJS switches to plain years beyond what JavaScript dates reach.
    constexpr int64_t kJsDateFirst = -271'820, kJsDateLast = 275'759;
    part = "year";
    if (!year_date(year, error)) return std::nullopt;
    PartialDate date;
    if (cosmological || year > kJsDateLast || year < kJsDateFirst) {
        date.year = year;
        return date;
    }
    date.year = year < 0 ? year + 1 : year;
    if (month) {
        part = "month";
        if (month < 1 || month > 12) {
            error = {Problem::NotAMonth, {std::to_string(month)}};
            return std::nullopt;
        }
        date.month = static_cast<int>(month);
    }
    if (day) {
        part = "day";
        if (!month) {
            error = {Problem::DayWithoutMonth};
            return std::nullopt;
        }
        const int days = days_in_month(date.year, date.month);
        if (day < 1 || day > days) {
            error = {Problem::NotADayOfMonth, {std::to_string(day), std::to_string(days)}};
            return std::nullopt;
        }
        date.day = static_cast<int>(day);
    }
    return date;
}

bool check_import_options(const ImportOptions& options, std::vector<Diagnostic>& out) {
    const std::string& id = options.id;
    if (!id.empty() && (!valid_item_id(id) || std::any_of(id.begin(), id.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))) {
        out.push_back({Severity::Error, options.file, 0, 0, "", {Problem::BadIdOption, {id}}});
        return false;
    }
    if (!options.lang.empty() && !valid_language_code(options.lang)) {
        out.push_back({Severity::Error, options.file, 0, 0, "", {Problem::BadLangOption, {options.lang}}});
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------
// 2. PackBuilder
// ---------------------------------------------------------------------------

namespace {

// A date as a pack writes it: ISO text, deep-time years as plain numbers.
ordered_json date_json(const PartialDate& d) {
    if (d.precision() == Precision::Year && (d.year > 9999 || d.year < -9999)) return d.year;
    return iso(d);
}

ordered_json date_json(const DateSpec& d) {
    if (!d.is_range()) return date_json(d.from);
    return ordered_json{{"from", date_json(d.from)}, {"to", date_json(d.to)}};
}

// JSON laid out for people: one member per line, but a list of plain values, or a
// short object of plain values (a person, a date range), on one line.
void write_readable(std::string& out, const ordered_json& j, int indent) {
    const bool plain = std::none_of(j.begin(), j.end(), [](const ordered_json& v) { return v.is_structured(); });
    if (!j.is_structured() || j.empty() || plain) {
        std::string line;
        if (j.is_object() && !j.empty()) {
            for (auto it = j.begin(); it != j.end(); ++it)
                line += (line.empty() ? "{" : ", ") + ordered_json(it.key()).dump() + ": " + it.value().dump();
            line += "}";
        } else if (j.is_array() && !j.empty()) {
            for (const ordered_json& v : j) line += (line.empty() ? "[" : ", ") + v.dump();
            line += "]";
        } else {
            line = j.dump();
        }
        if (!j.is_object() || line.size() <= 72) {
            out += line;
            return;
        }
    }
    const std::string inner(static_cast<size_t>(indent) + 2, ' ');
    out += j.is_object() ? "{\n" : "[\n";
    size_t k = 0;
    for (auto it = j.begin(); it != j.end(); ++it) {
        out += inner;
        if (j.is_object()) out += ordered_json(it.key()).dump() + ": ";
        write_readable(out, it.value(), indent + 2);
        out += ++k < j.size() ? ",\n" : "\n";
    }
    out += std::string(static_cast<size_t>(indent), ' ') + (j.is_object() ? "}" : "]");
}

} // namespace

PackBuilder::PackBuilder(const ImportOptions& options, ImportResult& result) : options_(options), result_(result) {}

void PackBuilder::count_letters(const std::string& text) {
    for (char32_t c : code_points(text)) {
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) ++han_;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++latin_;
    }
}

void PackBuilder::add_media_note(const std::string& headline, const std::string& caption, const std::string& credit) {
    std::string note = caption;
    if (!credit.empty()) note += (note.empty() ? "(" : " (") + credit + ")";
    if (note.empty()) return;
    source_note_ += (source_note_.empty() ? "" : "\n") + headline + ": " + note;
}

std::string PackBuilder::fresh_id(const std::string& hint, bool authors, const std::string& prefix,
                                  std::unordered_set<std::string>& used) {
    std::string id = hint;
    const auto free = [&](const std::string& c) { return valid_item_id(c) && !used.count(c); };
    if (!free(id) || (!authors && reserved_ids_.count(id))) {
        int n = static_cast<int>(used.size()) + 1;
        do id = prefix + std::to_string(n++);
        while (!free(id) || reserved_ids_.count(id));
    }
    used.insert(id);
    return id;
}

void PackBuilder::kept_display_date(const std::string& shown) {
    if (display_dates_++ == 0) display_date_example_ = shown;
}

std::string PackBuilder::person_id(const std::string& name) {
    std::string key;
    for (char c : name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto it = person_by_name_.find(key); it != person_by_name_.end()) return it->second;
    const std::string id = fresh_id(slug(name), false, "p", person_ids_);
    person_by_name_.emplace(key, id);
    people_.push_back(ordered_json{{"id", id}, {"name", name}});
    count_letters(name);
    return id;
}

std::string PackBuilder::add_event(const EventDraft& e) {
    ordered_json j;
    const std::string id = fresh_id(e.id_hint, e.id_from_author, "e", event_ids_);
    event_dates_.push_back(e.date);
    j["id"] = id;
    j["date"] = e.date ? date_json(*e.date) : ordered_json();
    if (e.end) j["end"] = date_json(*e.end);
    if (!e.date_note.empty()) j["date_note"] = e.date_note;
    j["headline"] = e.headline;
    j["text"] = e.text.empty() ? e.headline : e.text;
    if (!e.people.empty()) {
        ordered_json actors = ordered_json::array();
        for (const std::string& name : e.people) {
            const std::string actor = person_id(name);
            if (std::find(actors.begin(), actors.end(), actor) == actors.end()) actors.push_back(actor);
        }
        j["actors"] = std::move(actors);
    }
    if (!e.who.empty()) j["who"] = e.who;
    if (!e.tags.empty()) j["tags"] = e.tags;
    for (const std::string* t : {&e.headline, &e.text, &e.who, &e.date_note}) count_letters(*t);
    events_.push_back(std::move(j));
    return id;
}

void PackBuilder::add_quote(const std::string& text, const std::string& speaker, const std::string& event_id) {
    ordered_json j{{"id", "q" + std::to_string(quotes_.size() + 1)}, {"text", text}, {"speaker", person_id(speaker)}};
    if (!event_id.empty()) j["event"] = event_id;
    count_letters(text);
    quotes_.push_back(std::move(j));
}

void PackBuilder::add_number(double value, const std::string& unit, const std::string& question,
                             const std::string& event_id) {
    ordered_json j{{"id", "n" + std::to_string(numbers_.size() + 1)}};
    // Whole numbers without ".0": 1000000, not 1000000.0.
    if (std::fabs(value) < 9e15 && std::floor(value) == value) j["value"] = static_cast<int64_t>(value);
    else j["value"] = value;
    if (!unit.empty()) j["unit"] = unit;
    j["question"] = question;
    if (!event_id.empty()) j["event"] = event_id;
    count_letters(question);
    numbers_.push_back(std::move(j));
}

// Questions name events by headline: two the same would read "Did “Launch” happen
// before or after “Launch”?". Such headlines get their dates, or a number.
void PackBuilder::tell_apart_same_headlines(const std::string& lang) {
    std::unordered_map<std::string, std::vector<size_t>> by_headline;
    for (size_t i = 0; i < events_.size(); ++i) by_headline[events_[i]["headline"].get<std::string>()].push_back(i);
    for (auto& [headline, events] : by_headline) {
        if (events.size() < 2) continue;
        std::sort(events.begin(), events.end());
        std::string ids;
        std::unordered_set<std::string> dates;
        for (size_t i : events) dates.insert(event_dates_[i] ? format_date(*event_dates_[i], lang) : "");
        const bool dates_differ = dates.size() == events.size() && !dates.count("");
        for (size_t k = 0; k < events.size(); ++k) {
            ordered_json& e = events_[events[k]];
            const auto& date = event_dates_[events[k]];
            const std::string tag = dates_differ ? format_date(*date, lang) : std::to_string(k + 1);
            e["headline"] = headline + (is_chinese(lang) ? "（" + tag + "）" : " (" + tag + ")");
            ids += (k ? ", " : "") + e["id"].get<std::string>();
        }
        result_.diagnostics.push_back({Severity::Warning, options_.file, 0, 0, "",
                                       {dates_differ ? Problem::SameHeadlinesDated : Problem::SameHeadlinesNumbered,
                                        {std::to_string(events.size()), ids, headline}}});
    }
}

// Chinese text writes , . : ; ? ! ( ) next to Chinese characters full width: every text
// of a Chinese pack gets them so, and the import says it did.
void PackBuilder::make_punctuation_full_width() {
    int changed = 0;
    MisplacedPunctuation first;
    const auto fix = [&](std::string& text) {
        const std::optional<MisplacedPunctuation> found = find_ascii_punctuation(text);
        if (!found) return;
        if (changed++ == 0) first = *found;
        text = with_full_width_punctuation(text);
    };
    const auto fix_member = [&](ordered_json& record, const char* key) {
        if (const auto it = record.find(key); it != record.end() && it->is_string()) fix(it->get_ref<std::string&>());
    };
    for (std::string* text : {&title_, &description_, &source_note_}) fix(*text);
    for (ordered_json& e : events_)
        for (const char* key : {"headline", "text", "who", "date_note"}) fix_member(e, key);
    for (ordered_json& person : people_) fix_member(person, "name");
    for (ordered_json& q : quotes_) fix_member(q, "text");
    for (ordered_json& n : numbers_) fix_member(n, "unit"), fix_member(n, "question");
    if (changed)
        result_.diagnostics.push_back({Severity::Warning, options_.file, 0, 0, "",
                                       {Problem::PunctuationMadeFullWidth,
                                        {std::to_string(changed), std::string(1, first.ascii), std::string(first.full_width)}}});
}

void PackBuilder::finish(Problem when_empty) {
    ImportResult& r = result_;
    r.events = static_cast<int>(events_.size());
    r.people = static_cast<int>(people_.size());
    r.quotes = static_cast<int>(quotes_.size());
    r.numbers = static_cast<int>(numbers_.size());
    if (events_.empty()) {
        r.diagnostics.push_back({Severity::Error, options_.file, 0, 0, "",
                                 {has_errors(r.diagnostics) ? Problem::NothingReadable : when_empty}});
        return;
    }
    if (times_dropped_ == 1)
        r.diagnostics.push_back({Severity::Warning, options_.file, 0, 0, "", {Problem::TimeOfDayDropped}});
    else if (times_dropped_)
        r.diagnostics.push_back({Severity::Warning, options_.file, 0, 0, "",
                                 {Problem::TimesOfDayDropped, {std::to_string(times_dropped_)}}});
    if (display_dates_ == 1)
        r.diagnostics.push_back({Severity::Warning, options_.file, 0, 0, "",
                                 {Problem::DisplayDateKept, {display_date_example_}}});
    else if (display_dates_)
        r.diagnostics.push_back({Severity::Warning, options_.file, 0, 0, "",
                                 {Problem::DisplayDatesKept, {std::to_string(display_dates_), display_date_example_}}});
    count_letters(title_);
    r.lang = options_.lang;
    r.lang_guessed = r.lang.empty();
    if (r.lang_guessed) r.lang = han_ > 0 && han_ * 3 >= latin_ ? "zh" : "en";
    const std::string stem = file_stem(options_.file);
    r.id = options_.id.empty() ? slug(stem) : options_.id;
    if (r.id.empty()) r.id = "pack-" + name_hash(stem); // "登月.csv": distinct names, distinct ids
    if (is_chinese(r.lang)) make_punctuation_full_width();
    tell_apart_same_headlines(r.lang);

    ordered_json pack;
    pack["format"] = kPackFormat;
    pack["id"] = r.id;
    // A file name may hold control characters; a pack may not.
    const std::string shown_stem = without_control_characters(stem, false);
    pack["title"] = title_.empty() ? (shown_stem.empty() ? std::string("Imported timeline") : shown_stem) : title_;
    if (!description_.empty()) pack["description"] = description_;
    pack["languages"] = {r.lang};
    pack["default_language"] = r.lang;
    ordered_json source{{"title", without_control_characters(std::filesystem::path(options_.file).filename().string(), false)}};
    if (!source_note_.empty()) source["note"] = source_note_;
    pack["source"] = std::move(source);
    if (!people_.empty()) pack["people"] = std::move(people_);
    pack["events"] = std::move(events_);
    if (!quotes_.empty()) pack["quotes"] = std::move(quotes_);
    if (!numbers_.empty()) pack["numbers"] = std::move(numbers_);
    std::string text;
    write_readable(text, pack, 0);
    text += "\n";
    if (text.size() > kMaxInputBytes) {
        r.diagnostics.push_back({Severity::Error, options_.file, 0, 0, "",
                                 {Problem::PackTooBig,
                                  {std::to_string(mebibytes(text.size())), std::to_string(mebibytes(kMaxInputBytes))}}});
        return;
    }

    // The loader is the judge: what it refuses is never written.
    const std::string name = options_.output.empty() ? r.id + ".json" : options_.output;
    LoadResult check = load_pack_text(text, name);
    for (Diagnostic& d : check.diagnostics) r.diagnostics.push_back(std::move(d));
    if (check.pack) {
        r.pack_text = std::move(text);
        r.pack = std::move(check.pack);
    }
}

// ---------------------------------------------------------------------------
// 3. Format detection
// ---------------------------------------------------------------------------

ImportFormat detect_import_format(const std::string& text) {
    size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    return i < text.size() && (text[i] == '{' || text[i] == '[') ? ImportFormat::TimelineJS : ImportFormat::Csv;
}

const char* import_format_name(ImportFormat format) {
    switch (format) {
    case ImportFormat::TimelineJS: return "TimelineJS";
    case ImportFormat::Csv: return "CSV";
    case ImportFormat::Pack: return "Chronicle pack";
    }
    return "";
}

ImportResult import_text(const std::string& text, const ImportOptions& options) {
    return detect_import_format(text) == ImportFormat::TimelineJS ? import_timeline(text, options)
                                                                   : import_csv(text, options);
}

} // namespace chronicle
