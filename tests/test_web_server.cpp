// The class game's web server over 127.0.0.1: civetweb's own WebSocket client for
// well-behaved phones, raw sockets for everything a browser would not send (traversal,
// fragments, a phone that never reads). Every wait is a wait on a condition with a
// generous deadline; the deadlines only stop a broken build from hanging.
#include "app/net/web_server.h"

#include <catch2/catch.hpp>
#include <civetweb.h>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <strings.h>
#include <thread>
#include <mutex>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using chronicle::net::Inbound;
using chronicle::net::ServerOptions;
using chronicle::net::WebServer;
using namespace std::chrono_literals;

namespace {

constexpr auto kDeadline = 20s;

// A web root with a page, and beside it a file that must never be served.
struct WebRoot {
    std::string base;
    std::string root;
    WebRoot() {
        char pattern[] = "/tmp/chronicle-net-XXXXXX";
        const char* made = mkdtemp(pattern);
        REQUIRE(made != nullptr);
        base = made;
        root = base + "/web";
        mkdir(root.c_str(), 0700);
        mkdir((root + "/sub").c_str(), 0700);
        write(root + "/index.html", "<!doctype html><title>Chronicle</title>");
        write(root + "/app.js", "console.log(1);");
        write(root + "/style.css", "body{}");
        write(root + "/sub/page.html", "<p>sub</p>");
        write(base + "/secret.html", "SECRET");
        REQUIRE(symlink((base + "/secret.html").c_str(), (root + "/leak.html").c_str()) == 0);
        REQUIRE(symlink("app.js", (root + "/alias.js").c_str()) == 0);
    }
    ~WebRoot() {
        const std::string command = "rm -rf '" + base + "'";
        CHECK(std::system(command.c_str()) == 0);
    }
    static void write(const std::string& path, const std::string& text) {
        std::ofstream(path) << text;
    }
};

// The game's side: what take() gave, and a wake that a test can wait on.
struct Game {
    std::mutex mutex;
    std::condition_variable cv;
    bool woken = false;
    int wakes = 0;
    std::vector<Inbound> seen;
    std::unique_ptr<WebServer> server;

    explicit Game(const std::string& root, ServerOptions options = {}) {
        options.bind_address = "127.0.0.1";
        options.web_root = root;
        options.wake = [this] {
            std::lock_guard<std::mutex> lock(mutex);
            woken = true;
            ++wakes;
            cv.notify_all();
        };
        std::string error;
        server = WebServer::start(options, error);
        INFO(error);
        REQUIRE(server != nullptr);
    }

    // Takes events until `done(seen)` holds; false when the deadline passes first.
    template <typename Done> bool wait(Done done) {
        const auto deadline = std::chrono::steady_clock::now() + kDeadline;
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            woken = false;
            lock.unlock();
            std::vector<Inbound> taken = server->take();
            lock.lock();
            seen.insert(seen.end(), std::make_move_iterator(taken.begin()), std::make_move_iterator(taken.end()));
            if (done(seen)) return true;
            if (!cv.wait_until(lock, deadline, [this] { return woken; })) {
                lock.unlock();
                taken = server->take();
                lock.lock();
                seen.insert(seen.end(), taken.begin(), taken.end());
                return done(seen);
            }
        }
    }

    size_t count(Inbound::Type type) {
        return static_cast<size_t>(
            std::count_if(seen.begin(), seen.end(), [type](const Inbound& e) { return e.type == type; }));
    }

    bool wait_count(Inbound::Type type, size_t n) {
        return wait([&](const std::vector<Inbound>&) { return count(type) >= n; });
    }

    // The id of the n-th connection opened (0-based).
    uint64_t opened(size_t n) {
        size_t i = 0;
        for (const Inbound& e : seen) {
            if (e.type == Inbound::Type::Open && i++ == n) return e.conn;
        }
        FAIL("no connection " << n);
        return 0;
    }

    bool closed(uint64_t conn) {
        return wait([conn](const std::vector<Inbound>& events) {
            return std::any_of(events.begin(), events.end(), [conn](const Inbound& e) {
                return e.type == Inbound::Type::Close && e.conn == conn;
            });
        });
    }
};

