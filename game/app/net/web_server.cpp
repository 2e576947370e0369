#include "app/net/web_server.h"

#include "app/net/static_files.h"

#include <civetweb.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <dirent.h>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>

namespace chronicle::net {

namespace {

// Writers share the connections: a phone that stopped reading holds one writer for
// kWritableWaitMs waiting for room in its socket (or, if it stalls mid-message, until
// civetweb's request_timeout_ms) and is then dropped; the other writers keep the rest
// moving meanwhile.
constexpr size_t kWriters = 4;
constexpr int kWritableWaitMs = 500;
// Worker threads for plain HTTP on top of one per WebSocket (civetweb holds a thread
// for each open WebSocket, blocked in its read).
constexpr size_t kHttpThreads = 16;
constexpr off_t kMaxStaticFileBytes = 16 * 1024 * 1024;

constexpr const char kTooBig[] = R"({"type":"error","code":"too_big"})";
constexpr const char kUnknownType[] = R"({"type":"error","code":"unknown_type"})";

// Close codes (RFC 6455 §7.4.1).
constexpr unsigned kCloseNormal = 1000;
constexpr unsigned kCloseProtocolError = 1002;
constexpr unsigned kCloseTooBig = 1009;

bool write_close_frame(mg_connection* conn, unsigned code) {
    const char payload[2] = {static_cast<char>((code >> 8) & 0xff), static_cast<char>(code & 0xff)};
    return mg_websocket_write(conn, MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE, payload, sizeof payload) > 0;
}

bool write_text(mg_connection* conn, const std::string& text) {
    const int written = mg_websocket_write(conn, MG_WEBSOCKET_OPCODE_TEXT, text.data(), text.size());
    return text.empty() ? written > 0 : written > 0 && static_cast<size_t>(written) == text.size();
}

std::string address_text(const sockaddr_storage& address) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        sockaddr_in v4{};
        std::memcpy(&v4, &address, sizeof v4);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    } else if (address.ss_family == AF_INET6) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, &address, sizeof v6);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    }
    return text;
}

int port_of(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) {
        sockaddr_in v4{};
        std::memcpy(&v4, &address, sizeof v4);
        return ntohs(v4.sin_port);
    }
    if (address.ss_family == AF_INET6) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, &address, sizeof v6);
        return ntohs(v6.sin6_port);
    }
    return -1;
}

// civetweb 1.15 can neither close a server-side connection from another thread nor say
// whether a write would block, and its accept loop looks at its stop flag only every 2 s.
// All three need a socket it does not expose; its addresses name it uniquely among this
// process's sockets (the connection's pair, or the one listener on our port).
// `peer` null: the listening socket.
int find_socket(int local_port, const mg_request_info* peer) {
    DIR* dir = opendir("/proc/self/fd");
    if (dir == nullptr) return -1;
    int found = -1;
    while (const dirent* entry = readdir(dir)) {
        char* end = nullptr;
        const long number = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || number < 0 || number > INT_MAX) continue;
        const int fd = static_cast<int>(number);
        struct stat status {};
        if (fstat(fd, &status) != 0 || !S_ISSOCK(status.st_mode)) continue;
        sockaddr_storage local{};
        socklen_t local_size = sizeof local;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) continue;
        if (port_of(local) != local_port) continue;
        if (peer == nullptr) {
            int listening = 0;
            socklen_t size = sizeof listening;
            if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening == 0) continue;
        } else {
            sockaddr_storage remote{};
            socklen_t remote_size = sizeof remote;
            if (getpeername(fd, reinterpret_cast<sockaddr*>(&remote), &remote_size) != 0) continue;
            if (port_of(remote) != peer->remote_port || address_text(remote) != peer->remote_addr) continue;
        }
        found = fd;
        break;
    }
    closedir(dir);
    return found;
}

bool wait_writable(int fd) {
    pollfd entry{fd, POLLOUT, 0};
    const int ready = poll(&entry, 1, kWritableWaitMs);
    return ready == 1 && (entry.revents & (POLLERR | POLLHUP | POLLNVAL)) == 0;
}

