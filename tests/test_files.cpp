// Files: what is read (only regular files, or standard input), what is replaced
// (only regular files, never through a link), and where the user's data folder is.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/json_text.h"
#include "core/base/paths.h"
#include "support.h"

using namespace chronicle;
using namespace chronicle::test;
namespace fs = std::filesystem;

namespace {

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

bool temporary_left(const TempDir& dir) {
    for (const auto& entry : fs::directory_iterator(dir.path()))
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

// Sets (or, with nullptr, unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

} // namespace

TEST_CASE("Only a regular file is read: a FIFO is refused at once", "[files]") {
    TempDir dir;
    const std::string fifo = dir.file("x.json");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    // A writer holds the FIFO open, so that even a reader that waits for one returns.
    const int writer = open(fifo.c_str(), O_RDWR | O_NONBLOCK);
    REQUIRE(writer >= 0);
    std::vector<Diagnostic> out;
    CHECK_FALSE(read_input_file(fifo, out));
    close(writer);
    REQUIRE(out.size() == 1);
    CHECK(out[0].issue.problem == Problem::NotARegularFile);
    CHECK(out[0].file == fifo);

    out.clear();
    CHECK_FALSE(read_input_file(dir.path(), out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].issue.problem == Problem::IsAFolder);

    write(dir.file("pack.json"), "{}");
    fs::create_symlink(dir.file("pack.json"), dir.file("link.json"));
    out.clear();
    CHECK(read_input_file(dir.file("link.json"), out) == std::optional<std::string>("{}")); // a link to a file is read
    CHECK(out.empty());
}

TEST_CASE("Only a regular file is replaced, and never through a link", "[files]") {
    TempDir dir;
    Issue error;
    GIVEN("a FIFO where the file would go") {
        const std::string fifo = dir.file("out.json");
        REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
        THEN("it is refused, even when replacing is asked for, and stays a FIFO") {
            for (bool replace : {false, true}) {
                CHECK(write_file_atomically(fifo, "{}", replace, error) == WriteOutcome::Failed);
                CHECK(error.problem == Problem::WriteTargetNotAFile);
                CHECK(error.details == Details{fifo});
                CHECK(fs::is_fifo(fifo));
            }
            CHECK_FALSE(temporary_left(dir));
        }
    }
    GIVEN("a symbolic link to a file outside the folder") {
        TempDir elsewhere;
        const std::string target = elsewhere.file("precious.txt"), link = dir.file("out.json");
        write(target, "precious");
        fs::create_symlink(target, link);
        THEN("it is refused, even when replacing is asked for; the link and its target are untouched") {
            for (bool replace : {false, true}) {
                CHECK(write_file_atomically(link, "{}", replace, error) == WriteOutcome::Failed);
                CHECK(error.problem == Problem::WriteTargetIsLink);
                CHECK(error.details == Details{link, target});
            }
            CHECK(fs::is_symlink(link));
            CHECK(contents(target) == "precious");
            CHECK_FALSE(temporary_left(dir));
        }
    }
    GIVEN("a dangling symbolic link") {
        const std::string link = dir.file("out.json");
        fs::create_symlink(dir.file("nowhere"), link);
        CHECK(write_file_atomically(link, "{}", true, error) == WriteOutcome::Failed);
        CHECK(error.problem == Problem::WriteTargetIsLink);
        CHECK_FALSE(fs::exists(dir.file("nowhere")));
    }
    GIVEN("a regular file") {
        const std::string file = dir.file("out.json");
        write(file, "old");
        CHECK(write_file_atomically(file, "new", false, error) == WriteOutcome::Exists);
        CHECK(contents(file) == "old");
        CHECK(write_file_atomically(file, "new", true, error) == WriteOutcome::Written);
        CHECK(contents(file) == "new");
        CHECK_FALSE(temporary_left(dir));
    }
}

TEST_CASE("A folder that cannot be made says what is in the way", "[files]") {
    TempDir dir;
    const std::string dangling = dir.file("data");
    fs::create_symlink(dir.file("gone"), dangling);
    std::optional<Issue> problem = make_folder(dangling + "/packs");
    REQUIRE(problem);
    CHECK(problem->problem == Problem::FolderIsDanglingLink);
    CHECK(problem->details == Details{dangling, dir.file("gone")});

    write(dir.file("file"), "x");
    problem = make_folder(dir.file("file") + "/packs/");
    REQUIRE(problem);
    CHECK(problem->problem == Problem::FolderIsAFile);
    CHECK(problem->details == Details{dir.file("file")});

    CHECK_FALSE(make_folder(dir.file("new/packs")));
    CHECK(fs::is_directory(dir.file("new/packs")));
    CHECK_FALSE(make_folder(dir.file("new/packs"))); // already there
}

TEST_CASE("The data folder is absolute or unknown", "[files]") {
    ScopedEnv no_own("CHRONICLE_DATA_DIR", nullptr);
    SECTION("HOME unset, empty or relative: no answer") {
        ScopedEnv no_xdg("XDG_DATA_HOME", nullptr);
        for (const char* home : {static_cast<const char*>(nullptr), "", "relative/home"}) {
            ScopedEnv h("HOME", home);
            CHECK_FALSE(user_data_folder());
        }
    }
    SECTION("XDG_DATA_HOME when absolute, else HOME") {
        ScopedEnv h("HOME", "/home/ann");
        {
            ScopedEnv x("XDG_DATA_HOME", "/data");
            CHECK(user_data_folder() == std::optional<std::string>("/data/chronicle"));
        }
        ScopedEnv x("XDG_DATA_HOME", "relative"); // ignored, as the XDG specification says
        CHECK(user_data_folder() == std::optional<std::string>("/home/ann/.local/share/chronicle"));
        ScopedEnv own("CHRONICLE_DATA_DIR", "/mine");
        CHECK(user_data_folder() == std::optional<std::string>("/mine"));
    }
}
