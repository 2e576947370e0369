// The synthetic pack that chronicle_bench measures and the tests generate quizzes from:
// JSON text built in memory, deterministic (the same text on every run and machine),
// with people, quotes, numbers (percentages too), hand-written questions, dates from
// deep time to days, ranges and a few undated events.
#include "synthetic_pack.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/base/date.h"
#include "core/base/rng.h"

namespace chronicle::test {

namespace {

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
    PartialDate p;
    p.year = y;
    p.month = m;
    p.day = d;
    return "\"" + iso(p) + "\"";
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
        return ymd(y, m, 1 + static_cast<int>(rng.below(static_cast<uint32_t>(days_in_month(y, m)))));
    }
    const int64_t y = rng.between(1900, 2025);
    const int m = 1 + static_cast<int>(rng.below(12));
    const int d = 1 + static_cast<int>(rng.below(static_cast<uint32_t>(days_in_month(y, m))));
    if (r < 560) return ymd(y, m, d); // day
    if (r < 760) return ymd(y, m);    // month
    if (r < 860) return ymd(y);       // year
    // Ranges: days to days, day to month, months to months, years to years.
    const uint32_t kind = rng.below(4);
    if (kind == 0) {
        const int64_t start = days_from_civil(y, m, d);
        int64_t y2;
        int m2, d2;
        civil_from_days(start + 1 + static_cast<int64_t>(rng.below(14)), y2, m2, d2);
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
} // namespace

std::string synthetic_pack(int event_count, double scale, uint32_t undated) {
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

} // namespace chronicle::test
