#include "core/pack/pack_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace chronicle {

namespace {

// A value about to be written: a scalar as its JSON text, or an object or array of
// values. Only one record at a time is ever held like this.
struct Node {
    enum Kind : uint8_t { Scalar, Object, Array };
    Kind kind = Scalar;
    std::string text;                  // a scalar's JSON
    std::vector<std::string> keys;     // an object's keys as JSON strings, one per child
    std::vector<Node> children;

    static Node object() { return Node{Object, {}, {}, {}}; }
    static Node array() { return Node{Array, {}, {}, {}}; }
    Node& add(std::string_view key, Node value);
    Node& add(Node value) {
        children.push_back(std::move(value));
        return *this;
    }
};

// A JSON string as nlohmann's dump() writes it: the same escapes, UTF-8 as it is.
std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    size_t plain = 0; // start of the run of bytes copied as they are
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            char hex[7];
            std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(c));
            out += hex;
        }
        }
    }
    out.append(s, plain, s.size() - plain);
    out += '"';
    return out;
}

Node& Node::add(std::string_view key, Node value) {
    keys.push_back(quoted(key));
    children.push_back(std::move(value));
    return *this;
}

Node scalar(std::string json) { return Node{Node::Scalar, std::move(json), {}, {}}; }
Node string_value(std::string_view s) { return scalar(quoted(s)); }
Node boolean(bool b) { return scalar(b ? "true" : "false"); }

// Whole numbers without ".0": 1000000, not 1000000.0.
Node number(double v) {
    if (std::fabs(v) < 9e15 && std::floor(v) == v) return scalar(std::to_string(static_cast<int64_t>(v)));
    return scalar(nlohmann::json(v).dump());
}

// A date as a pack writes it: ISO text, deep-time years as plain numbers.
Node date_value(const PartialDate& d) {
    if (d.precision() == Precision::Year && (d.year > 9999 || d.year < -9999)) return scalar(std::to_string(d.year));
    return string_value(iso(d));
}

Node date_value(const DateSpec& d) {
    if (!d.is_range()) return date_value(d.from);
    return Node::object().add("from", date_value(d.from)).add("to", date_value(d.to));
}

Node strings(const std::vector<std::string>& list) {
    Node a = Node::array();
    for (const std::string& s : list) a.add(string_value(s));
    return a;
}

// Records named by their ids, as references are written.
template <class Record> Node ids(const std::vector<size_t>& indices, const std::vector<Record>& records) {
    Node a = Node::array();
    for (size_t i : indices) a.add(string_value(records[i].id));
    return a;
}

class PackWriter {
public:
    explicit PackWriter(const Pack& pack) : p_(pack) {}

    std::string write();

private:
    const Pack& p_;

    // A text in the default language alone is a string; any other, {language: text}.
    Node text(const LocalText& t) const {
        if (t.by_lang.size() == 1 && t.by_lang.front().first == p_.default_language)
            return string_value(t.by_lang.front().second);
        Node o = Node::object();
        for (const auto& [lang, s] : t.by_lang) o.add(lang, string_value(s));
        return o;
    }
    void text(Node& record, const char* key, const LocalText& t) const {
        if (!t.empty()) record.add(key, text(t));
    }

    Node source() const;
    Node person(const Person& person) const;
    Node event(const Event& e) const;
    Node quote(const Quote& q) const;
    Node number_fact(const NumberFact& n) const;
    Node question(const AuthoredQuestion& q) const;
};

