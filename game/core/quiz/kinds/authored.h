// The pack author's own questions: multiple choice or true/false, as written.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kTrue{"对", "True"};
inline constexpr Words kFalse{"错", "False"};
inline constexpr Words kAuthoredPhrases[] = {kTrue, kFalse};

bool authored_supported(const Pack& pack);
size_t authored_deck(const Pack& pack);
std::optional<Question> make_authored(QuestionMaker& maker);

inline constexpr KindSpec kAuthored{Kind::Authored, "authored", {"作者出的题", "Author's questions"}, Answering::OneOption,
                                    kAuthoredPhrases, authored_supported, authored_deck, make_authored};

} // namespace chronicle::kinds
