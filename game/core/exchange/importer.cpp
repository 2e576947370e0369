// Index
//   1. Names: slugs and file stems
//   2. PackBuilder: records as the loader reads them, checked as it checks them
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
#include "core/pack/pack_checks.h"
#include "core/pack/pack_writer.h"
#include "core/base/text.h"

namespace chronicle {

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

LocalText text_of(std::string text) {
    LocalText t;
    if (!text.empty()) t.by_lang.emplace_back("", std::move(text));
    return t;
}

// The one text of an imported LocalText that has one.
std::string& only(LocalText& t) { return t.by_lang.front().second; }

// The records' texts are written in `lang`.
void set_language(Pack& p, const std::string& lang) {
    const auto set = [&](LocalText& t) {
        if (!t.empty()) t.by_lang.front().first = lang;
    };
    for (Person& person : p.people) set(person.name);
    for (Event& e : p.events)
        for (LocalText* t : {&e.date_note, &e.headline, &e.text, &e.who}) set(*t);
    for (Quote& q : p.quotes) set(q.text);
    for (NumberFact& n : p.numbers) set(n.unit), set(n.question);
}

} // namespace

PackBuilder::PackBuilder(const ImportOptions& options, ImportResult& result) : options_(options), result_(result) {}

// Decodes in place: the Han letters counted are all three bytes long in UTF-8.
void PackBuilder::count_letters(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
            ++latin_;
        } else if ((b & 0xF0) == 0xE0 && i + 2 < text.size()) {
            const char32_t c = (char32_t{b} & 0x0F) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
                               (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) ++han_;
            i += 2;
        }
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

PersonIndex PackBuilder::person(const std::string& name) {
    std::string key;
    for (char c : name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto it = person_by_name_.find(key); it != person_by_name_.end()) return it->second;
    Person p;
    p.id = fresh_id(slug(name), false, "p", person_ids_);
    p.name = text_of(name);
    person_by_name_.emplace(std::move(key), pack_.people.size());
    pack_.people.push_back(std::move(p));
    count_letters(name);
    return pack_.people.size() - 1;
}

EventIndex PackBuilder::add_event(const EventDraft& d) {
    Event e;
    e.id = fresh_id(d.id_hint, d.id_from_author, "e", event_ids_);
    e.date = d.date;
    if (e.date) e.interval = e.date->interval();
    e.end = d.end;
    e.date_note = text_of(d.date_note);
    e.headline = text_of(d.headline);
    e.text = text_of(d.text.empty() ? d.headline : d.text);
    for (const std::string& name : d.people)
        if (const PersonIndex actor = person(name); std::find(e.actors.begin(), e.actors.end(), actor) == e.actors.end())
            e.actors.push_back(actor);
    e.who = text_of(d.who);
    e.tags = d.tags;
    for (const std::string* t : {&d.headline, &d.text, &d.who, &d.date_note}) count_letters(*t);
    pack_.events.push_back(std::move(e));
    return pack_.events.size() - 1;
}

void PackBuilder::add_quote(const std::string& text, const std::string& speaker, std::optional<EventIndex> event) {
    Quote q;
    q.id = "q" + std::to_string(pack_.quotes.size() + 1);
    q.text = text_of(text);
    q.speaker = person(speaker);
    q.event = event;
    count_letters(text);
    pack_.quotes.push_back(std::move(q));
}

void PackBuilder::add_number(double value, const std::string& unit, const std::string& question,
                             std::optional<EventIndex> event) {
    NumberFact n;
    n.id = "n" + std::to_string(pack_.numbers.size() + 1);
    // As the pack file gives it back: a whole number is written without a fraction (and -0 as 0).
    n.value = std::fabs(value) < 9e15 && std::floor(value) == value ? static_cast<double>(static_cast<int64_t>(value)) : value;
    n.unit = text_of(unit);
    n.question = text_of(question);
    n.event = event;
    count_letters(question);
    pack_.numbers.push_back(std::move(n));
}

