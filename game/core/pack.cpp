#include "core/pack.h"

#include <algorithm>

namespace chronicle {

bool Pack::has_language(const std::string& lang) const {
    return std::find(languages.begin(), languages.end(), lang) != languages.end();
}

std::string all_text(const Pack& pack) {
    std::string out;
    auto add = [&](const LocalText& t) {
        for (const auto& [lang, s] : t.by_lang) out += s + "\n";
    };
    for (const LocalText* t : {&pack.title, &pack.description, &pack.author, &pack.source.title, &pack.source.note}) add(*t);
    out += pack.source.url + "\n";
    for (const Person& p : pack.people) add(p.name), add(p.description);
    for (const Event& e : pack.events) add(e.headline), add(e.text), add(e.date_note), add(e.who);
    for (const Quote& q : pack.quotes) add(q.text);
    for (const NumberFact& n : pack.numbers) add(n.unit), add(n.question);
    for (const AuthoredQuestion& q : pack.questions) {
        add(q.prompt), add(q.explanation);
        for (const auto& c : q.choices) add(c.text);
    }
    return out;
}

} // namespace chronicle
