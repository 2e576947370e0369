// "Who said “…”?": the speaker among other people of the same kind whom neither the quote
// nor its event names.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kWhoSaidPrompt{"谁说过「{q}」？", "Who said “{q}”?"};
inline constexpr Words kWhoSaidCatchphrasePrompt{"谁的口头禅是「{q}」？", "Whose catchphrase was “{q}”?"};
inline constexpr Words kWhoSaidPrompts[] = {kWhoSaidPrompt, kWhoSaidCatchphrasePrompt};

bool who_said_supported(const Pack& pack);
size_t who_said_deck(const Pack& pack);
std::optional<Question> make_who_said(QuestionMaker& maker);

inline constexpr KindSpec kWhoSaid{Kind::WhoSaid, "who_said", {"谁说的", "Who said it"}, Answering::OneOption,
                                   kWhoSaidPrompts, who_said_supported, who_said_deck, make_who_said};

} // namespace chronicle::kinds
