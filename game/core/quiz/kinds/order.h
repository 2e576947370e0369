// "Put these events in order": three to five events that are pairwise certainly
// ordered, shown shuffled (never already in order).
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kOrderPrompt{"把这些事件按时间先后排序（最早的在前）。", "Put these events in order, earliest first."};
inline constexpr Words kOrderBeganPrompt{"把这些事件按开始时间先后排序（最早的在前）。",
                                         "Put these events in order of when they began, earliest first."};
inline constexpr Words kOrderPrompts[] = {kOrderPrompt, kOrderBeganPrompt};

bool order_supported(const Pack& pack);
std::optional<Question> make_order(QuestionMaker& maker);

inline constexpr KindSpec kOrder{Kind::Order, "order", {"排序", "Put in order"}, Answering::Arrange,
                                 kOrderPrompts, order_supported, nullptr, make_order};

} // namespace chronicle::kinds
