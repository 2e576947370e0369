// No blind strategy beats chance: a student who always picks the first option, the
// last, the middle one, or the earliest/latest date and the smallest/largest number
// scores what guessing scores, over thousands of questions from three kinds of pack.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <climits>
#include <map>

#include "core/exchange/importer.h"
#include "core/quiz/generator.h"
#include "support.h"
#include "synthetic_pack.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// The space race as TimelineJS publishes it: days, months, a year, an event that lasted.
const char* const kSpaceRace = R"({
  "title": {"text": {"headline": "The Space Race"}},
  "events": [
    {"start_date": {"year": "1957", "month": "10", "day": "4"}, "text": {"headline": "Sputnik 1", "text": "The first satellite."}},
    {"start_date": {"year": "1957", "month": "11", "day": "3"}, "text": {"headline": "Laika in orbit"}},
    {"start_date": {"year": "1958", "month": "1", "day": "31"}, "text": {"headline": "Explorer 1"}},
    {"start_date": {"year": "1958", "month": "7"}, "text": {"headline": "NASA is founded"}},
    {"start_date": {"year": "1959", "month": "9", "day": "14"}, "text": {"headline": "Luna 2 hits the Moon"}},
    {"start_date": {"year": "1961", "month": "4", "day": "12"}, "text": {"headline": "Gagarin orbits the Earth"}},
    {"start_date": {"year": "1961", "month": "5", "day": "5"}, "text": {"headline": "Shepard's flight"}},
    {"start_date": {"year": "1962", "month": "2", "day": "20"}, "text": {"headline": "Glenn orbits the Earth"}},
    {"start_date": {"year": "1963", "month": "6", "day": "16"}, "text": {"headline": "Tereshkova in space"}},
    {"start_date": {"year": "1965", "month": "3", "day": "18"}, "text": {"headline": "The first spacewalk"}},
    {"start_date": {"year": "1966", "month": "2"}, "text": {"headline": "Luna 9 lands softly"}},
    {"start_date": {"year": "1967"}, "text": {"headline": "The Outer Space Treaty"}},
    {"start_date": {"year": "1968", "month": "12", "day": "24"}, "text": {"headline": "Apollo 8 circles the Moon"}},
    {"start_date": {"year": "1969", "month": "7", "day": "16"}, "end_date": {"year": "1969", "month": "7", "day": "24"},
     "text": {"headline": "Apollo 11"}},
    {"start_date": {"year": "1971", "month": "4", "day": "19"}, "text": {"headline": "Salyut 1"}},
    {"start_date": {"year": "1975", "month": "7", "day": "17"}, "text": {"headline": "Apollo–Soyuz"}}
  ]
})";

Pack space_race() {
    ImportOptions o;
    o.file = "space-race.json";
    o.lang = "en";
    const ImportResult r = import_timeline(kSpaceRace, o);
    REQUIRE(r.pack);
    return *r.pack;
}

Pack generated() {
    LoadResult r = load_pack_text(synthetic_pack(1500, 0.2), "synthetic.json");
    REQUIRE(r.pack);
    return std::move(*r.pack);
}

// What each blind strategy scores against what guessing scores (the sum of 1/options).
// The strategies: "first", "last", and the middle ones ("middle-" and "middle+" differ
// when the options are even). Dates and numbers are listed in ascending order (the
// date test below checks dates, add() numbers), so on them first and last are also the
// earliest and latest date, the smallest and largest number.
struct Tally {
    double chance = 0;
    std::map<std::string, double> hits;

    void add(const Question& q) {
        const size_t n = q.options.size(), right = q.answer.at(0);
        if (q.kind == Kind::Number)
            for (size_t i = 1; i < n; ++i) REQUIRE(*q.options[i - 1].value < *q.options[i].value);
        chance += 1.0 / static_cast<double>(n);
        hits["first"] += right == 0;
        hits["last"] += right == n - 1;
        hits["middle-"] += right == (n - 1) / 2;
        hits["middle+"] += right == n / 2;
    }
};

