// Pack → quiz. The rules that make every question settle-able live here:
//   - events are ordered only when their day intervals are disjoint;
//   - a wrong option is wrong for certain (a date that cannot overlap the truth,
//     a person who is not among the event's actors, a number that differs);
//   - a kind the pack cannot support is skipped, never padded.
// The same pack, seed and options give the same quiz everywhere (see rng.h).
#pragma once
#include <functional>
#include <vector>

#include "core/pack/pack.h"
#include "core/quiz/question.h"

namespace chronicle {

Quiz generate_quiz(const Pack& pack, const QuizOptions& options);

// The quiz generate_quiz gives, without its questions: pack, seed, language, difficulty.
Quiz quiz_header(const Pack& pack, const QuizOptions& options);

// The same questions, one at a time, for a quiz too big to hold: `keep` gets each one
// that may be asked as soon as it is made (numbered 0, 1, … in that order; one over its
// events' share waits and is asked only if the quiz is not full at the end). A question
// may be placed before ones made earlier (where none of them gave its answer away), so
// the order they are asked in is known only at the end: the numbers, returned. What the
// generator holds meanwhile grows with the quiz only by the facts each question shows
// and is answered by (for that placement and to never ask one set twice), not by its text.
std::vector<size_t> generate_questions(const Pack& pack, const QuizOptions& options, const std::function<void(Question&&)>& keep);

// The kinds this pack can ask at all (at the easiest settings).
std::vector<Kind> supported_kinds(const Pack& pack);

// The kinds a quiz asks: those `chosen` that are `supported`, or all supported when
// nothing is chosen.
std::vector<Kind> kinds_to_ask(const std::vector<Kind>& supported, const std::vector<Kind>& chosen);

// At most how many different questions the pack gives with these options (seed and
// count aside): every record of the kinds that draw from a deck, and every set of
// certainly ordered events the ordering kinds can ask. O(events); a quiz may still be
// shorter, since it never asks a question an earlier one gave away.
size_t quiz_capacity(const Pack& pack, const QuizOptions& options);

} // namespace chronicle
