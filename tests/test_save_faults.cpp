// The forced-fault storage test: a realistic sequence of saves (a new save, settings,
// games, reopening, more games) run once for every operation SQLite asks of the disk,
// with that operation failing (an I/O error, a full disk) or the machine stopping
// there (every later write dropped, then a restart). After each run the save must
// open, be whole, and hold every game that was confirmed, complete.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sqlite3.h>

#include "core/store/storage.h"
#include "fault_vfs.h"
#include "support.h"

using namespace chronicle;
using chronicle::test::FaultVfs;
using chronicle::test::TempDir;

namespace {

constexpr int64_t kFirstFinish = 1700000000; // game i finishes at kFirstFinish + i, which names it
constexpr int kGames = 5;

GameRecord game_number(int i) {
    GameRecord g;
    g.pack_id = "fault-pack";
    g.mode = Mode::Timed;
    g.seed = static_cast<uint64_t>(i);
    g.lang = "en";
    g.finished_at = kFirstFinish + i;
    g.questions = 6;
    for (int q = 0; q < g.questions; ++q) {
        AnsweredQuestion a;
        a.prompt = "game " + std::to_string(i) + ", question " + std::to_string(q);
        a.chosen = {"option " + std::to_string(q)};
        a.right = {q % 2 == 0 ? a.chosen[0] : "another option"};
        a.correct = q % 2 == 0;
        a.points = a.correct ? 100 * (i + 1) : 0;
        a.elapsed_ms = 1000 * q;
        g.correct += a.correct;
        g.points += a.points;
        g.answers.push_back(std::move(a));
    }
    g.best_streak = 1;
    return g;
}

enum class FaultKind { IoError, DiskFull, Crash };

// What one run saw and what it broke, for the checks and the tally.
struct Run {
    std::set<int64_t> confirmed; // finish times of games saved to the file before the fault
    int silent_failures = 0;     // a failed call without a reason: must stay 0
    int open_notices = 0;        // the fault was met while opening, and said
    int kept_in_memory = 0;      // a write met the fault and kept the data in memory, saying so
    int refused = 0;             // a write met the fault and returned nothing with a reason
};

// Records game `i`, noting whether it counts as confirmed and whether a failure said why.
void record(Storage& storage, int i, const FaultVfs& vfs, FaultKind kind, Run& run) {
    const bool struck_before = vfs.struck();
    const int64_t id = storage.record_game(game_number(i));
    const bool struck_now = !struck_before && vfs.struck();
    // After a crash the program runs on, but nothing it writes reaches the disk.
    const bool after_crash = kind == FaultKind::Crash && vfs.struck();
    if (id > 0 && !storage.in_memory() && !after_crash) run.confirmed.insert(kFirstFinish + i);
    if (kind == FaultKind::Crash || !struck_now) return;
    if (id > 0) {
        // A write that met the fault can only have succeeded by keeping the game in memory.
        if (storage.in_memory()) ++run.kept_in_memory;
        return;
    }
    if (storage.last_error() && !storage.last_error()->details.empty()) ++run.refused;
    else ++run.silent_failures;
}

std::unique_ptr<Storage> open_save(const std::string& path, const FaultVfs& vfs, Run& run) {
    const bool struck_before = vfs.struck();
    OpenResult opened = Storage::open(path, kFirstFinish);
    if (!struck_before && vfs.struck() && opened.notice) ++run.open_notices;
    REQUIRE(opened.storage);
    return std::move(opened.storage);
}

// The sequence: a new save, settings, three games; closed; reopened, two more games and
// a setting.
void play_sequence(const std::string& path, const FaultVfs& vfs, FaultKind kind, Run& run) {
    {
        auto storage = open_save(path, vfs, run);
        storage->set_settings({{"ui_lang", "zh"}, {"theme", "light"}});
        for (int i = 0; i < 3; ++i) record(*storage, i, vfs, kind, run);
    }
    if (kind == FaultKind::Crash && vfs.struck()) return; // the machine is down: nothing more runs
    auto storage = open_save(path, vfs, run);
    for (int i = 3; i < kGames; ++i) record(*storage, i, vfs, kind, run);
    storage->set_setting("pack", "fault-pack");
}

std::string integrity(const std::string& path) {
    sqlite3* db = nullptr;
    std::string result = "could not open";
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* check = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK && sqlite3_step(check) == SQLITE_ROW)
            result = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
        sqlite3_finalize(check);
    }
    sqlite3_close(db);
    return result;
}