// Every one-option question of 30-question quizzes over difficulties, both languages
// and seeds from 1, tallied for all questions and for each kind (a student may play
// "the latest date" on date questions only), until guessing would score `enough` on
// every kind (or the seeds run out, for a kind the pack seldom asks).
std::map<std::string, Tally> play(const Pack& pack, double enough) {
    std::map<std::string, Tally> tallies;
    auto measured = [&] {
        return std::all_of(tallies.begin(), tallies.end(), [&](const auto& t) { return t.second.chance >= enough; });
    };
    for (uint64_t seed = 1; seed <= 1000 && (tallies.empty() || !measured()); ++seed)
        for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard}) {
            QuizOptions o;
            o.seed = seed;
            o.count = 30;
            o.lang = seed % 2 ? "en" : "zh";
            o.difficulty = d;
            for (const Question& q : generate_quiz(pack, o).questions) {
                if (asks_for_order(q.kind)) continue;
                tallies["all kinds"].add(q);
                tallies[kind_name(q.kind)].add(q);
            }
        }
    return tallies;
}

} // namespace

// Run with -s to see every figure.
TEST_CASE("No blind strategy beats chance", "[generator][fairness]") {
    const Pack timeline = space_race(), synthetic = generated();
    for (const auto& [name, pack] : {std::pair{"seed", &seed_pack()}, std::pair{"timeline", &timeline},
                                     std::pair{"synthetic", &synthetic}}) {
        // Enough questions that chance alone stays far from 1.1 (at 500 expected right
        // guesses, 1.1× is over 4 standard deviations away).
        for (const auto& [group, tally] : play(*pack, 1000)) {
            INFO(name << " " << group);
            if (group == "all kinds") REQUIRE(tally.chance >= 1000);
            else if (tally.chance < 500) continue; // a kind the pack seldom asks: too few to measure alone
            for (const auto& [strategy, hits] : tally.hits) {
                INFO(name << " " << group << " " << strategy << ": " << hits / tally.chance << "x (" << hits << " / "
                          << tally.chance << ")");
                CHECK(hits / tally.chance <= 1.1);
            }
        }
    }
}

namespace {

Quiz quiz_of(const Pack& p, std::vector<Kind> kinds, Difficulty d, uint64_t seed, const std::string& lang = "en") {
    QuizOptions o;
    o.seed = seed;
    o.count = 50;
    o.lang = lang;
    o.kinds = std::move(kinds);
    o.difficulty = d;
    return generate_quiz(p, o);
}

constexpr Difficulty kDifficulties[] = {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard};

// Whether text names a person, as a reader would see it: a Latin name or alias as a
// whole word whatever its case, a Han one anywhere.
class NameFinder {
public:
    explicit NameFinder(const Person& person) {
        names_ = person.aliases;
        for (const auto& [lang, name] : person.name.by_lang) names_.push_back(name);
        for (std::string& name : names_) name = lower(name);
    }
    bool in(const std::string& text) const {
        const std::string t = lower(text);
        for (const std::string& name : names_) {
            const bool han = std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
            for (size_t at = t.find(name); at != std::string::npos; at = t.find(name, at + 1)) {
                const size_t end = at + name.size();
                if (han || ((at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]))) &&
                            (end == t.size() || !std::isalnum(static_cast<unsigned char>(t[end])))))
                    return true;
            }
        }
        return false;
    }

private:
    static std::string lower(std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }
    std::vector<std::string> names_;
};

std::string every_language(const LocalText& t) {
    std::string s;
    for (const auto& [lang, text] : t.by_lang) s += text + "\n";
    return s;
}