// The CSP names the WebSocket's own origin for browsers that do not count ws: as 'self';
// the Host header is the page's own, so it is only trusted as far as its characters go.
std::string security_headers(const char* host) {
    std::string csp = "default-src 'self'; connect-src 'self'";
    if (host != nullptr && *host != '\0' && std::strlen(host) < 256
        && std::all_of(host, host + std::strlen(host), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == ':'
                      || c == '-' || c == '[' || c == ']';
           })) {
        csp += " ws://";
        csp += host;
    }
    csp += "; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
           "form-action 'self'";
    return "Cache-Control: no-cache\r\n"
           "X-Content-Type-Options: nosniff\r\n"
           "X-Frame-Options: DENY\r\n"
           "Referrer-Policy: no-referrer\r\n"
           "Content-Security-Policy: " + csp + "\r\n";
}

int send_status(mg_connection* conn, int status, const char* reason, const char* extra_headers = "") {
    const std::string body = std::to_string(status) + " " + reason + "\n";
    const std::string headers = security_headers(mg_get_header(conn, "Host"));
    mg_printf(conn,
              "HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\n"
              "%s%sConnection: close\r\n\r\n",
              status, reason, body.size(), headers.c_str(), extra_headers);
    const mg_request_info* info = mg_get_request_info(conn);
    if (info == nullptr || info->request_method == nullptr || std::strcmp(info->request_method, "HEAD") != 0) {
        mg_write(conn, body.data(), body.size());
    }
    return status;
}

bool read_whole_file(const std::string& path, std::string& content) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat status {};
    bool ok = fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size <= kMaxStaticFileBytes;
    if (ok) {
        content.resize(static_cast<size_t>(status.st_size));
        size_t done = 0;
        while (ok && done < content.size()) {
            const ssize_t got = read(fd, content.data() + done, content.size() - done);
            if (got > 0) {
                done += static_cast<size_t>(got);
            } else if (got == 0) {
                content.resize(done);
                break;
            } else if (errno != EINTR) {
                ok = false;
            }
        }
    }
    ::close(fd);
    return ok;
}

} // namespace

// One WebSocket. Fields marked (lock) are under Impl::mutex; the rest belong to the
// connection's civetweb thread (the reader).
struct Connection {
    uint64_t id = 0;
    std::string peer;
    mg_connection* mg = nullptr;    // (lock) set when it opens
    int fd = -1;                    // (lock)
    bool opened = false;            // (lock) Open was reported
    bool close_reported = false;    // (lock) Close was reported: nothing more for it
    bool stop_writing = false;      // (lock) its queue is discarded, send() ignored
    bool close_requested = false;   // (lock) close() after the queue
    bool writing = false;           // (lock) a writer holds it outside the lock
    bool scheduled = false;         // (lock) in Impl::ready
    std::deque<std::string> queue;  // (lock)
    size_t queued_bytes = 0;        // (lock)
    // A fragmented message being put together (reader only).
    enum class Fragment { None, Text, Refused } fragment = Fragment::None;
    std::string partial;
};

struct WebServer::Impl {
    ServerOptions options;
    std::string root_real;
    mg_context* context = nullptr;
    int port = 0;
    int listener = -1; // civetweb's listening socket, to wake its accept loop when stopping

    std::mutex mutex;
    std::condition_variable work;     // writers: a connection is ready, or stopping
    std::condition_variable released; // a writer let go of a connection
    bool stopping = false;
    uint64_t next_id = 1;
    std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections;
    std::deque<uint64_t> ready;
    std::vector<Inbound> events;
    std::vector<std::thread> writers;

    void wake() {
        if (options.wake) options.wake();
    }

    // (lock held) Returns whether the caller should wake the game once unlocked.
    bool report_close(Connection& c) {
        if (c.close_reported || !c.opened) return false;
        c.close_reported = true;
        events.push_back({Inbound::Type::Close, c.id, {}, c.peer});
        return !stopping;
    }

    void discard_queue(Connection& c) {
        c.stop_writing = true;
        c.queue.clear();
        c.queued_bytes = 0;
    }

    // (lock held) Ends a connection now: its reader sees the socket shut and closes,
    // and on_close reports it.
    void drop(Connection& c) {
        discard_queue(c);
        if (c.fd >= 0) shutdown(c.fd, SHUT_RDWR);
    }

    void schedule(Connection& c) {
        if (c.scheduled || c.writing) return;
        c.scheduled = true;
        ready.push_back(c.id);
        work.notify_one();
    }

