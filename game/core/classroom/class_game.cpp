#include "core/classroom/class_game.h"

#include <algorithm>

#include "core/base/text.h"
#include "core/store/storage.h"

namespace chronicle {

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u00A0' || c == U'\u3000' || (c >= U'\u2000' && c <= U'\u200A'); }

// Marks that reorder text or take no space (bidi controls, zero-width characters, the
// soft hyphen): a nickname with them could show on the projector as someone else's.
bool is_invisible_format(char32_t c) {
    return (c >= U'\u202A' && c <= U'\u202E') || (c >= U'\u2066' && c <= U'\u2069') || (c >= U'\u200B' && c <= U'\u200F') ||
           (c >= U'\u2060' && c <= U'\u2064') || c == U'\uFEFF' || c == U'\u00AD' || c == U'\u061C' || c == U'\u180E';
}

// ASCII letters folded, so "Ana" and "ana" are one name on a projector; other scripts as they are.
std::string folded(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool valid_choice(const Question& q, const std::vector<size_t>& chosen) {
    const size_t n = q.options.size();
    if (!asks_for_order(q.kind)) return chosen.size() == 1 && chosen[0] < n;
    if (chosen.size() != n) return false;
    std::vector<bool> seen(n, false);
    for (size_t option : chosen) {
        if (option >= n || seen[option]) return false;
        seen[option] = true;
    }
    return true;
}

} // namespace

const char* class_mode_name(ClassMode m) { return m == ClassMode::Live ? "live" : "self_paced"; }

std::optional<ClassMode> class_mode_from_name(std::string_view name) {
    if (name == "live") return ClassMode::Live;
    if (name == "self_paced") return ClassMode::SelfPaced;
    return std::nullopt;
}

std::variant<std::string, NameRefusal> check_nickname(std::string_view name) {
    if (find_invalid_utf8(name) != std::string_view::npos) return NameRefusal::Control;
    std::vector<char32_t> points = code_points(name);
    while (!points.empty() && is_space(points.back())) points.pop_back();
    size_t first = 0;
    while (first < points.size() && is_space(points[first])) ++first;
    if (first == points.size()) return NameRefusal::Empty;
    std::string out;
    for (size_t i = first; i < points.size(); ++i) {
        const char32_t c = points[i];
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_invisible_format(c)) return NameRefusal::Control;
        append_utf8(out, c);
    }
    if (points.size() - first > kMaxNicknameLength) return NameRefusal::TooLong;
    return out;
}

ClassGame::ClassGame(Quiz quiz, ClassSettings settings) : quiz_(std::move(quiz)), settings_(settings), rules_(rules_for(Mode::Timed)) {
    rules_.time_limit_ms = settings_.time_limit_ms;
    auto& qs = quiz_.questions;
    qs.erase(std::remove_if(qs.begin(), qs.end(), [](const Question& q) { return q.options.size() > kMaxClassOptions; }), qs.end());
    skipped_.assign(qs.size(), false);
}

size_t ClassGame::player_count() const {
    return static_cast<size_t>(std::count_if(players_.begin(), players_.end(), [](const ClassPlayer& p) { return !p.removed; }));
}

bool ClassGame::name_taken(std::string_view name, size_t except) const {
    const std::string key = folded(name);
    for (size_t s = 0; s < players_.size(); ++s)
        if (s != except && !players_[s].removed && folded(players_[s].name) == key) return true;
    return false;
}

std::variant<size_t, JoinRefusal, NameRefusal> ClassGame::join(std::string_view name, uint64_t now_ms) {
    if (phase_ == ClassPhase::Finished) return JoinRefusal::GameOver;
    if (player_count() >= kMaxClassPlayers) return JoinRefusal::GameFull;
    auto checked = check_nickname(name);
    if (auto* refusal = std::get_if<NameRefusal>(&checked)) return *refusal;
    std::string& nickname = std::get<std::string>(checked);
    if (name_taken(nickname, players_.size())) return NameRefusal::Taken;
    ClassPlayer p;
    p.name = std::move(nickname);
    p.answers.assign(quiz_.questions.size(), PlayerAnswer{});
    // Live: one who joins while a question is open waits for the next one.
    p.first_question = phase_ == ClassPhase::Lobby ? 0 : index_ + 1;
    if (phase_ == ClassPhase::Running) p.opened_at_ms = paused_at_ ? *paused_at_ : now_ms;
    p.finished = phase_ == ClassPhase::Running && quiz_.questions.empty();
    players_.push_back(std::move(p));
    return players_.size() - 1;
}

