// "Which of these happened first?" and "… most recently?": events that are pairwise
// certainly ordered, one of them the answer.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kFirstPrompt{"下面哪件事最先发生？", "Which of these happened first?"};
inline constexpr Words kFirstBeganPrompt{"下面哪件事最先开始？", "Which of these began first?"};
inline constexpr Words kLastPrompt{"下面哪件事最晚发生？", "Which of these happened most recently?"};
inline constexpr Words kLastBeganPrompt{"下面哪件事最晚开始？", "Which of these began most recently?"};
inline constexpr Words kFirstPrompts[] = {kFirstPrompt, kFirstBeganPrompt};
inline constexpr Words kLastPrompts[] = {kLastPrompt, kLastBeganPrompt};

bool first_last_supported(const Pack& pack);
std::optional<Question> make_first(QuestionMaker& maker);
std::optional<Question> make_last(QuestionMaker& maker);

inline constexpr KindSpec kFirst{Kind::First, "first", {"哪个最早", "Which came first"}, Answering::OneOption,
                                 kFirstPrompts, first_last_supported, nullptr, make_first};
inline constexpr KindSpec kLast{Kind::Last, "last", {"哪个最晚", "Which came last"}, Answering::OneOption,
                                kLastPrompts, first_last_supported, nullptr, make_last};

} // namespace chronicle::kinds
