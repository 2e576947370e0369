// TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html) → pack.
// Faithful to what TimelineJS shows: on the "human" scale a negative year is a year
// BCE (TimelineJS shows -44 as "44 BCE"), so it becomes the astronomical year + 1;
// on the "cosmological" scale, and beyond the reach of JavaScript dates, a year is a
// plain number of years and months and days are ignored, as TimelineJS does. An end
// date means the event lasted: the pack's "end", ordered by when it began.
#include <cmath>
#include <optional>

#include "core/exchange/html_text.h"
#include "core/exchange/import_builder.h"
#include "core/base/json_locate.h"
#include "core/base/json_text.h"
#include "core/pack/pack.h"

namespace chronicle {

using nlohmann::json;

namespace {

class TimelineReader {
public:
    TimelineReader(const ImportOptions& options, ImportResult& result)
        : options_(options), result_(result), pack_(options, result) {}

    // Reads the slides; finish() then makes the pack, once the timeline's tree is gone.
    void read(const json& root, const std::string& text);
    void finish() {
        if (events_readable_) pack_.finish(Problem::EmptyTimeline);
    }

private:
    const ImportOptions& options_;
    ImportResult& result_;
    PackBuilder pack_;
    bool cosmological_ = false;
    bool events_readable_ = false;

    void report(Severity s, const std::string& path, Issue issue) {
        result_.diagnostics.push_back({s, options_.file, 0, 0, path, std::move(issue)});
    }

    // A string member as plain text; "" when absent or empty. A non-string is an error.
    // Control characters (raw or as &#27;) are removed with a warning; only a "text"
    // keeps line breaks.
    std::optional<std::string> text_member(const json& j, const std::string& path, const char* key) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) return std::string();
        if (!it->is_string()) {
            report(Severity::Error, pointer_append(path, key), {Problem::TextMemberNotAString, {json_kind(*it)}});
            return std::nullopt;
        }
        std::string text = plain_text_from_html(it->get_ref<const std::string&>());
        if (std::optional<Issue> removed = remove_control_characters(text, std::string_view(key) == "text"))
            report(Severity::Warning, pointer_append(path, key), std::move(*removed));
        return text;
    }

    // One part of a date: "" or absent → 0 with `present` false.
    std::optional<int64_t> date_part(const json& d, const std::string& path, const char* key, bool& present) {
        present = false;
        const auto it = d.find(key);
        if (it == d.end() || it->is_null()) return 0;
        const std::string p = pointer_append(path, key);
        if (it->is_number_integer()) {
            present = true;
            return it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(kMaxAbsYear)
                       ? kMaxAbsYear + 1 : it->get<int64_t>();
        }
        if (it->is_number_float()) {
            const double v = it->get<double>();
            if (std::floor(v) == v && std::fabs(v) <= static_cast<double>(kMaxAbsYear) + 1) {
                present = true;
                return static_cast<int64_t>(v);
            }
        } else if (it->is_string()) {
            std::string s = it->get<std::string>();
            const size_t first = s.find_first_not_of(" \t");
            if (first == std::string::npos) return 0;
            s = s.substr(first, s.find_last_not_of(" \t") - first + 1);
            const size_t digits = s[0] == '-' ? 1 : 0;
            if (s.size() > digits && s.size() - digits <= 13 && s.find_first_not_of("0123456789", digits) == std::string::npos) {
                present = true;
                return std::stoll(s);
            }
        }
        report(Severity::Error, p,
               it->is_string() ? Issue{Problem::DatePartTextNotWhole, {it->get<std::string>()}}
                               : Issue{Problem::DatePartNotWhole, {json_kind(*it)}});
        return std::nullopt;
    }

