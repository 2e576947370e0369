// A quiz on paper, for a class without devices: a PDF worksheet (title, name and date
// lines, numbered questions with boxes to tick or to write each event's place in) and
// its answer key, with the explanations, from a new page. Drawn with cairo and pango
// in the bundled fonts only, so the same quiz gives the same bytes on every machine.
// No SDL, no ImGui: the command line and the game both use it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/problem.h"
#include "core/pack/pack.h"
#include "core/quiz/question.h"

namespace chronicle::print {

enum class Paper { A4, Letter };
// "a4" / "letter"; nullopt for anything else.
std::optional<Paper> paper_from_name(std::string_view name);

// Where everything landed, so that tests check the layout rather than pixels. Pages
// count from 0.
struct WorksheetLayout {
    size_t pages = 0;
    std::vector<size_t> question_page; // per question, the page it is asked on (never split)
    size_t answer_key_page = 0;        // the answer key starts this page, after the questions
    std::vector<size_t> answer_page;   // per question, the page its answer is on
};

struct Worksheet {
    std::string pdf; // the file's bytes; empty when `error` says why
    WorksheetLayout layout;
    std::optional<Issue> error; // Problem::FontUnreadable or Problem::PdfNotMade
};

// The worksheet of `quiz` in its language (the interface's words for that language:
// "Name", "Answer key", …). The same quiz and paper give the same bytes.
Worksheet render_worksheet(const Quiz& quiz, const Pack& pack, Paper paper);

// chronicle-<pack>-<seed>.pdf
std::string worksheet_file_name(const Quiz& quiz);

} // namespace chronicle::print
