// The words questions share whatever their kind, and filling in templates. Each
// kind's own prompts are in its file in quiz/kinds/. Any pack language other than
// Chinese gets English prompts around its own text.
#pragma once
#include <string>
#include <string_view>

#include "core/quiz/kind.h"

namespace chronicle {

constexpr Words kDateUnknown{"日期不详", "date unknown"};
constexpr Words kQuoteLine{"「{q}」—— {name}", "“{q}” — {name}"}; // a quote and who said it

// Every character generated text can contain besides the pack's own: every kind's
// prompts, the words above, and the words of dates and numbers (for font coverage).
std::string generated_characters();

// Replaces "{name}" in a template.
std::string fill_in(std::string_view tmpl, std::string_view name, std::string_view value);

} // namespace chronicle
