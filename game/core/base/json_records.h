// Reading a big JSON document a record at a time, with no DOM of the whole file.
//
// nlohmann's SAX parser (its public json::sax_parse) fills a flat tree of JsonNode:
// one vector, no allocation per value but for strings too long to keep inline. Each
// element of a top-level list the reader is asked to stream is handed over as soon as
// it is complete and then forgotten, so memory is the records' own plus one record.
// The pack loader reads its records from these nodes; JsonNode's reading side mirrors
// the part of nlohmann::json the loader used, so that code reads as before.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostics.h"

namespace chronicle {

class JsonNode {
public:
    enum class Type : uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::Null; }
    bool is_boolean() const { return type_ == Type::Boolean; }
    bool is_string() const { return type_ == Type::String; }
    bool is_array() const { return type_ == Type::Array; }
    bool is_object() const { return type_ == Type::Object; }
    bool is_number() const { return type_ == Type::Integer || type_ == Type::Unsigned || type_ == Type::Float; }
    // As nlohmann: a non-negative integer is "unsigned", and also "integer".
    bool is_number_unsigned() const { return type_ == Type::Unsigned; }
    bool is_number_integer() const { return type_ == Type::Integer || type_ == Type::Unsigned; }
    bool is_number_float() const { return type_ == Type::Float; }

    bool as_bool() const { return number_.u != 0; }
    int64_t as_int() const { return number_.i; }
    uint64_t as_unsigned() const { return number_.u; }
    double as_double() const;
    // The string; the loader moves it out when it keeps it.
    std::string& string() { return text_; }
    const std::string& string() const { return text_; }

    // Members of an object or elements of an array.
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const std::string& key() const { return key_; } // as a member of an object

    // A member by key: the last one where a key repeats, as nlohmann keeps it; nullptr if none.
    JsonNode* find(std::string_view key);
    // Calls f(member) for each member of an object once per key (the last where a key
    // repeats), in the order of their keys (as nlohmann's std::map gives them).
    template <class F> void for_each_member(F&& f) {
        // Records have a handful of members: sorted in place on the stack, no allocation.
        constexpr size_t kOnStack = 32;
        JsonNode* on_stack[kOnStack];
        std::vector<JsonNode*> on_heap;
        JsonNode** members = on_stack;
        if (size_ > kOnStack) on_heap.resize(size_), members = on_heap.data();
        size_t n = 0;
        for (JsonNode* m = first(); m; m = m->next()) members[n++] = m;
        const auto before = [](const JsonNode* a, const JsonNode* b) { return a->key_ < b->key_; };
        if (n > kOnStack) std::stable_sort(members, members + n, before);
        else // insertion sort: stable, and std::stable_sort would allocate a buffer
            for (size_t i = 1; i < n; ++i)
                for (size_t j = i; j > 0 && before(members[j], members[j - 1]); --j) std::swap(members[j], members[j - 1]);
        for (size_t i = 0; i < n; ++i)
            if (i + 1 == n || members[i + 1]->key_ != members[i]->key_) f(*members[i]);
    }
    // Calls f(index, element) for each element of an array.
    template <class F> void for_each_element(F&& f) {
        JsonNode* e = first();
        for (size_t i = 0; i < size_; ++i, e = e->next()) f(i, *e);
    }

private:
    friend class JsonRecordBuilder;
    JsonNode* first() { return size_ == 0 ? nullptr : this + 1; }
    JsonNode* next() { return next_ == 0 ? nullptr : this + next_; }

    Type type_ = Type::Null;
    uint32_t next_ = 0; // offset to the next member or element of the parent, 0 for none
    uint32_t size_ = 0;
    union {
        int64_t i;
        uint64_t u;
        double d;
    } number_{};
    std::string key_, text_;
};

// Term::JsonString, Term::JsonArray, …: for "must be X, not Y" problems.
Term json_kind(const JsonNode& node);

// What reading a document asks of its reader.
struct JsonRecordHandler {
    // A top-level member `key` whose value is an array begins; `root` holds the members
    // complete so far. True: hand over each element through record() instead of keeping it.
    std::function<bool(JsonNode& root, const std::string& key)> stream;
    std::function<void(const std::string& key, size_t index, JsonNode& element)> record;
};

// Parses `text` (a UTF-8 BOM is skipped) into `nodes`, whose first node is then the
// root, streaming what `handler` asks for. False, with one diagnostic naming `file`, line
// and column, when it is too big, too deep, not UTF-8 or not JSON; records already
// handed over are then to be thrown away.
bool read_json_records(const std::string& text, const std::string& file, const JsonRecordHandler& handler,
                       std::vector<JsonNode>& nodes, std::vector<Diagnostic>& out);

// As read_json_records, for a regular file open on `fd`, read in pieces as it is parsed
// from its start, so that its text is never held whole. False when it is not read as
// JSON (too big by now, too deep, not UTF-8, not JSON, a read error): read_json_records
// on its text then says why.
bool read_json_file_records(int fd, const JsonRecordHandler& handler, std::vector<JsonNode>& nodes);

} // namespace chronicle