// A phone, as civetweb's WebSocket client.
struct Client {
    mg_connection* conn = nullptr;
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::string> texts;
    int close_code = 0; // from the server's close frame
    bool closed = false;

    explicit Client(int port) {
        char error[256] = {};
        conn = mg_connect_websocket_client("127.0.0.1", port, 0, error, sizeof error, "/ws", nullptr,
                                           on_data, on_close, this);
    }
    ~Client() {
        if (conn == nullptr) return;
        // Ask the server to close, so the client's reader ends now rather than at its next poll.
        bool done;
        {
            std::lock_guard<std::mutex> lock(mutex);
            done = closed;
        }
        if (!done) {
            mg_websocket_client_write(conn, MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE, "\x03\xe8", 2);
            wait_closed();
        }
        mg_close_connection(conn);
    }

    static int on_data(mg_connection*, int bits, char* data, size_t size, void* self) {
        auto* client = static_cast<Client*>(self);
        std::lock_guard<std::mutex> lock(client->mutex);
        const unsigned opcode = static_cast<unsigned>(bits) & 0x0fU;
        if (opcode == MG_WEBSOCKET_OPCODE_TEXT) {
            client->texts.emplace_back(data, size);
        } else if (opcode == MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE && size >= 2) {
            client->close_code = (static_cast<unsigned char>(data[0]) << 8) | static_cast<unsigned char>(data[1]);
        }
        client->cv.notify_all();
        return 1;
    }
    static void on_close(const mg_connection*, void* self) {
        auto* client = static_cast<Client*>(self);
        std::lock_guard<std::mutex> lock(client->mutex);
        client->closed = true;
        client->cv.notify_all();
    }

    void send(const std::string& text, int opcode = MG_WEBSOCKET_OPCODE_TEXT) {
        REQUIRE(mg_websocket_client_write(conn, opcode, text.data(), text.size()) > 0);
    }
    bool wait_texts(size_t n) {
        std::unique_lock<std::mutex> lock(mutex);
        return cv.wait_for(lock, kDeadline, [&] { return texts.size() >= n; });
    }
    bool wait_closed() {
        std::unique_lock<std::mutex> lock(mutex);
        return cv.wait_for(lock, kDeadline, [&] { return closed; });
    }
    std::vector<std::string> received() {
        std::lock_guard<std::mutex> lock(mutex);
        return texts;
    }
};

std::string upgrade_request(const std::string& path, const std::string& more_headers = "") {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + more_headers + "\r\n";
}

