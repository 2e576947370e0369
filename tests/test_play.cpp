// The play flow without a window: a round from Home's choices, answered, timed out,
// finished, saved and scored against the best; the settings the screens change.
#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <sqlite3.h>

#include "core/play/play.h"
#include "core/quiz/generator.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::Details;
using chronicle::test::TempDir;

namespace {

constexpr int64_t kUnixNow = 1'700'000'000;

// A Play over the bundled packs, with its save in `dir`, every pack indexed and the chosen one loaded.
Play play_in(const TempDir& dir) {
    Play play(dir.path(), {{"bundled", CHRONICLE_PACKS_DIR}}, "en", kUnixNow);
    play.finish_loading();
    return play;
}

Moment at(uint64_t ms) { return {ms, kUnixNow + static_cast<int64_t>(ms / 1000)}; }

// A wrong answer to q: the right order with its first two swapped, or the next option.
std::vector<size_t> wrong_answer(const Question& q) {
    std::vector<size_t> chosen = q.answer;
    if (asks_for_order(q.kind)) std::swap(chosen[0], chosen[1]);
    else chosen = {(q.answer[0] + 1) % q.options.size()};
    return chosen;
}

// Answers every question of the round, right or by `right(index)`, moving on after each.
void play_out(Round& round, uint64_t& ms, const std::function<bool(size_t)>& right = [](size_t) { return true; }) {
    while (round.step() != RoundStep::Finished) {
        if (round.step() == RoundStep::Revealing) {
            REQUIRE(round.next(at(ms)));
            continue;
        }
        const Question& q = round.question();
        ms += 2000;
        REQUIRE(round.answer(right(round.session().index()) ? q.answer : wrong_answer(q), at(ms)));
    }
}

} // namespace

