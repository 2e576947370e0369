#include "core/base/json_records.h"

#include <algorithm>
#include <cerrno>
#include <iterator>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/base/json_text.h"

namespace chronicle {

// JsonNode's offsets are 32 bits: the most nodes ever kept (JsonRecordBuilder) fit.
static_assert((3 * kMaxInputBytes + (size_t{16} << 20)) / sizeof(JsonNode) < UINT32_MAX, "node offsets fit in 32 bits");

double JsonNode::as_double() const {
    switch (type_) {
    case Type::Integer: return static_cast<double>(number_.i);
    case Type::Unsigned: return static_cast<double>(number_.u);
    default: return number_.d;
    }
}

JsonNode* JsonNode::find(std::string_view key) {
    JsonNode* found = nullptr;
    for (JsonNode* m = first(); m; m = m->next())
        if (m->key_ == key) found = m;
    return found;
}

Term json_kind(const JsonNode& node) {
    switch (node.type()) {
    case JsonNode::Type::Null: return Term::JsonNull;
    case JsonNode::Type::Object: return Term::JsonObject;
    case JsonNode::Type::Array: return Term::JsonArray;
    case JsonNode::Type::String: return Term::JsonString;
    case JsonNode::Type::Boolean: return Term::JsonBoolean;
    case JsonNode::Type::Float: return Term::JsonDecimal;
    default: return Term::JsonNumber;
    }
}

// nlohmann's SAX interface (sax_parse calls these members by name). Open containers
// are a stack of node indices; a value is linked to its parent's last child.
class JsonRecordBuilder {
public:
    // `bytes`: the size of the text, which bounds how many nodes may be kept at once.
    JsonRecordBuilder(const JsonRecordHandler& handler, std::vector<JsonNode>& nodes, size_t bytes)
        : handler_(handler), nodes_(nodes), max_nodes_((3 * bytes + (size_t{16} << 20)) / sizeof(JsonNode)) {}

