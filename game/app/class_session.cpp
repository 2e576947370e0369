#include "app/class_session.h"

#include <csignal>
#include <fcntl.h>
#include <cstdio>
#include <iostream>
#include <poll.h>
#include <random>
#include <sstream>
#include <unistd.h>

#include "app/clock.h"
#include "app/net/web_server.h"
#include "core/base/paths.h"
#include "core/base/text.h"

namespace chronicle {

namespace {

std::string random_pin(std::random_device& rd) {
    char pin[8];
    std::snprintf(pin, sizeof pin, "%06u", static_cast<unsigned>(rd() % 1000000u));
    return pin;
}

std::string random_token(std::random_device& rd) {
    std::string token;
    for (int i = 0; i < 4; ++i) {
        char part[9];
        std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(rd()));
        token += part;
    }
    return token;
}

} // namespace

ClassSession::ClassSession(ClassHost host, std::string token, std::string address)
    : host_(std::move(host)), token_(std::move(token)), address_(std::move(address)) {}

ClassSession::~ClassSession() = default;

std::unique_ptr<ClassSession> ClassSession::start(ClassGame game, const ClassSessionOptions& options,
                                                  std::function<void()> wake, std::string& error) {
    std::random_device rd;
    std::string token = random_token(rd);
    std::string address = options.bind_address;
    if (address == "0.0.0.0") {
        const std::vector<std::string> lan = net::lan_addresses();
        address = lan.empty() ? "127.0.0.1" : lan.front();
    }
    std::unique_ptr<ClassSession> session(
        new ClassSession(ClassHost(std::move(game), random_pin(rd), token), std::move(token), std::move(address)));
    net::ServerOptions server;
    server.bind_address = options.bind_address;
    server.port = options.port;
    server.web_root = options.web_root.empty() ? resource_folder("web", "index.html", CHRONICLE_SOURCE_WEB) : options.web_root;
    server.wake = std::move(wake);
    session->server_ = net::WebServer::start(server, error);
    if (!session->server_) return nullptr;
    return session;
}

int ClassSession::port() const { return server_->port(); }

std::string ClassSession::join_url() const { return "http://" + address_ + ":" + std::to_string(port()) + "/"; }

std::string ClassSession::join_url_with_pin() const { return join_url() + "?pin=" + pin(); }

bool ClassSession::pump(uint64_t now_ms) {
    bool changed = false;
    for (net::Inbound& in : server_->take()) {
        switch (in.type) {
        case net::Inbound::Type::Open:
            peers_[in.conn] = in.peer;
            host_.opened(in.conn, now_ms);
            break;
        case net::Inbound::Type::Message:
            host_.received(in.conn, in.text, now_ms);
            changed = true;
            break;
        case net::Inbound::Type::Close:
            host_.closed(in.conn);
            peers_.erase(in.conn);
            changed = true;
            break;
        }
    }
    changed |= host_.tick(now_ms);
    flush(now_ms);
    return changed;
}

bool ClassSession::act(HostAction action, uint64_t now_ms, size_t seat, const std::string& name) {
    const bool done = host_.act(action, now_ms, seat, name);
    pump(now_ms);
    return done;
}

void ClassSession::flush(uint64_t now_ms) {
    for (Outgoing& out : host_.take_outbox(now_ms)) {
        if (!out.text.empty()) server_->send(out.conn, std::move(out.text));
        if (out.close_after) server_->close(out.conn);
    }
    for (const Refusal& r : host_.take_refusals()) {
        const auto peer = peers_.find(r.conn);
        log_.push_back({peer == peers_.end() ? std::string() : peer->second, r.conn, r.error});
    }
}

std::vector<LoggedRefusal> ClassSession::take_log() {
    std::vector<LoggedRefusal> out;
    out.swap(log_);
    return out;
}

// ---------------------------------------------------------------------------
// The headless host
// ---------------------------------------------------------------------------

namespace {

// The server's threads and the signal handler wake the loop through this pipe:
// poll() then sleeps on standard input, the pipe and the game's clock at once.
int g_wake_pipe[2] = {-1, -1};
volatile std::sig_atomic_t g_stop = 0;

// The pipe does not block: when it is full the loop is awake already, and a server
// thread (or the signal handler) must never wait on it.
void wake_loop() {
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_wake_pipe[1], &byte, 1);
}

extern "C" void on_stop_signal(int) {
    g_stop = 1;
    wake_loop();
}

const char* phase_word(ClassPhase p) {
    switch (p) {
    case ClassPhase::Lobby: return "lobby";
    case ClassPhase::Question: return "question";
    case ClassPhase::Reveal: return "reveal";
    case ClassPhase::Leaderboard: return "leaderboard";
    case ClassPhase::Running: return "running";
    case ClassPhase::Finished: return "finished";
    }
    return "";
}

void print_standings(const ClassGame& game) {
    for (const Standing& s : game.standings())
        std::cout << s.rank << ". " << printable(game.players()[s.entrant].name) << "  " << s.points << "\n";
}