// Every date that format_date() writes for the years [from, to], by its English text.
std::map<std::string, DateSpec> dates_by_text(int64_t from, int64_t to) {
    std::map<std::string, DateSpec> out;
    for (int64_t y = from; y <= to; ++y)
        for (int m = 0; m <= 12; ++m)
            for (int d = 0; d <= (m ? days_in_month(y, m) : 0); ++d) {
                const PartialDate p{y, m, d};
                out.emplace(format_date(p, "en"), DateSpec{p, p});
            }
    return out;
}

} // namespace

TEST_CASE("Nobody the question or its event names is offered as a wrong answer", "[generator][fairness][who]") {
    const LoadResult crafted = load(pack_with(R"([
    {"id": "e1", "date": "2001", "headline": "Zhang takes over", "text": "张伟接手公司，ALICE 离开", "actors": ["bo"],
     "who": {"en": "took over from Zhang", "zh": "从张伟手中接过公司"}},
    {"id": "e2", "date": "2002", "headline": "Cy's reply", "text": "T", "actors": ["cy"], "who": "answered Alice and Al"},
    {"id": "e3", "date": "2003", "headline": "Di meets Alice", "text": "T", "actors": ["di"], "who": "met Alice"}])",
                                              R"("people": [
      {"id": "zhang", "name": {"en": "Wei Zhang", "zh": "张伟"}}, {"id": "alice", "name": "Alice Liddell", "aliases": ["Alice"]},
      {"id": "al", "name": "Al"}, {"id": "bo", "name": "Bo"}, {"id": "cy", "name": "Cy"}, {"id": "di", "name": "Di"}],
  "quotes": [{"id": "q1", "text": {"en": "Wei was right", "zh": "张伟是对的"}, "speaker": "bo"},
             {"id": "q2", "text": "alice, come back", "speaker": "cy", "event": "e3"}],)"));
    REQUIRE(crafted.pack);
    for (const Pack* p : {&seed_pack(), &*crafted.pack}) {
        std::map<std::string, NameFinder> finders;
        for (const Person& person : p->people) finders.emplace(person.id, person);
        size_t asked = 0, al_offered = 0;
        for (Difficulty d : kDifficulties)
            for (uint64_t seed = 1; seed <= 30; ++seed)
                for (const char* lang : {"en", "zh"})
                    for (const Question& q : quiz_of(*p, {Kind::WhoSaid, Kind::WhoDid}, d, seed, lang).questions) {
                        // What the question and its source event say, in every language.
                        std::string words;
                        if (q.kind == Kind::WhoSaid)
                            for (const Quote& quote : p->quotes)
                                if (q.key == "who_said:" + quote.id) words += every_language(quote.text);
                        for (const std::string& id : q.events) {
                            const Event& e = event_by_id(*p, id);
                            words += every_language(e.headline) + every_language(e.text) + every_language(e.who);
                        }
                        REQUIRE_FALSE(words.empty());
                        ++asked;
                        for (size_t i = 0; i < q.options.size(); ++i) {
                            if (i == q.answer[0]) continue;
                            const Person* person = nullptr;
                            for (const Person& x : p->people)
                                if (x.id == q.options[i].person) person = &x;
                            REQUIRE(person);
                            al_offered += person->id == "al";
                            INFO(q.prompt << " offers " << q.options[i].text);
                            CHECK_FALSE(finders.at(person->id).in(words));
                        }
                    }
        CHECK(asked > 100);
        // "Alice" does not name "Al": a name counts only as a whole word.
        if (p != &seed_pack()) CHECK(al_offered > 0);
    }
}