SCENARIO("A practice round from Home's choices to the saved result", "[play]") {
    TempDir dir;
    GIVEN("the bundled pack chosen, 5 questions of practice") {
        Play play = play_in(dir);
        play.settings().pack = "openai-2023";
        play.settings().length = 5;
        play.settings().mode = Mode::Practice;
        REQUIRE(play.chosen_pack());
        WHEN("a round starts") {
            REQUIRE(play.start_round(7, at(0)) == StartProblem::None);
            Round& round = *play.round();
            THEN("it asks the first of 5 questions, untimed, in the interface's language") {
                CHECK(round.step() == RoundStep::Asking);
                CHECK(round.session().quiz().questions.size() == 5);
                CHECK(round.session().quiz().lang == "en");
                CHECK_FALSE(round.ms_left(0));
                CHECK_FALSE(round.clock_running());
            }
            AND_WHEN("a question is answered") {
                const std::optional<Grade> g = round.answer(round.question().answer, at(1500));
                THEN("the answer is revealed before the next question") {
                    REQUIRE(g);
                    CHECK(g->correct);
                    CHECK(round.step() == RoundStep::Revealing);
                    CHECK(round.revealed().elapsed_ms == 1500);
                    CHECK_FALSE(round.answer(round.question().answer, at(1600))); // not asking: refused
                    CHECK(round.session().score().answered == 1);
                    REQUIRE(round.next(at(2000)));
                    CHECK(round.step() == RoundStep::Asking);
                    CHECK(round.session().index() == 1);
                    CHECK_FALSE(round.next(at(2100))); // nothing revealed: refused
                }
            }
            AND_WHEN("every question is answered, the second one wrongly") {
                uint64_t ms = 0;
                play_out(round, ms, [](size_t i) { return i != 1; });
                THEN("the round is finished and saved with its score") {
                    CHECK(round.step() == RoundStep::Finished);
                    REQUIRE(round.record().game_id);
                    CHECK_FALSE(round.record().save_error);
                    CHECK_FALSE(round.record().in_memory);
                    CHECK(round.record().new_best);
                    CHECK_FALSE(round.previous_best());
                    const std::optional<GameRecord> saved = play.storage()->game(*round.record().game_id);
                    REQUIRE(saved);
                    CHECK(saved->questions == 5);
                    CHECK(saved->correct == 4);
                    CHECK(saved->points == round.session().score().points);
                    CHECK(saved->mode == Mode::Practice);
                    CHECK(saved->finished_at == kUnixNow + 10);
                }
                THEN("nothing more can be answered or moved on") {
                    CHECK_FALSE(round.answer({0}, at(ms + 1)));
                    CHECK_FALSE(round.expire_if_due(at(ms + 100'000)));
                    CHECK_FALSE(round.next(at(ms + 2)));
                    CHECK(round.session().answers().size() == 5);
                }
                THEN("the settings remember the pack played") {
                    Play again = play_in(dir);
                    CHECK(again.settings().pack == "openai-2023");
                    CHECK(again.settings().length == 5);
                }
            }
        }
    }
}

SCENARIO("A timed round: the clock, a time-out, and the best score", "[play]") {
    TempDir dir;
    Play play = play_in(dir);
    play.settings().mode = Mode::Timed;
    play.settings().length = 5;
    GIVEN("a timed round with a best score to beat") {
        REQUIRE(play.start_round(3, at(0)) == StartProblem::None);
        uint64_t ms = 0;
        play_out(*play.round(), ms, [](size_t i) { return i == 0; });
        const int first_points = play.round()->session().score().points;
        REQUIRE(play.round()->record().new_best);

        REQUIRE(play.start_round(3, at(100'000)) == StartProblem::None);
        Round& round = *play.round();
        CHECK(round.previous_best() == first_points);
        THEN("the clock runs while a question waits") {
            CHECK(round.clock_running());
            CHECK(round.ms_left(100'000) == 20'000);
            CHECK(round.ms_left(105'000) == 15'000);
            CHECK_FALSE(round.expire_if_due(at(119'999)));
        }
        WHEN("the time runs out") {
            const std::optional<Grade> g = round.expire_if_due(at(120'000));
            THEN("the question counts as a late wrong answer, revealed") {
                REQUIRE(g);
                CHECK(g->timed_out);
                CHECK_FALSE(g->correct);
                CHECK(round.step() == RoundStep::Revealing);
                CHECK_FALSE(round.clock_running());
                CHECK(round.session().answers().back().chosen.empty());
                CHECK_FALSE(round.expire_if_due(at(130'000))); // once
            }
        }
        WHEN("every question is answered right and fast") {
            ms = 100'000;
            play_out(round, ms);
            THEN("it beats the best, as saved") {
                CHECK(round.session().score().points > first_points);
                CHECK(round.record().new_best);
                const auto best = play.storage()->best_score("openai-2023", Mode::Timed);
                REQUIRE(best);
                CHECK(best->game_id == *round.record().game_id);
            }
        }
    }
}

SCENARIO("A test round reveals nothing until the end", "[play]") {
    TempDir dir;
    Play play = play_in(dir);
    play.settings().mode = Mode::Test;
    play.settings().length = 5;
    REQUIRE(play.start_round(11, at(0)) == StartProblem::None);
    Round& round = *play.round();
    for (size_t i = 0; i < 4; ++i) {
        REQUIRE(round.answer(wrong_answer(round.question()), at(1000 * (i + 1))));
        CHECK(round.step() == RoundStep::Asking);
    }
    REQUIRE(round.answer(round.question().answer, at(5000)));
    CHECK(round.step() == RoundStep::Finished);
    CHECK(round.session().score().correct == 1);
    CHECK(round.record().game_id);
}

SCENARIO("A timed order partly right earns part of its points, unless all or nothing is set", "[play][partial]") {
    TempDir dir;
    Play play = play_in(dir);
    play.settings().mode = Mode::Timed;
    play.settings().kinds = {Kind::Order};
    play.settings().length = 5;
    for (const bool partial : {true, false}) {
        GIVEN((partial ? "partial credit (the default)" : "all or nothing")) {
            play.settings().partial_order_credit = partial;
            REQUIRE(play.start_round(3, at(0)) == StartProblem::None);
            Round& round = *play.round();
            WHEN("the first order comes with two neighbours swapped, at once") {
                const std::optional<Grade> g = round.answer(wrong_answer(round.question()), at(0));
                REQUIRE(g);
                THEN("all but one are in place, and the points follow the setting") {
                    const int n = g->placed;
                    CHECK(n >= 3);
                    CHECK_FALSE(g->correct);
                    CHECK(g->in_place == n - 1);
                    CHECK(g->points == (partial ? 1000 * (n - 1) / n : 0));
                    CHECK(round.session().score().points == g->points);
                }
            }
        }
    }
}

TEST_CASE("A round that cannot start says why", "[play]") {
    TempDir dir;
    SECTION("no pack at all") {
        Play play(dir.path(), {{"bundled", dir.file("none")}}, "en", kUnixNow);
        play.finish_loading();
        CHECK_FALSE(play.chosen_pack());
        CHECK(play.start_round(1, at(0)) == StartProblem::NoPack);
        CHECK_FALSE(play.round());
    }
    SECTION("a pack with nothing to ask") {
        std::ofstream(dir.file("undated.json"))
            << chronicle::test::pack_with(R"([{"id": "e1", "headline": "A", "text": "a"}])");
        Play play(dir.path(), {{"bundled", dir.path()}}, "en", kUnixNow);
        play.finish_loading();
        CHECK(play.library().entries().size() == 1);
        CHECK_FALSE(play.chosen_pack()); // loaded, but not playable
        CHECK(play.start_round(1, at(0)) == StartProblem::NoPack);
    }
    SECTION("a pack that gives no question of the kinds chosen") {
        std::ofstream(dir.file("dated.json")) << chronicle::test::pack_with(
            R"([{"id": "e1", "date": "2020", "headline": "A", "text": "a"},
                {"id": "e2", "date": "2021", "headline": "B", "text": "b"},
                {"id": "e3", "date": "2022", "headline": "C", "text": "c"}])");
        Play play(dir.path(), {{"bundled", dir.path()}}, "en", kUnixNow);
        play.finish_loading();
        REQUIRE(play.chosen_pack());
        play.settings().kinds = {Kind::WhoSaid};
        CHECK(play.kinds_to_ask().empty());
        CHECK(play.start_round(1, at(0)) == StartProblem::NoQuestions);
        CHECK_FALSE(play.round());
        play.settings().kinds = {Kind::When};
        CHECK(play.start_round(1, at(0)) == StartProblem::None);
        play.leave_round();
        CHECK_FALSE(play.round());
    }
}

TEST_CASE("Settings changed in place are saved and read back", "[play][settings]") {
    TempDir dir;
    {
        Play play = play_in(dir);
        CHECK(play.settings().ui_lang == "en"); // the system's language at first
        play.settings().ui_lang = "zh";
        play.settings().text_size = 150;
        play.settings().kinds = {Kind::When, Kind::WhoSaid};
        REQUIRE(play.save_settings());
    }
    Play play = play_in(dir);
    CHECK(play.settings().ui_lang == "zh");
    CHECK(play.settings().text_size == 150);
    CHECK(play.settings().kinds == std::vector<Kind>{Kind::When, Kind::WhoSaid});
    REQUIRE(play.start_round(5, at(0)) == StartProblem::None);
    const Quiz& quiz = (*play.round()).session().quiz();
    CHECK(quiz.lang == "zh");
    for (const Question& q : quiz.questions)
        CHECK((q.kind == Kind::When || q.kind == Kind::WhoSaid));
}

TEST_CASE("A data folder that cannot be made is said with its own reason", "[play][storage]") {
    TempDir dir;
    std::ofstream(dir.file("not-a-folder")) << "a file where the data folder's parent should be";
    const std::string folder = dir.file("not-a-folder/chronicle");
    Play play(folder, {{"bundled", CHRONICLE_PACKS_DIR}}, "en", kUnixNow);
    REQUIRE(play.opened().notice);
    CHECK(play.opened().notice->problem == Problem::SaveFolderNotMade);
    CHECK(play.opened().notice->details == chronicle::test::Details{folder, os_reason(ENOTDIR)});
    REQUIRE(play.storage());
    CHECK(play.storage()->in_memory());
}

TEST_CASE("A save locked at start keeps the settings the player did not change this run", "[play][storage][settings]") {
    TempDir dir;
    {
        Play play = play_in(dir);
        play.settings().ui_lang = "zh";
        play.settings().text_size = 150;
        REQUIRE(play.save_settings());
    }
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(dir.file("chronicle.db").c_str(), &other) == SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> close_other(other, sqlite3_close);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    {
        Play play = play_in(dir);
        REQUIRE(play.opened().notice);
        CHECK(play.opened().notice->problem == Problem::SaveHeldInMemory);
        CHECK(play.settings().ui_lang == "en"); // the save could not be read: the defaults
        play.settings().theme = Theme::Light;
        REQUIRE(play.save_settings()); // into memory
        REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
        REQUIRE(play.start_round(1, at(0)) == StartProblem::None); // saves the pack chosen: the save opens
        CHECK_FALSE(play.storage()->in_memory());
        CHECK_FALSE(play.opened().notice); // Home no longer says the save is held in memory
    }
    Play play = play_in(dir);
    CHECK_FALSE(play.opened().notice);
    CHECK(play.settings().ui_lang == "zh");
    CHECK(play.settings().text_size == 150);
    CHECK(play.settings().theme == Theme::Light);
    CHECK(play.settings().pack == "openai-2023");
}

TEST_CASE("Files added to the library: a pack is copied as a pack and becomes the chosen one", "[play][install]") {
    TempDir dir;
    std::ofstream(dir.file("mine.json")) << chronicle::test::pack_with(
        R"([{"id": "e1", "date": "2020", "headline": "A", "text": "a"},
            {"id": "e2", "date": "2021", "headline": "B", "text": "b"}])");
    const std::string bundled_pack = std::string(CHRONICLE_PACKS_DIR) + "/openai-2023.json";
    std::filesystem::copy_file(bundled_pack, dir.file("copy.json"));
    // The library's own user folder, not the one the environment names.
    Play play(dir.file("data"), {{"bundled", CHRONICLE_PACKS_DIR}, {"user", dir.file("my-packs")}}, "en", kUnixNow);
    play.finish_loading();
    const std::vector<AddedPack> added =
        play.add_files({dir.file("mine.json"), dir.file("missing.csv"), dir.file("copy.json")});
    play.finish_loading();
    REQUIRE(added.size() == 3);
    CHECK(added[0].added());
    CHECK(added[0].install.path == dir.file("my-packs") + "/test.json");
    CHECK(added[0].import.format == ImportFormat::Pack);
    CHECK(std::string(import_format_name(ImportFormat::Pack)) == "Chronicle pack");
    CHECK_FALSE(added[1].added());
    CHECK(added[1].file == dir.file("missing.csv"));
    // The bundled pack's id is found in the index: the copy would be hidden behind it.
    CHECK(added[2].install.problem == InstallProblem::IdTaken);
    CHECK(added[2].install.taken_by == bundled_pack);
    REQUIRE(play.library().entries().size() == 2);
    REQUIRE(play.chosen_pack());
    CHECK(play.chosen_pack()->id == "test");
    CHECK(play.settings().pack == "test");
}

// ---------------------------------------------------------------------------
// The library: packs known from the index cache, loaded in full only to be played
// ---------------------------------------------------------------------------

namespace {

namespace fs = std::filesystem;

const std::string kTwoEvents = R"([{"id": "e1", "date": "2020", "headline": "Alpha", "text": "a"},
                                   {"id": "e2", "date": "2021", "headline": "Beta", "text": "b"}])";

// A pack folder and a data folder (where the index is cached) side by side.
struct Folders {
    TempDir dir;
    Folders() {
        fs::create_directories(packs());
        fs::create_directories(dir.file("data"));
    }
    std::string packs() const { return dir.file("packs"); }
    std::string pack(const std::string& name) const { return packs() + "/" + name; }
    std::string index() const { return dir.file("data/pack-index.json"); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(pack(name)) << text; }
    PackLibrary library() const { return PackLibrary({{"user", packs()}}, index()); }
    Play play() const { return Play(dir.file("data"), {{"user", packs()}}, "en", kUnixNow); }
};

std::string pack_named(const std::string& id, const std::string& title) {
    std::string text = chronicle::test::pack_with(kTwoEvents);
    text.replace(text.find("\"id\": \"test\""), 12, "\"id\": \"" + id + "\"");
    text.replace(text.find("\"en\": \"Test\""), 12, "\"en\": \"" + title + "\"");
    return text;
}

// Every job the library hands out, run at once; how many there were.
size_t run_jobs(PackLibrary& library) {
    size_t count = 0;
    for (std::vector<LoadJob> jobs = library.take_jobs(); !jobs.empty(); jobs = library.take_jobs())
        for (const LoadJob& job : jobs) {
            library.finish(run_load_job(job));
            ++count;
        }
    return count;
}

void check_same(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].severity == b[i].severity);
        CHECK(a[i].file == b[i].file);
        CHECK(a[i].line == b[i].line);
        CHECK(a[i].column == b[i].column);
        CHECK(a[i].path == b[i].path);
        CHECK(a[i].issue.problem == b[i].issue.problem);
        CHECK(a[i].issue.details == b[i].issue.details);
        CHECK(a[i].notes.size() == b[i].notes.size());
    }
}

} // namespace

SCENARIO("A pack indexed once is known at the next start without reading it", "[library]") {
    Folders f;
    f.write("a.json", pack_named("alpha", "Alpha pack"));
    GIVEN("a library that indexed the folder") {
        PackLibrary first = f.library();
        REQUIRE(first.entries().size() == 1);
        CHECK(first.entries()[0].indexing());
        CHECK(run_jobs(first) == 1);
        REQUIRE(fs::exists(f.index()));
        WHEN("the pack's bytes change but its size and time do not, and the library starts again") {
            const auto mtime = fs::last_write_time(f.pack("a.json"));
            const auto size = fs::file_size(f.pack("a.json"));
            f.write("a.json", std::string(size, 'x'));
            fs::last_write_time(f.pack("a.json"), mtime);
            PackLibrary again = f.library();
            THEN("it is known from the index: no job reads it, and its card has what the pack said") {
                CHECK(again.take_jobs().empty());
                const LibraryEntry& e = again.entries().at(0);
                REQUIRE_FALSE(e.indexing());
                CHECK(e.loads);
                CHECK(e.summary->id == "alpha");
                CHECK(e.summary->text(e.summary->title, "en") == "Alpha pack");
                CHECK(e.summary->text(e.summary->title, "zh") == "测试");
                CHECK(e.summary->events == 2);
                CHECK(e.summary->languages == std::vector<std::string>{"en", "zh"});
                CHECK(e.summary->kinds == supported_kinds(*load_pack_text(pack_named("alpha", "Alpha pack"), "a").pack));
                CHECK(e.summary->characters.find(U'测') != std::u32string::npos);
                CHECK(e.summary->characters.find(U'x') == std::u32string::npos);
            }
        }
        WHEN("the pack's size changes") {
            f.write("a.json", pack_named("alpha", "Alpha pack, bigger"));
            PackLibrary again = f.library();
            THEN("it is indexed again") {
                CHECK(again.entries().at(0).indexing());
                CHECK(run_jobs(again) == 1);
                CHECK(again.entries().at(0).summary->text(again.entries().at(0).summary->title, "en") == "Alpha pack, bigger");
            }
        }
        WHEN("only the pack's modification time changes, by a nanosecond") {
            const auto mtime = fs::last_write_time(f.pack("a.json"));
            fs::last_write_time(f.pack("a.json"), mtime + std::chrono::nanoseconds(1));
            PackLibrary again = f.library();
            THEN("it is indexed again") {
                CHECK(again.entries().at(0).indexing());
                CHECK(run_jobs(again) == 1);
            }
        }
        WHEN("the cache's bytes lied (same size and time, another pack) and that pack is chosen to play") {
            const auto mtime = fs::last_write_time(f.pack("a.json"));
            f.write("a.json", pack_named("omega", "Alpha pack")); // "omega": as long as "alpha"
            fs::last_write_time(f.pack("a.json"), mtime);
            PackLibrary again = f.library();
            REQUIRE(again.entries().at(0).summary->id == "alpha");
            again.load_only(f.pack("a.json"));
            CHECK(run_jobs(again) == 1);
            THEN("what the full load read replaces the cached card, and the pack can be played") {
                CHECK(again.entries().at(0).summary->id == "omega");
                CHECK(again.find("omega"));
                CHECK(read_pack_index(f.index()).at(0).id == "omega");
            }
        }
        WHEN("the cache is damaged, or was written by another build") {
            THEN("every pack is indexed again, without a problem, and the cache is written anew") {
                for (const char* damaged : {"{\"build\": [\"chronicle-pack-index/1\"", "[]", "\x01\xff",
                                            "{\"build\": [\"chronicle-pack-index/0\"], \"packs\": []}"}) {
                    INFO(damaged);
                    std::ofstream(f.index()) << damaged;
                    PackLibrary again = f.library();
                    CHECK(again.entries().at(0).indexing());
                    CHECK(again.entries().at(0).diagnostics.empty());
                    CHECK(run_jobs(again) == 1);
                    CHECK(again.entries().at(0).loads);
                    CHECK(read_pack_index(f.index()).size() == 1);
                }
            }
        }
    }
}

SCENARIO("A pack that changes while it waits for its job is indexed once, as it is then", "[library]") {
    Folders f;
    f.write("a.json", pack_named("alpha", "Alpha pack"));
    PackLibrary library = f.library();
    const std::vector<LoadJob> jobs = library.take_jobs();
    REQUIRE(jobs.size() == 1);
    WHEN("the file is rewritten after it was listed, before its job reads it") {
        f.write("a.json", pack_named("alpha", "Alpha pack, rewritten"));
        library.finish(run_load_job(jobs[0]));
        THEN("the job's reading is taken, and no job asks for it again") {
            const LibraryEntry& e = library.entries().at(0);
            REQUIRE_FALSE(e.indexing());
            CHECK(e.summary->text(e.summary->title, "en") == "Alpha pack, rewritten");
            CHECK(library.take_jobs().empty());
        }
    }
    WHEN("the file is deleted before its job reads it") {
        fs::remove(f.pack("a.json"));
        library.finish(run_load_job(jobs[0]));
        THEN("its card says it cannot be read, and no job asks for it again") {
            const LibraryEntry& e = library.entries().at(0);
            REQUIRE(e.first_error());
            CHECK(e.first_error()->issue.problem == Problem::CannotOpenFile);
            CHECK(library.take_jobs().empty());
        }
    }
}

SCENARIO("A cache holding a date no pack can have is not trusted", "[library]") {
    Folders f;
    // A problem whose details are dates: the event ends (April) before it begins (May).
    f.write("a.json", chronicle::test::pack_with(
                          R"([{"id": "e1", "date": "2023-05-01", "end": "2023-04-01", "headline": "A", "text": "a"}])"));
    PackLibrary first = f.library();
    run_jobs(first);
    REQUIRE(first.entries().at(0).first_error());
    std::stringstream text;
    text << std::ifstream(f.index()).rdbuf();
    const std::string cache = text.str();
    const size_t at = cache.find("[2023,4,1]");
    REQUIRE(at != std::string::npos);
    for (const char* hostile : {"[2023,13,1]", "[2023,4,31]", "[2023,0,5]", "[-9223372036854775807,1,1]"}) {
        INFO(hostile);
        std::string damaged = cache;
        damaged.replace(at, 10, hostile);
        std::ofstream(f.index()) << damaged;
        PackLibrary again = f.library();
        CHECK(again.entries().at(0).indexing()); // indexed again, never worded from the cache
        run_jobs(again);
        CHECK(again.entries().at(0).first_error()->issue.problem == Problem::EventEndsBeforeItBegins);
    }
}

SCENARIO("A broken pack's problems and a duplicate id survive the cache", "[library]") {
    Folders f;
    f.write("a.json", pack_named("alpha", "Alpha"));
    f.write("b-broken.json", chronicle::test::pack_with(
                                 R"([{"id": "e1", "date": "2023-02-30", "headline": "A", "text": "a"}])"));
    f.write("c-syntax.json", "{ not json");
    f.write("d-same.json", pack_named("alpha", "Another alpha"));
    const LoadResult broken = load_pack_file(f.pack("b-broken.json"));
    const LoadResult syntax = load_pack_file(f.pack("c-syntax.json"));
    REQUIRE_FALSE(broken.diagnostics.empty());
    REQUIRE(broken.diagnostics[0].line > 0);
    REQUIRE(broken.diagnostics[0].issue.problem == Problem::DayOutOfMonth);

    auto check_library = [&](const PackLibrary& library) {
        const std::vector<LibraryEntry>& es = library.entries();
        REQUIRE(es.size() == 4);
        CHECK(es[0].playable());
        CHECK_FALSE(es[1].loads);
        check_same(es[1].diagnostics, broken.diagnostics); // file:line:col, path, code and details
        CHECK_FALSE(es[2].loads);
        check_same(es[2].diagnostics, syntax.diagnostics);
        CHECK_FALSE(es[3].loads); // the first pack found with an id wins
        REQUIRE_FALSE(es[3].diagnostics.empty());
        CHECK(es[3].diagnostics.back().issue.problem == Problem::DuplicatePackId);
        CHECK(es[3].diagnostics.back().issue.details == Details{"alpha", f.pack("a.json")});
        CHECK(library.entry("alpha") == &es[0]);
    };
    GIVEN("the folder indexed") {
        PackLibrary first = f.library();
        CHECK(run_jobs(first) == 4);
        check_library(first);
        WHEN("the library starts again from the cache") {
            PackLibrary again = f.library();
            THEN("nothing is read, and every problem is said as before") {
                CHECK(again.take_jobs().empty());
                check_library(again);
            }
        }
    }
}

SCENARIO("A round starts from an indexed pack once that pack alone is loaded", "[library][play]") {
    Folders f;
    f.write("a.json", pack_named("alpha", "Alpha"));
    f.write("b.json", pack_named("beta", "Beta"));
    f.play().finish_loading(); // indexes the folder into the cache
    GIVEN("a new start, every pack known from the cache") {
        Play play = f.play();
        play.settings().pack = "beta";
        REQUIRE(play.chosen());
        CHECK(play.chosen()->summary->id == "beta");
        CHECK_FALSE(play.chosen_pack());
        CHECK(play.kinds_to_ask() == play.chosen()->summary->kinds);
        THEN("Start waits for the pack") { CHECK(play.start_round(1, at(0)) == StartProblem::Loading); }
        WHEN("the one job handed out, the chosen pack's, is done") {
            const std::vector<LoadJob> jobs = play.take_jobs();
            REQUIRE(jobs.size() == 1);
            CHECK(jobs[0].path == f.pack("b.json"));
            CHECK(jobs[0].keep_pack);
            CHECK(play.take_jobs().empty()); // handed out once
            play.finish(run_load_job(jobs[0]));
            THEN("a round of it starts, and no other pack is in memory") {
                REQUIRE(play.chosen_pack());
                CHECK(play.chosen_pack()->id == "beta");
                CHECK_FALSE(play.library().find("alpha"));
                CHECK(play.start_round(1, at(0)) == StartProblem::None);
                REQUIRE(play.round());
                CHECK(play.round()->session().quiz().pack_id == "beta");
            }
            AND_WHEN("another pack is chosen") {
                play.settings().pack = "alpha";
                const std::vector<LoadJob> next = play.take_jobs();
                THEN("the first is let go and the other loaded") {
                    CHECK_FALSE(play.library().find("beta"));
                    REQUIRE(next.size() == 1);
                    CHECK(next[0].path == f.pack("a.json"));
                    play.finish(run_load_job(next[0]));
                    REQUIRE(play.chosen_pack());
                    CHECK(play.chosen_pack()->id == "alpha");
                }
            }
        }
    }
}

SCENARIO("A timed round left for Home keeps its time and can be resumed", "[play][resume]") {
    TempDir dir;
    GIVEN("a timed round of the bundled pack, its first question asked at 0 ms") {
        Play play = play_in(dir);
        play.settings().pack = "openai-2023";
        play.settings().length = 5;
        play.settings().mode = Mode::Timed;
        REQUIRE(play.start_round(7, at(0)) == StartProblem::None);
        const int64_t limit = play.round()->session().rules().time_limit_ms;
        REQUIRE(limit > 5000);
        WHEN("the player leaves at 3 s and comes back a minute later") {
            play.set_round_aside(3000);
            THEN("the round is kept, paused, with the time left when it was left") {
                REQUIRE(play.round_aside());
                CHECK(play.round_aside()->paused());
                CHECK_FALSE(play.round_aside()->clock_running());
                CHECK(play.round_aside()->ms_left(60'000) == limit - 3000);
                Round* round = play.round();
                REQUIRE(round);
                CHECK_FALSE(round->expire_if_due(at(60'000)));
                const std::vector<size_t> right = round->question().answer;
                CHECK_FALSE(round->answer(right, at(60'000)));
            }
            AND_WHEN("it is resumed at 63 s") {
                REQUIRE(play.resume_round(63'000));
                THEN("the clock runs again from where it stopped") {
                    CHECK_FALSE(play.round_aside());
                    CHECK(play.round()->clock_running());
                    CHECK(play.round()->ms_left(63'000) == limit - 3000);
                    CHECK(play.round()->ms_left(64'000) == limit - 4000);
                    CHECK(play.round()->session().index() == 0);
                }
            }
            AND_WHEN("a new round starts instead") {
                REQUIRE(play.start_round(8, at(61'000)) == StartProblem::None);
                THEN("the round left is dropped: nothing to resume, the new one runs") {
                    CHECK_FALSE(play.round_aside());
                    CHECK_FALSE(play.resume_round(62'000));
                    CHECK(play.round()->clock_running());
                    CHECK(play.round()->ms_left(61'000) == limit);
                }
            }
        }
        WHEN("the round is left for good") {
            play.set_round_aside(1000);
            play.leave_round();
            THEN("there is nothing to resume") {
                CHECK_FALSE(play.round_aside());
                CHECK_FALSE(play.round());
            }
        }
    }
}

SCENARIO("A pack file added while the game runs appears after a rescan", "[library][rescan]") {
    Folders f;
    f.write("a.json", pack_named("alpha", "Alpha pack"));
    GIVEN("a library that indexed its folder, alpha loaded in full") {
        PackLibrary library = f.library();
        library.load_only(f.pack("a.json"));
        run_jobs(library);
        REQUIRE(library.find("alpha"));
        const uint64_t generation = library.generation();
        WHEN("nothing changed in the folder") {
            THEN("a rescan changes nothing") {
                CHECK_FALSE(library.rescan());
                CHECK(library.generation() == generation);
            }
        }
        WHEN("a pack file is added") {
            f.write("b.json", pack_named("beta", "Beta pack"));
            REQUIRE(library.rescan());
            THEN("it is listed and indexed by a job; the unchanged pack keeps its entry and stays loaded") {
                REQUIRE(library.entries().size() == 2);
                CHECK_FALSE(library.entries()[0].indexing());
                CHECK(library.entries()[1].indexing());
                CHECK(library.find("alpha"));
                CHECK(run_jobs(library) == 1); // beta only
                REQUIRE(library.entry("beta"));
                CHECK(library.entry("beta")->summary->title.get("en", "en") == "Beta pack");
                CHECK_FALSE(library.rescan());
            }
        }
        WHEN("the pack file goes") {
            fs::remove(f.pack("a.json"));
            THEN("a rescan drops it") {
                REQUIRE(library.rescan());
                CHECK(library.entries().empty());
                CHECK_FALSE(library.find("alpha"));
            }
        }
    }
}
