// "Who …?": one of the event's actors among other people of the same kind who are not,
// and whom the event's own words do not name.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kWhoDidPrompt{"谁{p}？", "Who {p}?"}; // {p}: the event's "who" phrase
inline constexpr Words kWhoDidPrompts[] = {kWhoDidPrompt};

bool who_did_supported(const Pack& pack);
size_t who_did_deck(const Pack& pack);
std::optional<Question> make_who_did(QuestionMaker& maker);

inline constexpr KindSpec kWhoDid{Kind::WhoDid, "who_did", {"谁做的", "Who did it"}, Answering::OneOption,
                                  kWhoDidPrompts, who_did_supported, who_did_deck, make_who_did};

} // namespace chronicle::kinds
