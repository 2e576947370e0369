// Index
//   1. Texts that read the same
//   2. Cross-checks, warnings and the index (PackChecker)
#include "core/pack/pack_checks.h"

#include <algorithm>
#include <cstring>
#include <array>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/base/json_locate.h"

namespace chronicle {

// ---------------------------------------------------------------------------
// 1. Texts that read the same
// ---------------------------------------------------------------------------

// Only texts actually written go in the maps (not one copy per language in use), so
// memory stays linear in the pack whatever the number of languages: a text that falls
// back is met through the default language, or through `written` when another text
// was written the same in that language.
void find_same_texts(const std::vector<const LocalText*>& texts, const std::string& fallback, const SameTextReport& report) {
    std::unordered_map<std::string_view, size_t> by_default; // default text → first item
    std::unordered_multimap<std::string_view, std::pair<std::string_view, size_t>> written; // text → (language, first item)
    by_default.reserve(texts.size());
    written.reserve(texts.size());
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
        for (const auto& translation : t.by_lang) {
            const std::string& lang = translation.first; // named, not bound: a lambda below captures it
            const std::string& text = translation.second;
            if (lang == fallback) continue;
            const auto [from_w, to_w] = written.equal_range(text);
            const auto same = std::find_if(from_w, to_w, [&](const auto& w) { return w.second.first == lang; });
            if (same != to_w) {
                collide(same->second.second, i, lang, text);
                continue;
            }
            written.emplace(text, std::make_pair(std::string_view(lang), i));
            // An earlier text that falls back in this language and shows the same.
            if (const auto k = by_default.find(text); k != by_default.end() && k->second != i && !texts[k->second]->find(lang))
                collide(k->second, i, lang, text);
        }
    }
}

namespace {

// ---------------------------------------------------------------------------
// 2. Cross-checks, warnings, the index
// ---------------------------------------------------------------------------

class PackChecker : PathReporter {
public:
    PackChecker(const Pack& pack, const std::string& file, std::vector<Diagnostic>& out)
        : PathReporter(file, out), pack_(&pack) {}

