// A Pack as pack JSON text, the layout people read and edit: one member per line, but
// a list of plain values, or a short object of plain values (a person, a date range),
// on one line. Written a record at a time, so memory beyond the text stays small.
#pragma once
#include <string>

#include "core/pack/pack.h"

namespace chronicle {

// Every field of the pack's records that the pack format holds, in the format's order;
// a text in the default language alone as a string, else as {language: text}; an
// unknown date as null; whole numbers without ".0". The index and `path` are not
// written; `display` is written as the pack holds it, derived ones included, so an
// importer writes its pack before index_pack derives any.
std::string write_pack(const Pack& pack);

} // namespace chronicle