    void run_writer() {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            work.wait(lock, [this] { return stopping || !ready.empty(); });
            if (stopping) return;
            const uint64_t id = ready.front();
            ready.pop_front();
            const auto found = connections.find(id);
            if (found == connections.end()) continue;
            Connection& c = *found->second;
            c.scheduled = false;
            if (c.stop_writing) continue;
            const bool closing = c.queue.empty();
            if (closing && !c.close_requested) continue;
            std::string text;
            if (!closing) {
                text = std::move(c.queue.front());
                c.queue.pop_front();
                c.queued_bytes -= text.size();
            }
            c.writing = true;
            mg_connection* const conn = c.mg;
            const int fd = c.fd;
            lock.unlock();
            // One message a turn, so the connections take turns. Without its socket
            // (not found), civetweb's own write timeout is the bound.
            const bool ok = (fd < 0 || wait_writable(fd))
                            && (closing ? write_close_frame(conn, kCloseNormal) : write_text(conn, text));
            lock.lock();
            c.writing = false;
            released.notify_all();
            if (!ok || closing) {
                drop(c);
            } else if (!c.queue.empty() || c.close_requested) {
                schedule(c);
            }
        }
    }

    // --- civetweb's callbacks, on its threads ---

    int on_connect(const mg_connection* conn) {
        const mg_request_info* info = mg_get_request_info(conn);
        // civetweb also hands us /ws/anything; there is one endpoint.
        if (info == nullptr || info->local_uri == nullptr || std::strcmp(info->local_uri, "/ws") != 0) {
            send_status(const_cast<mg_connection*>(conn), 404, "Not Found");
            return 1;
        }
        // A browser names the page that opens a WebSocket: only our own page may, not
        // another site open on a phone. (Clients that are not browsers send no Origin.)
        const char* origin = mg_get_header(conn, "Origin");
        const char* host = mg_get_header(conn, "Host");
        if (origin != nullptr && (host == nullptr || std::string(origin) != std::string("http://") + host)) {
            send_status(const_cast<mg_connection*>(conn), 403, "Forbidden");
            return 1;
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (!stopping && connections.size() < options.max_connections) {
                auto c = std::make_unique<Connection>();
                c->id = next_id++;
                c->peer = info->remote_addr;
                mg_set_user_connection_data(conn, c.get());
                connections.emplace(c->id, std::move(c));
                return 0;
            }
        }
        // civetweb only writes the 101 when we accept: the refusal's answer is ours.
        send_status(const_cast<mg_connection*>(conn), 503, "Service Unavailable");
        return 1;
    }

    void on_ready(mg_connection* conn) {
        auto* c = static_cast<Connection*>(mg_get_user_connection_data(conn));
        if (c == nullptr) return;
        const mg_request_info* info = mg_get_request_info(conn);
        const int fd = info != nullptr ? find_socket(info->server_port, info) : -1;
        {
            std::lock_guard<std::mutex> lock(mutex);
            c->mg = conn;
            c->fd = fd;
            c->opened = true;
            events.push_back({Inbound::Type::Open, c->id, {}, c->peer});
            if (stopping) return;
        }
        wake();
    }

    // Refuses the rest of the connection: the error, then a close frame with `code`.
    static int refuse(mg_connection* conn, const char* error, unsigned code) {
        if (error != nullptr) mg_websocket_write(conn, MG_WEBSOCKET_OPCODE_TEXT, error, std::strlen(error));
        write_close_frame(conn, code);
        return 0;
    }

    int too_big(mg_connection* conn, Connection& c) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            discard_queue(c);
        }
        c.partial.clear();
        c.partial.shrink_to_fit();
        return refuse(conn, kTooBig, kCloseTooBig);
    }

    int deliver(Connection& c, std::string text) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (c.stop_writing || c.close_requested || c.close_reported) return 1;
            events.push_back({Inbound::Type::Message, c.id, std::move(text), c.peer});
            if (stopping) return 1;
        }
        wake();
        return 1;
    }

    // civetweb hands over whole frames, read into its own memory first (1.15 has no frame
    // size limit of its own): the limit applies to each frame and to a message in pieces.
    int on_data(mg_connection* conn, int bits, char* data, size_t size) {
        auto* c = static_cast<Connection*>(mg_get_user_connection_data(conn));
        if (c == nullptr) return 0;
        const bool final_frame = (static_cast<unsigned>(bits) & 0x80U) != 0;
        switch (static_cast<unsigned>(bits) & 0x0fU) {
        case MG_WEBSOCKET_OPCODE_TEXT:
            if (c->fragment != Connection::Fragment::None) return refuse(conn, nullptr, kCloseProtocolError);
            if (size > options.max_message_bytes) return too_big(conn, *c);
            if (final_frame) return deliver(*c, std::string(data, size));
            c->fragment = Connection::Fragment::Text;
            c->partial.assign(data, size);
            return 1;
        case MG_WEBSOCKET_OPCODE_CONTINUATION:
            if (c->fragment == Connection::Fragment::None) return refuse(conn, nullptr, kCloseProtocolError);
            if (c->fragment == Connection::Fragment::Refused) {
                if (final_frame) c->fragment = Connection::Fragment::None;
                return 1;
            }
            if (c->partial.size() + size > options.max_message_bytes) return too_big(conn, *c);
            c->partial.append(data, size);
            if (!final_frame) return 1;
            c->fragment = Connection::Fragment::None;
            return deliver(*c, std::move(c->partial));
        case MG_WEBSOCKET_OPCODE_BINARY:
            if (c->fragment != Connection::Fragment::None) return refuse(conn, nullptr, kCloseProtocolError);
            if (!final_frame) c->fragment = Connection::Fragment::Refused;
            mg_websocket_write(conn, MG_WEBSOCKET_OPCODE_TEXT, kUnknownType, std::strlen(kUnknownType));
            return 1;
        case MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE: {
            // Answered with its own code (RFC 6455 §5.5.1), so the browser sees a clean close.
            unsigned code = kCloseNormal;
            if (size >= 2) {
                code = static_cast<unsigned>(static_cast<unsigned char>(data[0])) << 8U
                       | static_cast<unsigned char>(data[1]);
            }
            write_close_frame(conn, code);
            return 0;
        }
        default: // ping and pong: civetweb answers pings itself
            return 1;
        }
    }

    void on_close(const mg_connection* conn) {
        auto* c = static_cast<Connection*>(mg_get_user_connection_data(conn));
        if (c == nullptr) return;
        bool wake_game = false;
        {
            std::unique_lock<std::mutex> lock(mutex);
            wake_game = report_close(*c);
            discard_queue(*c);
            released.wait(lock, [c] { return !c->writing; });
            mg_set_user_connection_data(conn, nullptr);
            connections.erase(c->id); // the id stays in `ready` at most; writers skip it
        }
        if (wake_game) wake();
    }

    // Every connection's end, HTTP ones too: frees a WebSocket whose handshake failed
    // after on_connect accepted it (on_close is not called for those).
    void on_connection_end(const mg_connection* conn) {
        auto* c = static_cast<Connection*>(mg_get_user_connection_data(conn));
        if (c == nullptr) return;
        std::lock_guard<std::mutex> lock(mutex);
        connections.erase(c->id);
    }

    int on_request(mg_connection* conn) {
        const mg_request_info* info = mg_get_request_info(conn);
        if (info == nullptr || info->request_method == nullptr || info->local_uri_raw == nullptr) {
            return send_status(conn, 400, "Bad Request");
        }
        const bool head = std::strcmp(info->request_method, "HEAD") == 0;
        if (!head && std::strcmp(info->request_method, "GET") != 0) {
            return send_status(conn, 405, "Method Not Allowed", "Allow: GET, HEAD\r\n");
        }
        const std::optional<std::string> file = resolve_static(root_real, info->local_uri_raw);
        std::string content;
        if (!file || !read_whole_file(*file, content)) return send_status(conn, 404, "Not Found");
        const std::string headers = security_headers(mg_get_header(conn, "Host"));
        const std::string type(content_type_for(*file));
        mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%sConnection: close\r\n\r\n",
                  type.c_str(), content.size(), headers.c_str());
        if (!head) mg_write(conn, content.data(), content.size());
        return 200;
    }

    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stopping = true;
            // Readers wake now instead of at civetweb's next poll of its stop flag.
            for (const auto& [id, c] : connections) {
                if (c->fd >= 0) shutdown(c->fd, SHUT_RDWR);
            }
        }
        work.notify_all();
        for (std::thread& writer : writers) writer.join();
        writers.clear();
        if (context == nullptr) return;
        // The accept loop wakes now (accept fails until mg_stop's flag, set right after).
        if (listener >= 0) shutdown(listener, SHUT_RD);
        mg_stop(context);
        context = nullptr;
    }
};

