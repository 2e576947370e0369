// "How many …?": the pack's number among plausible wrong ones (other magnitudes,
// near multiples, shares moved by points but never 0 or 100 % nor the complement, the
// pack's other numbers with the same unit), in ascending order with the right one at a
// balanced rank.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

bool number_supported(const Pack& pack);
size_t number_deck(const Pack& pack);
std::optional<Question> make_number(QuestionMaker& maker);

// The prompt is the pack's own question.
inline constexpr KindSpec kNumber{Kind::Number, "number", {"多少", "How many"}, Answering::OneOption,
                                  {}, number_supported, number_deck, make_number};

} // namespace chronicle::kinds
