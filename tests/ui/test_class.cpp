// The class game from the teacher's window, with phones as real WebSocket clients
// (civetweb's) on 127.0.0.1: setup, the lobby filling with names (one Chinese, its
// characters new to the atlas), a live game answered from the phones to the podium,
// a self-paced game's progress, and a port already taken. Screenshots of each screen.
#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <civetweb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <condition_variable>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <mutex>
#include <nlohmann/json.hpp>

#include "app/class_session.h"
#include "core/quiz/phrases.h"
#include "harness.h"
#include "ui/strings.h"

using namespace chronicle;
using namespace chronicle::test;

namespace {

// A phone: civetweb's WebSocket client, keeping what the host sent.
struct Phone {
    mg_connection* conn = nullptr;
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::string> texts;
    bool closed = false;

    explicit Phone(int port) {
        char error[256] = {};
        conn = mg_connect_websocket_client("127.0.0.1", port, 0, error, sizeof error, "/ws", nullptr, on_data, on_close, this);
        REQUIRE(conn != nullptr);
    }
    ~Phone() {
        bool done;
        {
            std::lock_guard<std::mutex> lock(mutex);
            done = closed;
        }
        if (!done) {
            mg_websocket_client_write(conn, MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE, "\x03\xe8", 2);
            std::unique_lock<std::mutex> lock(mutex);
            cv.wait_for(lock, std::chrono::seconds(5), [this] { return closed; });
        }
        mg_close_connection(conn);
    }
    Phone(const Phone&) = delete;
    Phone& operator=(const Phone&) = delete;

    static int on_data(mg_connection*, int bits, char* data, size_t size, void* self) {
        auto* phone = static_cast<Phone*>(self);
        std::lock_guard<std::mutex> lock(phone->mutex);
        if ((static_cast<unsigned>(bits) & 0x0fU) == MG_WEBSOCKET_OPCODE_TEXT) phone->texts.emplace_back(data, size);
        phone->cv.notify_all();
        return 1;
    }
    static void on_close(const mg_connection*, void* self) {
        auto* phone = static_cast<Phone*>(self);
        std::lock_guard<std::mutex> lock(phone->mutex);
        phone->closed = true;
        phone->cv.notify_all();
    }
    void send(const nlohmann::json& message) {
        const std::string text = message.dump();
        REQUIRE(mg_websocket_client_write(conn, MG_WEBSOCKET_OPCODE_TEXT, text.data(), text.size()) > 0);
    }
};

// HOME set to a fresh folder (with Documents) for the object's life, then as it was.
class TempHome {
public:
    TempHome() : path_(std::filesystem::temp_directory_path() / ("chronicle-class-home-" + std::to_string(::getpid()))) {
        if (const char* home = std::getenv("HOME")) old_ = home;
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_ / "Documents");
        setenv("HOME", path_.c_str(), 1);
    }
    ~TempHome() {
        if (old_) setenv("HOME", old_->c_str(), 1);
        else unsetenv("HOME");
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempHome(const TempHome&) = delete;
    TempHome& operator=(const TempHome&) = delete;
    std::filesystem::path documents() const { return path_ / "Documents"; }

private:
    std::filesystem::path path_;
    std::optional<std::string> old_;
};

const ClassGame& class_game(Harness& h) {
    const ClassSession* session = h.game().class_session();
    REQUIRE(session);
    return session->game();
}

// Steps the window's loop (as the game does) until `done`, or fails after 10 s.
template <class Done> void until(Harness& h, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done()) {
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        h.game().step(20);
    }
    h.frames(2);
}

std::unique_ptr<Phone> join(Harness& h, const std::string& name, size_t n) {
    auto phone = std::make_unique<Phone>(h.game().class_session()->port());
    phone->send({{"type", "join"}, {"pin", h.game().class_session()->pin()}, {"client", "test-phone-client-" + std::to_string(n)}, {"name", name}});
    return phone;
}

// An answer to question `index`: right, or not.
nlohmann::json answer(const Question& q, size_t index, bool right) {
    std::vector<size_t> choice = q.answer;
    if (!right) {
        if (asks_for_order(q.kind)) std::reverse(choice.begin(), choice.end());
        else choice = {(q.answer[0] + 1) % q.options.size()};
    }
    return {{"type", "answer"}, {"question", index}, {"choice", choice}};
}

