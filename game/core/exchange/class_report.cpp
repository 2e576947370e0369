#include "core/exchange/class_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "core/base/text.h"
#include "core/exchange/csv.h"

namespace chronicle {

namespace {

// Excel reads a file without a BOM in the computer's legacy code page (GBK on a
// Chinese Windows, Windows-1252 elsewhere), so a Chinese nickname or prompt would show
// as mojibake; with it, every spreadsheet program reads UTF-8.
constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// Text from players and packs, made safe to open: spreadsheets run a cell that starts
// with = + - @ or a tab as a formula (which can fetch URLs or start programs: "CSV
// injection"), so such a cell gets a leading ', which they show as text. Only text
// cells: the numbers written here are never negative. Nicknames and pack text hold no
// control characters, but a save edited by hand may, and the CSV goes to terminals
// (chronicle results export) as well as to files.
std::string text_cell(const std::string& text) {
    std::string cell = without_control_characters(text, true);
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t'))
        return "'" + cell;
    return cell;
}

std::string percent(int part, int whole) {
    return whole == 0 ? std::string() : std::to_string(std::lround(100.0 * part / whole));
}

// The texts of `chosen`, joined as an order reads; an index that names no option
// (only a hand-edited save has one) is left out.
std::string chosen_text(const ClassQuestionRecord& q, const std::vector<size_t>& chosen) {
    std::string out;
    for (size_t i : chosen) {
        if (i >= q.options.size()) continue;
        if (!out.empty()) out += " → ";
        out += q.options[i];
    }
    return out;
}

} // namespace

std::string class_results_csv(const ClassGameRecord& game) {
    struct Tally {
        int answered = 0;
        int questions = 0;
    };
    std::vector<Tally> per_player(game.players.size());
    struct QuestionTally {
        int asked = 0;
        int answered = 0;
        int right = 0;
        int64_t ms = 0;
        std::map<std::vector<size_t>, int> wrong; // ordered: a tie goes to the lowest options
    };
    std::vector<QuestionTally> per_question(game.questions.size());
    for (const ClassAnswerRecord& a : game.answers) {
        // A hand-edited save may name a question or player that is not there.
        if (a.question < 0 || static_cast<size_t>(a.question) >= per_question.size()) continue;
        if (a.player < 0 || static_cast<size_t>(a.player) >= per_player.size()) continue;
        Tally& p = per_player[static_cast<size_t>(a.player)];
        QuestionTally& q = per_question[static_cast<size_t>(a.question)];
        ++p.questions;
        ++q.asked;
        q.right += a.correct;
        if (a.chosen.empty()) continue;
        ++p.answered;
        ++q.answered;
        q.ms += a.elapsed_ms;
        if (!a.correct) ++q.wrong[a.chosen];
    }

    std::string csv = kUtf8Bom;
    csv += csv_row({"rank", "name", "score", "correct", "answered", "questions"});
    std::vector<size_t> by_rank(game.players.size());
    std::iota(by_rank.begin(), by_rank.end(), size_t{0});
    std::stable_sort(by_rank.begin(), by_rank.end(),
                     [&](size_t a, size_t b) { return game.players[a].rank < game.players[b].rank; });
    for (size_t i : by_rank) {
        const ClassPlayerRecord& p = game.players[i];
        csv += csv_row({std::to_string(p.rank), text_cell(p.name), std::to_string(p.points), std::to_string(p.correct),
                        std::to_string(per_player[i].answered), std::to_string(per_player[i].questions)});
    }

    csv += "\r\n";
    csv += csv_row({"question", "kind", "prompt", "answered", "percent_right", "most_chosen_wrong", "most_chosen_wrong_count",
                    "average_ms"});
    for (size_t i = 0; i < game.questions.size(); ++i) {
        const ClassQuestionRecord& q = game.questions[i];
        const QuestionTally& t = per_question[i];
        const std::vector<size_t>* most = nullptr;
        int most_count = 0;
        for (const auto& [chosen, count] : t.wrong)
            if (count > most_count) {
                most = &chosen;
                most_count = count;
            }
        const std::string average = t.answered == 0 ? std::string() : std::to_string(std::llround(static_cast<double>(t.ms) / t.answered));
        csv += csv_row({std::to_string(i + 1), kind_name(q.kind), text_cell(q.prompt), std::to_string(t.answered),
                        percent(t.right, t.asked), most ? text_cell(chosen_text(q, *most)) : std::string(), std::to_string(most_count),
                        average});
    }
    return csv;
}

} // namespace chronicle
