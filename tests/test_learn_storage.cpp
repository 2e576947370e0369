// Studying over days in the save (schema 5): Learn answers and the reviews of the facts
// they tested, written together, with each fact's state; reviews from games; Timeline
// games and their best; an older save taking the new tables; a newer save read as it
// is; memory's records moved into the save; a failed write leaving nothing half done;
// progress exported to a file and imported into another save.
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <sqlite3.h>

#include "core/store/storage.h"
#include "fault_vfs.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::Details;
using chronicle::test::TempDir;
using chronicle::test::read_bytes;
using chronicle::test::open_cleanly;
using chronicle::test::run_sql;
using chronicle::test::user_version;

namespace {

constexpr int64_t kNow = 1700000000;

TimelineRun timeline_run(const std::string& pack, int placed, int wrong, int64_t finished_at) {
    TimelineRun r;
    r.pack_id = pack;
    r.lang = "zh";
    r.seed = 0xfedcba9876543210ULL; // above INT64_MAX: kept as its bits
    r.finished_at = finished_at;
    r.placed = placed;
    r.wrong = wrong;
    return r;
}

bool same_run(const TimelineRun& a, const TimelineRun& b) {
    return a.pack_id == b.pack_id && a.lang == b.lang && a.seed == b.seed && a.finished_at == b.finished_at &&
           a.placed == b.placed && a.wrong == b.wrong;
}

} // namespace

SCENARIO("Timeline games are kept, and the best is the most cards placed, the earliest on a tie", "[learn][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a new save") {
        auto storage = open_cleanly(path);
        CHECK(user_version(path) == 5);
        CHECK_FALSE(storage->best_timeline_run("p"));
        CHECK_FALSE(storage->last_error());
        WHEN("four Timeline games are recorded, two of them tying for the most") {
            const int64_t first = storage->record_timeline_run(timeline_run("p", 5, 3, kNow));
            const int64_t tie_early = storage->record_timeline_run(timeline_run("p", 9, 3, kNow + 20));
            const int64_t tie_late = storage->record_timeline_run(timeline_run("p", 9, 2, kNow + 30));
            const int64_t other_pack = storage->record_timeline_run(timeline_run("q", 50, 0, kNow + 40));
            REQUIRE(first > 0);
            REQUIRE(tie_early > first);
            REQUIRE(tie_late > tie_early);
            REQUIRE(other_pack > tie_late);
            THEN("the best of the pack is the earlier of the two, read back whole") {
                const std::optional<TimelineRun> best = storage->best_timeline_run("p");
                REQUIRE(best);
                CHECK(best->id == tie_early);
                CHECK(same_run(*best, timeline_run("p", 9, 3, kNow + 20)));
                REQUIRE(storage->best_timeline_run("q"));
                CHECK(storage->best_timeline_run("q")->placed == 50);
            }
            THEN("the best is the same after the save is opened again") {
                storage.reset();
                auto again = open_cleanly(path);
                REQUIRE(again->best_timeline_run("p"));
                CHECK(again->best_timeline_run("p")->id == tie_early);
            }
        }
        WHEN("a game the Timeline could not produce is offered") {
            THEN("it is refused with a reason and nothing is kept") {
                CHECK(storage->record_timeline_run(timeline_run("p", -1, 0, kNow)) == -1);
                REQUIRE(storage->last_error());
                CHECK(storage->last_error()->problem == Problem::TimelineRunNotSaved);
                CHECK(storage->record_timeline_run(timeline_run("p", 3, 4, kNow)) == -1);
                CHECK(storage->record_timeline_run(timeline_run("p", 3, -1, kNow)) == -1);
                CHECK_FALSE(storage->best_timeline_run("p"));
            }
        }
    }
}

