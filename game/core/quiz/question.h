// quiz/: questions from a pack, and how they are played and scored.
//
// Questions as the generator produces them: self-contained, already in one language,
// so a screen, an export or a saved game needs nothing else to show them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/kind.h"

namespace chronicle {

enum class Difficulty { Easy, Normal, Hard };
const char* difficulty_name(Difficulty d);
std::optional<Difficulty> difficulty_from_name(std::string_view name);

struct Option {
    std::string id;   // "A", "B", …
    std::string text;
    std::string event;  // event id, or empty
    std::string person; // person id, or empty
    std::optional<double> value;
};

struct Question {
    Kind kind = Kind::First;
    std::string prompt;
    std::vector<Option> options;
    // Indices into options: the one right option; for a kind answered by arranging
    // (Answering::Arrange), every option, earliest first.
    std::vector<size_t> answer;
    std::vector<std::string> events; // source event ids
    std::string explanation;
    std::string key; // identity within a quiz, e.g. "when:e07"
    // Facts, as keys naming a record ("date:e07", "headline:e07", "text:e07",
    // "order:e01<e04", "speaker:q01", "value:n02"): what the question shows (prompt, options,
    // explanation), and what gives its answer away: each group, once every fact in it
    // was shown. The generator never asks a question after one of its groups was shown
    // (quiz/quiz_plan.h); neither is exported or saved.
    std::vector<std::string> reveals;
    std::vector<std::vector<std::string>> answered_by;
};

struct QuizOptions {
    uint64_t seed = 1;
    size_t count = 10;
    std::string lang; // empty: the pack's default language
    std::vector<Kind> kinds; // empty: every kind the pack supports
    Difficulty difficulty = Difficulty::Normal;
};

struct Quiz {
    std::string pack_id;
    uint64_t seed = 0;
    std::string lang;
    Difficulty difficulty = Difficulty::Normal;
    std::vector<Question> questions;
};

} // namespace chronicle
