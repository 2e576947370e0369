// The class game under load, on 127.0.0.1: a live game of 10 questions and 200
// phones (civetweb's WebSocket client) that join and answer every question. Fails
// (exit 1) when an answer is lost, a phone's final score or rank differs from the
// host's, or the standings are wrong. Bounded in time: every wait has a deadline.
//
//   chronicle_class_load [PHONES]           the host as the headless one runs it
//                                           (ClassSession, pump() on this thread); prints
//                                           the time each pump takes and its CPU
//   chronicle_class_load PHONES --window    the game window hosts it (lobby, question,
//                                           reveal, leaderboard, podium, driven by keys);
//                                           prints its frame times and CPU. Under Xvfb
//                                           or a display; not run by ctest
#include <civetweb.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <SDL.h>

#include "app/class_session.h"
#include "app/clock.h"
#include "app/game.h"

using namespace chronicle;
using nlohmann::json;

namespace {

constexpr size_t kQuestions = 10;
constexpr auto kDeadline = std::chrono::seconds(60);

// Ten questions of four options; the right one moves with the question; the last is an order question.
Quiz load_quiz() {
    Quiz quiz;
    quiz.pack_id = "load";
    quiz.lang = "en";
    for (size_t i = 0; i < kQuestions; ++i) {
        Question q;
        q.kind = i + 1 == kQuestions ? Kind::Order : Kind::First;
        q.prompt = "Question " + std::to_string(i + 1);
        for (const char* id : {"A", "B", "C", "D"}) q.options.push_back({id, std::string("option ") + id, "", "", {}});
        q.answer = q.kind == Kind::Order ? std::vector<size_t>{3, 1, 0, 2} : std::vector<size_t>{i % 4};
        quiz.questions.push_back(q);
    }
    return quiz;
}

// What phone `phone` answers to question `index` of `options` options (all of them in
// some order, when `arrange`): it depends on both, so some answers are right, some
// wrong, and the phones' scores differ.
std::vector<size_t> choice_of(size_t phone, size_t index, size_t options, bool arrange) {
    if (!arrange) return {(phone * 7 + index) % options};
    std::vector<size_t> order(options);
    for (size_t i = 0; i < options; ++i) order[i] = (i + phone + index) % options;
    return order;
}

// A member of a message, or null (json::value() trips GCC's -Wnull-dereference).
json field(const json& object, const char* key) {
    if (!object.is_object()) return json();
    const auto it = object.find(key);
    return it == object.end() ? json() : *it;
}

std::mutex g_mutex;
std::condition_variable g_changed;

struct Phone {
    size_t number = 0;
    mg_connection* conn = nullptr;
    std::string client;
    std::vector<bool> answered = std::vector<bool>(kQuestions, false);
    json last_state;
    bool closed = false;
};

int on_message(mg_connection* conn, int flags, char* data, size_t size, void* user) {
    Phone& phone = *static_cast<Phone*>(user);
    if ((flags & 0x0f) != MG_WEBSOCKET_OPCODE_TEXT) return 1;
    const json m = json::parse(std::string(data, size), nullptr, false);
    if (m.is_discarded() || field(m, "type") != "state") return 1;
    std::string reply;
    {
        std::lock_guard<std::mutex> lock(g_mutex);
        phone.last_state = m;
        if (m["phase"] == "question") {
            const size_t index = m["question"]["index"];
            if (!phone.answered[index]) {
                phone.answered[index] = true;
                const json& q = m["question"];
                reply = json{{"type", "answer"}, {"question", index},
                             {"choice", choice_of(phone.number, index, q["options"].size(), q["arrange"].get<bool>())}}.dump();
            }
        }
    }
    if (!reply.empty()) mg_websocket_client_write(conn, MG_WEBSOCKET_OPCODE_TEXT, reply.data(), reply.size());
    g_changed.notify_all();
    return 1;
}

void on_close(const mg_connection*, void* user) {
    std::lock_guard<std::mutex> lock(g_mutex);
    static_cast<Phone*>(user)->closed = true;
    g_changed.notify_all();
}

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// The host: one turn of its loop (waiting for a phone or its clock), the teacher's
// actions, and the time each turn that changed something took (a pump, or a frame).
class Host {
public:
    virtual ~Host() = default;
    virtual const ClassSession& session() const = 0;
    virtual void turn() = 0;
    virtual void act(HostAction action) = 0;
    std::vector<double> busy_ms;

