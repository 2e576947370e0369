#include "core/classroom/class_host.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace chronicle {

using nlohmann::json;

namespace {

constexpr const char* kErrorCodes[] = {
    "bad_json", "unknown_type", "too_big", "too_fast", "wrong_pin", "bad_client",
    "name_empty", "name_too_long", "name_control", "name_taken",
    "game_full", "game_over", "removed", "not_joined", "not_open", "bad_choice", "not_host", "replaced",
};

constexpr const char* kHostActions[] = {"start", "next", "reveal", "pause", "resume", "skip", "end", "remove", "rename"};

ClassError name_error(NameRefusal r) {
    switch (r) {
    case NameRefusal::Empty: return ClassError::NameEmpty;
    case NameRefusal::TooLong: return ClassError::NameTooLong;
    case NameRefusal::Control: return ClassError::NameControl;
    case NameRefusal::Taken: return ClassError::NameTaken;
    }
    return ClassError::NameEmpty;
}

ClassError join_error(JoinRefusal r) { return r == JoinRefusal::GameFull ? ClassError::GameFull : ClassError::GameOver; }

// Made by the phone once and kept: 16–64 of A–Z a–z 0–9 - _.
bool valid_client_id(std::string_view id) {
    if (id.size() < 16 || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// Compares every byte whatever the first difference, so that the time taken does not
// tell a guesser how much of the secret they have right.
bool same_secret(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff = static_cast<unsigned char>(diff | (a[i] ^ b[i]));
    return diff == 0;
}

const char* phase_name(const ClassGame& game, size_t seat) {
    const std::optional<size_t> at = game.question_for(seat);
    const ClassPlayer& p = game.players()[seat];
    switch (game.phase()) {
    case ClassPhase::Lobby: return "lobby";
    case ClassPhase::Question: return !at ? "lobby" : p.answers[*at].answered ? "answered" : "question";
    case ClassPhase::Reveal: return at ? "reveal" : "lobby";
    case ClassPhase::Leaderboard: return at ? "leaderboard" : "lobby";
    case ClassPhase::Running: return !at ? "end" : p.answers[*at].graded ? "reveal" : "question";
    case ClassPhase::Finished: return "end";
    }
    return "lobby";
}

json indices(const std::vector<size_t>& v) {
    json out = json::array();
    for (size_t i : v) out.push_back(i);
    return out;
}

} // namespace

const char* error_code(ClassError e) { return kErrorCodes[static_cast<size_t>(e)]; }

std::string error_message(ClassError e) { return json{{"type", "error"}, {"code", error_code(e)}}.dump(); }

std::optional<HostAction> host_action_from_name(std::string_view name) {
    for (size_t i = 0; i < std::size(kHostActions); ++i)
        if (name == kHostActions[i]) return static_cast<HostAction>(i);
    return std::nullopt;
}

ClassHost::ClassHost(ClassGame game, std::string pin, std::string host_token)
    : game_(std::move(game)), pin_(std::move(pin)), host_token_(std::move(host_token)) {}

void ClassHost::opened(uint64_t conn, uint64_t now_ms) {
    Connection c;
    c.refilled_at_ms = now_ms;
    conns_[conn] = c;
}

void ClassHost::closed(uint64_t conn) {
    auto it = conns_.find(conn);
    if (it == conns_.end()) return;
    if (it->second.seat && seat_conns_[*it->second.seat] == conn) seat_conns_[*it->second.seat].reset();
    conns_.erase(it);
}

// A refusal is told to the phone and logged. What a real page never sends (too fast,
// not JSON, not a message) is answered at most once a second per connection, so that a
// flood gets one answer, not a flood back; a refused join or answer is always answered
// (the page waits for it), and the rate limit bounds those.
void ClassHost::refuse(uint64_t conn, Connection& c, ClassError e, uint64_t now_ms, bool close) {
    const bool flood = e == ClassError::TooFast || e == ClassError::BadJson || e == ClassError::UnknownType;
    if (flood && !close && c.last_error_ms && now_ms - *c.last_error_ms < 1000) return;
    if (flood) c.last_error_ms = now_ms;
    outbox_.push_back({conn, error_message(e), close});
    refusals_.push_back({conn, e});
}

bool ClassHost::take_token(Connection& c, uint64_t now_ms) {
    const double seconds = static_cast<double>(now_ms - std::min(now_ms, c.refilled_at_ms)) / 1000.0;
    c.tokens = std::min(kMessageBurst, c.tokens + seconds * kMessagesPerSecond);
    c.refilled_at_ms = now_ms;
    if (c.tokens < 1) return false;
    c.tokens -= 1;
    return true;
}

void ClassHost::received(uint64_t conn, std::string_view text, uint64_t now_ms) {
    auto it = conns_.find(conn);
    if (it == conns_.end()) return;
    Connection& c = it->second;
    if (!take_token(c, now_ms)) return refuse(conn, c, ClassError::TooFast, now_ms);
    const json message = json::parse(text, nullptr, false);
    if (message.is_discarded() || !message.is_object()) return refuse(conn, c, ClassError::BadJson, now_ms);
    const auto type = message.find("type");
    if (type == message.end() || !type->is_string()) return refuse(conn, c, ClassError::UnknownType, now_ms);
    const std::string& name = type->get_ref<const std::string&>();
    if (name == "join") return on_join(conn, c, message, now_ms);
    if (name == "answer") return on_answer(conn, c, message, now_ms);
    if (name == "host") return on_host(conn, c, message, now_ms);
    if (name == "next") {
        if (!c.seat) return refuse(conn, c, ClassError::NotJoined, now_ms);
        if (!game_.next_for(*c.seat, now_ms)) refuse(conn, c, ClassError::NotOpen, now_ms);
        return;
    }
    refuse(conn, c, ClassError::UnknownType, now_ms);
}

void ClassHost::attach(uint64_t conn, Connection& c, size_t seat) {
    if (seat_conns_.size() <= seat) seat_conns_.resize(seat + 1);
    // The seat's earlier connection (a page reloaded, a second tab) stops speaking for
    // it, and is told why: a page that simply reconnected would take the seat back.
    if (const std::optional<uint64_t> old = seat_conns_[seat]; old && *old != conn) {
        auto it = conns_.find(*old);
        if (it != conns_.end()) it->second.seat.reset();
        outbox_.push_back({*old, error_message(ClassError::Replaced), true});
        refusals_.push_back({*old, ClassError::Replaced});
    }
    if (c.seat && *c.seat != seat && seat_conns_[*c.seat] == conn) seat_conns_[*c.seat].reset();
    seat_conns_[seat] = conn;
    c.seat = seat;
    c.last_state.clear(); // a rejoin gets the whole state again
    const json welcome = {{"type", "welcome"}, {"seat", seat}, {"name", game_.players()[seat].name}};
    outbox_.push_back({conn, welcome.dump(), false});
}

void ClassHost::on_join(uint64_t conn, Connection& c, const json& m, uint64_t now_ms) {
    const auto pin = m.find("pin"), client = m.find("client"), name = m.find("name");
    if (pin == m.end() || !pin->is_string() || client == m.end() || !client->is_string() ||
        (name != m.end() && !name->is_string()))
        return refuse(conn, c, ClassError::UnknownType, now_ms);
    if (!same_secret(pin->get_ref<const std::string&>(), pin_)) return refuse(conn, c, ClassError::WrongPin, now_ms);
    const std::string& id = client->get_ref<const std::string&>();
    if (!valid_client_id(id)) return refuse(conn, c, ClassError::BadClient, now_ms);
    // One connection plays one seat: joining again under other client ids would fill
    // the game with seats no one answers for.
    if (c.seat && client_of_seat(*c.seat) != id) return refuse(conn, c, ClassError::BadClient, now_ms);
    if (auto known = seat_of_client_.find(id); known != seat_of_client_.end()) {
        if (game_.players()[known->second].removed) return refuse(conn, c, ClassError::Removed, now_ms, true);
        return attach(conn, c, known->second);
    }
    const std::string nickname = name == m.end() ? std::string() : name->get<std::string>();
    const auto joined = game_.join(nickname, now_ms);
    if (const auto* refusal = std::get_if<NameRefusal>(&joined)) return refuse(conn, c, name_error(*refusal), now_ms);
    if (const auto* refusal = std::get_if<JoinRefusal>(&joined)) return refuse(conn, c, join_error(*refusal), now_ms);
    const size_t seat = std::get<size_t>(joined);
    seat_of_client_[id] = seat;
    if (clients_.size() <= seat) clients_.resize(seat + 1);
    clients_[seat] = id;
    attach(conn, c, seat);
}

void ClassHost::on_answer(uint64_t conn, Connection& c, const json& m, uint64_t now_ms) {
    const auto question = m.find("question"), choice = m.find("choice");
    if (question == m.end() || !question->is_number_unsigned() || choice == m.end() || !choice->is_array())
        return refuse(conn, c, ClassError::UnknownType, now_ms);
    if (!c.seat) return refuse(conn, c, ClassError::NotJoined, now_ms);
    std::vector<size_t> chosen;
    for (const json& option : *choice) {
        if (!option.is_number_unsigned()) return refuse(conn, c, ClassError::BadChoice, now_ms);
        chosen.push_back(option.get<size_t>());
    }
    if (const auto refusal = game_.answer(*c.seat, question->get<size_t>(), chosen, now_ms))
        refuse(conn, c, *refusal == ClassGame::AnswerRefusal::NotOpen ? ClassError::NotOpen : ClassError::BadChoice, now_ms);
}

void ClassHost::on_host(uint64_t conn, Connection& c, const json& m, uint64_t now_ms) {
    const auto token = m.find("token"), action = m.find("action"), seat = m.find("seat"), name = m.find("name");
    if (token == m.end() || !token->is_string() || !same_secret(token->get_ref<const std::string&>(), host_token_))
        return refuse(conn, c, ClassError::NotHost, now_ms);
    const std::optional<HostAction> a =
        action != m.end() && action->is_string() ? host_action_from_name(action->get_ref<const std::string&>()) : std::nullopt;
    if (!a || (seat != m.end() && !seat->is_number_unsigned()) || (name != m.end() && !name->is_string()))
        return refuse(conn, c, ClassError::UnknownType, now_ms);
    const size_t s = seat == m.end() ? 0 : seat->get<size_t>();
    if (!act(*a, now_ms, s, name == m.end() ? std::string_view() : std::string_view(name->get_ref<const std::string&>())))
        refuse(conn, c, ClassError::NotOpen, now_ms);
}

bool ClassHost::act(HostAction action, uint64_t now_ms, size_t seat, std::string_view name) {
    switch (action) {
    case HostAction::Start: return game_.start(now_ms);
    case HostAction::Next: return game_.next(now_ms);
    case HostAction::Reveal: return game_.reveal();
    case HostAction::Pause: return game_.pause(now_ms);
    case HostAction::Resume: return game_.resume(now_ms);
    case HostAction::Skip: return game_.skip(now_ms);
    case HostAction::End: return game_.end();
    case HostAction::Remove:
        if (!game_.remove(seat)) return false;
        if (connected(seat)) {
            const uint64_t conn = *seat_conns_[seat];
            outbox_.push_back({conn, error_message(ClassError::Removed), true});
            conns_.at(conn).seat.reset(); // it speaks for no one until it closes
            seat_conns_[seat].reset();
        }
        return true;
    case HostAction::Rename: return !game_.rename(seat, name).has_value();
    }
    return false;
}

bool ClassHost::tick(uint64_t now_ms) { return game_.tick(now_ms); }

std::string ClassHost::state_for(size_t seat, const std::vector<int>& ranks, uint64_t now_ms, bool with_clock) const {
    const ClassPlayer& p = game_.players()[seat];
    const bool live = game_.settings().mode == ClassMode::Live;
    const std::string phase = phase_name(game_, seat);
    json s = {{"type", "state"},
              {"phase", phase},
              {"mode", class_mode_name(game_.settings().mode)},
              {"paused", game_.paused()},
              {"lang", game_.quiz().lang}};
    // How many play, for "3rd of 12": told where it stands still (a join mid-question
    // would otherwise send every phone a new state).
    if (phase == "lobby" || (live && phase != "question" && phase != "answered")) s["players"] = game_.player_count();
    // Self-paced ranks change with every answer anyone gives: they are told at the end only.
    json me = {{"seat", seat}, {"name", p.name}, {"score", p.points}, {"streak", p.streak}};
    if (live || phase == "end") me["rank"] = ranks[seat];
    s["me"] = me;
    if (const std::optional<size_t> at = game_.question_for(seat)) {
        const Question& q = game_.question(*at);
        json options = json::array();
        for (const Option& o : q.options)
            options.push_back(game_.settings().texts_on_phones ? json{{"text", o.text}} : json::object());
        json question = {{"index", *at},
                         {"count", game_.quiz().questions.size()},
                         {"kind", kind_name(q.kind)},
                         {"arrange", asks_for_order(q.kind)},
                         {"options", options},
                         {"limit_ms", game_.time_limit_ms(*at)}};
        if (game_.settings().texts_on_phones) question["prompt"] = q.prompt;
        const PlayerAnswer& a = p.answers[*at];
        if (a.answered && !a.graded) question["chosen"] = indices(a.chosen); // a reloaded phone shows what it sent
        if (with_clock)
            if (const std::optional<int64_t> left = game_.ms_left(seat, now_ms)) question["left_ms"] = *left;
        s["question"] = question;
        if (a.graded)
            s["result"] = {{"correct", a.grade.correct}, {"points", a.grade.points}, {"chosen", indices(a.chosen)},
                           {"answer", indices(q.answer)}, {"in_place", a.grade.in_place}, {"placed", a.grade.placed}};
    }
    if (phase == "end") s["final"] = {{"rank", ranks[seat]}, {"score", p.points}, {"players", game_.player_count()}};
    return s.dump();
}

std::vector<Outgoing> ClassHost::take_outbox(uint64_t now_ms) {
    std::vector<int> ranks(game_.players().size(), 0);
    for (const Standing& s : game_.standings()) ranks[s.entrant] = s.rank;
    for (auto& [conn, c] : conns_) {
        if (!c.seat) continue;
        std::string state = state_for(*c.seat, ranks, now_ms, false);
        if (state == c.last_state) continue;
        c.last_state = std::move(state);
        outbox_.push_back({conn, state_for(*c.seat, ranks, now_ms, true), false});
    }
    std::vector<Outgoing> out;
    out.swap(outbox_);
    return out;
}

std::vector<Refusal> ClassHost::take_refusals() {
    std::vector<Refusal> out;
    out.swap(refusals_);
    return out;
}

} // namespace chronicle
