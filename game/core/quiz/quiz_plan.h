// The quiz as it is built: its questions in the order they are asked, and what they
// have shown. A question is never asked after questions that together showed what gives
// its answer away (Question::answered_by), and events are spread over the quiz.
// Internal to the generator.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/pack/pack.h"
#include "core/quiz/question.h"

namespace chronicle {

class QuizPlan {
public:
    explicit QuizPlan(const Pack& pack);

    // No event of q would be in more than one question over its even share: the quiz's
    // event uses so far, q's included, spread over every event a question can name.
    bool within_share(const Question& q) const;
    // Puts q, as question `number`, at the latest place where nothing before it gave its
    // answer away and it gives away no later answer; false when there is no such place.
    // O(q's facts and the questions that wait on them), whatever the quiz's length. The
    // plan keeps what placing needs (the facts), not q's text.
    bool place(const Question& q, size_t number);

    size_t size() const { return entries_.size(); }
    // The numbers of the questions placed, in the order they are asked.
    std::vector<size_t> order() const;

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    // A question's number, what gives its answer away and its place: entries stay where
    // they were added, and a list threaded through them, with labels that increase along
    // it, gives the order.
    struct Entry {
        size_t number;
        std::vector<std::vector<std::string>> answered_by;
        uint64_t label;
        uint32_t prev, next;
    };
    bool before(uint32_t a, uint32_t b) const { return entries_[a].label < entries_[b].label; }
    // Whether the questions before `at` (kNone: all of them), with `also` shown too, show
    // every fact of `group`.
    bool shown_before(const std::vector<std::string>& group, uint32_t at, const std::vector<std::string>& also) const;
    // The earliest question after which q's answer is given away, kNone when none is.
    uint32_t giving_away(const Question& q) const;
    void insert(const Question& q, size_t number, uint32_t before_entry); // kNone: at the end
    void relabel();

    std::vector<Entry> entries_;
    uint32_t head_ = kNone, tail_ = kNone;
    std::unordered_map<std::string, uint32_t> first_shown_; // fact → earliest question showing it
    std::unordered_map<std::string, std::vector<uint32_t>> waiting_on_; // fact → questions it helps give away
    std::unordered_map<std::string, size_t> uses_; // event id → questions naming it
    size_t total_uses_ = 0;
    size_t askable_events_ = 0;
};

} // namespace chronicle
