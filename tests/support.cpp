#include "support.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sqlite3.h>
#include <stdexcept>

#include "ui/messages.h"

namespace Catch {

std::string StringMaker<chronicle::Problem>::convert(chronicle::Problem p) {
    return chronicle::ui::message_template(p, chronicle::ui::Lang::En);
}

std::string StringMaker<chronicle::Detail>::convert(const chronicle::Detail& d) {
    using namespace chronicle;
    if (const auto* text = std::get_if<std::string>(&d)) return "\"" + *text + "\"";
    if (const auto* term = std::get_if<Term>(&d)) return std::string("Term(") + ui::term(*term, ui::Lang::En) + ")";
    if (const auto* date = std::get_if<DateSpec>(&d)) return "DateSpec(" + iso(date->from) + ".." + iso(date->to) + ")";
    return StringMaker<std::vector<std::string>>::convert(std::get<std::vector<std::string>>(d));
}

} // namespace Catch

namespace chronicle::test {

DateSpec year_spec(int64_t y) {
    PartialDate d;
    d.year = y;
    return {d, d};
}

const Pack& seed_pack() {
    static const Pack pack = [] {
        LoadResult r = load_pack_file(std::string(CHRONICLE_PACKS_DIR) + "/openai-2023.json");
        if (!r.pack) throw std::runtime_error("the seed pack does not load");
        return std::move(*r.pack);
    }();
    return pack;
}

LoadResult load(const std::string& text) { return load_pack_text(text, "test.json"); }

std::string pack_with(const std::string& events_json, const std::string& extra) {
    return R"({
  "format": "chronicle-pack/1",
  "id": "test",
  "title": {"en": "Test", "zh": "测试"},
  "languages": ["en", "zh"],
  "default_language": "en",
  )" + extra + R"(
  "events": )" + events_json + "\n}\n";
}

const Event& event_by_id(const Pack& p, const std::string& id) {
    for (const Event& e : p.events)
        if (e.id == id) return e;
    throw std::runtime_error("no event " + id);
}

TempDir::TempDir() {
    std::random_device random;
    do {
        path_ = std::filesystem::temp_directory_path() / ("chronicle-test-" + std::to_string(random()));
    } while (!std::filesystem::create_directory(path_));
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::vector<Diagnostic> errors(const LoadResult& r) {
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) out.push_back(d);
    return out;
}

std::unique_ptr<Storage> open_cleanly(const std::string& path) {
    OpenResult opened = Storage::open(path, 1700000000);
    REQUIRE(opened.storage);
    CHECK_FALSE(opened.notice);
    CHECK_FALSE(opened.storage->in_memory());
    return std::move(opened.storage);
}

void run_sql(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    const int opened = sqlite3_open(path.c_str(), &db);
    const int ran = opened == SQLITE_OK ? sqlite3_exec(db, sql, nullptr, nullptr, nullptr) : opened;
    sqlite3_close(db);
    REQUIRE(ran == SQLITE_OK);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

int64_t fill_older_save(Storage& storage, int64_t finished_at, bool team_game) {
    REQUIRE(storage.set_setting("ui_lang", "zh"));
    GameRecord g;
    g.pack_id = "openai-2023";
    g.mode = Mode::Timed;
    g.finished_at = finished_at;
    g.questions = 1;
    g.correct = 1;
    g.points = 900;
    g.answers.push_back({Kind::When, "When?", {"May"}, {"May"}, true, 900, 2000});
    REQUIRE(storage.record_game(g) == 1);
    if (!team_game) return 0;
    TeamGameRecord t;
    t.pack_id = "openai-2023";
    t.finished_at = finished_at;
    t.questions = 1;
    t.teams = {{"第1队", 0, 1000}};
    t.answers = {{0, 0, "When?", "May", true, 1000, 1500}};
    const int64_t id = storage.record_team_game(t);
    REQUIRE(id > 0);
    return id;
}

void check_older_save(const Storage& storage, int64_t team_id) {
    CHECK(storage.setting("ui_lang") == std::optional<std::string>("zh"));
    REQUIRE(storage.game(1));
    CHECK(storage.game(1)->answers.size() == 1);
    REQUIRE(storage.best_score("openai-2023", Mode::Timed));
    CHECK(storage.best_score("openai-2023", Mode::Timed)->points == 900);
    if (team_id == 0) return;
    REQUIRE(storage.team_game(team_id));
    CHECK(storage.team_game(team_id)->answers.size() == 1);
}

int64_t user_version(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_int64 version = -1;
    if (sqlite3_open(path.c_str(), &db) == SQLITE_OK)
        sqlite3_exec(db, "PRAGMA user_version", [](void* out, int, char** v, char**) {
            *static_cast<sqlite3_int64*>(out) = std::atoll(v[0]);
            return 0;
        }, &version, nullptr);
    sqlite3_close(db);
    return version;
}

} // namespace chronicle::test