// The setup on 127.0.0.1 and a free port, for `questions` questions in `mode`.
void open_lobby(Harness& h, int questions, ClassMode mode) {
    h.press(SDL_SCANCODE_F6);
    REQUIRE(h.screen() == ScreenId::ClassSetup);
    ui::ClassSetup& setup = h.game().class_setup();
    setup.bind_address = "127.0.0.1";
    setup.port = 0;
    setup.questions = questions;
    setup.settings.mode = mode;
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::ClassLobby);
}

void play_live_class(const char* lang_code, int width, int height) {
    const ui::Lang lang = ui::lang_from_code(lang_code);
    const auto t = [lang](ui::T id) { return std::string(ui::text(id, lang)); };
    Harness h({{"ui_lang", lang_code}}, width, height);
    const std::string tag = std::string(lang_code) + "-" + std::to_string(width) + "x" + std::to_string(height);
    h.press(SDL_SCANCODE_F6);
    REQUIRE(h.screen() == ScreenId::ClassSetup);
    CHECK(h.missing_glyph() == "");
    CHECK(h.scrolling_window() == "");
    h.screenshot("class-setup-" + tag);
    h.press(SDL_SCANCODE_ESCAPE);
    REQUIRE(h.screen() == ScreenId::Home);
    open_lobby(h, 5, ClassMode::Live);
    CHECK(h.has("qr"));
    CHECK(h.screen_text().find(h.game().class_session()->join_url()) != std::string::npos);
    h.click(t(ui::T::StartClass)); // disabled: no one yet
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::ClassLobby);

    // Three phones; the Chinese name's characters are in no pack and no interface word.
    // The longest name a phone may send (20 characters), elided where it does not fit.
    const std::vector<std::string> names = {"Ana", "鑫淼", "Maximiliana-Rosalind"};
    std::vector<std::unique_ptr<Phone>> phones;
    for (size_t i = 0; i < names.size(); ++i) phones.push_back(join(h, names[i], i));
    until(h, [&] { return class_game(h).player_count() == 3; });
    for (const std::string& name : names) CHECK(h.screen_text().find(name) != std::string::npos);
    CHECK(h.missing_glyph() == "");
    CHECK(h.screen_text().find(fill_in(t(ui::T::PlayersCount), {{"n", "3"}})) != std::string::npos);
    CHECK(h.scrolling_window() == "");
    h.screenshot("class-lobby-" + tag);
    // Idle is idle: with no phone speaking, the lobby draws nothing.
    h.settle();
    CHECK(h.settle() == 0);
    // A fourth, whose name ImGui would read as a format and a hidden id, shows it as
    // sent, and is removed with the × on it.
    const std::string odd = "%s%n##Zed";
    auto extra = join(h, odd, 9);
    until(h, [&] { return class_game(h).player_count() == 4; });
    CHECK(h.screen_text().find(odd) != std::string::npos);
    REQUIRE(h.click("remove:" + odd));
    h.frames(2);
    CHECK(class_game(h).player_count() == 3);
    CHECK(h.screen_text().find(odd) == std::string::npos);

    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::ClassQuestion);
    const size_t total = class_game(h).quiz().questions.size();
    REQUIRE(total == 5);
    // Ana is always right; 鑫淼 always wrong; the third never answers.
    for (size_t i = 0; i < total; ++i) {
        REQUIRE(h.screen() == ScreenId::ClassQuestion);
        const Question q = class_game(h).question(i);
        INFO("question " << i + 1 << ": " << q.prompt);
        phones[0]->send(answer(q, i, true));
        phones[1]->send(answer(q, i, false));
        until(h, [&] { return class_game(h).answered_count() == 2; });
        CHECK(h.screen_text().find(fill_in(t(ui::T::AnsweredCount), {{"a", "2"}, {"n", "3"}})) != std::string::npos);
        CHECK(h.missing_glyph() == "");
        CHECK(h.scrolling_window() == "");
        if (i == 0) h.screenshot("class-question-" + tag);
        if (i == 3) { // skipped: no points for anyone, straight to the next question
            const auto points = [&h] {
                int sum = 0;
                for (const ClassPlayer& p : class_game(h).players()) sum += p.points;
                return sum;
            };
            const int before = points();
            h.press(SDL_SCANCODE_S);
            REQUIRE(h.screen() == ScreenId::ClassQuestion);
            CHECK(class_game(h).index() == 4);
            CHECK(class_game(h).skipped(3));
            CHECK(points() == before);
            continue;
        }
        if (i == 1) { // paused and resumed by key
            h.press(SDL_SCANCODE_P);
            CHECK(class_game(h).paused());
            h.press(SDL_SCANCODE_P);
            CHECK_FALSE(class_game(h).paused());
        }
        h.press(SDL_SCANCODE_RETURN); // reveal now
        REQUIRE(h.screen() == ScreenId::ClassReveal);
        const ClassChart chart = class_game(h).chart(i);
        CHECK(chart.no_answer == 1);
        if (!asks_for_order(q.kind)) {
            CHECK(chart.per_option.at(q.answer[0]) == 1);
            CHECK(h.has("bar-" + std::to_string(q.answer[0] + 1) + ":1"));
        }
        h.frames(2);
        CHECK(h.missing_glyph() == "");
        CHECK(h.scrolling_window() == "");
        if (i == 0) h.screenshot("class-reveal-" + tag);
        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::ClassLeaderboard);
        CHECK(h.screen_text().find("鑫淼") != std::string::npos);
        CHECK(h.scrolling_window() == "");
        if (i == 0) h.screenshot("class-leaderboard-" + tag);
        h.press(SDL_SCANCODE_RETURN);
    }
    REQUIRE(h.screen() == ScreenId::ClassPodium);
    h.frames(3);
    CHECK(h.has("podium-1:Ana"));
    CHECK(h.missing_glyph() == "");
    SDL_Delay(1300); // the blocks have risen
    h.frames(2);
    h.screenshot("class-podium-" + tag);
    // Saved as it finished, as the headless host saves it.
    REQUIRE(h.game().play().storage());
    CHECK(h.game().play().storage()->recent_class_games(-1).size() == 1);
    // Export: the results as CSV where the teacher keeps documents; the podium says where.
    {
        TempHome home;
        REQUIRE(h.click(t(ui::T::ExportResults)));
        h.frames(2);
        std::vector<std::filesystem::path> written;
        for (const auto& entry : std::filesystem::directory_iterator(home.documents())) written.push_back(entry.path());
        REQUIRE(written.size() == 1);
        CHECK(written[0].extension() == ".csv");
        std::ifstream in(written[0], std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string csv = bytes.str();
        CHECK(csv.find("Ana") != std::string::npos);
        CHECK(csv.find("鑫淼") != std::string::npos);
        CHECK(h.screen_text().find(fill_in(t(ui::T::ResultsSaved), {{"p", written[0].string()}})) != std::string::npos);
        CHECK(h.missing_glyph() == "");
        CHECK(h.scrolling_window() == "");
        h.screenshot("class-podium-exported-" + tag);
    }
    h.press(SDL_SCANCODE_RETURN);
    CHECK(h.screen() == ScreenId::Home);
    CHECK_FALSE(h.game().class_session()); // the server stopped
}

