// A quiz as other programs (JSON, "chronicle-quiz/1") and printers (Markdown) read it.
#pragma once
#include <string>

#include "core/pack/pack.h"
#include "core/quiz/question.h"

namespace chronicle {

constexpr const char* kQuizFormat = "chronicle-quiz/1";

// {"format","pack","seed","lang","questions":[{"kind","prompt","options":[{"id","text",
// "event","person","value"}],"answer","events","explanation"}]}, keys in that order.
std::string quiz_to_json(const Quiz& quiz);

// A printable quiz followed by its answer key.
std::string quiz_to_markdown(const Quiz& quiz, const Pack& pack);

} // namespace chronicle
