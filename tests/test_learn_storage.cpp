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