// JSON laid out for people: one member per line, but a list of plain values, or a
// short object of plain values (a person, a date range), on one line.
void write_node(std::string& out, const Node& n, size_t indent) {
    if (n.kind == Node::Scalar) {
        out += n.text;
        return;
    }
    const bool object = n.kind == Node::Object;
    if (n.children.empty()) {
        out += object ? "{}" : "[]";
        return;
    }
    if (std::none_of(n.children.begin(), n.children.end(), [](const Node& c) { return c.kind != Node::Scalar; })) {
        const size_t start = out.size();
        out += object ? '{' : '[';
        for (size_t k = 0; k < n.children.size(); ++k) {
            if (k) out += ", ";
            if (object) out.append(n.keys[k]).append(": ");
            out += n.children[k].text;
        }
        out += object ? '}' : ']';
        if (!object || out.size() - start <= 72) return;
        out.resize(start);
    }
    out += object ? "{\n" : "[\n";
    for (size_t k = 0; k < n.children.size(); ++k) {
        out.append(indent + 2, ' ');
        if (object) out.append(n.keys[k]).append(": ");
        write_node(out, n.children[k], indent + 2);
        out += k + 1 < n.children.size() ? ",\n" : "\n";
    }
    out.append(indent, ' ');
    out += object ? '}' : ']';
}

Node PackWriter::source() const {
    Node s = Node::object();
    text(s, "title", p_.source.title);
    if (!p_.source.url.empty()) s.add("url", string_value(p_.source.url));
    if (p_.source.date) s.add("date", date_value(*p_.source.date));
    text(s, "note", p_.source.note);
    return s;
}

Node PackWriter::person(const Person& person) const {
    Node r = Node::object();
    r.add("id", string_value(person.id));
    if (person.kind == PersonKind::Organization) r.add("kind", string_value("organization"));
    else if (person.kind == PersonKind::Group) r.add("kind", string_value("group"));
    text(r, "name", person.name);
    text(r, "display", person.display);
    if (!person.aliases.empty()) r.add("aliases", strings(person.aliases));
    text(r, "description", person.description);
    return r;
}

Node PackWriter::event(const Event& e) const {
    Node r = Node::object();
    r.add("id", string_value(e.id));
    r.add("date", e.date ? date_value(*e.date) : scalar("null")); // null: not known
    if (e.end) r.add("end", date_value(*e.end));
    switch (e.date_source) {
    case DateSource::Unstated: break;
    case DateSource::Source: r.add("date_source", string_value("source")); break;
    case DateSource::PublicRecord: r.add("date_source", string_value("public_record")); break;
    case DateSource::Estimate: r.add("date_source", string_value("estimate")); break;
    }
    text(r, "date_note", e.date_note);
    text(r, "headline", e.headline);
    text(r, "text", e.text);
    if (!e.actors.empty()) r.add("actors", ids(e.actors, p_.people));
    text(r, "who", e.who);
    if (!e.tags.empty()) r.add("tags", strings(e.tags));
    return r;
}

Node PackWriter::quote(const Quote& q) const {
    Node r = Node::object();
    r.add("id", string_value(q.id));
    text(r, "text", q.text);
    r.add("speaker", string_value(p_.people[q.speaker].id));
    if (q.event) r.add("event", string_value(p_.events[*q.event].id));
    if (q.catchphrase) r.add("catchphrase", boolean(true));
    return r;
}

Node PackWriter::number_fact(const NumberFact& n) const {
    Node r = Node::object();
    r.add("id", string_value(n.id));
    r.add("value", number(n.value));
    text(r, "unit", n.unit);
    text(r, "question", n.question);
    if (n.event) r.add("event", string_value(p_.events[*n.event].id));
    return r;
}

Node PackWriter::question(const AuthoredQuestion& q) const {
    Node r = Node::object();
    r.add("id", string_value(q.id));
    const bool choices = q.type == AuthoredQuestion::Type::MultipleChoice;
    r.add("type", string_value(choices ? "multiple_choice" : "true_false"));
    text(r, "prompt", q.prompt);
    if (choices) {
        Node options = Node::array();
        for (const AuthoredQuestion::Choice& c : q.choices) {
            Node o = Node::object();
            text(o, "text", c.text);
            if (c.correct) o.add("correct", boolean(true));
            options.add(std::move(o));
        }
        r.add("options", std::move(options));
    } else {
        r.add("answer", boolean(q.answer));
    }
    text(r, "explanation", q.explanation);
    if (!q.events.empty()) r.add("events", ids(q.events, p_.events));
    return r;
}

