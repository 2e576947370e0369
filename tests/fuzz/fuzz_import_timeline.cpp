// libFuzzer target: any bytes → import_timeline (TimelineJS JSON); pack text that comes
// back → load_pack_text and generate_quiz. The invariants are in fuzz_support.h; a
// broken one stops the run with __builtin_trap so that libFuzzer saves the input.
//
//   fuzz_import_timeline -dict=tests/fuzz/import_timeline.dict CORPUS_COPY tests/fuzz/corpus/import_timeline
#include "fuzz_support.h"

using namespace chronicle;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const uint64_t h = fuzz::fnv1a(data, size);
    ImportOptions o;
    o.file = "fuzz.json";
    // Now and then a given language instead of a guessed one; never an invalid one.
    static const char* const kLangs[] = {"", "", "en", "zh"};
    o.lang = kLangs[(h >> 4) % 4];
    fuzz::check_import(import_timeline, text, o, ImportFormat::TimelineJS, h);
    return 0;
}