TEST_CASE("Date options are plain dates inside the pack's time window and at the precision asked",
          "[generator][fairness][when]") {
    static const std::map<std::string, DateSpec> dates = dates_by_text(1900, 2100);
    const Pack timeline = space_race();
    // Written in 1975 about a treaty still open then: no wrong year after 1975.
    const LoadResult written = load(pack_with(R"([
    {"id": "a", "date": "1960-03-02", "headline": "A", "text": "T"}, {"id": "b", "date": "1962", "headline": "B", "text": "T"},
    {"id": "c", "date": "1965-07", "headline": "C", "text": "T"}, {"id": "d", "date": "1970", "headline": "D", "text": "T"},
    {"id": "e", "date": "1972-05-01", "headline": "E", "text": "T"},
    {"id": "talks", "date": {"from": "1974", "to": "1980"}, "headline": "Talks", "text": "T"}])",
                                              R"("source": {"title": "S", "date": "1975"},)"));
    REQUIRE(written.pack);
    for (const Pack* p : {&seed_pack(), &timeline, &*written.pack}) {
        // Between the earliest and the latest event, and never after the source's date.
        DayInterval window{INT64_MAX, INT64_MIN};
        for (EventIndex e : p->by_time) {
            window.earliest = std::min(window.earliest, p->events[e].interval.earliest);
            window.latest = std::max(window.latest, p->events[e].interval.latest);
        }
        if (p->source.date) window.latest = std::min(window.latest, p->source.date->interval().latest);
        size_t asked = 0, day_events_on_hard = 0;
        for (Difficulty d : kDifficulties)
            for (uint64_t seed = 1; seed <= 20; ++seed)
                for (const Question& q : quiz_of(*p, {Kind::When}, d, seed).questions) {
                    ++asked;
                    const Event& e = event_by_id(*p, q.events.at(0));
                    const bool single_day = e.date->precision() == Precision::Day && !e.date->is_range();
                    for (const Option& o : q.options) {
                        INFO(q.prompt << " offers " << o.text << " (" << difficulty_name(d) << ")");
                        const auto date = dates.find(o.text);
                        REQUIRE(date != dates.end()); // a plain date: no range, no shifted copy of one
                        const DayInterval in = date->second.interval();
                        CHECK(in.latest >= window.earliest);
                        CHECK(in.earliest <= window.latest);
                        // A day is asked by its month unless the quiz is hard; every option has the same precision.
                        CHECK(date->second.precision() == dates.at(q.options[q.answer[0]].text).precision());
                        if (d != Difficulty::Hard) CHECK(date->second.precision() != Precision::Day);
                        else if (single_day) CHECK(date->second.precision() == Precision::Day);
                    }
                    day_events_on_hard += d == Difficulty::Hard && single_day;
                    // Listed earliest first, so the fairness test's "first" is the earliest date.
                    for (size_t i = 1; i < q.options.size(); ++i)
                        CHECK(before(dates.at(q.options[i - 1].text).interval(), dates.at(q.options[i].text).interval()));
                    // The right option is the unit that holds the event's date.
                    const DayInterval right = dates.at(q.options[q.answer[0]].text).interval();
                    CHECK(right.earliest <= e.interval.earliest);
                    CHECK(right.latest >= e.interval.latest);
                }
        CHECK(asked > 50);
        CHECK(day_events_on_hard > 0);
    }
}

TEST_CASE("Number options: shares stay between 0 and 100 percent and are no complement; at least 3 options",
          "[generator][fairness][number]") {
    const Pack synthetic = generated();
    for (const Pack* p : {&seed_pack(), &synthetic}) {
        size_t shares = 0;
        for (Difficulty d : kDifficulties)
            for (uint64_t seed = 1; seed <= 10; ++seed)
                for (const Question& q : quiz_of(*p, {Kind::Number}, d, seed).questions) {
                    INFO(q.prompt << " (" << difficulty_name(d) << ")");
                    const double right = *q.options[q.answer[0]].value;
                    const bool share = q.options[0].text.back() == '%';
                    // Three options whenever two wrong ones fit on each side of the truth.
                    if (right >= 3 && (!share || right <= 97)) CHECK(q.options.size() >= 3);
                    if (!share) continue;
                    ++shares;
                    for (const Option& o : q.options) {
                        INFO(o.text);
                        CHECK(*o.value < 100);
                        CHECK((*o.value > 0 || right == 0));
                        if (*o.value != right) CHECK(*o.value != 100 - right);
                    }
                }
        CHECK(shares > 0);
    }
}