    template <class Done> bool run_until(Done done) {
        const auto deadline = std::chrono::steady_clock::now() + kDeadline;
        while (!done()) {
            if (std::chrono::steady_clock::now() >= deadline) return false;
            turn();
        }
        return true;
    }
};

// As `chronicle host --no-window` runs it.
class HeadlessHost : public Host {
public:
    bool woken = false;
    std::unique_ptr<ClassSession> owned;
    const ClassSession& session() const override { return *owned; }
    void turn() override {
        {
            std::unique_lock<std::mutex> lock(g_mutex);
            const auto due = owned->ms_until_due(steady_ms());
            g_changed.wait_for(lock, std::chrono::milliseconds(due ? *due + 1 : 1000), [this] { return woken; });
            woken = false;
        }
        const auto started = std::chrono::steady_clock::now();
        if (owned->pump(steady_ms())) busy_ms.push_back(ms_since(started));
    }
    void act(HostAction action) override { owned->act(action, steady_ms()); }
};

// The game window, as a teacher uses it: Enter starts, and moves from the reveal to the
// leaderboard and on; questions reveal themselves when every phone has answered.
class WindowHost : public Host {
public:
    chronicle::Game game{chronicle::GameOptions{}};
    const ClassSession& session() const override { return *game.class_session(); }
    // Waits for an event (leaving it queued), then times the step that handles it, so
    // that a frame's time is its work, not the wait before it.
    void turn() override {
        SDL_WaitEventTimeout(nullptr, 100);
        timed_step();
    }
    void timed_step() {
        const uint64_t drawn = game.frames_drawn();
        const auto started = std::chrono::steady_clock::now();
        game.step(0);
        if (game.frames_drawn() != drawn) busy_ms.push_back(ms_since(started));
    }
    void act(HostAction) override { press(SDL_SCANCODE_RETURN); }
    void press(SDL_Scancode key) {
        for (Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
            SDL_Event e{};
            e.type = type;
            e.key.windowID = SDL_GetWindowID(game.window());
            e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
            e.key.keysym.scancode = key;
            SDL_PushEvent(&e);
            for (int i = 0; i < 3; ++i) timed_step();
        }
    }
};

int fail(const std::string& why) {
    std::fprintf(stderr, "class load test: FAILED: %s\n", why.c_str());
    return 1;
}

} // namespace

// The host, its lobby open on 127.0.0.1; null after saying why not.
std::unique_ptr<Host> open_host(bool window) {
    std::string error;
    if (window) {
        auto host = std::make_unique<WindowHost>();
        if (!host->game.start(error)) {
            fail(error);
            return nullptr;
        }
        host->game.finish_loading();
        host->press(SDL_SCANCODE_F6);
        host->game.class_setup().bind_address = "127.0.0.1";
        host->game.class_setup().port = 0;
        host->game.class_setup().questions = static_cast<int>(kQuestions);
        host->press(SDL_SCANCODE_RETURN);
        if (!host->game.class_session()) {
            fail("the window opened no lobby: " + host->game.class_setup().error);
            return nullptr;
        }
        return host;
    }
    auto host = std::make_unique<HeadlessHost>();
    ClassSessionOptions options;
    options.bind_address = "127.0.0.1";
    options.port = 0;
    HeadlessHost* raw = host.get();
    host->owned = ClassSession::start(ClassGame(load_quiz(), {}), options, [raw] {
        std::lock_guard<std::mutex> lock(g_mutex);
        raw->woken = true;
        g_changed.notify_all();
    }, error);
    if (!host->owned) {
        fail(error);
        return nullptr;
    }
    return host;
}