// A TCP connection to the server with nothing done for us.
struct RawSocket {
    int fd = -1;
    explicit RawSocket(int port, int receive_buffer = 0) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        if (receive_buffer > 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
        timeval timeout{10, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~RawSocket() {
        if (fd >= 0) ::close(fd);
    }
    void write_all(const std::string& bytes) {
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
            REQUIRE(n > 0);
            done += static_cast<size_t>(n);
        }
    }
    // Everything until the server closes (or the receive timeout).
    std::string read_all() {
        std::string got;
        char buffer[4096];
        ssize_t n;
        while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) got.append(buffer, static_cast<size_t>(n));
        return got;
    }
    bool read_exact(std::string& out, size_t size) {
        out.resize(size);
        size_t done = 0;
        while (done < size) {
            const ssize_t n = recv(fd, out.data() + done, size - done, 0);
            if (n <= 0) return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }
    void upgrade() {
        write_all(upgrade_request("/ws"));
        std::string head;
        char c;
        while (head.size() < 4 || head.compare(head.size() - 4, 4, "\r\n\r\n") != 0) {
            REQUIRE(recv(fd, &c, 1, 0) == 1);
            head += c;
        }
        REQUIRE(head.rfind("HTTP/1.1 101", 0) == 0);
    }
    // A client frame (masked), as RFC 6455 §5.2 lays it out.
    void frame(unsigned opcode, bool final_frame, const std::string& payload) {
        std::string bytes;
        bytes += static_cast<char>((final_frame ? 0x80U : 0U) | opcode);
        const unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
        if (payload.size() < 126) {
            bytes += static_cast<char>(0x80U | payload.size());
        } else {
            REQUIRE(payload.size() <= 0xffff);
            bytes += static_cast<char>(0x80U | 126U);
            bytes += static_cast<char>((payload.size() >> 8) & 0xffU);
            bytes += static_cast<char>(payload.size() & 0xffU);
        }
        bytes.append(reinterpret_cast<const char*>(mask), 4);
        for (size_t i = 0; i < payload.size(); ++i) {
            bytes += static_cast<char>(static_cast<unsigned char>(payload[i]) ^ mask[i % 4]);
        }
        write_all(bytes);
    }
    // The next server frame: its opcode and payload; false when the connection ended.
    bool next_frame(unsigned& opcode, std::string& payload) {
        std::string head;
        if (!read_exact(head, 2)) return false;
        opcode = static_cast<unsigned char>(head[0]) & 0x0fU;
        uint64_t size = static_cast<unsigned char>(head[1]) & 0x7fU;
        std::string extended;
        if (size == 126) {
            if (!read_exact(extended, 2)) return false;
            size = (uint64_t{static_cast<unsigned char>(extended[0])} << 8) | static_cast<unsigned char>(extended[1]);
        } else if (size == 127) {
            if (!read_exact(extended, 8)) return false;
            size = 0;
            for (char byte : extended) size = (size << 8) | static_cast<unsigned char>(byte);
        }
        return read_exact(payload, static_cast<size_t>(size));
    }
};

struct Response {
    int status = 0;
    std::string head;
    std::string body;
    std::string header(const std::string& name) const {
        const std::string key = "\r\n" + name + ": ";
        const size_t at = head.find(key);
        if (at == std::string::npos) return {};
        const size_t start = at + key.size();
        return head.substr(start, head.find("\r\n", start) - start);
    }
};

// One request as written, byte for byte (no client cleans the path up first).
Response http(int port, const std::string& method, const std::string& path) {
    RawSocket socket(port);
    socket.write_all(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    const std::string all = socket.read_all();
    Response response;
    const size_t end = all.find("\r\n\r\n");
    if (end == std::string::npos || all.size() < 12) return response;
    response.head = all.substr(0, end);
    response.body = all.substr(end + 4);
    response.status = std::atoi(all.substr(9, 3).c_str());
    return response;
}

const std::string kTooBig = R"({"type":"error","code":"too_big"})";
const std::string kUnknownType = R"({"type":"error","code":"unknown_type"})";

} // namespace

TEST_CASE("Open then messages then close reach the game in order with the connection's id", "[net]") {
    WebRoot web;
    Game game(web.root);
    {
        Client phone(game.server->port());
        REQUIRE(phone.conn != nullptr);
        phone.send(R"({"type":"join"})");
        phone.send(R"({"type":"answer"})");
        REQUIRE(game.wait_count(Inbound::Type::Message, 2));
        phone.send("\x03\xe9", MG_WEBSOCKET_OPCODE_CONNECTION_CLOSE); // 1001: going away
        REQUIRE(phone.wait_closed());
        CHECK(phone.close_code == 1001); // answered with its own code
    }
    REQUIRE(game.wait_count(Inbound::Type::Close, 1));
    REQUIRE(game.seen.size() == 4);
    const uint64_t id = game.seen[0].conn;
    CHECK(id != 0);
    CHECK(game.seen[0].type == Inbound::Type::Open);
    CHECK(game.seen[1].type == Inbound::Type::Message);
    CHECK(game.seen[1].text == R"({"type":"join"})");
    CHECK(game.seen[2].text == R"({"type":"answer"})");
    CHECK(game.seen[3].type == Inbound::Type::Close);
    for (const Inbound& e : game.seen) {
        CHECK(e.conn == id);
        CHECK(e.peer == "127.0.0.1");
    }
    CHECK(game.wakes >= 1);

    // A new connection has a new id, never the old one.
    Client again(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 2));
    CHECK(game.opened(1) != id);
}