    // A TimelineJS date object as a partial date; nullopt (reported) when unusable,
    // and `empty` when every part is blank (an end_date left empty).
    std::optional<PartialDate> read_date(const json& d, const std::string& path, bool& empty) {
        empty = false;
        if (!d.is_object()) {
            report(Severity::Error, path, {Problem::DateNotAnObject, {json_kind(d)}});
            return std::nullopt;
        }
        bool has_year = false, has_month = false, has_day = false, has_time = false;
        const auto year = date_part(d, path, "year", has_year);
        const auto month = date_part(d, path, "month", has_month);
        const auto day = date_part(d, path, "day", has_day);
        for (const char* t : {"hour", "minute", "second", "millisecond"}) {
            bool present = false;
            const auto v = date_part(d, path, t, present);
            if (!v) return std::nullopt;
            has_time = has_time || (present && *v != 0);
        }
        if (!year || !month || !day) return std::nullopt;
        if (!has_year) {
            empty = !has_month && !has_day && !has_time;
            if (!empty) report(Severity::Error, pointer_append(path, "year"), {Problem::DateWithoutYear});
            return std::nullopt;
        }
        Issue error;
        const char* part = "year";
        const auto date = timelinejs_date(*year, has_month ? *month : 0, has_day ? *day : 0, cosmological_, error, part);
        if (!date) {
            report(Severity::Error, pointer_append(path, part), std::move(error));
            return std::nullopt;
        }
        if (has_time) pack_.dropped_time_of_day();
        return date;
    }

    // A slide (event or era) as an event draft; nullopt when it must be skipped.
    std::optional<EventDraft> read_slide(const json& j, const std::string& path, bool era, size_t number) {
        if (!j.is_object()) {
            report(Severity::Error, path, {Problem::SlideNotAnObject, {json_kind(j)}});
            return std::nullopt;
        }
        EventDraft e;
        static const json kMissing;
        const json& start = j.contains("start_date") ? j.at("start_date") : kMissing;
        if (start.is_null()) {
            report(Severity::Error, path, {era ? Problem::EraWithoutStart : Problem::EventWithoutStart});
            return std::nullopt;
        }
        bool empty = false;
        const auto from = read_date(start, pointer_append(path, "start_date"), empty);
        if (!from) {
            if (empty) report(Severity::Error, pointer_append(path, "start_date"), {Problem::StartWithoutYear});
            return std::nullopt;
        }
        e.date = DateSpec{*from, *from};
        if (const auto end = j.find("end_date"); end != j.end() && !end->is_null()) {
            const std::string end_path = pointer_append(path, "end_date");
            const auto to = read_date(*end, end_path, empty);
            if (!to && !empty) return std::nullopt;
            if (to) {
                const DateSpec spec{*to, *to};
                if (const auto problem = end_before_start(*e.date, spec)) {
                    report(Severity::Error, end_path, *problem);
                    return std::nullopt;
                }
                if (!(*to == *from)) e.end = spec;
            }
        }
        const std::string text_path = pointer_append(path, "text");
        if (const auto t = j.find("text"); t != j.end() && !t->is_null()) {
            if (!t->is_object()) {
                report(Severity::Error, text_path, {Problem::SlideTextNotAnObject, {json_kind(*t)}});
                return std::nullopt;
            }
            const auto headline = text_member(*t, text_path, "headline");
            const auto body = text_member(*t, text_path, "text");
            if (!headline || !body) return std::nullopt;
            e.headline = *headline;
            e.text = *body;
        }
        if (e.headline.empty()) {
            report(Severity::Error, pointer_append(text_path, "headline"), {Problem::SlideWithoutHeadline});
            return std::nullopt;
        }
        if (era) e.tags.push_back("era");
        if (const auto group = text_member(j, path, "group")) {
            if (!group->empty()) e.tags.push_back(*group);
        } else {
            return std::nullopt;
        }
        // TimelineJS shows display_date instead of the date: keep it as the date's note.
        auto shown = text_member(j, path, "display_date");
        if (shown && shown->empty()) shown = text_member(start, pointer_append(path, "start_date"), "display_date");
        if (!shown) return std::nullopt;
        if (!shown->empty()) {
            e.date_note = *shown;
            pack_.kept_display_date(*shown);
        }
        // unique_id when it is a usable id, else the slide's place in its list: "e4", "era2".
        if (const auto id = j.find("unique_id"); id != j.end() && id->is_string() && valid_item_id(id->get<std::string>())) {
            e.id_hint = id->get<std::string>();
            e.id_from_author = true;
        } else {
            e.id_hint = (era ? "era" : "e") + std::to_string(number);
        }
        if (const auto media = j.find("media"); media != j.end() && media->is_object()) {
            const std::string media_path = pointer_append(path, "media");
            const auto caption = text_member(*media, media_path, "caption");
            const auto credit = text_member(*media, media_path, "credit");
            if (!caption || !credit) return std::nullopt;
            pack_.add_media_note(e.headline, *caption, *credit);
        }
        return e;
    }

