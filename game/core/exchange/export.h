// A quiz as other programs (JSON, "chronicle-quiz/1") and printers (Markdown) read it.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/problem.h"
#include "core/pack/pack.h"
#include "core/quiz/question.h"

namespace chronicle {

constexpr const char* kQuizFormat = "chronicle-quiz/1";

// {"format","pack","seed","lang","questions":[{"kind","prompt","options":[{"id","text",
// "event","person","value"}],"answer","events","explanation"}]}, keys in that order.
std::string quiz_to_json(const Quiz& quiz);

// A printable quiz followed by its answer key.
std::string quiz_to_markdown(const Quiz& quiz, const Pack& pack);

enum class QuizFormat { Json, Markdown };

struct QuizExport {
    size_t questions = 0; // 0: the pack gave none, and nothing was written
    std::optional<Issue> error; // the temporary file failed; what was written is incomplete
};

// Generates the quiz and writes it to `put` piece by piece: the bytes quiz_to_json or
// quiz_to_markdown give for generate_quiz, for any count. Each question's text is set
// aside in an unnamed temporary file as it is made (in memory when none can be made)
// until the quiz's order is known, so memory does not grow with the questions' text.
QuizExport export_quiz(const Pack& pack, const QuizOptions& options, QuizFormat format,
                       const std::function<void(std::string_view)>& put);

} // namespace chronicle