// Questions name events by headline: two the same would read "Did “Launch” happen
// before or after “Launch”?". Such headlines get their dates, or a number.
void PackBuilder::tell_apart_same_headlines(const std::string& lang) {
    std::unordered_map<std::string, std::vector<size_t>> by_headline;
    for (size_t i = 0; i < pack_.events.size(); ++i) by_headline[only(pack_.events[i].headline)].push_back(i);
    for (auto& [headline, events] : by_headline) {
        if (events.size() < 2) continue;
        std::sort(events.begin(), events.end());
        std::string ids;
        std::unordered_set<std::string> dates;
        for (size_t i : events) dates.insert(pack_.events[i].date ? format_date(*pack_.events[i].date, lang) : "");
        const bool dates_differ = dates.size() == events.size() && !dates.count("");
        for (size_t k = 0; k < events.size(); ++k) {
            Event& e = pack_.events[events[k]];
            const std::string tag = dates_differ ? format_date(*e.date, lang) : std::to_string(k + 1);
            only(e.headline) = headline + (is_chinese(lang) ? "（" + tag + "）" : " (" + tag + ")");
            ids += (k ? ", " : "") + e.id;
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
    const auto fix_text = [&](LocalText& t) {
        if (!t.empty()) fix(only(t));
    };
    for (std::string* text : {&title_, &description_, &source_note_}) fix(*text);
    // In this order, so that the first one told stays the same.
    for (Event& e : pack_.events)
        for (LocalText* t : {&e.headline, &e.text, &e.who, &e.date_note}) fix_text(*t);
    for (Person& person : pack_.people) fix_text(person.name);
    for (Quote& q : pack_.quotes) fix_text(q.text);
    for (NumberFact& n : pack_.numbers) fix_text(n.unit), fix_text(n.question);
    if (changed)
        result_.diagnostics.push_back({Severity::Warning, options_.file, 0, 0, "",
                                       {Problem::PunctuationMadeFullWidth,
                                        {std::to_string(changed), std::string(1, first.ascii), std::string(first.full_width)}}});
}

void PackBuilder::finish(Problem when_empty) {
    ImportResult& r = result_;
    Pack& pack = pack_;
    r.events = static_cast<int>(pack.events.size());
    r.people = static_cast<int>(pack.people.size());
    r.quotes = static_cast<int>(pack.quotes.size());
    r.numbers = static_cast<int>(pack.numbers.size());
    if (pack.events.empty()) {
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

    pack.id = r.id;
    // A file name may hold control characters; a pack may not.
    const std::string shown_stem = without_control_characters(stem, false);
    pack.title = text_of(title_.empty() ? (shown_stem.empty() ? std::string("Imported timeline") : shown_stem) : title_);
    pack.description = text_of(description_);
    pack.languages = {r.lang};
    pack.default_language = r.lang;
    const std::string source_title = without_control_characters(std::filesystem::path(options_.file).filename().string(), false);
    pack.source.title.by_lang.emplace_back("", source_title); // written even when empty, and refused below
    pack.source.note = text_of(source_note_);
    for (LocalText* t : {&pack.title, &pack.description, &pack.source.title, &pack.source.note})
        if (!t->empty()) t->by_lang.front().first = r.lang;
    set_language(pack, r.lang);
    std::string text = write_pack(pack);
    if (text.size() > kMaxInputBytes) {
        r.diagnostics.push_back({Severity::Error, options_.file, 0, 0, "",
                                 {Problem::PackTooBig,
                                  {std::to_string(mebibytes(text.size())), std::to_string(mebibytes(kMaxInputBytes))}}});
        return;
    }

    // What the loader would say of the written file, from the records it would read:
    // the importers make every record as the loader takes it, but for the file's name
    // (the source's title) and punctuation next to Chinese that they left.
    const std::string name = options_.output.empty() ? r.id + ".json" : options_.output;
    pack.path = name;
    std::vector<Diagnostic> own;
    if (source_title.empty()) own.push_back({Severity::Error, name, 0, 0, "/source/title", {Problem::EmptyText, {Term::SourceTitle}}});
    const size_t punctuation = warn_ascii_punctuation(pack, name, own);
    check_across_records(pack, name, own);
    if (punctuation > kPunctuationWarnings)
        own.push_back({Severity::Warning, name, 0, 0, "", {Problem::MoreAsciiPunctuation, {std::to_string(punctuation - kPunctuationWarnings)}}});
    const bool refused = has_errors(own);
    if (!refused) index_pack(pack, name, own);
    locate_diagnostics(text, own);
    for (Diagnostic& d : own) r.diagnostics.push_back(std::move(d));
    if (refused) return;
    r.pack_text = std::move(text);
    r.pack = std::move(pack);
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
