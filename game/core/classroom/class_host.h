// The class game's messages (docs/class-protocol.md): what phones may say, checked
// and turned into ClassGame calls, and what each phone is told back. It knows
// connections by number only; the web server (app/net) carries the text. Nothing a
// phone sends can stop the game: every refusal is an `error` message to that phone
// and a line in the log, nothing more.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/classroom/class_game.h"

namespace chronicle {

// Where the host listens unless told otherwise.
constexpr int kDefaultClassPort = 8787;

enum class ClassError {
    BadJson, UnknownType, TooBig, TooFast, WrongPin, BadClient,
    NameEmpty, NameTooLong, NameControl, NameTaken,
    GameFull, GameOver, Removed, NotJoined, NotOpen, BadChoice, NotHost, Replaced,
};
// The error's code in the protocol ("wrong_pin").
const char* error_code(ClassError e);
// The `error` message for `e`, as the web server sends it when core never sees the frame (too big).
std::string error_message(ClassError e);

enum class HostAction { Start, Next, Reveal, Pause, Resume, Skip, End, Remove, Rename };
std::optional<HostAction> host_action_from_name(std::string_view name);

struct Outgoing {
    uint64_t conn = 0;
    std::string text;
    bool close_after = false; // the connection is closed once this is written
};

// A message refused, for the host's log.
struct Refusal {
    uint64_t conn = 0;
    ClassError error = ClassError::BadJson;
};

// Phones may send 10 messages a second on average, in bursts of up to 20.
constexpr double kMessagesPerSecond = 10;
constexpr double kMessageBurst = 20;

class ClassHost {
public:
    // `pin`: 6 digits; `host_token`: the secret a `host` message must carry (never sent to phones).
    ClassHost(ClassGame game, std::string pin, std::string host_token);

    const ClassGame& game() const { return game_; }
    const std::string& pin() const { return pin_; }

    void opened(uint64_t conn, uint64_t now_ms);
    void received(uint64_t conn, std::string_view text, uint64_t now_ms);
    void closed(uint64_t conn);

    // The teacher: from the window, the headless host's console, or a `host` message
    // with the token. `seat` and `name` serve Remove and Rename. False when it does
    // not apply now.
    bool act(HostAction action, uint64_t now_ms, size_t seat = 0, std::string_view name = {});
    // Time passes (ClassGame::tick); true if anything changed.
    bool tick(uint64_t now_ms);
    // When tick() next has something to do, in ms; nullopt: nothing timed.
    std::optional<int64_t> ms_until_due(uint64_t now_ms) const { return game_.ms_until_due(now_ms); }

    // What to send: errors and welcomes in order, then each phone's `state` when it
    // changed since the last one it was sent.
    std::vector<Outgoing> take_outbox(uint64_t now_ms);
    std::vector<Refusal> take_refusals();

    bool connected(size_t seat) const { return seat < seat_conns_.size() && seat_conns_[seat].has_value(); }
    size_t connections() const { return conns_.size(); }

private:
    struct Connection {
        std::optional<size_t> seat;
        double tokens = kMessageBurst;
        uint64_t refilled_at_ms = 0;
        std::optional<uint64_t> last_error_ms;
        std::string last_state; // without its clock, to tell whether anything changed
    };

    void refuse(uint64_t conn, Connection& c, ClassError e, uint64_t now_ms, bool close = false);
    bool take_token(Connection& c, uint64_t now_ms);
    void on_join(uint64_t conn, Connection& c, const nlohmann::json& message, uint64_t now_ms);
    void on_answer(uint64_t conn, Connection& c, const nlohmann::json& message, uint64_t now_ms);
    void on_host(uint64_t conn, Connection& c, const nlohmann::json& message, uint64_t now_ms);
    void attach(uint64_t conn, Connection& c, size_t seat);
    std::string state_for(size_t seat, const std::vector<int>& ranks, uint64_t now_ms, bool with_clock) const;

    ClassGame game_;
    std::string pin_;
    std::string host_token_;
    std::map<uint64_t, Connection> conns_;
    std::map<std::string, size_t> seat_of_client_;
    std::vector<std::string> clients_; // by seat: its client id
    const std::string& client_of_seat(size_t seat) const { return clients_.at(seat); }
    std::vector<std::optional<uint64_t>> seat_conns_; // by seat: its connection
    std::vector<Outgoing> outbox_;
    std::vector<Refusal> refusals_;
};

} // namespace chronicle