    bool null() { return value(JsonNode::Type::Null), done(); }
    bool boolean(bool b) { return value(JsonNode::Type::Boolean).number_.u = b, done(); }
    bool number_integer(int64_t i) { return value(JsonNode::Type::Integer).number_.i = i, done(); }
    bool number_unsigned(uint64_t u) { return value(JsonNode::Type::Unsigned).number_.u = u, done(); }
    bool number_float(double d, const std::string&) { return value(JsonNode::Type::Float).number_.d = d, done(); }
    bool string(std::string& s) { return value(JsonNode::Type::String).text_ = s, done(); }
    bool binary(nlohmann::json::binary_t&) { return false; } // only in binary formats, never in JSON text
    bool key(std::string& k) {
        key_ = k;
        return true;
    }
    bool start_object(std::size_t) { return open(JsonNode::Type::Object); }
    bool start_array(std::size_t) { return open(JsonNode::Type::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    template <class Exception> bool parse_error(std::size_t position, const std::string&, const Exception& ex) {
        outcome.error_at = position;
        outcome.error = ex.what();
        return false;
    }

    SaxOutcome outcome;

private:
    struct Open {
        size_t node;
        size_t last_child; // 0: none yet
        bool streamed;     // its elements go to the handler, one at a time
    };
    const JsonRecordHandler& handler_;
    std::vector<JsonNode>& nodes_;
    std::vector<Open> open_;
    std::string key_;
    size_t streamed_index_ = 0;
    // Memory stays within a few times the file's size: a file of many small values (a
    // list of a million zeros) that would be kept whole is refused.
    const size_t max_nodes_;

    bool too_many() {
        if (nodes_.size() <= max_nodes_) return false;
        outcome.too_many = max_nodes_;
        return true;
    }

    // A new node, linked into its parent. Streamed elements start unlinked: each is
    // taken away when complete.
    JsonNode& value(JsonNode::Type type) {
        const size_t at = nodes_.size();
        nodes_.emplace_back();
        JsonNode& n = nodes_.back();
        n.type_ = type;
        if (!open_.empty()) {
            Open& parent = open_.back();
            if (nodes_[parent.node].is_object()) n.key_ = std::move(key_);
            if (!parent.streamed) {
                if (parent.last_child) nodes_[parent.last_child].next_ = static_cast<uint32_t>(at - parent.last_child);
                parent.last_child = at;
                ++nodes_[parent.node].size_;
            }
        }
        return n;
    }

    bool open(JsonNode::Type type) {
        if (too_many()) return false;
        if (open_.size() >= static_cast<size_t>(kMaxJsonDepth)) {
            outcome.too_deep = true;
            return false;
        }
        // A top-level member that is an array: the handler may take its elements one by one.
        const bool top_level_array = type == JsonNode::Type::Array && open_.size() == 1 && nodes_[0].is_object();
        const std::string member = top_level_array ? key_ : std::string();
        const size_t at = nodes_.size();
        value(type);
        open_.push_back({at, 0, top_level_array && handler_.stream(nodes_[0], member)});
        if (open_.back().streamed) streamed_index_ = 0;
        return true;
    }

    bool close() {
        open_.pop_back();
        return done();
    }

    // A value is complete: an element of a streamed list goes to the handler, then away.
    bool done() {
        if (too_many()) return false;
        if (open_.empty() || !open_.back().streamed) return true;
        const size_t element = open_.back().node + 1;
        if (nodes_.size() <= element) return true; // the list itself (never: it is open)
        handler_.record(nodes_[open_.back().node].key_, streamed_index_++, nodes_[element]);
        nodes_.resize(element);
        return true;
    }
};

bool read_json_records(const std::string& text, const std::string& file, const JsonRecordHandler& handler,
                       std::vector<JsonNode>& nodes, std::vector<Diagnostic>& out) {
    nodes.clear();
    return parse_json_with(text, file, out, [&](std::string_view body) {
        JsonRecordBuilder builder(handler, nodes, body.size());
        nlohmann::json::sax_parse(body.begin(), body.end(), &builder);
        return builder.outcome;
    });
}

namespace {

// A file's bytes a buffer at a time, for the parser's iterator.
class FileBytes {
public:
    explicit FileBytes(int fd) : fd_(fd) {}
    bool at_end() { return pos_ == len_ && !refill(); }
    char get() const { return buffer_[pos_]; }
    void next() { ++pos_; }
    bool read_whole() const { return !failed_; }

private:
    bool refill() {
        if (done_) return false;
        for (;;) {
            const ssize_t n = read(fd_, buffer_, sizeof buffer_);
            if (n < 0 && errno == EINTR) continue;
            read_ += n > 0 ? static_cast<size_t>(n) : 0;
            if (n <= 0 || read_ > kMaxInputBytes) { // a file that grew past the limit is refused by the text path
                failed_ = n < 0 || read_ > kMaxInputBytes;
                done_ = true;
                return false;
            }
            pos_ = 0;
            len_ = static_cast<size_t>(n);
            return true;
        }
    }

    int fd_;
    char buffer_[1 << 16];
    size_t pos_ = 0, len_ = 0, read_ = 0;
    bool done_ = false, failed_ = false;
};

// What nlohmann's iterator input adapter needs: *, ++ and comparison with the end.
struct FileIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;

    FileBytes* bytes; // nullptr: the end, the only iterator it is compared with
    char operator*() const { return bytes->get(); }
    FileIterator& operator++() {
        bytes->next();
        return *this;
    }
    bool operator!=(const FileIterator& end) const { return bytes ? !bytes->at_end() : end.bytes && !end.bytes->at_end(); }
    bool operator==(const FileIterator& end) const { return !(*this != end); }
};

} // namespace

bool read_json_file_records(int fd, const JsonRecordHandler& handler, std::vector<JsonNode>& nodes) {
    nodes.clear();
    struct stat st {};
    if (lseek(fd, 0, SEEK_SET) != 0 || fstat(fd, &st) != 0) return false;
    auto bytes = std::make_unique<FileBytes>(fd);
    JsonRecordBuilder builder(handler, nodes, static_cast<size_t>(st.st_size));
    // nlohmann skips a byte order mark at the start, as read_json_records does.
    const bool parsed = nlohmann::json::sax_parse(FileIterator{bytes.get()}, FileIterator{nullptr}, &builder);
    return parsed && bytes->read_whole() && !builder.outcome.too_deep && !builder.outcome.too_many &&
           builder.outcome.error.empty();
}

} // namespace chronicle
