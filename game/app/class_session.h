// A hosted class game: the web server (app/net) and the game's messages (core's
// ClassHost), joined on the caller's thread. The server's threads only carry text;
// every decision is made here, in pump(), on the thread that draws (the window) or
// waits (the headless host). The same class serves both.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/classroom/class_host.h"

namespace chronicle {

namespace net {
class WebServer;
}

struct ClassSessionOptions {
    std::string bind_address = "0.0.0.0"; // one interface by choice, or all
    int port = kDefaultClassPort;          // 0: any free port
    std::string web_root;                  // empty: the bundled web/ folder
};

// A refused message, with the phone's address, for the host's log.
struct LoggedRefusal {
    std::string peer;
    uint64_t conn = 0;
    ClassError error = ClassError::BadJson;
};

class ClassSession {
public:
    // Starts listening; null and `error` (e.g. the port is taken) when it cannot.
    // `wake` is called from a server thread when something arrived: the caller's
    // loop then calls pump(). The PIN and host token come from the OS's randomness.
    static std::unique_ptr<ClassSession> start(ClassGame game, const ClassSessionOptions& options,
                                               std::function<void()> wake, std::string& error);
    ~ClassSession();
    ClassSession(const ClassSession&) = delete;
    ClassSession& operator=(const ClassSession&) = delete;

    const ClassHost& host() const { return host_; }
    const ClassGame& game() const { return host_.game(); }
    const std::string& pin() const { return host_.pin(); }
    const std::string& host_token() const { return token_; }
    int port() const;
    // Where phones go: http://<the first LAN address, or the bound one>:<port>/
    std::string join_url() const;
    // The join URL with the PIN in it, for the QR code.
    std::string join_url_with_pin() const;

    // Takes what phones sent, runs the clock, sends each phone what changed. True
    // if the game changed (the host's screen is to be drawn again).
    bool pump(uint64_t now_ms);
    // The teacher's action, then pump(). False when it does not apply now.
    bool act(HostAction action, uint64_t now_ms, size_t seat = 0, const std::string& name = {});
    // When the clock next needs a pump(), in ms; nullopt: only when a phone speaks.
    std::optional<int64_t> ms_until_due(uint64_t now_ms) const { return host_.ms_until_due(now_ms); }
    // Refusals since the last call.
    std::vector<LoggedRefusal> take_log();

private:
    ClassSession(ClassHost host, std::string token, std::string address);
    void flush(uint64_t now_ms);

    ClassHost host_;
    std::string token_;
    std::string address_; // the address phones reach this machine at
    std::unique_ptr<net::WebServer> server_;
    std::map<uint64_t, std::string> peers_; // connection → remote address
    std::vector<LoggedRefusal> log_;
};

// `chronicle host --no-window`: serves `game` until the teacher ends it (commands on
// standard input, or a `host` message with the token) and SIGINT or SIGTERM; prints
// the join URL, the PIN and the token, and the standings at the end. Returns the
// exit code. `on_finished` receives the finished game (to save and export it).
int run_headless_host(ClassGame game, const ClassSessionOptions& options,
                      const std::function<void(const ClassGame&)>& on_finished);

} // namespace chronicle
