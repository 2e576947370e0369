// The Learn half of the kill -9 test (learn_kill_test.py): opens the save at argv[1]
// and records Learn answers in a loop, each with the review of one fact, printing
// "saved <id> <fact>" (flushed) after each one the save confirmed. Killed at random
// moments, over and over, on one save. The cards are made up, deterministically, as
// FSRS could leave them; this program does not schedule.
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/store/storage.h"

using namespace chronicle;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s SAVE\n", argv[0]);
        return 2;
    }
    OpenResult opened = Storage::open(argv[1], 1700000000);
    if (!opened.storage || opened.storage->in_memory() || opened.storage->read_only()) {
        std::fprintf(stderr, "the save did not open for writing\n");
        return 1;
    }
    Storage& storage = *opened.storage;
    // Carry on the clock from the last run, so that each review is later than the last.
    int64_t at = 1700000000;
    for (const StudyAnswer& a : storage.study_answers("", 0))
        if (a.at >= at) at = a.at + 1;
    for (int64_t n = 0;; ++n, ++at) {
        const std::string fact = "date:e" + std::to_string(n % 7);
        StudyAnswer answer;
        answer.pack_id = "kill-pack";
        answer.lang = "en";
        answer.kind = Kind::When;
        answer.prompt = "When did " + fact + " happen? (" + std::to_string(at) + ")";
        answer.correct = n % 3 != 0;
        answer.elapsed_ms = 1000 + n % 5000;
        answer.at = at;
        FactReview review;
        review.pack_id = answer.pack_id;
        review.fact = fact;
        review.rating = answer.correct ? fsrs::Rating::Good : fsrs::Rating::Again;
        review.kind = answer.kind;
        review.at = at;
        const int reps = static_cast<int>(1 + (at - 1700000000) / 7);
        review.card.state = answer.correct ? fsrs::State::Review : fsrs::State::Relearning;
        review.card.step = answer.correct ? 0 : 1;
        review.card.stability = 1.0 + static_cast<double>(reps) / 4;
        review.card.difficulty = 1.0 + static_cast<double>(at % 90) / 10;
        review.card.scheduled_days = answer.correct ? reps : 0;
        review.card.due = at + (answer.correct ? 86400 * static_cast<int64_t>(reps) : 600);
        review.card.last_review = at;
        review.card.reps = reps;
        review.card.lapses = reps / 4;
        const int64_t id = storage.record_study_answer(answer, {review});
        if (id < 0) {
            std::fprintf(stderr, "not saved\n");
            return 1;
        }
        std::printf("saved %lld %s\n", static_cast<long long>(id), fact.c_str());
        std::fflush(stdout);
    }
}
