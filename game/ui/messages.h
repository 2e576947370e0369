// The words for core's problems (core/base/problem.h), in Chinese and English: one
// sentence per Problem and a word or phrase per Term, with {1}, {2}, … filled from
// an Issue's details. No ImGui and no SDL, so the command line and the tests use it.
#pragma once
#include <cstddef>
#include <string>

#include "core/base/diagnostics.h"
#include "ui/strings.h"

namespace chronicle::ui {

// The sentence alone: "unknown person "altmann"; did you mean "altman"?".
std::string message(const Issue& issue, Lang lang);
// A diagnostic's sentence and its notes: "…; the row is not imported".
std::string message(const Diagnostic& d, Lang lang);
// The whole line: "file:line:col: error: /events/3/date: message" (错误/警告 in Chinese).
std::string describe(const Diagnostic& d, Lang lang);

// The table itself, unfilled, for the tests.
const char* message_template(Problem problem, Lang lang);
const char* term(Term term, Lang lang);
// The highest {n} in `pattern`: how many details it takes.
size_t placeholder_count(const char* pattern);

// Every sentence, term and label of both languages, for the font atlas (all_ui_text()).
std::string all_message_text();

} // namespace chronicle::ui
