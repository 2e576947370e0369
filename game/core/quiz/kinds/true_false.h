// "True or false?": a statement made from the pack's facts — the order of two events,
// an event's date, who said a quote, a number — true or false with equal chance. A
// false one is certainly false: the order reversed, a date that cannot overlap the
// event's, a speaker who is neither the speaker nor named in the quote, a value that
// differs and reads differently.
#pragma once
#include "core/quiz/kind.h"

namespace chronicle::kinds {

inline constexpr Words kBeforeStatement{"「{a}」发生在「{b}」之前。", "“{a}” happened before “{b}”."};
inline constexpr Words kAfterStatement{"「{a}」发生在「{b}」之后。", "“{a}” happened after “{b}”."};
inline constexpr Words kBeganBeforeStatement{"「{a}」开始于「{b}」开始之前。", "“{a}” began before “{b}” began."};
inline constexpr Words kBeganAfterStatement{"「{a}」开始于「{b}」开始之后。", "“{a}” began after “{b}” began."};
inline constexpr Words kOnDayStatement{"「{e}」发生在{d}。", "“{e}” happened on {d}."};
inline constexpr Words kInPeriodStatement{"「{e}」发生在{d}。", "“{e}” happened in {d}."};
inline constexpr Words kAgoStatement{"「{e}」发生在{d}。", "“{e}” happened {d}."};
inline constexpr Words kSaidStatement{"「{q}」是{name}说的。", "{name} said “{q}”."};
inline constexpr Words kNumberStatement{"「{q}」答案是{v}。", "“{q}” The answer is {v}."};
inline constexpr Words kTrueFalsePhrases[] = {kBeforeStatement, kAfterStatement,    kBeganBeforeStatement,
                                              kBeganAfterStatement, kOnDayStatement, kInPeriodStatement,
                                              kAgoStatement,    kSaidStatement,     kNumberStatement};

bool true_false_supported(const Pack& pack);
std::optional<Question> make_true_false(QuestionMaker& maker);

// Its options are authored true/false questions' kTrue and kFalse.
inline constexpr KindSpec kTrueFalse{Kind::TrueFalse, "true_false", {"对还是错", "True or false"}, Answering::OneOption,
                                     kTrueFalsePhrases, true_false_supported, nullptr, make_true_false};

} // namespace chronicle::kinds
