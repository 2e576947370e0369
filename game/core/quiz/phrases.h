// The words the core puts into questions, in Chinese and English. Any other pack
// language gets English prompts around its own text.
#pragma once
#include <string>
#include <string_view>

namespace chronicle {

struct Phrases {
    const char* first;
    const char* last;
    const char* order;
    const char* before_after; // {a} and {b} are headlines
    const char* before;
    const char* after;
    const char* when; // {e}
    const char* who_said; // {q}
    const char* who_did;  // {p}: the event's "who" phrase
    const char* true_;
    const char* false_;
    const char* date_unknown;
    const char* quote_line; // {q} said by {name}
    // The same questions about events that lasted (an "end" date): they are ordered
    // by when they began, and the prompt says so.
    const char* first_began;
    const char* last_began;
    const char* order_began;
    const char* before_after_began;
    const char* when_began;
};

const Phrases& phrases_for(std::string_view lang);

// Every character generated text can contain besides the pack's own: the phrases of
// both languages and the words of dates and numbers (for font coverage).
std::string generated_characters();

// Replaces "{name}" in a template.
std::string fill_in(std::string_view tmpl, std::string_view name, std::string_view value);

} // namespace chronicle
