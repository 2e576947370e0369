// The Learn half of the kill -9 test (learn_kill_test.py): opens the save at argv[1] and
// studies the pack at argv[2] in Learn sessions, one a day on a clock of its own, each
// answer saved by the session the moment it is given; prints "saved <id> <fact>"
// (flushed) after each one the save confirmed, as the screen says "Saved". Killed at
// random moments, over and over, on one save.
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/learn/learn_session.h"
#include "core/pack/pack_loader.h"

using namespace chronicle;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s SAVE PACK\n", argv[0]);
        return 2;
    }
    LoadResult loaded = load_pack_file(argv[2]);
    if (!loaded.pack) {
        std::fprintf(stderr, "the pack did not load\n");
        return 1;
    }
    OpenResult opened = Storage::open(argv[1], 1700000000);
    if (!opened.storage || opened.storage->in_memory() || opened.storage->read_only()) {
        std::fprintf(stderr, "the save did not open for writing\n");
        return 1;
    }
    Storage& storage = *opened.storage;
    const Pack& pack = *loaded.pack;
    // Carry on the clock from the last run, so that each answer is later than the last.
    Moment now{0, 1700000000, 0};
    for (const StudyAnswer& a : storage.study_answers(pack.id, 0))
        if (a.at >= now.unix_seconds) now.unix_seconds = a.at + 1;
    for (uint64_t day = 0;; ++day) {
        LearnOptions options;
        options.quiz.lang = day % 2 ? "zh" : "en";
        options.quiz.seed = static_cast<uint64_t>(now.unix_seconds);
        options.new_facts = 10;
        LearnSession learn(pack, storage.fact_states(pack.id), options, &storage, now);
        for (int n = 0; learn.step() == LearnStep::Asking; ++n) {
            now.ms += 4000;
            now.unix_seconds += 4;
            const Question& q = learn.question();
            std::vector<size_t> chosen = q.answer;
            if (n % 4 == 0 && !chosen.empty()) chosen = {(q.answer[0] + 1) % q.options.size()}; // forgotten
            learn.answer(chosen, now);
            if (!learn.saved()) {
                std::fprintf(stderr, "not saved\n");
                return 1;
            }
            std::printf("saved %lld %s\n", static_cast<long long>(*learn.saved()), learn.fact().c_str());
            std::fflush(stdout);
            learn.next(now);
        }
        now.unix_seconds += 86400; // tomorrow's session
    }
}
