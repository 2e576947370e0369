// The class game's transport: the phone page over HTTP and one WebSocket endpoint, /ws.
// It only carries text between sockets and the game (docs/class-protocol.md); what the
// text means is core's business. The game's thread never touches a socket: it takes
// what arrived with take() and hands replies to send(), which queues them for a writer
// thread, so a slow or dead phone can never stall the window or the other phones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace chronicle::net {

struct ServerOptions {
    std::string bind_address = "0.0.0.0"; // one interface by choice; tests use 127.0.0.1
    int port = 0;                          // 0: any free port (read it back with port())
    std::string web_root;                  // static files, served only from here
    size_t max_message_bytes = 4096;       // a bigger message: error "too_big" text then close (1009)
    size_t max_connections = 250;          // 200 players + reloads; the upgrade past it gets 503
    // A connection whose unwritten messages pass either cap is dropped (it stopped reading).
    size_t max_queued_messages = 64;
    size_t max_queued_bytes = 256 * 1024;
    std::function<void()> wake;            // called (from a server thread) when take() has something
};

// One event from the network, in the order it happened. A Close comes once per Open,
// whoever closed; after it, send() and close() for that connection do nothing.
struct Inbound {
    enum class Type { Open, Message, Close } type;
    uint64_t conn = 0;  // never reused within a server's life
    std::string text;   // Message: one whole text message
    std::string peer;   // the remote IP
};

class WebServer {
public:
    // Null and a sentence in `error` if it cannot listen (e.g. the port is in use).
    static std::unique_ptr<WebServer> start(const ServerOptions& options, std::string& error);
    ~WebServer(); // stops: closes every connection, joins threads
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    int port() const;
    std::vector<Inbound> take();  // everything that arrived, in order; never blocks

    // Never blocks: queued, written in order by a writer thread. The game sends whole
    // snapshots, so the latest message for a connection is the one that matters; a
    // connection that falls behind the queue caps is dropped rather than skipped ahead,
    // so that what a phone gets is always in the order it was sent.
    void send(uint64_t conn, std::string text);
    void close(uint64_t conn);    // after what was queued for it is written

    struct Impl;

private:
    explicit WebServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The machine's IPv4 addresses on up, non-loopback interfaces (getifaddrs), private LAN
// ranges first; for the join URL.
std::vector<std::string> lan_addresses();

} // namespace chronicle::net