void play_self_paced_class(const char* lang_code, int width, int height) {
    Harness h({{"ui_lang", lang_code}}, width, height);
    const ui::Lang lang = ui::lang_from_code(lang_code);
    const std::string tag = std::string(lang_code) + "-" + std::to_string(width) + "x" + std::to_string(height);
    open_lobby(h, 5, ClassMode::SelfPaced);
    const std::vector<std::string> names = {"Ana", "鑫淼", "Bob"};
    std::vector<std::unique_ptr<Phone>> phones;
    for (size_t i = 0; i < names.size(); ++i) phones.push_back(join(h, names[i], i));
    until(h, [&] { return class_game(h).player_count() == 3; });
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::ClassProgress);
    // Ana answers two questions, 鑫淼 one; Bob none. Seats follow the order the joins arrived in.
    const auto player = [&h](const std::string& name) -> const ClassPlayer& {
        for (const ClassPlayer& p : class_game(h).players())
            if (p.name == name) return p;
        FAIL("no player " << name);
        throw std::logic_error("unreachable");
    };
    phones[0]->send(answer(class_game(h).question(0), 0, true));
    phones[1]->send(answer(class_game(h).question(0), 0, true));
    until(h, [&] { return player("Ana").answers[0].answered && player("鑫淼").answers[0].answered; });
    phones[0]->send({{"type", "next"}});
    until(h, [&] { return player("Ana").at == 1; });
    phones[0]->send(answer(class_game(h).question(1), 1, true));
    until(h, [&] { return player("Ana").answers[1].answered; });
    CHECK(h.screen_text().find("2/5") != std::string::npos); // Ana's question
    CHECK(h.missing_glyph() == "");
    CHECK(h.scrolling_window() == "");
    h.screenshot("class-progress-" + tag);
    // Esc asks "End the game?"; End shows the podium.
    h.press(SDL_SCANCODE_ESCAPE);
    CHECK(h.screen_text().find(ui::text(ui::T::EndClassQuestion, lang)) != std::string::npos);
    REQUIRE(h.click(ui::text(ui::T::EndClassButton, lang)));
    h.frames(2);
    REQUIRE(h.screen() == ScreenId::ClassPodium);
    CHECK(class_game(h).phase() == ClassPhase::Finished);
    CHECK(h.has("podium-1:Ana"));
}

} // namespace