bool ClassGame::remove(size_t seat) {
    if (seat >= players_.size() || players_[seat].removed) return false;
    players_[seat].removed = true;
    reveal_if_all_answered();
    return true;
}

std::optional<NameRefusal> ClassGame::rename(size_t seat, std::string_view name) {
    if (seat >= players_.size() || players_[seat].removed) return NameRefusal::Empty;
    auto checked = check_nickname(name);
    if (auto* refusal = std::get_if<NameRefusal>(&checked)) return *refusal;
    if (name_taken(std::get<std::string>(checked), seat)) return NameRefusal::Taken;
    players_[seat].name = std::get<std::string>(checked);
    return std::nullopt;
}

bool ClassGame::start(uint64_t now_ms) {
    if (phase_ != ClassPhase::Lobby || player_count() == 0) return false;
    if (quiz_.questions.empty()) {
        phase_ = ClassPhase::Finished;
        return true;
    }
    if (settings_.mode == ClassMode::Live) {
        open(0, now_ms);
        return true;
    }
    phase_ = ClassPhase::Running;
    for (ClassPlayer& p : players_) p.opened_at_ms = now_ms;
    return true;
}

void ClassGame::open(size_t index, uint64_t now_ms) {
    index_ = index;
    phase_ = ClassPhase::Question;
    opened_at_ms_ = now_ms;
    paused_at_.reset();
}

int64_t ClassGame::elapsed_since(uint64_t opened_at_ms, uint64_t now_ms) const {
    const uint64_t until = paused_at_ ? *paused_at_ : now_ms;
    return static_cast<int64_t>(until - std::min(until, opened_at_ms));
}

std::optional<size_t> ClassGame::question_for(size_t seat) const {
    if (seat >= players_.size() || players_[seat].removed) return std::nullopt;
    const ClassPlayer& p = players_[seat];
    switch (phase_) {
    case ClassPhase::Question:
    case ClassPhase::Reveal:
    case ClassPhase::Leaderboard:
        if (index_ < p.first_question) return std::nullopt;
        return index_;
    case ClassPhase::Running:
        if (p.finished) return std::nullopt;
        return p.at;
    case ClassPhase::Lobby:
    case ClassPhase::Finished: break;
    }
    return std::nullopt;
}

bool ClassGame::can_answer(size_t seat, size_t index) const {
    const std::optional<size_t> at = question_for(seat);
    if (!at || *at != index || paused_at_) return false;
    if (phase_ != ClassPhase::Question && phase_ != ClassPhase::Running) return false;
    return !players_[seat].answers[index].answered;
}

std::optional<int64_t> ClassGame::ms_left(size_t seat, uint64_t now_ms) const {
    const std::optional<size_t> at = question_for(seat);
    if (!at || (phase_ != ClassPhase::Question && phase_ != ClassPhase::Running)) return std::nullopt;
    if (players_[seat].answers[*at].answered) return std::nullopt;
    const uint64_t opened = phase_ == ClassPhase::Running ? players_[seat].opened_at_ms : opened_at_ms_;
    return std::max<int64_t>(0, time_limit_ms(*at) - elapsed_since(opened, now_ms));
}

std::optional<int64_t> ClassGame::ms_left_on_screen(uint64_t now_ms) const {
    if (phase_ != ClassPhase::Question) return std::nullopt;
    return std::max<int64_t>(0, time_limit_ms(index_) - elapsed_since(opened_at_ms_, now_ms));
}

std::optional<ClassGame::AnswerRefusal> ClassGame::answer(size_t seat, size_t index, const std::vector<size_t>& chosen,
                                                         uint64_t now_ms) {
    if (!can_answer(seat, index)) return AnswerRefusal::NotOpen;
    ClassPlayer& p = players_[seat];
    const uint64_t opened = phase_ == ClassPhase::Running ? p.opened_at_ms : opened_at_ms_;
    const int64_t elapsed = elapsed_since(opened, now_ms);
    if (elapsed > time_limit_ms(index)) return AnswerRefusal::NotOpen;
    if (!valid_choice(question(index), chosen)) return AnswerRefusal::BadChoice;
    PlayerAnswer& a = p.answers[index];
    a.answered = true;
    a.chosen = chosen;
    a.elapsed_ms = elapsed;
    if (phase_ == ClassPhase::Running) grade_answer(p, index);
    else reveal_if_all_answered();
    return std::nullopt;
}