TEST_CASE("send() reaches the connection it names and no other", "[net]") {
    WebRoot web;
    Game game(web.root);
    Client first(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 1));
    Client second(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 2));

    game.server->send(game.opened(1), "to second 1");
    game.server->send(game.opened(0), "to first");
    game.server->send(game.opened(1), "to second 2");
    game.server->send(987654, "to nobody"); // an unknown id is ignored
    REQUIRE(second.wait_texts(2));
    REQUIRE(first.wait_texts(1));
    CHECK(first.received() == std::vector<std::string>{"to first"});
    CHECK(second.received() == std::vector<std::string>{"to second 1", "to second 2"});
}

TEST_CASE("close() ends a connection after what was queued for it", "[net]") {
    WebRoot web;
    Game game(web.root);
    Client phone(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 1));
    const uint64_t id = game.opened(0);
    game.server->send(id, "one");
    game.server->send(id, "two");
    game.server->close(id);
    game.server->send(id, "after close"); // ignored

    REQUIRE(phone.wait_closed());
    CHECK(phone.received() == std::vector<std::string>{"one", "two"});
    CHECK(phone.close_code == 1000);
    REQUIRE(game.closed(id));
    CHECK(game.count(Inbound::Type::Close) == 1);
}

TEST_CASE("A frame over the limit gets too_big and a close (1009) and the server carries on", "[net]") {
    WebRoot web;
    Game game(web.root);
    Client bystander(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 1));
    Client hostile(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 2));
    const uint64_t hostile_id = game.opened(1);

    hostile.send(std::string(1024 * 1024, 'x'));
    REQUIRE(hostile.wait_closed());
    CHECK(hostile.received() == std::vector<std::string>{kTooBig});
    CHECK(hostile.close_code == 1009);
    REQUIRE(game.closed(hostile_id));
    CHECK(game.count(Inbound::Type::Message) == 0);

    // Exactly at the limit is fine, and the other phone never noticed.
    bystander.send(std::string(4096, 'y'));
    REQUIRE(game.wait_count(Inbound::Type::Message, 1));
    CHECK(game.seen.back().text.size() == 4096);
    game.server->send(game.opened(0), "still here");
    REQUIRE(bystander.wait_texts(1));
    CHECK(bystander.received().front() == "still here");
}

TEST_CASE("A binary frame gets unknown_type and the connection stays", "[net]") {
    WebRoot web;
    Game game(web.root);
    Client phone(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 1));
    phone.send("\x01\x02\x03", MG_WEBSOCKET_OPCODE_BINARY);
    REQUIRE(phone.wait_texts(1));
    CHECK(phone.received().front() == kUnknownType);
    phone.send("text after");
    REQUIRE(game.wait_count(Inbound::Type::Message, 1));
    CHECK(game.seen.back().text == "text after");
    CHECK(game.count(Inbound::Type::Close) == 0);
}

TEST_CASE("Fragmented text is put together up to the limit", "[net]") {
    WebRoot web;
    ServerOptions options;
    options.max_message_bytes = 100;
    Game game(web.root, options);

    SECTION("pieces within the limit make one message") {
        RawSocket phone(game.server->port());
        phone.upgrade();
        phone.frame(0x1, false, "{\"type\":");
        phone.frame(0x9, true, "ping between pieces");
        phone.frame(0x0, false, "\"join\"");
        phone.frame(0x0, true, "}");
        REQUIRE(game.wait_count(Inbound::Type::Message, 1));
        CHECK(game.seen.back().text == R"({"type":"join"})");
    }
    SECTION("pieces over the limit together are too_big") {
        RawSocket phone(game.server->port());
        phone.upgrade();
        phone.frame(0x1, false, std::string(60, 'a'));
        phone.frame(0x0, true, std::string(60, 'b'));
        unsigned opcode = 0;
        std::string payload;
        REQUIRE(phone.next_frame(opcode, payload));
        CHECK(opcode == 0x1);
        CHECK(payload == kTooBig);
        REQUIRE(phone.next_frame(opcode, payload));
        CHECK(opcode == 0x8);
        REQUIRE(payload.size() >= 2);
        CHECK(((static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1])) == 1009);
        REQUIRE(game.wait_count(Inbound::Type::Close, 1));
        CHECK(game.count(Inbound::Type::Message) == 0);
    }
    SECTION("a continuation with nothing to continue closes with a protocol error") {
        RawSocket phone(game.server->port());
        phone.upgrade();
        phone.frame(0x0, true, "stray");
        unsigned opcode = 0;
        std::string payload;
        REQUIRE(phone.next_frame(opcode, payload));
        CHECK(opcode == 0x8);
        REQUIRE(payload.size() >= 2);
        CHECK(((static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1])) == 1002);
        REQUIRE(game.wait_count(Inbound::Type::Close, 1));
    }
}