int main(int argc, char** argv) {
    const size_t phones = argc > 1 ? static_cast<size_t>(std::strtoul(argv[1], nullptr, 10)) : 200;
    const bool window = argc > 2 && std::string(argv[2]) == "--window";
    mg_init_library(0);
    std::unique_ptr<Host> host = open_host(window);
    if (!host) return 1;
    const ClassSession& session = host->session();
    const ClassGame& game = session.game();
    // The window's quiz comes from the seed pack; the phones answer what they are shown.
    const size_t questions = game.quiz().questions.size();

    const auto started = std::chrono::steady_clock::now();
    const double cpu_started = thread_cpu_ms();
    std::vector<std::unique_ptr<Phone>> all;
    for (size_t i = 0; i < phones; ++i) {
        auto phone = std::make_unique<Phone>();
        phone->number = i;
        char id[32];
        std::snprintf(id, sizeof id, "load-phone-%08zu", i);
        phone->client = id;
        char err[256] = "";
        phone->conn = mg_connect_websocket_client("127.0.0.1", session.port(), 0, err, sizeof err, "/ws", nullptr,
                                                  on_message, on_close, phone.get());
        if (!phone->conn) return fail("phone " + std::to_string(i) + " could not connect: " + err);
        const std::string join = json{{"type", "join"}, {"pin", session.pin()}, {"client", phone->client},
                                      {"name", "Phone " + std::to_string(i)}}.dump();
        mg_websocket_client_write(phone->conn, MG_WEBSOCKET_OPCODE_TEXT, join.data(), join.size());
        all.push_back(std::move(phone));
    }
    if (!host->run_until([&] { return game.player_count() == phones; }))
        return fail(std::to_string(game.player_count()) + " of " + std::to_string(phones) + " phones joined");
    const double joined_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    host->act(HostAction::Start);
    for (size_t q = 0; q < questions; ++q) {
        // Revealed as soon as every phone answered: a lost answer would leave it open
        // until its time is up, and the check below would see no answer.
        if (!host->run_until([&] { return game.phase() == ClassPhase::Reveal; }))
            return fail("question " + std::to_string(q + 1) + " was not revealed");
        if (game.answered_count() != static_cast<int>(phones))
            return fail("question " + std::to_string(q + 1) + ": " + std::to_string(game.answered_count()) + " answers of " +
                        std::to_string(phones));
        host->act(HostAction::Next); // the leaderboard
        host->act(HostAction::Next); // the next question, or the end
    }
    if (game.phase() != ClassPhase::Finished) return fail("the game did not finish");
    // Every phone is told its final place.
    if (!host->run_until([&] {
            std::lock_guard<std::mutex> lock(g_mutex);
            return std::all_of(all.begin(), all.end(), [](const auto& p) { return field(p->last_state, "phase") == "end"; });
        }))
        return fail("not every phone was told the game ended");
    const double played_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double cpu_ms = thread_cpu_ms() - cpu_started;

    // Every answer arrived as sent, each score is the sum of its grades, and each
    // phone's final score and rank are the host's.
    std::vector<int> ranks(phones, 0);
    for (const Standing& s : game.standings()) ranks[s.entrant] = s.rank;
    const std::vector<Standing> standings = game.standings();
    for (size_t i = 1; i < standings.size(); ++i)
        if (standings[i].points > standings[i - 1].points) return fail("the standings are not in order of points");
    for (size_t seat = 0; seat < phones; ++seat) {
        const ClassPlayer& p = game.players()[seat];
        const size_t phone = static_cast<size_t>(std::stoul(p.name.substr(6)));
        int sum = 0;
        for (size_t q = 0; q < questions; ++q) {
            const Question& question = game.question(q);
            if (!p.answers[q].answered ||
                p.answers[q].chosen != choice_of(phone, q, question.options.size(), asks_for_order(question.kind)))
                return fail(p.name + "'s answer to question " + std::to_string(q + 1) + " was lost or changed");
            sum += p.answers[q].grade.points;
        }
        if (sum != p.points) return fail(p.name + "'s points are not the sum of their grades");
        std::lock_guard<std::mutex> lock(g_mutex);
        const json told = field(all[phone]->last_state, "final");
        if (field(told, "score") != p.points || field(told, "rank") != ranks[seat])
            return fail(p.name + " was told " + told.dump() + "; the host has score " + std::to_string(p.points) + ", rank " +
                        std::to_string(ranks[seat]));
    }

    std::vector<double> sorted = host->busy_ms;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double f) { return sorted.empty() ? 0.0 : sorted[static_cast<size_t>(f * static_cast<double>(sorted.size() - 1))]; };
    std::printf("class load test: %zu phones joined in %.2f s; %zu questions, %zu answers, none lost; all scores and ranks agree\n",
                phones, joined_s, questions, phones * questions);
    std::printf("host thread (%s): %zu %s, median %.2f ms, 95th percentile %.2f ms, max %.2f ms\n",
                window ? SDL_GetCurrentVideoDriver() : "headless", sorted.size(), window ? "frames drawn" : "pumps with changes",
                at(0.5), at(0.95), at(1.0));
    std::printf("host thread CPU: %.0f ms over %.2f s of play (%.1f %% of one core)\n", cpu_ms, played_s,
                100.0 * cpu_ms / (played_s * 1000.0));
    // The server first: it closes every connection at once, where closing 200 clients
    // one by one waits for each one's reader thread in turn (a minute, measured).
    host.reset();
    for (auto& p : all) mg_close_connection(p->conn);
    mg_exit_library();
    return 0;
}