void ClassGame::grade_answer(ClassPlayer& p, size_t index) {
    PlayerAnswer& a = p.answers[index];
    a.grade = grade(question(index), a.chosen, a.answered ? a.elapsed_ms : time_limit_ms(index) + 1, p.streak, rules_);
    a.graded = true;
    p.points += a.grade.points;
    p.streak = a.grade.correct ? p.streak + 1 : 0;
}

int ClassGame::expected_count() const {
    int n = 0;
    for (const ClassPlayer& p : players_) n += !p.removed && p.first_question <= index_;
    return n;
}

int ClassGame::answered_count() const {
    int n = 0;
    for (const ClassPlayer& p : players_) n += !p.removed && p.first_question <= index_ && p.answers[index_].answered;
    return n;
}

ClassChart ClassGame::chart(size_t index) const {
    ClassChart c;
    const Question& q = question(index);
    c.per_option.assign(asks_for_order(q.kind) ? 0 : q.options.size(), 0);
    for (const ClassPlayer& p : players_) {
        const PlayerAnswer& a = p.answers.at(index);
        if (p.removed || !a.graded) continue;
        if (a.chosen.empty()) ++c.no_answer;
        else if (!asks_for_order(q.kind)) ++c.per_option[a.chosen[0]];
        else if (a.grade.correct) ++c.right;
        else if (a.grade.in_place > 0) ++c.partly;
        else ++c.wrong;
    }
    return c;
}

bool ClassGame::tick(uint64_t now_ms) {
    if (paused_at_) return false;
    if (phase_ == ClassPhase::Question) {
        if (elapsed_since(opened_at_ms_, now_ms) >= time_limit_ms(index_)) return reveal();
        return false;
    }
    if (phase_ != ClassPhase::Running) return false;
    bool changed = false;
    for (ClassPlayer& p : players_) {
        if (p.removed || p.finished || p.answers[p.at].answered) continue;
        if (elapsed_since(p.opened_at_ms, now_ms) < time_limit_ms(p.at)) continue;
        p.answers[p.at].answered = true; // time up: no answer
        p.answers[p.at].elapsed_ms = time_limit_ms(p.at);
        grade_answer(p, p.at);
        changed = true;
    }
    return changed;
}

std::optional<int64_t> ClassGame::ms_until_due(uint64_t now_ms) const {
    if (paused_at_) return std::nullopt;
    std::optional<int64_t> soonest;
    auto consider = [&](uint64_t opened, size_t index) {
        const int64_t left = std::max<int64_t>(0, time_limit_ms(index) - elapsed_since(opened, now_ms));
        if (!soonest || left < *soonest) soonest = left;
    };
    if (phase_ == ClassPhase::Question) consider(opened_at_ms_, index_);
    if (phase_ == ClassPhase::Running)
        for (const ClassPlayer& p : players_)
            if (!p.removed && !p.finished && !p.answers[p.at].answered) consider(p.opened_at_ms, p.at);
    return soonest;
}

void ClassGame::reveal_if_all_answered() {
    if (phase_ == ClassPhase::Question && answered_count() >= expected_count()) reveal();
}

bool ClassGame::reveal() {
    if (phase_ != ClassPhase::Question) return false;
    paused_at_.reset();
    phase_ = ClassPhase::Reveal;
    for (ClassPlayer& p : players_)
        if (!p.removed && p.first_question <= index_) grade_answer(p, index_);
    return true;
}

bool ClassGame::next(uint64_t now_ms) {
    if (phase_ == ClassPhase::Reveal) {
        phase_ = ClassPhase::Leaderboard;
        return true;
    }
    if (phase_ != ClassPhase::Leaderboard) return false;
    if (index_ + 1 >= quiz_.questions.size()) phase_ = ClassPhase::Finished;
    else open(index_ + 1, now_ms);
    return true;
}

bool ClassGame::next_for(size_t seat, uint64_t now_ms) {
    if (phase_ != ClassPhase::Running || paused_at_ || seat >= players_.size()) return false;
    ClassPlayer& p = players_[seat];
    if (p.removed || p.finished || !p.answers[p.at].graded) return false;
    if (p.at + 1 >= quiz_.questions.size()) {
        p.finished = true;
        return true;
    }
    ++p.at;
    p.opened_at_ms = now_ms;
    return true;
}