TEST_CASE("Fifty phones at once each get their own messages", "[net]") {
    WebRoot web;
    Game game(web.root);
    constexpr size_t kPhones = 50;
    std::vector<std::unique_ptr<Client>> phones;
    for (size_t i = 0; i < kPhones; ++i) {
        phones.push_back(std::make_unique<Client>(game.server->port()));
        REQUIRE(phones.back()->conn != nullptr);
    }
    REQUIRE(game.wait_count(Inbound::Type::Open, kPhones));
    for (size_t i = 0; i < kPhones; ++i) phones[i]->send("hello " + std::to_string(i));
    REQUIRE(game.wait_count(Inbound::Type::Message, kPhones));

    // Answer each message on its own connection; every phone must get its own answer.
    std::set<uint64_t> ids;
    for (const Inbound& e : game.seen) {
        if (e.type == Inbound::Type::Open) ids.insert(e.conn);
        if (e.type == Inbound::Type::Message) {
            for (int round = 0; round < 3; ++round) {
                game.server->send(e.conn, "reply to " + e.text + " #" + std::to_string(round));
            }
        }
    }
    CHECK(ids.size() == kPhones);
    for (size_t i = 0; i < kPhones; ++i) {
        REQUIRE(phones[i]->wait_texts(3));
        const std::string expected = "reply to hello " + std::to_string(i);
        CHECK(phones[i]->received()
              == std::vector<std::string>{expected + " #0", expected + " #1", expected + " #2"});
    }
    phones.clear();
    REQUIRE(game.wait_count(Inbound::Type::Close, kPhones));
}

TEST_CASE("Stopping the server closes every connection", "[net]") {
    WebRoot web;
    Game game(web.root);
    std::vector<std::unique_ptr<Client>> phones;
    for (int i = 0; i < 3; ++i) phones.push_back(std::make_unique<Client>(game.server->port()));
    REQUIRE(game.wait_count(Inbound::Type::Open, 3));
    const int port = game.server->port();
    game.server.reset();
    for (auto& phone : phones) CHECK(phone->wait_closed());
    Client late(port);
    CHECK(late.conn == nullptr);
}

TEST_CASE("An idle server with phones connected uses next to no CPU", "[net]") {
    WebRoot web;
    Game game(web.root);
    std::vector<std::unique_ptr<Client>> phones;
    for (int i = 0; i < 5; ++i) phones.push_back(std::make_unique<Client>(game.server->port()));
    REQUIRE(game.wait_count(Inbound::Type::Open, 5));

    // Not a wait for anything: the measurement is what the threads do meanwhile.
    const auto cpu_seconds = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
               + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    };
    const double before = cpu_seconds();
    std::this_thread::sleep_for(1500ms);
    const double used = cpu_seconds() - before;
    CHECK(used < 0.15); // a spinning thread alone would burn 1.5 s
}