namespace {

// A card as FSRS could leave it after a review at `at`: `reps` reviews, due `reps` days on.
fsrs::Card card_at(int64_t at, int reps) {
    fsrs::Card c;
    c.state = reps == 1 ? fsrs::State::Learning : fsrs::State::Review;
    c.step = reps == 1 ? 1 : 0;
    c.stability = 1.5 + reps;
    c.difficulty = 4.75 + 0.5 * reps;
    c.due = at + 86400 * reps;
    c.last_review = at;
    c.scheduled_days = reps;
    c.reps = reps;
    c.lapses = reps / 3;
    return c;
}

FactReview review_of(const std::string& pack, const std::string& fact, int64_t at, int reps,
                     fsrs::Rating rating = fsrs::Rating::Good) {
    FactReview r;
    r.pack_id = pack;
    r.fact = fact;
    r.rating = rating;
    r.kind = Kind::When;
    r.at = at;
    r.card = card_at(at, reps);
    return r;
}

StudyAnswer study_answer(const std::string& pack, int64_t at, const std::string& prompt, bool correct = true) {
    StudyAnswer a;
    a.pack_id = pack;
    a.lang = "zh";
    a.kind = Kind::When;
    a.prompt = prompt;
    a.correct = correct;
    a.elapsed_ms = 4200;
    a.at = at;
    return a;
}

GameRecord game_at(const std::string& pack, int64_t finished_at, int points) {
    GameRecord g;
    g.pack_id = pack;
    g.mode = Mode::Timed;
    g.seed = 77;
    g.lang = "en";
    g.finished_at = finished_at;
    g.questions = 1;
    g.correct = 1;
    g.points = points;
    g.best_streak = 1;
    g.answers.push_back({Kind::When, "When?", {"May"}, {"May"}, true, points, 2000});
    return g;
}

bool same_card(const fsrs::Card& a, const fsrs::Card& b) {
    return a.state == b.state && a.step == b.step && a.stability == b.stability && a.difficulty == b.difficulty &&
           a.due == b.due && a.last_review == b.last_review && a.scheduled_days == b.scheduled_days && a.reps == b.reps &&
           a.lapses == b.lapses;
}

bool same_review(const FactReview& a, const FactReview& b) {
    return a.pack_id == b.pack_id && a.fact == b.fact && a.rating == b.rating && a.kind == b.kind && a.at == b.at &&
           same_card(a.card, b.card);
}

bool same_answer(const StudyAnswer& a, const StudyAnswer& b) {
    return a.pack_id == b.pack_id && a.lang == b.lang && a.kind == b.kind && a.prompt == b.prompt && a.correct == b.correct &&
           a.elapsed_ms == b.elapsed_ms && a.at == b.at;
}

// One number from the save at `path`, read directly; -1 when there is none.
int64_t scalar(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    int64_t value = -1;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            value = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return value;
}

// Everything the player would see of a save, without ids: games with their answers,
// best scores, Learn answers, reviews, fact states, Timeline bests.
std::string figures(const Storage& s) {
    std::ostringstream out;
    for (const GameRecord& listed : s.recent_games(-1)) {
        const std::optional<GameRecord> g = s.game(listed.id);
        REQUIRE(g);
        out << "game " << g->pack_id << ' ' << mode_name(g->mode) << ' ' << g->seed << ' ' << g->finished_at << ' '
            << g->points << ' ' << g->answers.size() << '\n';
    }
    for (const char* pack : {"p", "q"}) {
        if (const auto best = s.best_score(pack, Mode::Timed)) out << "best " << pack << ' ' << best->points << ' ' << best->finished_at << '\n';
        if (const auto run = s.best_timeline_run(pack)) out << "timeline " << pack << ' ' << run->placed << ' ' << run->finished_at << '\n';
    }
    for (const StudyAnswer& a : s.study_answers("", 0)) out << "answer " << a.pack_id << ' ' << a.at << ' ' << a.prompt << '\n';
    for (const FactReview& r : s.fact_reviews("", 0))
        out << "review " << r.pack_id << ' ' << r.fact << ' ' << r.at << ' ' << static_cast<int>(r.rating) << ' ' << r.card.reps << '\n';
    for (const FactState& f : s.fact_states(""))
        out << "state " << f.pack_id << ' ' << f.fact << ' ' << f.card.last_review << ' ' << f.card.reps << ' '
            << static_cast<int>(f.last_rating) << '\n';
    CHECK_FALSE(s.last_error());
    return out.str();
}

// A save with a bit of everything: two games (one with reviews), Learn answers with
// reviews, Timeline games.
void fill(Storage& s, int64_t base) {
    REQUIRE(s.record_game(game_at("p", base + 10, 900), {review_of("p", "date:e01", base + 10, 1)}) > 0);
    REQUIRE(s.record_game(game_at("q", base + 20, 500)) > 0);
    REQUIRE(s.record_study_answer(study_answer("p", base + 30, "When was e01?"), {review_of("p", "date:e01", base + 30, 2)}) > 0);
    REQUIRE(s.record_study_answer(study_answer("p", base + 40, "Who did e02?", false),
                                  {review_of("p", "who:e02", base + 40, 1, fsrs::Rating::Again),
                                   review_of("p", "date:e02", base + 40, 1, fsrs::Rating::Again)}) > 0);
    REQUIRE(s.record_timeline_run(timeline_run("p", 7, 3, base + 50)) > 0);
    REQUIRE(s.record_timeline_run(timeline_run("q", 2, 3, base + 60)) > 0);
}

} // namespace

