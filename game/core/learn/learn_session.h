// A Learn session (Quizlet's Learn, Anki's reviews): the facts due first, each asked
// by a question made for it, then a few new ones, until nothing is due. Every answer
// is saved the moment it is given, with the reviews of the facts it tested, so that a
// crash loses nothing the player saw saved. Time comes in as Moment.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/learn/facts.h"
#include "core/play/round.h"
#include "core/store/storage.h"

namespace chronicle {

struct LearnOptions {
    QuizOptions quiz;           // language, difficulty and the first seed of the questions
    fsrs::Parameters memory;    // desired retention and the weights
    size_t new_facts = 20;      // new facts this session may bring in (the day's limit, less those met today)
    // When the study day ends (Unix seconds): a fact in review due before then is due
    // today (Home counts it so); 0: due means due now.
    int64_t day_end = 0;
    std::vector<std::string> only; // when not empty: these facts only, due or not (reviewing mistakes)
};

enum class LearnStep {
    Asking,    // a question waits for its answer
    Revealing, // the answer is shown, and whether it was saved
    Finished,  // nothing left to ask now
};

// What a finished session tells the player.
struct LearnSummary {
    int answered = 0;
    int correct = 0;
    int new_facts = 0;    // met for the first time
    int again = 0;        // answers that rated a fact Again
    int saved = 0;        // answers written to the save
    int64_t finished_at = 0;         // Unix seconds
    std::optional<int64_t> next_due; // Unix seconds: when the pack's next fact is due
};

// How much there is to study in a pack now: due facts, and new ones the day allows.
struct StudyCounts {
    size_t due = 0;
    size_t fresh = 0;    // never reviewed
    size_t facts = 0;
    size_t mistakes = 0; // last answered wrong
};
// `states`: the pack's fact states; facts the pack no longer has are left out. Due means
// due before `until` (Unix seconds: the end of the study day).
StudyCounts study_counts(const std::vector<Fact>& facts, const Pack& pack, const std::vector<FactState>& states,
                         int64_t until);

class LearnSession {
public:
    // `pack` is copied: the session outlives a pack reloaded meanwhile. `states` are the
    // pack's fact states as saved. `storage` (may be null) saves each answer.
    LearnSession(Pack pack, const std::vector<FactState>& states, LearnOptions options, Storage* storage, Moment now);

    LearnStep step() const { return step_; }
    const std::string& pack_id() const { return pack_.id; }
    const std::string& lang() const { return lang_; }
    // The question asked or revealed, and the fact it was made for; not once Finished.
    const Question& question() const { return *question_; }
    const std::string& fact() const { return fact_; }
    const std::vector<size_t>& chosen() const { return chosen_; }
    const Grade& grade() const { return grade_; }
    // The reviews of the answer revealed: each fact it tested, rated, with its next due.
    const std::vector<FactReview>& reviews() const { return reviews_; }
    // The answer revealed is in the save, with this id (nullopt: saving failed, see
    // save_error, or no save).
    const std::optional<int64_t>& saved() const { return saved_; }
    const std::optional<Issue>& save_error() const { return save_error_; }
    // Facts due when the question was asked (it included), and new facts still to come.
    size_t due_left() const;
    size_t new_left() const { return new_queue_.size(); }
    const LearnSummary& summary() const { return summary_; }

    // Grades the answer, reviews the facts it tested and saves it; false when no
    // question is waiting.
    bool answer(const std::vector<size_t>& chosen, Moment now);
    // On to the next fact, or Finished; false when nothing is revealed.
    bool next(Moment now);

private:
    // The next question to ask at `now`, or none: due facts first, then new ones, then
    // those in their learning steps that come due within the look-ahead.
    void ask_next(Moment now);
    bool try_ask(const std::string& fact, Moment now);
    bool given_away(const Question& q) const;
    // Whether the fact is to be asked by `until` (Unix seconds), at `now`.
    bool due(const std::string& key, const FactState& s, int64_t until, int64_t now) const;

    Pack pack_;
    std::string lang_;
    LearnOptions options_;
    Storage* storage_;
    std::unordered_map<std::string, FactState> states_; // by fact key
    std::deque<std::string> new_queue_;
    std::unordered_set<std::string> asked_;  // facts asked in this session
    // Facts last answered wrong in this session, and how often each was asked: only these
    // come back within it, a few times at most, so that every session ends.
    std::unordered_map<std::string, int> again_;
    std::unordered_set<std::string> skipped_; // facts the pack cannot ask now, or given away
    std::unordered_set<std::string> shown_;  // what the session's questions showed (Question::reveals)

    LearnStep step_ = LearnStep::Finished;
    std::string fact_; // the fact asked
    std::optional<Question> question_;
    uint64_t asked_at_ms_ = 0;
    int64_t asked_at_unix_ = 0;
    std::vector<size_t> chosen_;
    Grade grade_;
    std::vector<FactReview> reviews_;
    std::optional<int64_t> saved_;
    std::optional<Issue> save_error_;
    LearnSummary summary_;
};

// The reviews a finished quiz gives the facts its answers tested, in the order asked,
// all at `at` (Unix seconds): what Round saves with the game.
std::vector<FactReview> quiz_reviews(const QuizSession& session, const std::vector<FactState>& states, int64_t at,
                                     const fsrs::Parameters& memory);

} // namespace chronicle
