// "When did this happen?": the event's date among dates that cannot overlap it,
// listed in ascending order.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kWhenPrompt{"「{e}」发生在什么时候？", "When did this happen: “{e}”?"};
inline constexpr Words kWhenBeganPrompt{"「{e}」是什么时候开始的？", "When did this begin: “{e}”?"};
inline constexpr Words kWhenPrompts[] = {kWhenPrompt, kWhenBeganPrompt};

bool when_supported(const Pack& pack);
size_t when_deck(const Pack& pack);
std::optional<Question> make_when(QuestionMaker& maker);

inline constexpr KindSpec kWhen{Kind::When, "when", {"什么时候", "When"}, Answering::OneOption,
                                kWhenPrompts, when_supported, when_deck, make_when};

} // namespace chronicle::kinds
