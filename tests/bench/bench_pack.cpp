// chronicle_bench: how fast a big pack loads and how fast quizzes come out of it.
//
//   chronicle_bench [events] [--undated=PERCENT] [--only=load|generate] [--kind=KIND] [--write=FILE]
//     events       default 100000
//     --undated    share of events without a date, default 2
//     --only       run just that part, repeatedly (load 5 times; generate for 5 s), for a
//                  profiler: perf record -g chronicle_bench 20000 --only=generate
//     --kind       with --only=generate: only this kind of question ("first", "number", …)
//     --write      write the pack to FILE (its id: the file's name without .json) and
//                  stop, e.g. to fill a pack folder for startup_bench.sh
//
// Builds a synthetic pack in memory as JSON text (deterministic: the same text on
// every run and machine), then measures, best of several runs:
//   parse   plain nlohmann::json::parse of the text, and freeing the DOM it returns
//           (load_pack_text builds and frees one too), i.e. `{ json j = json::parse(text); }`
//   load    chronicle::load_pack_text (raw checks + parse + validation + index)
//   ratio   load / parse (goal: <= 1.5); also against the parse alone, without the free
// and questions generated per second (goal: >= 100,000/s) for 20-question quizzes
// with seeds 1, 2, … and for one 10,000-question quiz.
//
// A timing that takes over 10 s is not repeated.
// Prints human-readable lines (starting with '#'), then one `key=value` line per
// number for scripts.
// Not a test: it always exits 0 once the pack loads (it exits 1 if it does not).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/exchange/export.h"
#include "core/quiz/generator.h"
#include "core/pack/pack_loader.h"
#include "core/base/rng.h"
#include "ui/messages.h"