TEST_CASE("A phone that never reads does not hold back the others", "[net]") {
    WebRoot web;
    Game game(web.root);
    RawSocket stuck(game.server->port(), 4096);
    stuck.upgrade();
    REQUIRE(game.wait_count(Inbound::Type::Open, 1));
    Client reader(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 2));
    const uint64_t stuck_id = game.opened(0);
    const uint64_t reader_id = game.opened(1);

    // Whole-state snapshots to both, until the stuck phone's socket buffers (up to 4 MiB
    // on Linux) and its queue are full and it is dropped; the reader keeps up, as a phone
    // on the same Wi-Fi would, and must get every one in order all the while.
    const auto stuck_closed = [&] {
        std::vector<Inbound> taken = game.server->take();
        game.seen.insert(game.seen.end(), taken.begin(), taken.end());
        return game.count(Inbound::Type::Close) > 0;
    };
    // Batches of 25 stay well within the reader's own queue caps (64 messages, 256 KiB).
    constexpr size_t kMaxSnapshots = 8000; // 32 MiB: far past any socket buffer
    size_t sent = 0;
    bool dropped = false;
    while (sent < kMaxSnapshots && !dropped) {
        const std::string snapshot = std::to_string(sent) + ":" + std::string(4 * 1024, 's');
        game.server->send(stuck_id, snapshot);
        game.server->send(reader_id, snapshot);
        ++sent;
        if (sent % 25 == 0) {
            REQUIRE(reader.wait_texts(sent));
            dropped = stuck_closed();
        }
    }
    REQUIRE(game.closed(stuck_id));
    CHECK(game.seen.back().conn == stuck_id);
    CHECK(game.count(Inbound::Type::Close) == 1);
    REQUIRE(reader.wait_texts(sent));
    const std::vector<std::string> got = reader.received();
    REQUIRE(got.size() == sent);
    for (size_t i = 0; i < sent; ++i) {
        if (got[i].rfind(std::to_string(i) + ":", 0) != 0) FAIL("snapshot " << i << " out of order");
    }
    // The reader is still served after the drop.
    game.server->send(reader_id, "after");
    REQUIRE(reader.wait_texts(sent + 1));
}

TEST_CASE("Connections past max_connections are refused and a freed place is reused", "[net]") {
    WebRoot web;
    ServerOptions options;
    options.max_connections = 2;
    Game game(web.root, options);
    auto first = std::make_unique<Client>(game.server->port());
    Client second(game.server->port());
    REQUIRE(game.wait_count(Inbound::Type::Open, 2));

    RawSocket third(game.server->port());
    third.write_all(upgrade_request("/ws"));
    CHECK(third.read_all().rfind("HTTP/1.1 503", 0) == 0);
    CHECK(game.count(Inbound::Type::Open) == 2);

    first.reset();
    REQUIRE(game.wait_count(Inbound::Type::Close, 1));
    Client fourth(game.server->port());
    REQUIRE(fourth.conn != nullptr);
    REQUIRE(game.wait_count(Inbound::Type::Open, 3));
    CHECK(game.opened(2) > game.opened(1));
}