    // Questions name events by headline: two the same cannot be told apart.
    void check_headlines() {
        const Pack& p = *pack_;
        std::vector<const LocalText*> headlines;
        for (const Event& e : p.events) headlines.push_back(&e.headline);
        find_same_texts(headlines, p.default_language, [&](size_t k, size_t i, const std::string& lang, const std::string&) {
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
        const Pack& p = *pack_;
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

    // Warnings that need the index: facts no question can compare with anything.
    void warn_thin_facts() {
        const Pack& p = *pack_;
        // Someone of the same kind who is not among `excluded`, to offer as a wrong answer.
        const auto has_rival = [&](PersonIndex who, const std::vector<PersonIndex>& excluded) {
            const std::vector<PersonIndex>& same_kind = p.people_by_kind[index_of(p.people[who].kind)];
            return std::any_of(same_kind.begin(), same_kind.end(), [&](PersonIndex other) {
                return std::find(excluded.begin(), excluded.end(), other) == excluded.end();
            });
        };
        for (EventIndex i : p.who_events) {
            const Event& e = p.events[i];
            if (std::none_of(e.actors.begin(), e.actors.end(), [&](PersonIndex a) { return has_rival(a, e.actors); }))
                warning("/events/" + std::to_string(i) + "/who", Problem::WhoUnusable,
                        {e.id, kind_name(p.people[e.actors.front()].kind)});
        }
        if (p.by_time.size() >= 2 && std::all_of(p.by_time.begin(), p.by_time.end(), [&](EventIndex i) {
                return *p.events[i].date == *p.events[p.by_time.front()].date;
            }))
            warning("/events", Problem::AllEventsOneDate, {*p.events[p.by_time.front()].date});
        else if (p.events.size() >= 2 && !p.by_time.empty() && p.longest_chain.size() < 2) // undated ones are told already
            warning("/events", Problem::NoOrderedEvents);
        for (size_t i = 0; i < p.quotes.size(); ++i) {
            const Quote& q = p.quotes[i];
            if (!has_rival(q.speaker, {q.speaker}))
                warning("/quotes/" + std::to_string(i), Problem::QuoteAlone,
                        {q.id, p.people[q.speaker].id, kind_name(p.people[q.speaker].kind)});
        }
        for (size_t i = 0; i < p.numbers.size(); ++i)
            if (p.number_groups[p.number_group[i]].size() == 1)
                warning("/numbers/" + std::to_string(i), Problem::NumberAlone,
                        {p.numbers[i].id, p.text(p.numbers[i].unit, p.default_language)});
    }

    static const char* kind_name(PersonKind kind) {
        switch (kind) {
        case PersonKind::Person: return "person";
        case PersonKind::Organization: return "organization";
        case PersonKind::Group: return "group";
        }
        return "";
    }



private:
    const Pack* pack_;
    static constexpr size_t kUndatedWarnings = 5;
};

// Bytes of text searched for names when making display names: a pack of many people
// and much text gets display names for the first ones only, in bounded time.
constexpr size_t kDisplayNameSearch = size_t{1} << 26;

// A student must recognise in the options the person the pack's text talks about.
// Where a person's name appears nowhere in a language's text (nor any alias that is
// part of it) but another alias does, options show both: "伊尔亚·苏茨克维（Sutskever）",
// with the alias the text uses most. A `display` the pack gives is kept.
void derive_display_names(Pack& p) {
    // Only a person with aliases can get one: without any, no text is searched.
    if (std::all_of(p.people.begin(), p.people.end(), [](const Person& person) { return person.aliases.empty(); })) return;
    size_t budget = kDisplayNameSearch;
    for (const std::string& lang : p.languages) {
        // Every text a question may show, searched where it lies. A name holds no line
        // break, so counting in each text counts what one text of them all would hold.
        const auto each_text = [&](const auto& visit) {
            for (const Event& e : p.events) visit(e.headline), visit(e.text), visit(e.who);
            for (const Quote& q : p.quotes) visit(q.text);
            for (const NumberFact& n : p.numbers) visit(n.question);
            for (const AuthoredQuestion& q : p.questions) {
                visit(q.prompt), visit(q.explanation);
                for (const auto& c : q.choices) visit(c.text);
            }
        };
        size_t corpus_size = 0; // the bytes one search reads: every text and a line break after each
        each_text([&](const LocalText& t) { corpus_size += p.text(t, lang).size() + 1; });
        const auto occurrences = [&](const std::string& word) {
            size_t count = 0;
            if (word.empty() || budget < corpus_size) return count;
            budget -= corpus_size;
            // memmem skips ahead where find() stops at every lead byte of Chinese text.
            each_text([&](const LocalText& t) {
                const std::string& text = p.text(t, lang);
                for (const char *at = text.data(), *end = at + text.size();
                     (at = static_cast<const char*>(memmem(at, static_cast<size_t>(end - at), word.data(), word.size())));
                     at += word.size())
                    ++count;
            });
            return count;
        };
        for (Person& person : p.people) {
            if (person.aliases.empty() || person.display.find(lang)) continue;
            const std::string& name = p.text(person.name, lang);
            if (occurrences(name) > 0) continue;
            const std::string* used = nullptr;
            size_t most = 0;
            bool part_of_name_used = false;
            for (const std::string& alias : person.aliases) {
                const size_t n = occurrences(alias);
                if (n > 0 && name.find(alias) != std::string::npos) part_of_name_used = true;
                if (n > most) most = n, used = &alias;
            }
            if (!used || part_of_name_used) continue;
            person.display.by_lang.emplace_back(lang, is_chinese(lang) ? name + "（" + *used + "）"
                                                                      : name + " (" + *used + ")");
        }
    }
}

void build_index(Pack& p) {
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

} // namespace

size_t warn_ascii_punctuation(const Pack& pack, const std::string& file, std::vector<Diagnostic>& out) {
    size_t found = 0;
    const auto check = [&](const LocalText& t, const std::string& path) {
        const bool bare = t.by_lang.size() == 1 && t.by_lang.front().first == pack.default_language; // a plain string
        for (const auto& [lang, text] : t.by_lang) {
            if (!is_chinese(lang)) continue;
            const std::optional<MisplacedPunctuation> mark = find_ascii_punctuation(text);
            if (!mark || found++ >= kPunctuationWarnings) continue;
            out.push_back({Severity::Warning, file, 0, 0, bare ? path : pointer_append(path, lang),
                           {Problem::AsciiPunctuation, {std::string(1, mark->ascii), std::string(mark->full_width)}}});
        }
    };
    check(pack.title, "/title"), check(pack.description, "/description"), check(pack.author, "/author");
    check(pack.source.title, "/source/title"), check(pack.source.note, "/source/note");
    for (size_t i = 0; i < pack.people.size(); ++i) {
        const std::string at = "/people/" + std::to_string(i);
        const Person& p = pack.people[i];
        check(p.name, at + "/name"), check(p.display, at + "/display"), check(p.description, at + "/description");
    }
    for (size_t i = 0; i < pack.events.size(); ++i) {
        const std::string at = "/events/" + std::to_string(i);
        const Event& e = pack.events[i];
        check(e.date_note, at + "/date_note"), check(e.headline, at + "/headline"), check(e.text, at + "/text");
        check(e.who, at + "/who");
    }
    for (size_t i = 0; i < pack.quotes.size(); ++i) check(pack.quotes[i].text, "/quotes/" + std::to_string(i) + "/text");
    for (size_t i = 0; i < pack.numbers.size(); ++i) {
        const std::string at = "/numbers/" + std::to_string(i);
        check(pack.numbers[i].unit, at + "/unit"), check(pack.numbers[i].question, at + "/question");
    }
    for (size_t i = 0; i < pack.questions.size(); ++i) {
        const std::string at = "/questions/" + std::to_string(i);
        const AuthoredQuestion& q = pack.questions[i];
        check(q.prompt, at + "/prompt"), check(q.explanation, at + "/explanation");
        for (size_t k = 0; k < q.choices.size(); ++k) check(q.choices[k].text, at + "/options/" + std::to_string(k) + "/text");
    }
    return found;
}

void check_across_records(const Pack& pack, const std::string& file, std::vector<Diagnostic>& out) {
    PackChecker checker(pack, file, out);
    checker.check_headlines();
    checker.check_source_date();
}

void index_pack(Pack& pack, const std::string& file, std::vector<Diagnostic>& out) {
    PackChecker checker(pack, file, out);
    checker.warn_weak_spots();
    build_index(pack);
    checker.warn_thin_facts();
    derive_display_names(pack);
}

} // namespace chronicle