TEST_CASE("A live class game from the phones to the podium, in Chinese and English", "[ui][class]") {
    play_live_class("zh", 1280, 720);
    play_live_class("en", 1920, 1080);
}

// The other language at each size, for the screenshots (not run by default).
TEST_CASE("Screenshots of a class game", "[.][ui][class][shots]") {
    play_live_class("en", 1280, 720);
    play_live_class("zh", 1920, 1080);
    play_self_paced_class("zh", 1280, 720);
    play_self_paced_class("en", 1920, 1080);
}

TEST_CASE("A self-paced class game shows each player's progress, best first", "[ui][class]") {
    play_self_paced_class("en", 1280, 720);
    play_self_paced_class("zh", 1920, 1080);
}

TEST_CASE("A port already taken is said on the setup; another opens the lobby, where Tab and Enter remove a name", "[ui][class]") {
    // A listener on a free port of 127.0.0.1, keeping it taken.
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(listen(fd, 1) == 0);
    socklen_t length = sizeof address;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    const int taken = ntohs(address.sin_port);

    Harness h({{"ui_lang", "en"}});
    h.press(SDL_SCANCODE_F6);
    REQUIRE(h.screen() == ScreenId::ClassSetup);
    h.game().class_setup().bind_address = "127.0.0.1";
    h.game().class_setup().port = taken;
    h.press(SDL_SCANCODE_RETURN);
    CHECK(h.screen() == ScreenId::ClassSetup);
    CHECK_FALSE(h.game().class_session());
    CHECK(h.screen_text().find("Cannot open the lobby") != std::string::npos);
    CHECK(h.missing_glyph() == "");
    h.screenshot("class-setup-port-taken-en-1280x720");
    h.game().class_setup().port = 0;
    h.press(SDL_SCANCODE_RETURN);
    CHECK(h.screen() == ScreenId::ClassLobby);
    // The keyboard reaches a name's ×: Tab to Start, Tab to the ×, Enter removes the player.
    auto solo = join(h, "Solo", 0);
    until(h, [&] { return class_game(h).player_count() == 1; });
    const auto focused = [] {
        for (const ui::WidgetRecord& w : ui::frame_log().widgets)
            if (w.focused) return w.label;
        return std::string();
    };
    h.press(SDL_SCANCODE_TAB);
    CHECK(focused() == ui::text(ui::T::StartClass, ui::Lang::En));
    h.press(SDL_SCANCODE_TAB);
    CHECK(focused() == ui::text(ui::T::RemoveMark, ui::Lang::En));
    h.press(SDL_SCANCODE_RETURN);
    CHECK(class_game(h).player_count() == 0);
    CHECK(h.screen() == ScreenId::ClassLobby); // Enter was the ×'s, not Start's
    // Esc closes the lobby for the setup; the error is gone.
    h.press(SDL_SCANCODE_ESCAPE);
    CHECK(h.screen() == ScreenId::ClassSetup);
    CHECK_FALSE(h.game().class_session());
    CHECK(h.screen_text().find("Cannot open the lobby") == std::string::npos);
    close(fd);
}