// After the restart, with the plain VFS: the save opens, is whole, and every game in it
// is one that was played, complete; every confirmed game is there. Returns what is
// wrong, or "" when the run held.
std::string check_after_restart(const std::string& path, const Run& run) {
    if (run.silent_failures > 0) return "a call failed without saying why";
    {
        OpenResult opened = Storage::open(path, kFirstFinish);
        if (!opened.storage) return "no storage at all";
        if (opened.notice) return "the save needed a notice on opening"; // never moved aside, never in memory
        std::map<int64_t, int> seen;
        for (const GameRecord& listed : opened.storage->recent_games(-1)) {
            const int i = static_cast<int>(listed.finished_at - kFirstFinish);
            if (i < 0 || i >= kGames) return "a game that was never played";
            if (++seen[listed.finished_at] > 1) return "game " + std::to_string(i) + " saved twice";
            const std::optional<GameRecord> g = opened.storage->game(listed.id);
            const GameRecord played = game_number(i);
            if (!g || g->points != played.points || g->answers.size() != played.answers.size())
                return "game " + std::to_string(i) + " half-written";
            for (size_t q = 0; q < played.answers.size(); ++q)
                if (g->answers[q].prompt != played.answers[q].prompt) return "game " + std::to_string(i) + " changed";
        }
        for (int64_t finished_at : run.confirmed)
            if (seen.count(finished_at) == 0) return "confirmed game " + std::to_string(finished_at - kFirstFinish) + " lost";
    }
    const std::string check = integrity(path);
    return check == "ok" ? "" : "integrity_check: " + check;
}

const char* kind_name(FaultKind kind) {
    return kind == FaultKind::IoError ? "I/O error" : kind == FaultKind::DiskFull ? "disk full" : "crash";
}

} // namespace

TEST_CASE("Every disk operation of a session of saves may fail or crash, and no confirmed game is lost",
          "[storage][faults]") {
    // How many operations the sequence asks for when nothing fails.
    int operations = 0;
    {
        TempDir dir;
        FaultVfs vfs;
        Run run;
        play_sequence(dir.file("save.db"), vfs, FaultKind::IoError, run);
        operations = vfs.operations();
        REQUIRE(run.confirmed.size() == kGames);
    }
    REQUIRE(operations > 50);

    for (FaultKind kind : {FaultKind::IoError, FaultKind::DiskFull, FaultKind::Crash}) {
        int tried = 0, held = 0;
        Run totals;
        for (int n = 1; n <= operations; ++n) {
            INFO(kind_name(kind) << " at operation " << n << " of " << operations);
            TempDir dir;
            const std::string path = dir.file("save.db");
            Run run;
            {
                FaultVfs vfs;
                if (kind == FaultKind::Crash) vfs.crash_at(n);
                else vfs.fail_at(n, kind == FaultKind::IoError ? SQLITE_IOERR_WRITE : SQLITE_FULL);
                play_sequence(path, vfs, kind, run);
                REQUIRE(vfs.struck());
            } // the restart: every connection closed
            // Read back through a VFS that fails nothing: the plain one but for the
            // disk syncs it skips, which only make the test slow.
            FaultVfs no_faults;
            const std::string problem = check_after_restart(path, run);
            CHECK(problem == "");
            ++tried;
            held += problem.empty();
            totals.open_notices += run.open_notices;
            totals.kept_in_memory += run.kept_in_memory;
            totals.refused += run.refused;
        }
        WARN(kind_name(kind) << ": " << tried << " fault points tried, " << held << " held (a write refused with a reason "
                             << totals.refused << " times, kept in memory " << totals.kept_in_memory
                             << " times; the fault said on opening " << totals.open_notices << " times)");
    }
}
