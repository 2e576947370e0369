// Home's Print worksheet: the quiz Start would make, written as a PDF where the player
// keeps documents, opened (here: recorded by the harness), and Home says where.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <unistd.h>

#include "harness.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;
namespace fs = std::filesystem;

namespace {

// HOME set to a fresh folder for the test's life, then as it was.
class TempHome {
public:
    TempHome() : path_(fs::temp_directory_path() / ("chronicle-home-" + std::to_string(::getpid()))) {
        if (const char* home = std::getenv("HOME")) old_ = home;
        fs::remove_all(path_);
        fs::create_directories(path_);
        setenv("HOME", path_.c_str(), 1);
    }
    ~TempHome() {
        if (old_) setenv("HOME", old_->c_str(), 1);
        else unsetenv("HOME");
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempHome(const TempHome&) = delete;
    TempHome& operator=(const TempHome&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
    std::optional<std::string> old_;
};

std::string head_of(const fs::path& file, size_t n) {
    std::ifstream in(file, std::ios::binary);
    std::string s(n, '\0');
    in.read(s.data(), static_cast<std::streamsize>(n));
    return s;
}

} // namespace

TEST_CASE("Print worksheet writes the quiz as a PDF into Documents, opens it, and Home says where", "[ui][print]") {
    const TempHome home;
    for (const char* lang : {"zh", "en"}) {
        INFO(lang);
        const ui::Lang l = ui::lang_from_code(lang);
        const fs::path documents = home.path() / "Documents";
        fs::create_directories(documents);
        Harness h({{"ui_lang", lang}, {"length", "5"}});
        const std::string pack = h.game().play().chosen()->summary->id;
        REQUIRE(h.click(ui::text(ui::T::PrintWorksheet, l)));
        h.frames();
        const std::string written = (documents / ("chronicle-" + pack + "-7.pdf")).string(); // the harness's seed
        REQUIRE(fs::is_regular_file(written));
        CHECK(head_of(written, 5) == "%PDF-");
        CHECK(h.opened() == std::vector<std::string>{written});
        CHECK(h.screen() == ScreenId::Home);
        CHECK(h.screen_text().find(written) != std::string::npos);
        CHECK(h.missing_glyph() == "");
        h.screenshot("home-printed-" + std::string(lang));
        // Starting a quiz afterwards: the notice has been said.
        REQUIRE(h.click(ui::text(ui::T::Start, l)));
        h.press(SDL_SCANCODE_ESCAPE);
        REQUIRE(h.click(ui::text(ui::T::LeaveQuizButton, l)));
        REQUIRE(h.screen() == ScreenId::Home);
        CHECK(h.screen_text().find(written) == std::string::npos);
        fs::remove_all(documents);
    }
    SECTION("without a Documents folder, the worksheet goes into the home folder") {
        Harness h({{"ui_lang", "en"}});
        REQUIRE(h.click(ui::text(ui::T::PrintWorksheet, ui::Lang::En)));
        h.frames();
        REQUIRE(h.opened().size() == 1);
        CHECK(fs::path(h.opened()[0]).parent_path() == home.path());
        CHECK(fs::is_regular_file(h.opened()[0]));
    }
}

TEST_CASE("A worksheet that cannot be written is not opened, and Home says why", "[ui][print]") {
    const TempHome home;
    Harness h({{"ui_lang", "en"}});
    const std::string pack = h.game().play().chosen()->summary->id;
    const fs::path in_the_way = home.path() / ("chronicle-" + pack + "-7.pdf");
    fs::create_directories(in_the_way); // a folder where the file would go
    REQUIRE(h.click(ui::text(ui::T::PrintWorksheet, ui::Lang::En)));
    h.frames();
    CHECK(h.opened().empty());
    CHECK(fs::is_directory(in_the_way));
    CHECK(h.screen_text().find("Could not save the worksheet: " + in_the_way.string() + " is a folder") != std::string::npos);
}