SCENARIO("Learn answers and games keep the reviews of their facts, and each fact where it stands", "[learn][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a new save") {
        auto storage = open_cleanly(path);
        WHEN("a Learn answer is recorded with the reviews of two facts") {
            const StudyAnswer answer = study_answer("p", kNow, "「甲」是哪一年？");
            const std::vector<FactReview> reviews = {review_of("p", "date:e01", kNow, 1), review_of("p", "who:e01", kNow, 2)};
            const int64_t id = storage->record_study_answer(answer, reviews);
            REQUIRE(id > 0);
            THEN("the answer, the reviews and the facts' states read back as written") {
                const std::vector<StudyAnswer> answers = storage->study_answers("p", 0);
                REQUIRE(answers.size() == 1);
                CHECK(answers[0].id == id);
                CHECK(same_answer(answers[0], answer));
                const std::vector<FactReview> read = storage->fact_reviews("p", 0);
                REQUIRE(read.size() == 2);
                CHECK(same_review(read[0], reviews[0]));
                CHECK(same_review(read[1], reviews[1]));
                const std::vector<FactState> states = storage->fact_states("p");
                REQUIRE(states.size() == 2);
                CHECK(states[0].fact == "date:e01");
                CHECK(same_card(states[0].card, reviews[0].card));
                CHECK(states[0].last_rating == fsrs::Rating::Good);
                CHECK(states[1].fact == "who:e01");
                CHECK(same_card(states[1].card, reviews[1].card));
                CHECK(scalar(path, "SELECT count(*) FROM fact_reviews WHERE study_answer_id = 1 AND game_id IS NULL") == 2);
            }
            THEN("the readers choose by pack and by time") {
                CHECK(storage->study_answers("other", 0).empty());
                CHECK(storage->study_answers("", kNow).size() == 1);
                CHECK(storage->study_answers("", kNow + 1).empty());
                CHECK(storage->fact_reviews("", kNow + 1).empty());
                CHECK(storage->fact_reviews("other", 0).empty());
                CHECK(storage->fact_states("other").empty());
                CHECK(storage->fact_states("").size() == 2);
                CHECK_FALSE(storage->last_error());
            }
            AND_WHEN("a later review of one fact comes, then an older one") {
                const FactReview later = review_of("p", "date:e01", kNow + 3600, 2, fsrs::Rating::Easy);
                REQUIRE(storage->record_study_answer(study_answer("p", kNow + 3600, "again"), {later}) > 0);
                const FactReview older = review_of("p", "date:e01", kNow - 3600, 5, fsrs::Rating::Hard);
                REQUIRE(storage->record_study_answer(study_answer("p", kNow - 3600, "before"), {older}) > 0);
                THEN("the state is the later review's; the older one is kept as a review only") {
                    const std::vector<FactState> states = storage->fact_states("p");
                    REQUIRE(states.size() == 2);
                    CHECK(same_card(states[0].card, later.card));
                    CHECK(states[0].last_rating == fsrs::Rating::Easy);
                    const std::vector<FactReview> read = storage->fact_reviews("p", 0);
                    REQUIRE(read.size() == 4);
                    CHECK(same_review(read[0], older)); // oldest first
                    CHECK(storage->study_answers("p", 0).front().prompt == "before");
                }
            }
        }
        WHEN("a game is recorded with the reviews of the facts it asked") {
            const int64_t id = storage->record_game(game_at("p", kNow, 900), {review_of("p", "date:e03", kNow, 1)});
            REQUIRE(id > 0);
            THEN("the reviews name the game and move the fact's state") {
                CHECK(scalar(path, "SELECT game_id FROM fact_reviews WHERE study_answer_id IS NULL") == id);
                REQUIRE(storage->fact_states("p").size() == 1);
                CHECK(storage->fact_states("p")[0].fact == "date:e03");
                CHECK(storage->best_score("p", Mode::Timed)->game_id == id);
            }
        }
        WHEN("a record the game could not produce is offered") {
            FactReview unrated = review_of("p", "date:e01", kNow, 1);
            unrated.rating = static_cast<fsrs::Rating>(5);
            FactReview still_new = review_of("p", "date:e01", kNow, 1);
            still_new.card.state = fsrs::State::New;
            FactReview stamped_elsewhere = review_of("p", "date:e01", kNow, 1);
            stamped_elsewhere.card.last_review = kNow - 1;
            FactReview no_fact = review_of("p", "", kNow, 1);
            StudyAnswer negative_time = study_answer("p", kNow, "?");
            negative_time.elapsed_ms = -1;
            THEN("it is refused whole: no answer, no review, no state, and a game with it is not kept either") {
                const FactReview good = review_of("p", "who:e09", kNow, 1);
                for (const FactReview& bad : {unrated, still_new, stamped_elsewhere, no_fact}) {
                    CHECK(storage->record_study_answer(study_answer("p", kNow, "?"), {good, bad}) == -1);
                    REQUIRE(storage->last_error());
                    CHECK(storage->last_error()->problem == Problem::StudyAnswerNotSaved);
                    CHECK(storage->record_game(game_at("p", kNow, 900), {good, bad}) == -1);
                    CHECK(storage->last_error()->problem == Problem::GameNotSaved);
                }
                CHECK(storage->record_study_answer(negative_time, {good}) == -1);
                CHECK(storage->study_answers("", 0).empty());
                CHECK(storage->fact_reviews("", 0).empty());
                CHECK(storage->fact_states("").empty());
                CHECK(storage->game_count() == 0);
            }
        }
    }
}