// Room for the whole text, so that it is never copied as it grows: escapes at most
// double a text that a pack may hold, and room reserved but never written takes no memory.
size_t room_for(const Pack& p) {
    size_t n = 4096;
    const auto text = [&](const LocalText& t) {
        for (const auto& [lang, s] : t.by_lang) n += lang.size() + 2 * s.size() + 16;
    };
    const auto strings = [&](const std::vector<std::string>& list) {
        for (const std::string& s : list) n += 2 * s.size() + 4;
    };
    constexpr size_t kRecord = 256, kReference = 72; // keys and layout; an id of at most 64 characters, quoted
    for (const LocalText* t : {&p.author, &p.title, &p.description, &p.source.title, &p.source.note}) text(*t);
    n += 2 * p.source.url.size();
    for (const Person& r : p.people) n += kRecord, text(r.name), text(r.display), text(r.description), strings(r.aliases);
    for (const Event& r : p.events) {
        n += kRecord + kReference * r.actors.size();
        text(r.date_note), text(r.headline), text(r.text), text(r.who), strings(r.tags);
    }
    for (const Quote& r : p.quotes) n += kRecord + 2 * kReference, text(r.text);
    for (const NumberFact& r : p.numbers) n += kRecord + kReference, text(r.unit), text(r.question);
    for (const AuthoredQuestion& r : p.questions) {
        n += kRecord + kReference * r.events.size();
        text(r.prompt), text(r.explanation);
        for (const auto& c : r.choices) n += kRecord, text(c.text);
    }
    return n;
}

std::string PackWriter::write() {
    std::string out;
    out.reserve(room_for(p_));
    out += "{\n";
    bool first = true;
    // The root is never short: members one a line, lists a record a line.
    const auto member = [&](const char* key, const Node& value) {
        out += first ? "  " : ",\n  ";
        first = false;
        out.append(quoted(key)).append(": ");
        write_node(out, value, 2);
    };
    const auto list = [&](const char* key, const auto& records, const auto& record_node, bool required) {
        if (records.empty()) {
            if (required) member(key, Node::array());
            return;
        }
        out += first ? "  " : ",\n  ";
        first = false;
        out.append(quoted(key)).append(": [\n");
        for (size_t i = 0; i < records.size(); ++i) {
            out += "    ";
            write_node(out, record_node(records[i]), 4);
            out += i + 1 < records.size() ? ",\n" : "\n";
        }
        out += "  ]";
    };
    member("format", string_value(kPackFormat));
    member("id", string_value(p_.id));
    if (!p_.version.empty()) member("version", string_value(p_.version));
    if (!p_.author.empty()) member("author", text(p_.author));
    if (!p_.licence.empty()) member("licence", string_value(p_.licence));
    if (!p_.title.empty()) member("title", text(p_.title));
    if (!p_.description.empty()) member("description", text(p_.description));
    member("languages", strings(p_.languages));
    member("default_language", string_value(p_.default_language));
    if (Node s = source(); !s.children.empty()) member("source", s);
    list("people", p_.people, [&](const Person& r) { return person(r); }, false);
    list("events", p_.events, [&](const Event& r) { return event(r); }, true);
    list("quotes", p_.quotes, [&](const Quote& r) { return quote(r); }, false);
    list("numbers", p_.numbers, [&](const NumberFact& r) { return number_fact(r); }, false);
    list("questions", p_.questions, [&](const AuthoredQuestion& r) { return question(r); }, false);
    out += "\n}\n";
    return out;
}

} // namespace

std::string write_pack(const Pack& pack) { return PackWriter(pack).write(); }

} // namespace chronicle