namespace {

using chronicle::Rng;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// ---------------------------------------------------------------------------
// Synthetic text
// ---------------------------------------------------------------------------

const char* const kWords[] = {
    "the",       "council",   "announced", "a",          "new",        "treaty",    "between",  "two",
    "nations",   "after",     "months",    "of",         "talks",      "in",        "capital",  "city",
    "company",   "released",  "its",       "first",      "model",      "to",        "public",   "and",
    "board",     "voted",     "against",   "proposal",   "river",      "flooded",   "valley",   "during",
    "spring",    "scientists", "observed", "comet",      "over",       "southern",  "sky",      "for",
    "weeks",     "workers",   "went",      "on",         "strike",     "demanding", "higher",   "wages",
    "railway",   "opened",    "linking",   "coast",      "with",       "interior",  "museum",   "acquired",
    "collection", "ancient",  "coins",     "from",       "merchants",  "harbour",   "expedition", "reached",
    "summit",    "before",    "storm",     "arrived",    "parliament", "passed",    "law",      "on",
    "education", "reform",    "festival",  "drew",       "crowds",     "old",       "town",     "square",
    "engineers", "completed", "bridge",    "across",     "strait",     "election",  "results",  "surprised",
    "observers", "minister",  "resigned",  "amid",       "scandal",    "university", "founded", "library",
};
constexpr size_t kWordCount = sizeof kWords / sizeof kWords[0];

// Common Chinese characters (3 bytes each in UTF-8).
const char kHanzi[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民"
    "得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义"
    "事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直"
    "题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西"
    "被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转";
constexpr size_t kHanziCount = (sizeof kHanzi - 1) / 3;

class TextMaker {
public:
    explicit TextMaker(Rng& rng) : rng_(rng) {}

    // About `chars` characters of English (ASCII), as a JSON string body (no quotes).
    std::string english(int chars, bool capital = true) {
        std::string s;
        while (static_cast<int>(s.size()) < chars) {
            if (!s.empty()) s += ' ';
            s += kWords[rng_.below(kWordCount)];
            // Now and then an escaped quote, as real text has.
            if (rng_.below(40) == 0) s += " \\\"quoted\\\"";
        }
        if (capital && !s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    }

    // About `chars` Chinese characters, with full-width punctuation now and then.
    std::string chinese(int chars) {
        std::string s;
        for (int i = 0; i < chars; ++i) {
            if (i > 0 && rng_.below(12) == 0) {
                s += rng_.below(3) == 0 ? "。" : "，";
                continue;
            }
            if (rng_.below(60) == 0) {
                s += "「";
                s.append(kHanzi + 3 * rng_.below(kHanziCount), 3);
                s.append(kHanzi + 3 * rng_.below(kHanziCount), 3);
                s += "」";
                i += 3;
                continue;
            }
            s.append(kHanzi + 3 * rng_.below(kHanziCount), 3);
        }
        return s;
    }

    int around(int n) { return n <= 1 ? 1 : n * 3 / 4 + static_cast<int>(rng_.below(static_cast<uint32_t>(n / 2 + 1))); }

    // {"zh": "…", "en": "…"} with about the given numbers of characters.
    // `tag` ends both texts: headlines and options must differ, and random words repeat.
    std::string both(int zh_chars, int en_chars, const std::string& tag = "") {
        return "{\"zh\":\"" + chinese(around(zh_chars)) + tag + "\",\"en\":\"" + english(around(en_chars)) + tag + "\"}";
    }

private:
    Rng& rng_;
};

// ---------------------------------------------------------------------------
// Synthetic dates
// ---------------------------------------------------------------------------

std::string ymd(int64_t y, int m = 0, int d = 0) {
    chronicle::PartialDate p;
    p.year = y;
    p.month = m;
    p.day = d;
    return "\"" + chronicle::iso(p) + "\"";
}

// A JSON date value, or "" for no date. `undated` in 1/1000.
std::string make_date(Rng& rng, uint32_t undated) {
    if (rng.below(1000) < undated) return rng.below(2) ? "" : "null"; // no date: left out or null
    const uint32_t r = 30 + rng.below(970);
    if (r < 45) { // deep time: a year number, or a range of them
        const int64_t y = -static_cast<int64_t>(rng.between(100'000, 13'800'000'000));
        if (rng.below(2)) return std::to_string(y);
        // Narrow ranges (at most 0.1% of the age): wider deep-time ranges make the core's
        // shift_date overflow int64 (undefined behaviour; see the fuzzing notes).
        const int64_t width = 1 + rng.between(0, std::max<int64_t>(1, -y / 1000));
        return "{\"from\":" + std::to_string(y) + ",\"to\":" + std::to_string(y + width) + "}";
    }
    if (r < 60) { // ancient: negative ISO years and early centuries
        const int64_t y = rng.between(-3000, 1899);
        if (rng.below(2)) return ymd(y);
        const int m = 1 + static_cast<int>(rng.below(12));
        return ymd(y, m, 1 + static_cast<int>(rng.below(static_cast<uint32_t>(chronicle::days_in_month(y, m)))));
    }
    const int64_t y = rng.between(1900, 2025);
    const int m = 1 + static_cast<int>(rng.below(12));
    const int d = 1 + static_cast<int>(rng.below(static_cast<uint32_t>(chronicle::days_in_month(y, m))));
    if (r < 560) return ymd(y, m, d); // day
    if (r < 760) return ymd(y, m);    // month
    if (r < 860) return ymd(y);       // year
    // Ranges: days to days, day to month, months to months, years to years.
    const uint32_t kind = rng.below(4);
    if (kind == 0) {
        const int64_t start = chronicle::days_from_civil(y, m, d);
        int64_t y2;
        int m2, d2;
        chronicle::civil_from_days(start + 1 + static_cast<int64_t>(rng.below(14)), y2, m2, d2);
        return "{\"from\":" + ymd(y, m, d) + ",\"to\":" + ymd(y2, m2, d2) + "}";
    }
    if (kind == 1) {
        const int m2 = std::min(12, m + 1 + static_cast<int>(rng.below(2)));
        return "{\"from\":" + ymd(y, m, d) + ",\"to\":" + ymd(y, m2) + "}";
    }
    if (kind == 2) {
        const int m2 = m + static_cast<int>(rng.below(static_cast<uint32_t>(13 - m)));
        return "{\"from\":" + ymd(y, m) + ",\"to\":" + ymd(y, m2) + "}";
    }
    return "{\"from\":" + ymd(y) + ",\"to\":" + ymd(y + 1 + static_cast<int64_t>(rng.below(5))) + "}";
}

// ---------------------------------------------------------------------------
// The pack
// ---------------------------------------------------------------------------

std::string event_id(int i) {
    char b[16];
    std::snprintf(b, sizeof b, "e%06d", i);
    return b;
}

// `scale` multiplies every text length (1.0: realistic sizes).
std::string make_pack(int event_count, double scale, uint32_t undated) {
    Rng rng(20240601);
    TextMaker t(rng);
    auto n = [&](int chars) { return std::max(1, static_cast<int>(std::lround(chars * scale))); };

    constexpr int kPersons = 185, kOrganizations = 15, kPeople = kPersons + kOrganizations;
    const int quotes = std::max(1, event_count / 20);    // 5,000 at 100,000 events
    const int numbers = std::max(1, event_count / 50);   // 2,000
    const int questions = std::max(2, event_count / 1000); // 100

    std::string s;
    s.reserve(static_cast<size_t>(event_count) * static_cast<size_t>(700 * scale + 150));
    s += "{\n\"$schema\":\"schema/pack.schema.json\",\n\"format\":\"chronicle-pack/1\",\n\"id\":\"bench-synthetic\",\n";
    s += "\"version\":\"1.0.0\",\n\"licence\":\"CC0-1.0\",\n";
    s += "\"author\":{\"zh\":\"基准测试\",\"en\":\"chronicle_bench\"},\n";
    s += "\"title\":{\"zh\":\"合成题包\",\"en\":\"Synthetic pack\"},\n";
    s += "\"description\":" + t.both(30, 80) + ",\n";
    s += "\"languages\":[\"zh\",\"en\"],\n\"default_language\":\"zh\",\n";
    s += "\"source\":{\"title\":\"Generated\",\"url\":\"https://example.org/bench\",\"note\":" + t.both(20, 60) + "},\n";

    // People: persons p000…, organizations org00…
    std::vector<std::string> people;
    s += "\"people\":[\n";
    for (int i = 0; i < kPeople; ++i) {
        const bool org = i >= kPersons;
        char id[16];
        std::snprintf(id, sizeof id, org ? "org%02d" : "p%03d", org ? i - kPersons : i);
        people.emplace_back(id);
        if (i) s += ",\n";
        s += "{\"id\":\"" + people.back() + "\"";
        if (org) s += ",\"kind\":\"organization\"";
        else if (rng.below(2)) s += ",\"kind\":\"person\"";
        s += ",\"name\":{\"zh\":\"" + t.chinese(2 + static_cast<int>(rng.below(3))) + "\",\"en\":\"" +
             t.english(12) + "\"}";
        if (rng.below(3) == 0) s += ",\"aliases\":[\"" + t.english(6) + "\",\"" + t.chinese(2) + "\"]";
        if (rng.below(2)) s += ",\"description\":" + t.both(n(15), n(40));
        s += "}";
    }
    s += "\n],\n";

    // Events.
    s += "\"events\":[\n";
    for (int i = 0; i < event_count; ++i) {
        if (i) s += ",\n";
        s += "{\"id\":\"" + event_id(i) + "\"";
        const std::string date = make_date(rng, undated);
        if (!date.empty()) s += ",\"date\":" + date;
        if (rng.below(20) == 0) s += ",\"date_note\":" + t.both(n(25), n(60));
        s += ",\"headline\":" + t.both(n(16), n(40), " " + std::to_string(i + 1));
        s += ",\"text\":" + t.both(n(90), n(200));
        // Actors: person i % kPersons guarantees everyone is used; a few organizations.
        std::vector<int> actors;
        if (i < kPeople || rng.below(10) < 8) {
            actors.push_back(i < kPeople ? i : static_cast<int>(rng.below(kPersons)));
            if (rng.below(4) == 0) {
                const int other = rng.below(5) == 0 ? kPersons + static_cast<int>(rng.below(kOrganizations))
                                                    : static_cast<int>(rng.below(kPersons));
                if (other != actors[0]) actors.push_back(other);
            }
        }
        if (!actors.empty()) {
            s += ",\"actors\":[";
            for (size_t a = 0; a < actors.size(); ++a) s += (a ? ",\"" : "\"") + people[static_cast<size_t>(actors[a])] + "\"";
            s += "]";
            if (rng.below(10) == 0)
                s += ",\"who\":{\"zh\":\"" + t.chinese(t.around(n(20))) + "\",\"en\":\"" + t.english(t.around(n(60)), false) +
                     "\"}";
        }
        if (rng.below(3) == 0) s += ",\"tags\":[\"" + std::string(kWords[rng.below(kWordCount)]) + "\",\"t" +
                                    std::to_string(rng.below(50)) + "\"]";
        s += "}";
    }
    s += "\n],\n";

    // Quotes, spoken by persons (and now and then an organization).
    s += "\"quotes\":[\n";
    for (int i = 0; i < quotes; ++i) {
        if (i) s += ",\n";
        const int speaker = rng.below(10) == 0 ? kPersons + static_cast<int>(rng.below(kOrganizations))
                                               : static_cast<int>(rng.below(kPersons));
        s += "{\"id\":\"q" + std::to_string(i) + "\",\"text\":" + t.both(n(30), n(80)) + ",\"speaker\":\"" +
             people[static_cast<size_t>(speaker)] + "\"";
        if (rng.below(2)) s += ",\"event\":\"" + event_id(static_cast<int>(rng.below(static_cast<uint32_t>(event_count)))) + "\"";
        s += "}";
    }
    s += "\n],\n";

    // Numbers: counts, money, percentages, decimals.
    static const char* const kUnits[][2] = {{"名用户", "users"}, {"人", "people"},   {"美元", "dollars"},
                                            {"公里", "km"},      {"吨", "tonnes"},   {"天", "days"},
                                            {"%", "%"},          {"年", "years"},    {"座", "buildings"}};
    s += "\"numbers\":[\n";
    for (int i = 0; i < numbers; ++i) {
        if (i) s += ",\n";
        const auto& unit = kUnits[rng.below(sizeof kUnits / sizeof kUnits[0])];
        std::string value;
        if (std::string(unit[1]) == "%") {
            value = std::to_string(rng.below(100)) + (rng.below(2) ? ".5" : "");
        } else if (rng.below(5) == 0) {
            value = std::to_string(rng.below(1000)) + "." + std::to_string(1 + rng.below(9));
        } else {
            const int digits = 1 + static_cast<int>(rng.below(9));
            value = std::to_string(1 + rng.below(9));
            for (int k = 1; k < digits; ++k) value += rng.below(3) ? "0" : std::to_string(rng.below(10));
        }
        s += "{\"id\":\"n" + std::to_string(i) + "\",\"value\":" + value;
        if (std::string(unit[1]) == "%") s += ",\"unit\":\"%\"";
        else s += ",\"unit\":{\"zh\":\"" + std::string(unit[0]) + "\",\"en\":\"" + unit[1] + "\"}";
        s += ",\"question\":" + t.both(n(25), n(70));
        if (rng.below(3)) s += ",\"event\":\"" + event_id(static_cast<int>(rng.below(static_cast<uint32_t>(event_count)))) + "\"";
        s += "}";
    }
    s += "\n],\n";

    // Hand-written questions: half multiple choice, half true/false.
    s += "\"questions\":[\n";
    for (int i = 0; i < questions; ++i) {
        if (i) s += ",\n";
        s += "{\"id\":\"h" + std::to_string(i) + "\"";
        if (i % 2 == 0) {
            s += ",\"type\":\"multiple_choice\",\"prompt\":" + t.both(n(25), n(70)) + ",\"options\":[";
            const int options = 3 + static_cast<int>(rng.below(3));
            const int right = static_cast<int>(rng.below(static_cast<uint32_t>(options)));
            for (int o = 0; o < options; ++o) {
                s += (o ? "," : "") + std::string("{\"text\":") + t.both(n(8), n(20), " " + std::string(1, static_cast<char>('A' + o)));
                if (o == right) s += ",\"correct\":true";
                else if (rng.below(2)) s += ",\"correct\":false";
                s += "}";
            }
            s += "]";
        } else {
            s += ",\"type\":\"true_false\",\"prompt\":" + t.both(n(25), n(70)) + ",\"answer\":" +
                 (rng.below(2) ? "true" : "false");
        }
        if (rng.below(2)) s += ",\"explanation\":" + t.both(n(40), n(100));
        s += ",\"events\":[\"" + event_id(static_cast<int>(rng.below(static_cast<uint32_t>(event_count)))) + "\"]}";
    }
    s += "\n]\n}\n";
    return s;
}

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------

constexpr int kRuns = 5;

// Best of `runs` of `run`, which returns the milliseconds it measured (so that it can
// leave out freeing its result); a run over 10 s is not repeated.
template <class F> double best_of(F&& run, int runs = kRuns) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        best = std::min(best, run());
        if (best > 10'000) {
            std::printf("# (a run took %.1f s; not repeated)\n", best / 1e3);
            break;
        }
    }
    return best;
}

size_t g_sink = 0; // keeps results observable so no work is optimised away

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows even through a pipe
    int events = 100000;
    double undated_percent = 2.0;
    std::string only, write_to;
    std::optional<chronicle::Kind> only_kind;
    bool usage = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--kind=", 0) == 0) {
            only_kind = chronicle::kind_from_name(a.substr(7));
            usage |= !only_kind;
        } else if (a.rfind("--only=", 0) == 0) {
            only = a.substr(7);
            usage |= only != "load" && only != "generate";
        } else if (a.rfind("--write=", 0) == 0) {
            write_to = a.substr(8);
            usage |= write_to.size() < 6 || write_to.substr(write_to.size() - 5) != ".json";
        } else if (a.rfind("--undated=", 0) == 0) {
            char* end = nullptr;
            undated_percent = std::strtod(a.c_str() + 10, &end);
            usage |= *end != '\0' || !(undated_percent >= 0 && undated_percent <= 100);
        } else {
            events = std::atoi(a.c_str());
            usage |= events < 10;
        }
    }
    if (usage) {
        std::fprintf(stderr, "usage: %s [events (>= 10, default 100000)] [--undated=PERCENT (default 2)] "
                             "[--only=load|generate] [--kind=KIND] [--write=FILE.json]\n", argv[0]);
        return 2;
    }
    const auto undated = static_cast<uint32_t>(std::lround(undated_percent * 10));

    // Realistic sizes first; if the text is over the loader's size limit, shrink every
    // text until it fits (and say so), since a refused pack measures nothing.
    double scale = 1.0;
    auto t0 = Clock::now();
    std::string text = make_pack(events, scale, undated);
    const size_t realistic_bytes = text.size();
    for (int tries = 0; text.size() > chronicle::kMaxInputBytes && tries < 8; ++tries) {
        if (tries == 0) {
            const auto refused = chronicle::load_pack_text(text, "bench.json");
            std::printf("# note: with realistic text the pack is %.1f MB, over kMaxInputBytes (%zu MiB); the loader says:\n"
                        "#   %s\n",
                        static_cast<double>(text.size()) / 1e6, chronicle::kMaxInputBytes >> 20,
                        refused.diagnostics.empty()
                            ? "(nothing)"
                            : chronicle::ui::describe(refused.diagnostics[0], chronicle::ui::Lang::En).c_str());
        }
        scale *= 0.97 * static_cast<double>(chronicle::kMaxInputBytes) / static_cast<double>(text.size());
        text = make_pack(events, scale, undated);
    }
    if (scale != 1.0)
        std::printf("# note: text lengths scaled by %.2f so that the pack fits (%.1f MB)\n", scale,
                    static_cast<double>(text.size()) / 1e6);
    const double make_ms = ms_since(t0);
    const double mb = static_cast<double>(text.size()) / 1e6;

    if (!write_to.empty()) {
        const size_t slash = write_to.find_last_of('/');
        const std::string id = write_to.substr(slash == std::string::npos ? 0 : slash + 1);
        text.replace(text.find("\"bench-synthetic\""), 17, "\"" + id.substr(0, id.size() - 5) + "\"");
        std::FILE* out = std::fopen(write_to.c_str(), "wb");
        bool written = out && std::fwrite(text.data(), 1, text.size(), out) == text.size();
        if (out && std::fclose(out) != 0) written = false;
        std::printf("# %s: %.1f MB, %d events%s\n", write_to.c_str(), mb, events, written ? "" : " (NOT WRITTEN)");
        return written ? 0 : 1;
    }

    if (only == "load") {
        for (int i = 0; i < kRuns; ++i) {
            const auto start = Clock::now();
            const chronicle::LoadResult r = chronicle::load_pack_text(text, "bench.json");
            std::printf("# load: %.1f ms (%s)\n", ms_since(start), r.pack ? "loaded" : "REFUSED");
        }
        return 0;
    }

    // (a) plain parse, with freeing the DOM (load_pack_text frees its own DOM inside);
    // (b) Chronicle's load, without freeing the Pack it returns. The last load's result
    // is checked and used below.
    const bool timing = only.empty(); // --only=generate: load once, untimed
    double parse_only_ms = 1e300;
    const double parse_ms = !timing ? 1 : best_of([&] {
        const auto start = Clock::now();
        {
            nlohmann::json j = nlohmann::json::parse(text);
            parse_only_ms = std::min(parse_only_ms, ms_since(start));
            g_sink += j.size();
        }
        return ms_since(start);
    });
    if (timing)
        std::printf("# parse (nlohmann::json::parse):  %8.1f ms  (%.0f MB/s), of which freeing the DOM %.1f ms\n", parse_ms,
                    mb / parse_ms * 1e3, parse_ms - parse_only_ms);
    chronicle::LoadResult checked;
    const double load_ms = best_of([&] {
        const auto start = Clock::now();
        chronicle::LoadResult r = chronicle::load_pack_text(text, "bench.json");
        const double ms = ms_since(start);
        checked = std::move(r);
        return ms;
    }, timing ? kRuns : 1);
    if (!checked.pack) {
        std::fprintf(stderr, "chronicle_bench: the synthetic pack does not load:\n");
        size_t shown = 0;
        for (const auto& d : checked.diagnostics)
            if (d.severity == chronicle::Severity::Error && shown++ < 20)
                std::fprintf(stderr, "  %s\n", chronicle::ui::describe(d, chronicle::ui::Lang::En).c_str());
        return 1;
    }
    const size_t warnings = checked.diagnostics.size();
    const chronicle::Pack& pack = *checked.pack;
    std::printf("# pack: %d events (%zu dated, chain %zu), %zu people, %zu quotes, %zu numbers, %zu questions; "
                "%.1f MB of JSON made in %.0f ms; %zu warnings\n",
                static_cast<int>(pack.events.size()), pack.dated_event_count(), pack.longest_chain.size(),
                pack.people.size(), pack.quotes.size(), pack.numbers.size(), pack.questions.size(), mb, make_ms, warnings);
    const double ratio = load_ms / parse_ms;
    if (timing) {
        std::printf("# load  (load_pack_text):         %8.1f ms  (%.0f MB/s)\n", load_ms, mb / load_ms * 1e3);
        std::printf("# load / parse = %.2f (goal <= 1.5: %s); load / parse without the free = %.2f\n", ratio,
                    ratio <= 1.5 ? "met" : "MISSED", load_ms / parse_only_ms);
    }

    if (only == "generate") {
        chronicle::QuizOptions o;
        o.count = 20;
        if (only_kind) o.kinds = {*only_kind};
        long long qs = 0;
        const auto start = Clock::now();
        for (uint64_t seed = 1; ms_since(start) < 5000; ++seed) {
            o.seed = seed;
            qs += static_cast<long long>(chronicle::generate_quiz(pack, o).questions.size());
        }
        std::printf("# generate: %.0f questions/s\n", static_cast<double>(qs) / ms_since(start) * 1e3);
        return 0;
    }

    // Questions per second: 20-question quizzes, seeds 1, 2, …, for at least a second.
    chronicle::QuizOptions options;
    options.count = 20;
    options.difficulty = chronicle::Difficulty::Normal;
    long long small_questions = 0, small_quizzes = 0;
    t0 = Clock::now();
    double small_ms = 0;
    for (uint64_t seed = 1; small_ms < 1000 || small_quizzes < 100; ++seed) {
        options.seed = seed;
        const chronicle::Quiz quiz = chronicle::generate_quiz(pack, options);
        small_questions += static_cast<long long>(quiz.questions.size());
        ++small_quizzes;
        if ((small_quizzes & 15) == 0) small_ms = ms_since(t0);
    }
    small_ms = ms_since(t0);
    const double small_qps = static_cast<double>(small_questions) / small_ms * 1e3;
    std::printf("# %lld quizzes of %zu (%lld questions) in %.0f ms: %.0f questions/s, %.1f us/quiz (goal >= 100000/s: %s)\n",
                small_quizzes, options.count, small_questions, small_ms, small_qps, small_ms * 1e3 / static_cast<double>(small_quizzes),
                small_qps >= 100000 ? "met" : "MISSED");

    // One big quiz.
    options.count = 10000;
    options.seed = 7;
    size_t big_questions = 0;
    std::string exported;
    const double big_ms = best_of(
        [&] {
            const auto start = Clock::now();
            const chronicle::Quiz quiz = chronicle::generate_quiz(pack, options);
            const double ms = ms_since(start);
            big_questions = quiz.questions.size();
            return ms;
        },
        3);
    const double big_qps = static_cast<double>(big_questions) / big_ms * 1e3;
    std::printf("# one quiz of %zu asked: %zu questions in %.1f ms: %.0f questions/s (goal >= 100000/s: %s)\n",
                options.count, big_questions, big_ms, big_qps, big_qps >= 100000 ? "met" : "MISSED");

    // Per kind, for the profile (big quiz of a single kind; a kind that runs dry stops early).
    std::printf("# per kind, quizzes of 20, seeds 1..200:\n");
    std::string per_kind;
    for (chronicle::Kind k : chronicle::kAllKinds) {
        chronicle::QuizOptions o;
        o.count = 20;
        o.kinds = {k};
        long long qs = 0;
        const auto k0 = Clock::now();
        for (uint64_t seed = 1; seed <= 200; ++seed) {
            o.seed = seed;
            qs += static_cast<long long>(chronicle::generate_quiz(pack, o).questions.size());
        }
        const double ms = ms_since(k0);
        const double qps = qs ? static_cast<double>(qs) / ms * 1e3 : 0;
        std::printf("#   %-13s %7lld questions %9.0f questions/s\n", chronicle::kind_name(k), qs, qps);
        per_kind += std::string("qps_") + chronicle::kind_name(k) + "=" + std::to_string(static_cast<long long>(qps)) + "\n";
    }

    // Exporting the big quiz (for information).
    options.count = 10000;
    const chronicle::Quiz big = chronicle::generate_quiz(pack, options);
    const double export_ms = best_of(
        [&] {
            const auto start = Clock::now();
            exported = chronicle::quiz_to_json(big);
            return ms_since(start);
        },
        3);
    std::printf("# quiz_to_json of %zu questions: %.1f ms (%.1f MB)\n", big.questions.size(), export_ms,
                static_cast<double>(exported.size()) / 1e6);

    std::printf("events=%d\n", events);
    std::printf("undated_percent=%.1f\n", undated_percent);
    std::printf("warnings=%zu\n", warnings);
    std::printf("text_scale=%.3f\n", scale);
    std::printf("realistic_mb=%.2f\n", static_cast<double>(realistic_bytes) / 1e6);
    std::printf("mb=%.2f\n", mb);
    std::printf("parse_ms=%.2f\n", parse_ms);
    std::printf("load_ms=%.2f\n", load_ms);
    std::printf("ratio=%.3f\n", ratio);
    std::printf("parse_only_ms=%.2f\n", parse_only_ms);
    std::printf("ratio_parse_only=%.3f\n", load_ms / parse_only_ms);
    std::printf("questions_per_s=%.0f\n", small_qps);
    std::printf("questions_per_s_big=%.0f\n", big_qps);
    std::printf("big_quiz_questions=%zu\n", big_questions);
    std::printf("%s", per_kind.c_str());
    std::printf("export_ms=%.2f\n", export_ms);
    std::fprintf(stderr, "%s", g_sink == 42 ? " " : "");
    return 0;
}