SCENARIO("A save of version 4 takes the tables of studying over days and keeps everything", "[learn][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a save of version 4 with a setting, a game and a projector game") {
        const int64_t team_id = chronicle::test::fill_older_save(*open_cleanly(path), kNow, true);
        // A version 4 save is this one without version 5's tables.
        run_sql(path, chronicle::test::kDropVersion5Tables);
        run_sql(path, "PRAGMA user_version = 4;");
        REQUIRE(user_version(path) == 4);
        WHEN("this version opens it") {
            auto storage = open_cleanly(path);
            THEN("it is at version 5 with all it held, and takes Learn answers and Timeline games") {
                CHECK(user_version(path) == 5);
                chronicle::test::check_older_save(*storage, team_id);
                CHECK(storage->recent_class_games(-1).empty());
                CHECK(storage->fact_states("").empty());
                CHECK_FALSE(storage->last_error());
                CHECK(storage->record_study_answer(study_answer("p", kNow, "?"), {review_of("p", "date:e01", kNow, 1)}) > 0);
                CHECK(storage->record_timeline_run(timeline_run("p", 4, 3, kNow)) > 0);
                CHECK(storage->fact_states("p").size() == 1);
            }
        }
    }
}

TEST_CASE("A save from a newer version shows its studying and takes none", "[learn][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    {
        auto storage = open_cleanly(path);
        fill(*storage, kNow);
    }
    std::string before_figures;
    {
        auto storage = open_cleanly(path);
        before_figures = figures(*storage);
    }
    run_sql(path, "PRAGMA user_version = 6; CREATE TABLE learn_streaks (days INTEGER)");
    const std::string before = read_bytes(path);
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    REQUIRE(opened.notice);
    CHECK(opened.notice->problem == Problem::SaveNewerReadOnly);
    Storage& storage = *opened.storage;
    CHECK(figures(storage) == before_figures);
    CHECK(storage.study_answers("p", 0).size() == 2);
    CHECK(storage.fact_states("p").size() == 3);
    CHECK(storage.record_study_answer(study_answer("p", kNow, "?"), {review_of("p", "date:e01", kNow + 99, 1)}) == -1);
    REQUIRE(storage.last_error());
    CHECK(storage.last_error()->problem == Problem::StudyAnswerNotSaved);
    CHECK(storage.last_error()->details == Details{Term::SaveFromNewerVersion});
    CHECK(storage.record_timeline_run(timeline_run("p", 4, 3, kNow)) == -1);
    CHECK(storage.last_error()->problem == Problem::TimelineRunNotSaved);
    const std::string carried = dir.file("progress.chronicle");
    CHECK(storage.export_progress(carried)); // carried as it is, to a newer Chronicle elsewhere
    CHECK(user_version(carried) == 6);
    CHECK(storage.record_timeline_run(timeline_run("p", 4, 3, kNow)) == -1); // still read-only
    opened.storage.reset();
    CHECK(read_bytes(path) == before);
    CHECK(user_version(path) == 6);
}

