// A class game's results as a spreadsheet the teacher opens in Excel, LibreOffice or
// Numbers: who scored what, and how each question went.
#pragma once
#include <string>

#include "core/store/storage.h"

namespace chronicle {

// CSV (RFC 4180, CRLF) in UTF-8 with a BOM: two tables, one empty line between them.
//
// Players, by rank (ties in the order they joined):
//   rank,name,score,correct,answered,questions
// `answered` counts the answers given (time did not run out), `questions` those put
// to the player (a late joiner has fewer).
//
// Questions, in the quiz's order:
//   question,kind,prompt,answered,percent_right,most_chosen_wrong,most_chosen_wrong_count,average_ms
// `question` counts from 1 and `kind` is the kind's name in files. `percent_right` is
// of the players the question was put to, rounded to a whole number; `average_ms` is
// over the answers given. Both are empty when there is nothing to count (a skipped
// question). `most_chosen_wrong` is the wrong option chosen most, or for an order the
// wrong arrangement given most, as its option texts joined by " → "; on a tie the one
// of the lowest options; empty with a count of 0 when no one was wrong.
// Text cells lose any control character (line breaks stay), and one a spreadsheet would
// run as a formula starts with '.
std::string class_results_csv(const ClassGameRecord& game);

} // namespace chronicle