bool ClassGame::pause(uint64_t now_ms) {
    if ((phase_ != ClassPhase::Question && phase_ != ClassPhase::Running) || paused_at_) return false;
    paused_at_ = now_ms;
    return true;
}

// The clocks that were running start again where they stood: each opening moves
// later by the time paused.
bool ClassGame::resume(uint64_t now_ms) {
    if (!paused_at_) return false;
    const uint64_t paused = now_ms - std::min(now_ms, *paused_at_);
    paused_at_.reset();
    opened_at_ms_ += paused;
    for (ClassPlayer& p : players_) p.opened_at_ms += paused;
    return true;
}

bool ClassGame::skip(uint64_t now_ms) {
    if (phase_ != ClassPhase::Question && phase_ != ClassPhase::Reveal) return false;
    void_question();
    if (index_ + 1 >= quiz_.questions.size()) phase_ = ClassPhase::Finished;
    else open(index_ + 1, now_ms);
    return true;
}

void ClassGame::void_question() {
    skipped_[index_] = true;
    paused_at_.reset();
    for (ClassPlayer& p : players_) {
        PlayerAnswer& a = p.answers[index_];
        if (a.graded) {
            // The streak before this question is the one its grade was given with.
            p.points -= a.grade.points;
            p.streak = 0;
            for (size_t q = index_; q-- > 0;) {
                if (skipped_[q]) continue;
                if (!p.answers[q].grade.correct) break;
                ++p.streak;
            }
        }
        a = PlayerAnswer{};
    }
}

bool ClassGame::end() {
    if (phase_ == ClassPhase::Finished) return false;
    if (phase_ == ClassPhase::Question) void_question();
    paused_at_.reset();
    phase_ = ClassPhase::Finished;
    return true;
}

std::vector<Standing> ClassGame::standings() const {
    std::vector<size_t> seats;
    std::vector<int> points;
    for (size_t s = 0; s < players_.size(); ++s)
        if (!players_[s].removed) {
            seats.push_back(s);
            points.push_back(players_[s].points);
        }
    std::vector<Standing> out = rank_by_points(points);
    for (Standing& s : out) s.entrant = seats[s.entrant];
    return out;
}

int ClassGame::rank(size_t seat) const {
    for (const Standing& s : standings())
        if (s.entrant == seat) return s.rank;
    return 0;
}

ClassGameRecord ClassGame::record(int64_t finished_at) const {
    ClassGameRecord g;
    g.pack_id = quiz_.pack_id;
    g.mode = settings_.mode;
    g.difficulty = quiz_.difficulty;
    g.seed = quiz_.seed;
    g.lang = quiz_.lang;
    g.finished_at = finished_at;
    for (size_t q = 0; q < quiz_.questions.size(); ++q) {
        const Question& question = quiz_.questions[q];
        ClassQuestionRecord r{question.kind, question.prompt, {}, question.answer, skipped_[q]};
        for (const Option& o : question.options) r.options.push_back(o.text);
        g.questions.push_back(std::move(r));
    }
    std::vector<int> rank_of(players_.size(), 0);
    for (const Standing& s : standings()) rank_of[s.entrant] = s.rank;
    std::vector<int> place(players_.size(), -1); // a kept player's index in g.players
    for (size_t seat = 0; seat < players_.size(); ++seat) {
        const ClassPlayer& p = players_[seat];
        if (p.removed) continue;
        int correct = 0;
        for (const PlayerAnswer& a : p.answers) correct += a.graded && a.grade.correct;
        place[seat] = static_cast<int>(g.players.size());
        g.players.push_back({p.name, p.points, rank_of[seat], correct});
    }
    for (size_t q = 0; q < quiz_.questions.size(); ++q)
        for (size_t seat = 0; seat < players_.size(); ++seat) {
            const PlayerAnswer& a = players_[seat].answers[q];
            // Ungraded: a question skipped (its answers taken back), never reached, or
            // open when the game ended.
            if (place[seat] < 0 || !a.graded) continue;
            g.answers.push_back({static_cast<int>(q), place[seat], a.chosen, a.grade.correct, a.grade.points, a.elapsed_ms});
        }
    return g;
}

} // namespace chronicle