SCENARIO("Studying kept in memory while the save was locked goes into it later", "[learn][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    GIVEN("a save with a fact reviewed, that another program locks at start") {
        {
            auto storage = open_cleanly(path);
            REQUIRE(storage->record_study_answer(study_answer("p", kNow - 100, "first"), {review_of("p", "date:e01", kNow - 100, 1)}) > 0);
            REQUIRE(storage->record_game(game_at("p", kNow - 50, 100)) > 0);
        }
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
        std::unique_ptr<sqlite3, int (*)(sqlite3*)> closer(other, sqlite3_close);
        REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
        OpenResult opened = Storage::open(path, kNow);
        REQUIRE(opened.storage);
        REQUIRE(opened.storage->in_memory());
        WHEN("answers, a game with reviews and Timeline games are recorded, the lock ends and the game closes") {
            std::string in_memory;
            {
                Storage& s = *opened.storage;
                fill(s, kNow);
                in_memory = figures(s);
            }
            REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
            opened.storage.reset();
            THEN("the save holds them all, the reviews tied to their new game and answers, the states the later") {
                auto storage = open_cleanly(path);
                CHECK(storage->study_answers("", 0).size() == 3);
                CHECK(storage->fact_reviews("", 0).size() == 5);
                CHECK(storage->recent_games(-1).size() == 3);
                // The game with a review was the save's second: its review names it.
                CHECK(scalar(path, "SELECT count(*) FROM fact_reviews r JOIN games g ON g.id = r.game_id"
                                   " WHERE g.finished_at = 1700000010") == 1);
                CHECK(scalar(path, "SELECT count(*) FROM fact_reviews r JOIN study_answers a ON a.id = r.study_answer_id") == 4);
                const std::vector<FactState> states = storage->fact_states("p");
                REQUIRE(states.size() == 3);
                CHECK(states[0].fact == "date:e01");
                CHECK(states[0].card.last_review == kNow + 30);
                REQUIRE(storage->best_timeline_run("p"));
                CHECK(storage->best_timeline_run("p")->placed == 7);
                CHECK(scalar(path, "PRAGMA foreign_key_check") == -1); // no row
            }
        }
    }
}

