// The checks a pack needs once its records are read, and the index the generator
// uses. The loader runs them on the records it read from a file; the importers on
// the records they built, so an import is checked without writing and reading it back.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/pack/pack.h"

namespace chronicle {

// Calls report(k, i, language, text) for pairs of texts, k before i, that read the
// same in a language as the game shows them: their own text in it, else their text
// in `fallback` (the pack's default language).
using SameTextReport = std::function<void(size_t, size_t, const std::string&, const std::string&)>;
void find_same_texts(const std::vector<const LocalText*>& texts, const std::string& fallback, const SameTextReport& report);

// ASCII punctuation next to Chinese characters in a Chinese text, as the loader tells
// it: a warning for each of the first kPunctuationWarnings texts, in the order of a
// pack as written (metadata, people, events, quotes, numbers, questions; a text's path
// as pack_writer.h writes it). Returns how many texts have it; the loader tells those
// past the first few as one Problem::MoreAsciiPunctuation after check_across_records.
constexpr size_t kPunctuationWarnings = 10;
size_t warn_ascii_punctuation(const Pack& pack, const std::string& file, std::vector<Diagnostic>& out);

// Errors across records: headlines that read the same, events after the source was written.
void check_across_records(const Pack& pack, const std::string& file, std::vector<Diagnostic>& out);

// For a pack without errors: warnings about weak spots, the index (by_time, chains,
// groups) and display names. Diagnostics name `file`.
void index_pack(Pack& pack, const std::string& file, std::vector<Diagnostic>& out);

} // namespace chronicle