TEST_CASE("The page is served from the web root with its type and headers", "[net]") {
    WebRoot web;
    Game game(web.root);
    const int port = game.server->port();

    SECTION("/ is index.html (through civetweb's client)") {
        char error[256] = {};
        mg_connection* conn = mg_download("127.0.0.1", port, 0, error, sizeof error,
                                          "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        REQUIRE(conn != nullptr);
        const mg_response_info* info = mg_get_response_info(conn);
        REQUIRE(info != nullptr);
        CHECK(info->status_code == 200);
        std::string type;
        for (int i = 0; i < info->num_headers; ++i) {
            if (strcasecmp(info->http_headers[i].name, "Content-Type") == 0) type = info->http_headers[i].value;
        }
        CHECK(type == "text/html; charset=utf-8");
        std::string body;
        char buffer[1024];
        int n;
        while ((n = mg_read(conn, buffer, sizeof buffer)) > 0) body.append(buffer, static_cast<size_t>(n));
        CHECK(body == "<!doctype html><title>Chronicle</title>");
        mg_close_connection(conn);
    }
    SECTION("types and headers") {
        const Response js = http(port, "GET", "/app.js");
        CHECK(js.status == 200);
        CHECK(js.header("Content-Type") == "text/javascript; charset=utf-8");
        CHECK(js.header("Cache-Control") == "no-cache");
        CHECK(js.header("X-Content-Type-Options") == "nosniff");
        const std::string csp = js.header("Content-Security-Policy");
        CHECK(csp.find("default-src 'self'") != std::string::npos);
        CHECK(csp.find("connect-src 'self' ws://127.0.0.1") != std::string::npos);
        CHECK(js.body == "console.log(1);");
        CHECK(http(port, "GET", "/style.css").header("Content-Type") == "text/css; charset=utf-8");
        CHECK(http(port, "GET", "/sub/page.html").status == 200);
        // A symlink that stays inside the root is followed.
        CHECK(http(port, "GET", "/alias.js").body == "console.log(1);");
    }
    SECTION("HEAD has the headers and no body; other methods are refused") {
        const Response head = http(port, "HEAD", "/index.html");
        CHECK(head.status == 200);
        CHECK(head.header("Content-Length") == "39");
        CHECK(head.body.empty());
        const Response post = http(port, "POST", "/index.html");
        CHECK(post.status == 405);
        CHECK(post.header("Allow") == "GET, HEAD");
    }
}

TEST_CASE("Nothing outside the web root is served and nothing is listed", "[net]") {
    WebRoot web;
    Game game(web.root);
    const int port = game.server->port();
    for (const char* path : {"/../secret.html", "/sub/../../secret.html", "/%2e%2e/secret.html",
                             "/%2E%2E%2Fsecret.html", "/sub/%2e%2e/%2e%2e/secret.html", "/..%2fsecret.html",
                             "/leak.html", "/./index.html", "//etc/passwd", "/..\\secret.html"}) {
        INFO(path);
        const Response response = http(port, "GET", path);
        CHECK(response.status != 200);
        CHECK(response.body.find("SECRET") == std::string::npos);
    }
    CHECK(http(port, "GET", "/leak.html").status == 404);
    CHECK(http(port, "GET", "/missing.html").status == 404);
    CHECK(http(port, "GET", "/sub/").status == 404);
    CHECK(http(port, "GET", "/sub").status == 404);
    const Response missing = http(port, "GET", "/nothing.js");
    CHECK(missing.status == 404);
    CHECK(missing.header("X-Content-Type-Options") == "nosniff");

    // One WebSocket endpoint: not another path under it.
    RawSocket other(port);
    other.write_all(upgrade_request("/ws/other"));
    CHECK(other.read_all().rfind("HTTP/1.1 404", 0) == 0);
    // Another site open on a phone cannot open a WebSocket to the game.
    RawSocket cross_site(port);
    cross_site.write_all(upgrade_request("/ws", "Origin: http://evil.example\r\n"));
    CHECK(cross_site.read_all().rfind("HTTP/1.1 403", 0) == 0);
    CHECK(game.wait([](const std::vector<Inbound>& events) { return events.empty(); }));
    // Our own page can (its Origin is the Host it was served from).
    RawSocket own_page(port);
    own_page.write_all(upgrade_request("/ws", "Origin: http://127.0.0.1\r\n"));
    std::string answer;
    REQUIRE(own_page.read_exact(answer, 12));
    CHECK(answer == "HTTP/1.1 101");
    REQUIRE(game.wait_count(Inbound::Type::Open, 1));
}

TEST_CASE("Port 0 picks a free port and a port in use is an error that names it", "[net]") {
    WebRoot web;
    Game game(web.root);
    const int port = game.server->port();
    CHECK(port > 0);
    CHECK(http(port, "GET", "/").status == 200);

    ServerOptions options;
    options.bind_address = "127.0.0.1";
    options.port = port;
    options.web_root = web.root;
    std::string error;
    CHECK(WebServer::start(options, error) == nullptr);
    CHECK(error.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);

    options.port = 0;
    options.web_root = web.base + "/no-such-folder";
    error.clear();
    CHECK(WebServer::start(options, error) == nullptr);
    CHECK(error.find("no-such-folder") != std::string::npos);
}

TEST_CASE("lan_addresses() lists IPv4 addresses other than loopback", "[net]") {
    const std::vector<std::string> addresses = chronicle::net::lan_addresses();
    for (const std::string& address : addresses) {
        INFO(address);
        in_addr parsed{};
        REQUIRE(inet_pton(AF_INET, address.c_str(), &parsed) == 1);
        CHECK((ntohl(parsed.s_addr) >> 24) != 127);
    }
    // Private ranges come first.
    auto is_private = [](const std::string& address) {
        return address.rfind("10.", 0) == 0 || address.rfind("192.168.", 0) == 0
               || (address.rfind("172.", 0) == 0 && std::atoi(address.c_str() + 4) >= 16
                   && std::atoi(address.c_str() + 4) <= 31);
    };
    CHECK(std::is_partitioned(addresses.begin(), addresses.end(), is_private));
}