SCENARIO("Progress exported from one save and imported into another", "[learn][storage]") {
    TempDir dir;
    const std::string home = dir.file("home.db");
    const std::string school = dir.file("school.db");
    const std::string carried = dir.file("progress.chronicle");
    GIVEN("a save with games, Learn answers, reviews and Timeline games, exported to a file") {
        std::string home_figures;
        {
            auto storage = open_cleanly(home);
            fill(*storage, kNow);
            home_figures = figures(*storage);
            REQUIRE(storage->export_progress(carried));
            CHECK_FALSE(storage->last_error());
        }
        WHEN("a new save imports it") {
            auto storage = open_cleanly(school);
            const std::optional<ProgressImport> added = storage->import_progress(carried);
            REQUIRE(added);
            CHECK_FALSE(storage->last_error());
            THEN("it holds the same figures, and says how much it took") {
                CHECK(added->games == 2);
                CHECK(added->study_answers == 2);
                CHECK(added->reviews == 4);
                CHECK(added->timeline_runs == 2);
                CHECK(figures(*storage) == home_figures);
                CHECK(scalar(school, "PRAGMA foreign_key_check") == -1);
            }
            AND_WHEN("it imports the same file again") {
                const std::optional<ProgressImport> again = storage->import_progress(carried);
                REQUIRE(again);
                THEN("nothing is added") {
                    CHECK(again->games == 0);
                    CHECK(again->study_answers == 0);
                    CHECK(again->reviews == 0);
                    CHECK(again->timeline_runs == 0);
                    CHECK(figures(*storage) == home_figures);
                }
            }
        }
        WHEN("a save with its own studying imports it: one fact reviewed later there, one earlier, a better game") {
            auto storage = open_cleanly(school);
            // date:e01 is reviewed at kNow + 30 at home; later here. who:e02 at kNow + 40 at home; earlier here.
            REQUIRE(storage->record_study_answer(study_answer("p", kNow + 500, "here"), {review_of("p", "date:e01", kNow + 500, 3)}) > 0);
            REQUIRE(storage->record_study_answer(study_answer("p", kNow + 5, "here too"), {review_of("p", "who:e02", kNow + 5, 4)}) > 0);
            REQUIRE(storage->record_game(game_at("p", kNow + 1000, 2000)) > 0);
            REQUIRE(storage->record_timeline_run(timeline_run("p", 3, 3, kNow)) > 0);
            const std::optional<ProgressImport> added = storage->import_progress(carried);
            REQUIRE(added);
            THEN("everything is added, each fact stands where its latest review left it, and the best scores are the best") {
                CHECK(added->games == 2);
                CHECK(added->reviews == 4);
                CHECK(storage->study_answers("", 0).size() == 4);
                CHECK(storage->fact_reviews("", 0).size() == 6);
                const std::vector<FactState> states = storage->fact_states("p");
                REQUIRE(states.size() == 3);
                CHECK(states[0].fact == "date:e01");
                CHECK(states[0].card.last_review == kNow + 500); // kept: later than the file's
                CHECK(states[1].fact == "date:e02");
                CHECK(states[1].card.last_review == kNow + 40); // only in the file
                CHECK(states[2].fact == "who:e02");
                CHECK(states[2].card.last_review == kNow + 40); // the file's: later than this save's
                CHECK(storage->best_score("p", Mode::Timed)->points == 2000);
                REQUIRE(storage->best_score("q", Mode::Timed));
                CHECK(storage->best_score("q", Mode::Timed)->points == 500); // a pack new here: the imported game is its best
                CHECK(storage->best_timeline_run("p")->placed == 7);
            }
        }
        WHEN("the file is a save of version 4, from before studying over days") {
            run_sql(carried, chronicle::test::kDropVersion5Tables);
            run_sql(carried, "PRAGMA user_version = 4;");
            auto storage = open_cleanly(school);
            const std::optional<ProgressImport> added = storage->import_progress(carried);
            THEN("its games are imported, with their best scores") {
                REQUIRE(added);
                CHECK(added->games == 2);
                CHECK(added->study_answers == 0);
                CHECK(added->reviews == 0);
                CHECK(added->timeline_runs == 0);
                CHECK(storage->best_score("p", Mode::Timed)->points == 900);
                CHECK(storage->fact_states("").empty());
                CHECK(user_version(carried) == 4); // read, never changed
            }
        }
        WHEN("an imported fact state was reviewed at the same moment as this save's") {
            auto storage = open_cleanly(school);
            REQUIRE(storage->record_study_answer(study_answer("p", kNow + 30, "here"),
                                                 {review_of("p", "date:e01", kNow + 30, 9, fsrs::Rating::Hard)}) > 0);
            REQUIRE(storage->import_progress(carried));
            THEN("this save's stays") {
                const std::vector<FactState> states = storage->fact_states("p");
                REQUIRE(states.size() == 3);
                CHECK(states[0].fact == "date:e01");
                CHECK(states[0].card.reps == 9);
                CHECK(states[0].last_rating == fsrs::Rating::Hard);
            }
        }
        WHEN("an imported game ties this save's best but was played earlier") {
            auto storage = open_cleanly(school);
            REQUIRE(storage->record_game(game_at("p", kNow + 1000, 900)) > 0);
            REQUIRE(storage->import_progress(carried));
            THEN("the earlier game holds the best score") {
                REQUIRE(storage->best_score("p", Mode::Timed));
                CHECK(storage->best_score("p", Mode::Timed)->finished_at == kNow + 10);
            }
        }
        WHEN("the progress is exported again to the same file") {
            const std::string bytes = read_bytes(carried);
            auto storage = open_cleanly(home);
            THEN("it is refused: nothing is written over") {
                CHECK_FALSE(storage->export_progress(carried));
                REQUIRE(storage->last_error());
                CHECK(storage->last_error()->problem == Problem::ExportTargetExists);
                CHECK(storage->last_error()->details == Details{carried});
                CHECK(read_bytes(carried) == bytes);
            }
            THEN("a folder that is not there is said, and nothing is left behind") {
                const std::string nowhere = dir.file("no such folder/progress.chronicle");
                CHECK_FALSE(storage->export_progress(nowhere));
                REQUIRE(storage->last_error());
                CHECK(storage->last_error()->problem == Problem::ProgressNotExported);
                CHECK(storage->last_error()->details.size() == 2);
                CHECK(storage->last_error()->details.front() == Detail(nowhere));
            }
        }
    }
}

