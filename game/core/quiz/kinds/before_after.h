// "Did A happen before or after B?": two events that are certainly ordered.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kBeforeAfterPrompt{"「{a}」发生在「{b}」之前还是之后？", "Did “{a}” happen before or after “{b}”?"};
inline constexpr Words kBeforeAfterBeganPrompt{"「{a}」开始于「{b}」开始之前还是之后？",
                                               "Did “{a}” begin before or after “{b}” began?"};
inline constexpr Words kBefore{"之前", "Before"};
inline constexpr Words kAfter{"之后", "After"};
inline constexpr Words kBeforeAfterPhrases[] = {kBeforeAfterPrompt, kBeforeAfterBeganPrompt, kBefore, kAfter};

bool before_after_supported(const Pack& pack);
std::optional<Question> make_before_after(QuestionMaker& maker);

inline constexpr KindSpec kBeforeAfter{Kind::BeforeAfter, "before_after", {"之前还是之后", "Before or after"},
                                       Answering::OneOption, kBeforeAfterPhrases, before_after_supported, nullptr,
                                       make_before_after};

} // namespace chronicle::kinds
