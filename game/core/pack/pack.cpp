#include "core/pack/pack.h"

#include <algorithm>
#include <cctype>

namespace chronicle {

bool Pack::has_language(const std::string& lang) const {
    return std::find(languages.begin(), languages.end(), lang) != languages.end();
}

const std::string& Pack::display_name(const Person& person, const std::string& lang) const {
    if (const std::string* shown = person.display.find(lang)) return *shown;
    if (const std::string* name = person.name.find(lang)) return *name;
    return person.display.empty() ? text(person.name, lang) : text(person.display, lang);
}

bool valid_item_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || !std::isalnum(static_cast<unsigned char>(id[0]))) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
}

bool valid_language_code(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i] != '-') return false;
        size_t start = ++i;
        while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        if (i - start < 2 || i - start > 8) return false;
    }
    return true;
}

namespace {

// Calls `use` with every human-readable text of the pack: the one list all_text and
// pack_characters share.
template <class Use> void for_each_text(const Pack& pack, Use&& use) {
    auto add = [&](const LocalText& t) {
        for (const auto& [lang, s] : t.by_lang) use(s);
    };
    for (const LocalText* t : {&pack.title, &pack.description, &pack.author, &pack.source.title, &pack.source.note}) add(*t);
    use(pack.source.url);
    for (const Person& p : pack.people) add(p.name), add(p.display), add(p.description);
    for (const Event& e : pack.events) add(e.headline), add(e.text), add(e.date_note), add(e.who);
    for (const Quote& q : pack.quotes) add(q.text);
    for (const NumberFact& n : pack.numbers) add(n.unit), add(n.question);
    for (const AuthoredQuestion& q : pack.questions) {
        add(q.prompt), add(q.explanation);
        for (const auto& c : q.choices) add(c.text);
    }
}

} // namespace

std::string all_text(const Pack& pack) {
    std::string out;
    for_each_text(pack, [&](const std::string& s) {
        out += s;
        out += '\n';
    });
    return out;
}

std::u32string pack_characters(const Pack& pack) {
    CodePointSet set;
    for_each_text(pack, [&](const std::string& s) { set.add_utf8(s); });
    return set.code_points();
}

} // namespace chronicle
