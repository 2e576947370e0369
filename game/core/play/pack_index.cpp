#include "core/play/pack_index.h"

#include <sys/stat.h>

#include <algorithm>
#include <new>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/base/json_text.h"
#include "core/base/paths.h"
#include "core/learn/facts.h"
#include "core/pack/pack_loader.h"
#include "core/quiz/generator.h"

namespace chronicle {

using nlohmann::json;

std::optional<FileStamp> file_stamp(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileStamp{static_cast<uint64_t>(st.st_size),
                     static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + static_cast<int64_t>(st.st_mtim.tv_nsec)};
}

bool PackSummary::has_language(const std::string& lang) const {
    return std::find(languages.begin(), languages.end(), lang) != languages.end();
}

LoadDone run_load_job(const LoadJob& job) {
    LoadDone done;
    PackSummary& s = done.summary;
    s.path = job.path;
    // Stamped before reading: a file changed while it is read is indexed again next time.
    if (const std::optional<FileStamp> stamp = file_stamp(job.path)) s.stamp = *stamp;
    LoadResult r;
    try {
        r = load_pack_file(job.path);
    } catch (const std::bad_alloc&) { // on the worker: a pack too big for memory must not end the game
        r.diagnostics.push_back({Severity::Error, job.path, 0, 0, "", {Problem::OutOfMemory}});
    }
    // A big pack may have tens of thousands of warnings: the index stays small.
    constexpr size_t kKeptPerSeverity = 10;
    size_t errors = 0;
    for (Diagnostic& d : r.diagnostics) {
        size_t& seen = d.severity == Severity::Warning ? s.warnings : errors;
        if (seen++ < kKeptPerSeverity) s.diagnostics.push_back(std::move(d));
    }
    if (r.pack) {
        const Pack& p = *r.pack;
        s.loads = true;
        s.id = p.id;
        s.title = p.title;
        s.description = p.description;
        s.languages = p.languages;
        s.default_language = p.default_language;
        s.events = p.events.size();
        s.people = p.people.size();
        s.quotes = p.quotes.size();
        s.numbers = p.numbers.size();
        s.questions = p.questions.size();
        s.facts = pack_facts(p).size();
        s.kinds = supported_kinds(p);
        s.characters = pack_characters(p);
        if (job.keep_pack) done.pack = std::move(r.pack);
    }
    return done;
}

// ---------------------------------------------------------------------------
// The cache file
// ---------------------------------------------------------------------------

namespace {

constexpr const char* kIndexFormat = "chronicle-pack-index/1";

// Problems, terms and kinds are stored as numbers: a cache written by a build with
// other tables (or another loader) is not read.
json build_identity() {
    return json::array({kIndexFormat, CHRONICLE_VERSION, static_cast<int>(Problem::Count), static_cast<int>(Term::Count)
});
}

json local_text_json(const LocalText& t) {
    json out = json::array();
    for (const auto& [lang, text] : t.by_lang) out.push_back(json::array({lang, text}));
    return out;
}

LocalText local_text_from(const json& j) {
    LocalText t;
    for (const json& pair : j) t.by_lang.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
    return t;
}

json date_json(const PartialDate& d) { return {d.year, d.month, d.day}; }
// Only a date the loader could have made: the words for a date index month names
// and subtract years.
PartialDate date_from(const json& j) {
    const PartialDate d{j.at(0).get<int64_t>(), j.at(1).get<int>(), j.at(2).get<int>()};
    const bool valid = year_in_range(d.year) && d.month >= 0 && d.month <= 12 && d.day >= 0 &&
                       (d.month == 0 ? d.day == 0 : d.day <= days_in_month(d.year, d.month));
    if (!valid) throw std::out_of_range("not a date");
    return d;
}

json detail_json(const Detail& d) {
    if (const auto* s = std::get_if<std::string>(&d)) return {{"text", *s}};
    if (const auto* t = std::get_if<Term>(&d)) return {{"term", static_cast<int>(*t)}};
    if (const auto* date = std::get_if<DateSpec>(&d)) return {{"date", {date_json(date->from), date_json(date->to)}}};
    return {{"names", std::get<std::vector<std::string>>(d)}};
}

// Throws (json's exceptions) on anything malformed, like the readers below.
template <class Enum> Enum enum_from(const json& j) {
    const int value = j.get<int>();
    if (value < 0 || value >= static_cast<int>(Enum::Count)) throw std::out_of_range("code out of range");
    return static_cast<Enum>(value);
}

Detail detail_from(const json& j) {
    if (j.contains("text")) return j.at("text").get<std::string>();
    if (j.contains("term")) return enum_from<Term>(j.at("term"));
    if (j.contains("date")) return DateSpec{date_from(j.at("date").at(0)), date_from(j.at("date").at(1))};
    return j.at("names").get<std::vector<std::string>>();
}

json issue_json(const Issue& issue) {
    json details = json::array();
    for (const Detail& d : issue.details) details.push_back(detail_json(d));
    return {static_cast<int>(issue.problem), details};
}

Issue issue_from(const json& j) {
    Issue issue{enum_from<Problem>(j.at(0)), {}};
    for (const json& d : j.at(1)) issue.details.push_back(detail_from(d));
    return issue;
}

json diagnostic_json(const Diagnostic& d) {
    json notes = json::array();
    for (const Issue& n : d.notes) notes.push_back(issue_json(n));
    return {d.severity == Severity::Error, d.file, d.line, d.column, d.path, issue_json(d.issue), notes,
            d.row, d.column_name, d.column_number};
}

Diagnostic diagnostic_from(const json& j) {
    Diagnostic d;
    d.severity = j.at(0).get<bool>() ? Severity::Error : Severity::Warning;
    d.file = j.at(1).get<std::string>();
    d.line = j.at(2).get<int>();
    d.column = j.at(3).get<int>();
    d.path = j.at(4).get<std::string>();
    d.issue = issue_from(j.at(5));
    for (const json& n : j.at(6)) d.notes.push_back(issue_from(n));
    d.row = j.at(7).get<int>();
    d.column_name = j.at(8).get<std::string>();
    d.column_number = j.at(9).get<int>();
    return d;
}

std::string utf8(std::u32string_view code_points) {
    std::string out;
    for (char32_t c : code_points) append_utf8(out, c);
    return out;
}

json summary_json(const PackSummary& s) {
    json kinds = json::array();
    for (Kind k : s.kinds) kinds.push_back(kind_name(k));
    json diagnostics = json::array();
    for (const Diagnostic& d : s.diagnostics) diagnostics.push_back(diagnostic_json(d));
    return {{"path", s.path},
            {"size", s.stamp.size},
            {"mtime_ns", s.stamp.mtime_ns},
            {"loads", s.loads},
            {"id", s.id},
            {"title", local_text_json(s.title)},
            {"description", local_text_json(s.description)},
            {"languages", s.languages},
            {"default_language", s.default_language},
            {"counts", {s.events, s.people, s.quotes, s.numbers, s.questions, s.facts}},
            {"kinds", kinds},
            {"diagnostics", diagnostics},
            {"warnings", s.warnings},
            {"characters", utf8(s.characters)}};
}

PackSummary summary_from(const json& j) {
    PackSummary s;
    s.path = j.at("path").get<std::string>();
    s.stamp = {j.at("size").get<uint64_t>(), j.at("mtime_ns").get<int64_t>()};
    s.loads = j.at("loads").get<bool>();
    s.id = j.at("id").get<std::string>();
    s.title = local_text_from(j.at("title"));
    s.description = local_text_from(j.at("description"));
    s.languages = j.at("languages").get<std::vector<std::string>>();
    s.default_language = j.at("default_language").get<std::string>();
    const json& counts = j.at("counts");
    s.events = counts.at(0).get<size_t>();
    s.people = counts.at(1).get<size_t>();
    s.quotes = counts.at(2).get<size_t>();
    s.numbers = counts.at(3).get<size_t>();
    s.questions = counts.at(4).get<size_t>();
    s.facts = counts.at(5).get<size_t>();
    for (const json& name : j.at("kinds")) {
        const std::optional<Kind> k = kind_from_name(name.get<std::string>());
        if (!k) throw std::out_of_range("unknown kind");
        s.kinds.push_back(*k);
    }
    for (const json& d : j.at("diagnostics")) s.diagnostics.push_back(diagnostic_from(d));
    s.warnings = j.at("warnings").get<size_t>();
    const std::string& characters = j.at("characters").get_ref<const std::string&>();
    if (find_invalid_utf8(characters) != std::string::npos) throw std::out_of_range("characters not UTF-8");
    s.characters = distinct_code_points(characters);
    return s;
}

} // namespace

std::vector<PackSummary> read_pack_index(const std::string& file) {
    std::vector<Diagnostic> ignored;
    const std::optional<std::string> text = read_input_file(file, ignored);
    if (!text) return {};
    const json j = json::parse(*text, nullptr, false);
    std::vector<PackSummary> summaries;
    try {
        if (!j.is_object() || j.at("build") != build_identity()) return {};
        for (const json& entry : j.at("packs")) summaries.push_back(summary_from(entry));
    } catch (const std::exception&) { // json's type and range errors, and ours: a damaged cache
        return {};
    }
    return summaries;
}

bool write_pack_index(const std::string& file, const std::vector<PackSummary>& summaries, Issue& error) {
    json packs = json::array();
    for (const PackSummary& s : summaries) packs.push_back(summary_json(s));
    const json j = {{"build", build_identity()}, {"packs", packs}};
    return write_file_atomically(file, j.dump(-1, ' ', false, json::error_handler_t::replace), true, error) ==
           WriteOutcome::Written;
}

} // namespace chronicle
