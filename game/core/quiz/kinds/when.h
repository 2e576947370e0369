// "When did this happen?": the event's date, as one plain unit (QuestionMaker::asked_date),
// among dates of the same unit inside the pack's time window that cannot overlap it,
// listed in ascending order with the right one at a balanced rank.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kWhenPrompt{"「{e}」发生在什么时候？", "When did this happen: “{e}”?"};
inline constexpr Words kWhenBeganPrompt{"「{e}」是什么时候开始的？", "When did this begin: “{e}”?"};
// When the question asks a coarser unit than the event's date (a day asked by its month,
// a range by its year), the prompt says which.
inline constexpr Words kWhenMonthPrompt{"「{e}」发生在哪个月？", "In which month did this happen: “{e}”?"};
inline constexpr Words kWhenMonthBeganPrompt{"「{e}」是哪个月开始的？", "In which month did this begin: “{e}”?"};
inline constexpr Words kWhenYearPrompt{"「{e}」发生在哪一年？", "In which year did this happen: “{e}”?"};
inline constexpr Words kWhenYearBeganPrompt{"「{e}」是哪一年开始的？", "In which year did this begin: “{e}”?"};
inline constexpr Words kWhenPrompts[] = {kWhenPrompt,          kWhenBeganPrompt,    kWhenMonthPrompt,
                                         kWhenMonthBeganPrompt, kWhenYearPrompt, kWhenYearBeganPrompt};

bool when_supported(const Pack& pack);
size_t when_deck(const Pack& pack);
std::optional<Question> make_when(QuestionMaker& maker);

inline constexpr KindSpec kWhen{Kind::When, "when", {"什么时候", "When"}, Answering::OneOption,
                                kWhenPrompts, when_supported, when_deck, make_when};

} // namespace chronicle::kinds