SCENARIO("A file that is not progress this version can import is refused and changes nothing", "[learn][storage]") {
    TempDir dir;
    const std::string path = dir.file("save.db");
    const std::string other = dir.file("other.db");
    auto storage = open_cleanly(path);
    fill(*storage, kNow);
    const std::string before = figures(*storage);
    auto refused_with = [&](const std::string& file, const Detail& why) {
        CHECK_FALSE(storage->import_progress(file));
        REQUIRE(storage->last_error());
        CHECK(storage->last_error()->problem == Problem::ProgressNotImported);
        CHECK(storage->last_error()->details == Details{file, why});
        CHECK(figures(*storage) == before);
    };
    GIVEN("a text file") {
        std::ofstream(other) << "date,headline\n1969-07-20,Moon landing\n" << std::string(2000, 'x');
        THEN("it is not a save") { refused_with(other, Term::SaveNotADatabase); }
    }
    GIVEN("an SQLite file of another program") {
        run_sql(other, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello')");
        THEN("it is not a Chronicle save") { refused_with(other, Term::SaveNotChronicle); }
    }
    GIVEN("a save from a newer version") {
        {
            auto newer = open_cleanly(other);
            fill(*newer, kNow + 5000);
        }
        run_sql(other, "PRAGMA user_version = 6");
        THEN("it is refused as newer") { refused_with(other, Term::SaveFromNewerVersion); }
    }
    GIVEN("a damaged save: a page in its middle overwritten") {
        {
            auto damaged = open_cleanly(other);
            for (int i = 0; i < 20; ++i) fill(*damaged, kNow + 5000 + 100 * i);
        }
        std::string bytes = read_bytes(other);
        REQUIRE(bytes.size() > 4 * 4096);
        for (size_t i = 2 * 4096; i < 3 * 4096; ++i) bytes[i] = static_cast<char>(0xA5);
        std::ofstream(other, std::ios::binary | std::ios::trunc) << bytes;
        THEN("it is refused as damaged") { refused_with(other, Term::SaveDamaged); }
    }
    GIVEN("a folder") {
        THEN("it is refused as a folder") { refused_with(dir.file(""), Term::SaveIsFolder); }
    }
}

// The [faults] machinery on a Learn answer: every disk operation of opening the save
// and recording one answer with two reviews may fail or crash; afterwards the save
// holds the answer with both reviews and both states moved, or none of it.
namespace {

enum class Fault { IoError, DiskFull, Crash };

// Opens the save at `path` and records the second answer: date:e01 reviewed again
// (it was reviewed at kNow) and who:e01 for the first time. Whether it was confirmed:
// written to the file, not to memory, before any crash.
bool record_second(const std::string& path, const chronicle::test::FaultVfs& vfs, Fault fault, bool& said_why) {
    OpenResult opened = Storage::open(path, kNow);
    REQUIRE(opened.storage);
    Storage& s = *opened.storage;
    const int64_t id = s.record_study_answer(study_answer("p", kNow + 60, "second"),
                                             {review_of("p", "date:e01", kNow + 60, 2), review_of("p", "who:e01", kNow + 60, 1)});
    said_why = id > 0 || (s.last_error() && !s.last_error()->details.empty());
    return id > 0 && !s.in_memory() && !(fault == Fault::Crash && vfs.struck());
}

// What is wrong with the save after the restart, or "".
std::string check_whole(const std::string& path, bool confirmed) {
    OpenResult opened = Storage::open(path, kNow);
    if (!opened.storage || opened.notice) return "the save did not open cleanly";
    const Storage& s = *opened.storage;
    const std::vector<StudyAnswer> answers = s.study_answers("", 0);
    const std::vector<FactReview> reviews = s.fact_reviews("", 0);
    const std::vector<FactState> states = s.fact_states("");
    if (answers.empty() || answers[0].prompt != "first") return "the first answer lost";
    if (answers.size() == 1) {
        if (confirmed) return "a confirmed answer lost";
        if (reviews.size() != 1) return "a review without its answer";
        if (states.size() != 1 || states[0].card.last_review != kNow) return "a state moved without its answer";
    } else {
        if (answers.size() != 2 || answers[1].prompt != "second") return "an answer never given";
        if (reviews.size() != 3) return "half the reviews";
        if (states.size() != 2 || states[0].card.last_review != kNow + 60 || states[1].card.last_review != kNow + 60)
            return "the states not moved with the answer";
    }
    return "";
}

} // namespace

TEST_CASE("Every disk operation of recording a Learn answer may fail or crash: all of it or none is kept",
          "[learn][storage][faults]") {
    using chronicle::test::FaultVfs;
    auto first_answer = [](const std::string& path) {
        auto storage = open_cleanly(path);
        REQUIRE(storage->record_study_answer(study_answer("p", kNow, "first"), {review_of("p", "date:e01", kNow, 1)}) > 0);
    };
    int operations = 0;
    {
        TempDir dir;
        first_answer(dir.file("save.db"));
        FaultVfs vfs;
        bool said_why = false;
        REQUIRE(record_second(dir.file("save.db"), vfs, Fault::IoError, said_why));
        operations = vfs.operations();
    }
    REQUIRE(operations > 5);
    for (Fault fault : {Fault::IoError, Fault::DiskFull, Fault::Crash}) {
        for (int n = 1; n <= operations; ++n) {
            INFO("fault " << static_cast<int>(fault) << " at operation " << n << " of " << operations);
            TempDir dir;
            const std::string path = dir.file("save.db");
            first_answer(path);
            bool confirmed = false, said_why = false;
            {
                FaultVfs vfs;
                if (fault == Fault::Crash) vfs.crash_at(n);
                else vfs.fail_at(n, fault == Fault::IoError ? SQLITE_IOERR_WRITE : SQLITE_FULL);
                confirmed = record_second(path, vfs, fault, said_why);
                REQUIRE(vfs.struck());
            }
            if (fault != Fault::Crash) CHECK(said_why);
            FaultVfs no_faults;
            CHECK(check_whole(path, confirmed) == "");
        }
    }
}