    void read_slides(const json& root, const char* key, bool era) {
        const auto list = root.find(key);
        if (list == root.end() || list->is_null()) return;
        const std::string list_path = pointer_append("", key);
        if (!list->is_array()) {
            report(Severity::Error, list_path, {Problem::SlidesNotAList, {json_kind(*list)}});
            return;
        }
        for (size_t i = 0; i < list->size(); ++i) {
            const size_t before = result_.diagnostics.size();
            const std::string path = pointer_append(list_path, std::to_string(i));
            std::optional<EventDraft> e = read_slide((*list)[i], path, era, i + 1);
            if (!e) {
                ++result_.skipped;
                mark_not_imported(result_.diagnostics, before, era ? Problem::EraNotImported : Problem::EventNotImported);
            } else if (const std::string& id = pack_.event_id(pack_.add_event(*e)); e->id_from_author && id != e->id_hint) {
                report(Severity::Warning, pointer_append(path, "unique_id"), {Problem::UniqueIdTaken, {e->id_hint, id}});
            }
        }
    }

    // Authors' unique_ids are theirs: an event without one never takes one of them.
    void reserve_ids(const json& root) {
        for (const char* key : {"events", "eras"}) {
            const auto list = root.find(key);
            if (list == root.end() || !list->is_array()) continue;
            for (const json& slide : *list)
                if (const auto id = slide.is_object() ? slide.find("unique_id") : slide.end();
                    slide.is_object() && id != slide.end() && id->is_string())
                    pack_.reserve_event_id(id->get<std::string>());
        }
    }
};

void TimelineReader::read(const json& root, const std::string& text) {
    if (!root.is_object()) {
        report(Severity::Error, "", {Problem::TimelineNotAnObject, {json_kind(root)}});
    } else if (root.contains("format") && root.contains("events") && root.contains("languages")) {
        report(Severity::Error, "", {Problem::AlreadyAPack});
    } else if (root.contains("timeline") && !root.contains("events")) {
        report(Severity::Error, "/timeline", {Problem::TimelineJs2});
    } else if (!root.contains("events")) {
        report(Severity::Error, "", {Problem::NoEventsList});
    } else {
        if (const auto scale = root.find("scale"); scale != root.end() && !scale->is_null()) {
            if (scale->is_string() && *scale == "cosmological") cosmological_ = true;
            else if (!scale->is_string() || *scale != "human")
                report(Severity::Warning, "/scale", {Problem::UnknownScale});
        }
        // A title that cannot be read costs the pack its title, not its events.
        const size_t before_title = result_.diagnostics.size();
        if (const auto title = root.find("title"); title != root.end() && title->is_object()) {
            if (const auto t = title->find("text"); t != title->end() && t->is_object()) {
                const auto headline = text_member(*t, "/title/text", "headline");
                const auto body = text_member(*t, "/title/text", "text");
                if (headline) pack_.set_title(*headline);
                if (body) pack_.set_description(*body);
            }
        }
        for (size_t k = before_title; k < result_.diagnostics.size(); ++k) {
            result_.diagnostics[k].severity = Severity::Warning;
            result_.diagnostics[k].notes.push_back({Problem::TitleLeftOut});
        }
        reserve_ids(root);
        read_slides(root, "events", false);
        read_slides(root, "eras", true);
        events_readable_ = root.at("events").is_array();
    }
    locate_diagnostics(text, result_.diagnostics);
}

} // namespace

ImportResult import_timeline(const std::string& text, const ImportOptions& options) {
    ImportResult result;
    result.format = ImportFormat::TimelineJS;
    if (!check_import_options(options, result.diagnostics)) return result;
    std::optional<json> root = parse_json_text(text, options.file, result.diagnostics);
    if (!root) return result;
    TimelineReader reader(options, result);
    reader.read(*root, text);
    root.reset(); // the tree of a big timeline weighs more than the pack made from it
    reader.finish();
    return result;
}

} // namespace chronicle
