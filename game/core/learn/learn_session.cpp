#include "core/learn/learn_session.h"

#include <algorithm>
#include <limits>

namespace chronicle {

namespace {

// A fact in its learning steps comes back within minutes: rather than wait, the session
// asks it early when nothing else is left, as Anki's learn-ahead limit does.
constexpr int64_t kLearnAheadSeconds = 20 * 60;
// A fact missed again and again waits for the next session after this many tries.
constexpr int kMostAsksPerSession = 4;

} // namespace

StudyCounts study_counts(const std::vector<Fact>& facts, const Pack& pack, const std::vector<FactState>& states,
                         int64_t until) {
    std::unordered_map<std::string, const FactState*> by_key;
    for (const FactState& s : states) by_key.emplace(s.fact, &s);
    StudyCounts counts;
    counts.facts = facts.size();
    for (const Fact& f : facts) {
        const auto it = by_key.find(fact_key(pack, f));
        if (it == by_key.end() || it->second->card.state == fsrs::State::New) ++counts.fresh;
        else if (it->second->card.due < until) ++counts.due;
    }
    return counts;
}

LearnSession::LearnSession(Pack pack, const std::vector<FactState>& states, LearnOptions options, Storage* storage,
                           Moment now)
    : pack_(std::move(pack)), options_(std::move(options)), storage_(storage) {
    lang_ = options_.quiz.lang.empty() || !pack_.has_language(options_.quiz.lang) ? pack_.default_language
                                                                                  : options_.quiz.lang;
    options_.quiz.lang = lang_;
    const auto wanted = [&](const std::string& fact) {
        return options_.only.empty() ||
               std::find(options_.only.begin(), options_.only.end(), fact) != options_.only.end();
    };
    const std::unordered_set<std::string> keys = fact_keys(pack_);
    for (const FactState& s : states)
        if (s.pack_id == pack_.id && wanted(s.fact) && keys.count(s.fact)) states_.emplace(s.fact, s);
    if (options_.only.empty()) {
        for (const Fact& f : pack_facts(pack_)) {
            if (new_queue_.size() == options_.new_facts) break;
            std::string key = fact_key(pack_, f);
            const auto it = states_.find(key);
            if (it == states_.end() || it->second.card.state == fsrs::State::New) new_queue_.push_back(std::move(key));
        }
    } else {
        // Reviewing mistakes: each fact asked now, whatever its due date.
        for (const std::string& key : options_.only) {
            if (!keys.count(key)) continue;
            FactState& s = states_[key];
            s.pack_id = pack_.id;
            s.fact = key;
            s.card.due = std::min(s.card.due, now.unix_seconds);
        }
    }
    ask_next(now);
}

// A fact in review is due all day; one in its (re)learning steps on the minute. A fact
// asked in this session comes back only when it was missed (a few times at most): one
// answered right waits for its next step in a later session.
bool LearnSession::due(const std::string& key, const FactState& s, int64_t until, int64_t now) const {
    if (s.card.state == fsrs::State::New || skipped_.count(key)) return false;
    if (asked_.count(key)) {
        const auto missed = again_.find(key);
        if (missed == again_.end() || missed->second >= kMostAsksPerSession) return false;
    }
    const int64_t deadline = s.card.state == fsrs::State::Review ? std::max({until, now, options_.day_end}) : until;
    return s.card.due <= deadline;
}

size_t LearnSession::due_left() const {
    size_t left = 0;
    for (const auto& [key, s] : states_)
        if (key == fact_ || due(key, s, asked_at_unix_, asked_at_unix_)) ++left;
    return left;
}

void LearnSession::ask_next(Moment now) {
    question_.reset();
    fact_.clear();
    step_ = LearnStep::Finished;
    // Due facts, the most overdue first.
    auto due_by = [&](int64_t until) {
        std::vector<const FactState*> found;
        for (const auto& [key, s] : states_)
            if (due(key, s, until, now.unix_seconds)) found.push_back(&s);
        std::sort(found.begin(), found.end(), [](const FactState* a, const FactState* b) {
            return a->card.due != b->card.due ? a->card.due < b->card.due : a->fact < b->fact;
        });
        return found;
    };
    for (const FactState* s : due_by(now.unix_seconds))
        if (try_ask(s->fact, now)) return;
    while (!new_queue_.empty()) {
        const std::string key = new_queue_.front();
        new_queue_.pop_front();
        if (try_ask(key, now)) return;
    }
    for (const FactState* s : due_by(now.unix_seconds + kLearnAheadSeconds))
        if (try_ask(s->fact, now)) return;
    summary_.finished_at = now.unix_seconds;
    int64_t next = std::numeric_limits<int64_t>::max();
    for (const auto& [key, s] : states_)
        if (s.card.state != fsrs::State::New) next = std::min(next, s.card.due);
    if (next != std::numeric_limits<int64_t>::max()) summary_.next_due = next;
}

bool LearnSession::try_ask(const std::string& fact, Moment now) {
    if (skipped_.count(fact)) return false;
    const std::optional<Fact> found = find_fact(pack_, fact);
    QuizOptions quiz = options_.quiz;
    quiz.seed += static_cast<uint64_t>(summary_.answered) * 7919u; // a fresh shuffle for every question
    std::optional<Question> q = found ? question_for_fact(pack_, quiz, *found) : std::nullopt;
    // A fact whose answer an earlier question of the session showed waits for another
    // day; one asked again after its own answer was shown is a learning step.
    if (!q || (given_away(*q) && !asked_.count(fact))) {
        skipped_.insert(fact);
        return false;
    }
    question_ = std::move(q);
    fact_ = fact;
    step_ = LearnStep::Asking;
    asked_at_ms_ = now.ms;
    asked_at_unix_ = now.unix_seconds;
    chosen_.clear();
    reviews_.clear();
    saved_.reset();
    save_error_.reset();
    return true;
}

bool LearnSession::given_away(const Question& q) const {
    return std::any_of(q.answered_by.begin(), q.answered_by.end(), [&](const std::vector<std::string>& group) {
        return std::all_of(group.begin(), group.end(), [&](const std::string& f) { return shown_.count(f) > 0; });
    });
}

bool LearnSession::answer(const std::vector<size_t>& chosen, Moment now) {
    if (step_ != LearnStep::Asking) return false;
    const Question& q = *question_;
    const auto elapsed = static_cast<int64_t>(now.ms - std::min(now.ms, asked_at_ms_));
    chosen_ = chosen;
    grade_ = chronicle::grade(q, chosen, elapsed, 0, rules_for(Mode::Practice));
    reviews_.clear();
    bool again = false;
    for (const FactRating& r : rate_answer(q, chosen, grade_, elapsed)) {
        // The other event of a "before or after" was there to ask this one: it is
        // reviewed only if the student is learning it already.
        const auto known = states_.find(r.fact);
        if (r.fact != fact_ && (known == states_.end() || known->second.card.state == fsrs::State::New)) continue;
        FactState& s = states_[r.fact];
        if (s.fact.empty()) {
            s.pack_id = pack_.id;
            s.fact = r.fact;
        }
        if (s.card.state == fsrs::State::New) {
            ++summary_.new_facts;
            new_queue_.erase(std::remove(new_queue_.begin(), new_queue_.end(), r.fact), new_queue_.end());
        }
        s.card = fsrs::review(s.card, r.rating, now.unix_seconds, options_.memory);
        s.last_rating = r.rating;
        if (r.rating == fsrs::Rating::Again) ++again_[r.fact];
        else again_.erase(r.fact);
        again = again || r.rating == fsrs::Rating::Again;
        asked_.insert(r.fact);
        reviews_.push_back({pack_.id, r.fact, r.rating, q.kind, now.unix_seconds, s.card});
    }
    shown_.insert(q.reveals.begin(), q.reveals.end());
    ++summary_.answered;
    if (grade_.correct) ++summary_.correct;
    if (again) ++summary_.again;

    if (storage_) {
        StudyAnswer a;
        a.pack_id = pack_.id;
        a.lang = lang_;
        a.kind = q.kind;
        a.prompt = q.prompt;
        a.correct = grade_.correct;
        a.elapsed_ms = elapsed;
        a.at = now.unix_seconds;
        if (const int64_t id = storage_->record_study_answer(a, reviews_); id >= 0) saved_ = id;
        if (saved_) ++summary_.saved;
        else save_error_ = storage_->last_error();
    }
    step_ = LearnStep::Revealing;
    return true;
}

bool LearnSession::next(Moment now) {
    if (step_ != LearnStep::Revealing) return false;
    ask_next(now);
    return true;
}

std::vector<FactReview> quiz_reviews(const QuizSession& session, const std::vector<FactState>& states, int64_t at,
                                     const fsrs::Parameters& memory) {
    const std::string& pack_id = session.quiz().pack_id;
    std::unordered_map<std::string, fsrs::Card> cards;
    for (const FactState& s : states)
        if (s.pack_id == pack_id) cards.emplace(s.fact, s.card);
    std::vector<FactReview> reviews;
    for (size_t i = 0; i < session.answers().size(); ++i) {
        const Question& q = session.quiz().questions[i];
        const Answer& a = session.answers()[i];
        for (const FactRating& r : rate_answer(q, a.chosen, a.grade, a.elapsed_ms)) {
            fsrs::Card& card = cards[r.fact];
            card = fsrs::review(card, r.rating, at, memory);
            reviews.push_back({pack_id, r.fact, r.rating, q.kind, at, card});
        }
    }
    return reviews;
}

} // namespace chronicle
