// The words questions share whatever their kind, and filling in templates. Each
// kind's own prompts are in its file in quiz/kinds/. Any pack language other than
// Chinese gets English prompts around its own text.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/quiz/kind.h"

namespace chronicle {

constexpr Words kDateUnknown{"日期不详", "date unknown"};
constexpr Words kQuoteLine{"「{q}」—— {name}", "“{q}” — {name}"}; // a quote and who said it
constexpr Words kAside{"（{a}）", "({a})"};                          // a note in brackets

// Every character generated text can contain besides the pack's own: every kind's
// prompts, the words above, and the words of dates and numbers (for font coverage).
std::string generated_characters();

// A value for one "{name}" in a template.
struct Fill {
    std::string_view name;
    std::string_view value;
};

// The template with each "{name}" replaced by its value, in one pass over the
// template: inserted text is never read again, so pack text holding "{b}" stays as
// written. Braces around any other name are kept.
std::string fill_in(std::string_view tmpl, std::initializer_list<Fill> fills);

} // namespace chronicle