namespace {

WebServer::Impl& impl_of(const mg_connection* conn) {
    return *static_cast<WebServer::Impl*>(mg_get_user_data(mg_get_context(conn)));
}

int connect_handler(const mg_connection* conn, void* data) {
    return static_cast<WebServer::Impl*>(data)->on_connect(conn);
}
void ready_handler(mg_connection* conn, void* data) {
    static_cast<WebServer::Impl*>(data)->on_ready(conn);
}
int data_handler(mg_connection* conn, int bits, char* data, size_t size, void* impl) {
    return static_cast<WebServer::Impl*>(impl)->on_data(conn, bits, data, size);
}
void close_handler(const mg_connection* conn, void* data) {
    static_cast<WebServer::Impl*>(data)->on_close(conn);
}
int request_handler(mg_connection* conn, void* data) {
    return static_cast<WebServer::Impl*>(data)->on_request(conn);
}
void connection_close(const mg_connection* conn) {
    impl_of(conn).on_connection_end(conn);
}
int log_message(const mg_connection*, const char*) {
    return 1; // civetweb's own complaints (a peer gone mid-write) are not the player's business
}

} // namespace

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WebServer::~WebServer() {
    impl_->stop();
    mg_exit_library();
}

std::unique_ptr<WebServer> WebServer::start(const ServerOptions& options, std::string& error) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    char root[PATH_MAX];
    if (options.web_root.empty() || realpath(options.web_root.c_str(), root) == nullptr) {
        error = "the web folder " + options.web_root + " cannot be opened: " + std::strerror(errno);
        return nullptr;
    }
    impl->root_real = root;
    if (options.port < 0 || options.port > 65535 || options.max_connections == 0) {
        error = "invalid port or connection limit";
        return nullptr;
    }

    const std::string listening = options.bind_address + ":" + std::to_string(options.port);
    const std::string threads = std::to_string(options.max_connections + kHttpThreads);
    const char* config[] = {
        "listening_ports", listening.c_str(),
        "num_threads", threads.c_str(),
        "enable_directory_listing", "no",
        "enable_keep_alive", "no",
        // A silent phone gets a ping every 10 s and is closed after 6 unanswered.
        "websocket_timeout_ms", "10000",
        "enable_websocket_ping_pong", "yes",
        // Slow requests (and writes that make no progress) give up after 10 s.
        "request_timeout_ms", "10000",
        nullptr,
    };
    mg_callbacks callbacks{};
    callbacks.connection_close = connection_close;
    callbacks.log_message = log_message;

    mg_init_library(0);
    mg_init_data init{};
    init.callbacks = &callbacks;
    init.user_data = impl.get();
    init.configuration_options = config;
    char error_text[256] = {};
    unsigned error_code = 0;
    mg_error_data error_data{};
    error_data.code = &error_code;
    error_data.text = error_text;
    error_data.text_buffer_size = sizeof error_text;
    impl->context = mg_start2(&init, &error_data);
    if (impl->context == nullptr) {
        error = "cannot listen on " + listening + ": " + (error_text[0] != '\0' ? error_text : "unknown error");
        mg_exit_library();
        return nullptr;
    }
    mg_server_port ports[4] = {};
    if (mg_get_server_ports(impl->context, 4, ports) < 1) {
        error = "cannot listen on " + listening + ": no port";
        impl->stop();
        mg_exit_library();
        return nullptr;
    }
    impl->port = ports[0].port;
    impl->listener = find_socket(impl->port, nullptr);

    Impl* raw = impl.get();
    mg_set_request_handler(impl->context, "**", request_handler, raw);
    mg_set_websocket_handler(impl->context, "/ws", connect_handler, ready_handler, data_handler,
                             close_handler, raw);
    for (size_t i = 0; i < kWriters; ++i) impl->writers.emplace_back([raw] { raw->run_writer(); });
    return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

int WebServer::port() const {
    return impl_->port;
}

std::vector<Inbound> WebServer::take() {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    std::vector<Inbound> taken;
    taken.swap(impl_->events);
    return taken;
}

void WebServer::send(uint64_t conn, std::string text) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    const auto found = impl_->connections.find(conn);
    if (found == impl_->connections.end()) return;
    Connection& c = *found->second;
    if (!c.opened || c.stop_writing || c.close_requested) return;
    c.queued_bytes += text.size();
    c.queue.push_back(std::move(text));
    if (c.queue.size() > impl_->options.max_queued_messages || c.queued_bytes > impl_->options.max_queued_bytes) {
        impl_->drop(c); // it stopped reading; its Close follows from its reader
    } else {
        impl_->schedule(c);
    }
}

void WebServer::close(uint64_t conn) {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    const auto found = impl_->connections.find(conn);
    if (found == impl_->connections.end()) return;
    Connection& c = *found->second;
    if (!c.opened || c.stop_writing || c.close_requested) return;
    c.close_requested = true;
    impl_->schedule(c);
}

} // namespace chronicle::net
