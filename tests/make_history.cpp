// Writes a simulated history of study (tests/history.h) into the save of a data folder,
// then prints, as `chronicle progress --format json --pack ID` would, the report core
// makes from the records read back: cli_test.py compares the two.
//
//   chronicle_make_history DATA_DIR PACK_FILE WEEKS NOW UTC_OFFSET
#include <cstdlib>
#include <iostream>
#include <string>

#include "core/learn/progress_input.h"
#include "core/pack/pack_loader.h"
#include "history.h"

using namespace chronicle;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: chronicle_make_history DATA_DIR PACK_FILE WEEKS NOW UTC_OFFSET\n";
        return 2;
    }
    const std::string dir = argv[1];
    const int weeks = std::atoi(argv[3]);
    const int64_t now = std::atoll(argv[4]);
    const auto offset = static_cast<int32_t>(std::atol(argv[5]));
    LoadResult loaded = load_pack_file(argv[2]);
    if (!loaded.pack) {
        std::cerr << "chronicle_make_history: the pack does not load\n";
        return 1;
    }
    OpenResult opened = Storage::open(dir + "/" + kSaveFileName, now);
    if (!opened.storage || opened.storage->in_memory()) {
        std::cerr << "chronicle_make_history: the save does not open\n";
        return 1;
    }
    const fsrs::Parameters params;
    std::string error;
    if (!test::write_history(*opened.storage, *loaded.pack, weeks, now, offset, params, error)) {
        std::cerr << "chronicle_make_history: " << error << "\n";
        return 1;
    }
    const PackProgress p = make_progress(progress_input(*opened.storage, *loaded.pack), now, offset, params);
    std::cout << progress_json({p}, now, offset, params);
    return 0;
}