TEST_CASE("An order question: its events on the projector, then the right order and a chart of right, partly, wrong", "[ui][class]") {
    for (const char* lang_code : {"en", "zh"}) {
        Harness h({{"ui_lang", lang_code}, {"kinds", "order"}}, 1280, 720);
        const ui::Lang lang = ui::lang_from_code(lang_code);
        open_lobby(h, 5, ClassMode::Live);
        const std::vector<std::string> names = {"Ana", "鑫淼", "Bob"};
        std::vector<std::unique_ptr<Phone>> phones;
        for (size_t i = 0; i < names.size(); ++i) phones.push_back(join(h, names[i], i));
        until(h, [&] { return class_game(h).player_count() == 3; });
        h.press(SDL_SCANCODE_RETURN);
        REQUIRE(h.screen() == ScreenId::ClassQuestion);
        const Question q = class_game(h).question(0);
        REQUIRE(asks_for_order(q.kind));
        REQUIRE(q.options.size() >= 3);
        for (const Option& o : q.options) CHECK(h.screen_text().find(o.text) != std::string::npos);
        CHECK(h.scrolling_window() == "");
        h.screenshot(std::string("class-order-question-") + lang_code + "-1280x720");
        // One right, one with the first two swapped (partly right), one reversed.
        std::vector<size_t> partly = q.answer;
        std::swap(partly[0], partly[1]);
        phones[0]->send(answer(q, 0, true));
        phones[1]->send({{"type", "answer"}, {"question", 0}, {"choice", partly}});
        phones[2]->send(answer(q, 0, false));
        until(h, [&] { return class_game(h).phase() == ClassPhase::Reveal; }); // all answered: revealed at once
        REQUIRE(h.screen() == ScreenId::ClassReveal);
        const ClassChart chart = class_game(h).chart(0);
        CHECK(chart.right == 1);
        CHECK(chart.partly + chart.wrong == 2);
        CHECK(chart.no_answer == 0);
        CHECK(h.has("bar-1:1"));
        CHECK(h.screen_text().find(ui::text(ui::T::AllRight, lang)) != std::string::npos);
        CHECK(h.scrolling_window() == "");
        CHECK(h.missing_glyph() == "");
        h.screenshot(std::string("class-order-reveal-") + lang_code + "-1280x720");
    }
}

TEST_CASE("The class screens fit a small window with large text, and a 4K one", "[ui][class][layout]") {
    for (const char* lang_code : {"zh", "en"})
        for (auto [w, ht, size] : {std::tuple{800, 600, "200"}, std::tuple{3840, 2160, "100"}}) {
            const std::string tag = std::string(lang_code) + "-" + size + "-" + std::to_string(w) + "x" + std::to_string(ht);
            INFO(tag);
            Harness h({{"ui_lang", lang_code}, {"text_size", size}}, w, ht);
            const auto fits = [&h](const std::string& shot) {
                h.steady();
                // Only the lobby's names may scroll (a full class), never a page.
                const std::string scrolling = h.scrolling_window();
                CHECK((scrolling.empty() || scrolling.find("/names") != std::string::npos));
                CHECK(h.missing_glyph() == "");
                h.screenshot(shot);
            };
            h.press(SDL_SCANCODE_F6);
            fits("class-fit-setup-" + tag);
            ui::ClassSetup& setup = h.game().class_setup();
            setup.bind_address = "127.0.0.1";
            setup.port = 0;
            setup.questions = 5;
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::ClassLobby);
            std::vector<std::unique_ptr<Phone>> phones;
            for (size_t i = 0; i < 6; ++i) phones.push_back(join(h, i % 2 ? "鑫淼" + std::to_string(i) : "Player " + std::to_string(i), i));
            until(h, [&] { return class_game(h).player_count() == 6; });
            fits("class-fit-lobby-" + tag);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::ClassQuestion);
            fits("class-fit-question-" + tag);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::ClassReveal);
            fits("class-fit-reveal-" + tag);
            h.press(SDL_SCANCODE_RETURN);
            REQUIRE(h.screen() == ScreenId::ClassLeaderboard);
            fits("class-fit-leaderboard-" + tag);
        }
}