// A line typed by the teacher: "start", "remove 3", "rename 3 New name", …
void run_command(ClassSession& session, const std::string& line, bool& quit) {
    std::istringstream words(line);
    std::string verb;
    words >> verb;
    if (verb.empty()) return;
    if (verb == "quit") {
        quit = true;
        return;
    }
    if (verb == "players") {
        print_standings(session.game());
        return;
    }
    const std::optional<HostAction> action = host_action_from_name(verb);
    if (!action) {
        std::cout << "unknown command \"" << printable(verb)
                  << "\"; commands: start, next, reveal, pause, resume, skip, end, remove SEAT, rename SEAT NAME, players, quit\n";
        return;
    }
    size_t seat = 0;
    std::string name;
    if (*action == HostAction::Remove || *action == HostAction::Rename) {
        if (!(words >> seat)) {
            std::cout << verb << " needs a seat number ('players' lists them)\n";
            return;
        }
        std::getline(words >> std::ws, name);
    }
    if (!session.act(*action, steady_ms(), seat, name)) std::cout << verb << ": not now (" << phase_word(session.game().phase()) << ")\n";
}

} // namespace

int run_headless_host(ClassGame game, const ClassSessionOptions& options,
                      const std::function<void(const ClassGame&)>& on_finished) {
    // With standard input closed, the pipe would take its number and read as the teacher's typing.
    if (::fcntl(STDIN_FILENO, F_GETFD) == -1) ::open("/dev/null", O_RDONLY);
    if (::pipe2(g_wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
        std::perror("chronicle host: pipe");
        return 1;
    }
    std::string error;
    std::unique_ptr<ClassSession> session = ClassSession::start(std::move(game), options, wake_loop, error);
    if (!session) {
        std::cerr << "chronicle host: " << error << "\n";
        return 1;
    }
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGPIPE, SIG_IGN);
    const ClassGame& g = session->game();
    std::cout << "Chronicle class game: " << printable(g.quiz().pack_id) << ", " << g.quiz().questions.size() << " questions, "
              << (g.settings().mode == ClassMode::Live ? "live" : "self-paced") << "\n"
              << "Join at: " << session->join_url() << "\n"
              << "PIN: " << session->pin() << "\n"
              << "Host token: " << session->host_token() << "  (keep it here: it runs the game)\n"
              << "Commands: start, next, reveal, pause, resume, skip, end, remove SEAT, rename SEAT NAME, players, quit\n"
              << std::flush;

    bool quit = false, reported = false, stdin_open = true;
    size_t players_seen = 0;
    ClassPhase phase_seen = g.phase();
    std::string typed;
    while (!quit) {
        const std::optional<int64_t> due = session->ms_until_due(steady_ms());
        pollfd fds[2] = {{g_wake_pipe[0], POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        ::poll(fds, stdin_open ? 2 : 1, due ? static_cast<int>(std::min<int64_t>(*due + 1, 60'000)) : -1);
        char drain[256];
        while (::read(g_wake_pipe[0], drain, sizeof drain) > 0) {
        }
        if (stdin_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL))) {
            char buffer[512];
            const ssize_t n = (fds[1].revents & POLLNVAL) ? 0 : ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n > 0) typed.append(buffer, static_cast<size_t>(n));
            if (n <= 0) {
                stdin_open = false;
                typed += '\n'; // the last command, even without its line end
            }
            for (size_t eol; (eol = typed.find('\n')) != std::string::npos;) {
                run_command(*session, typed.substr(0, eol), quit);
                typed.erase(0, eol + 1);
            }
        }
        if (g_stop || quit) session->act(HostAction::End, steady_ms());
        session->pump(steady_ms());
        for (const LoggedRefusal& r : session->take_log())
            std::cerr << "chronicle host: refused a message from " << r.peer << " (connection " << r.conn << "): " << error_code(r.error) << "\n";
        for (; players_seen < g.players().size(); ++players_seen)
            std::cout << "joined: " << printable(g.players()[players_seen].name) << " (seat " << players_seen << ")\n";
        if (g.phase() != phase_seen) {
            phase_seen = g.phase();
            std::cout << phase_word(phase_seen);
            if (phase_seen == ClassPhase::Question) std::cout << " " << g.index() + 1 << " of " << g.quiz().questions.size();
            if (phase_seen == ClassPhase::Reveal) std::cout << ": " << g.answered_count() << " of " << g.expected_count() << " answered";
            std::cout << "\n";
        }
        if (g.phase() == ClassPhase::Finished && !reported) {
            reported = true;
            print_standings(g);
            on_finished(g);
        }
        std::cout << std::flush;
        if (g_stop) break;
    }
    // The server's threads and the handlers wake through the pipe: both go before it does.
    session.reset();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    ::close(g_wake_pipe[0]);
    ::close(g_wake_pipe[1]);
    return 0;
}

} // namespace chronicle
