#include "core/play/team_game.h"

#include <algorithm>

namespace chronicle {

TeamGame::TeamGame(Quiz quiz, std::vector<Team> teams, uint64_t now_ms)
    : quiz_(std::move(quiz)), teams_(std::move(teams)), rules_(rules_for(Mode::Timed)) {
    auto& qs = quiz_.questions;
    qs.erase(std::remove_if(qs.begin(), qs.end(), [](const Question& q) { return asks_for_order(q.kind); }), qs.end());
    answers_.assign(qs.size(), {});
    skipped_.assign(qs.size(), false);
    if (qs.empty()) step_ = TeamStep::Finished;
    else open(0, now_ms);
}

void TeamGame::open(size_t question, uint64_t now_ms) {
    index_ = question;
    step_ = TeamStep::Asking;
    answers_[index_].assign(teams_.size(), TeamAnswer{});
    skipped_[index_] = false;
    opened_at_ms_ = now_ms;
    paused_ms_ = 0;
    paused_at_.reset();
}

int64_t TeamGame::elapsed_ms(uint64_t now_ms) const {
    const uint64_t until = paused_at_ ? *paused_at_ : now_ms;
    return static_cast<int64_t>(until - std::min(until, opened_at_ms_)) - paused_ms_;
}

int64_t TeamGame::time_limit_ms() const { return rules_.limit_for(question().kind); }

std::optional<int64_t> TeamGame::ms_left(uint64_t now_ms) const {
    if (step_ != TeamStep::Asking) return std::nullopt;
    return std::max<int64_t>(0, time_limit_ms() - elapsed_ms(now_ms));
}

bool TeamGame::enter(size_t team, size_t option, uint64_t now_ms) {
    if (step_ != TeamStep::Asking || team >= teams_.size() || option >= question().options.size()) return false;
    TeamAnswer& a = answers_[index_][team];
    a.option = option;
    a.elapsed_ms = elapsed_ms(now_ms);
    return true;
}

int TeamGame::streak_before(size_t team) const {
    int streak = 0;
    for (size_t q = index_; q-- > 0;) {
        if (skipped_[q]) continue;
        if (!answers_[q].at(team).correct) break;
        ++streak;
    }
    return streak;
}

// A right answer entered after the limit still earns the least (half): the teacher
// enters the teams one after another, and a class is not a stopwatch.
void TeamGame::regrade(size_t team) {
    TeamAnswer& a = answers_[index_][team];
    a.points = 0;
    if (!a.correct) return;
    const int64_t elapsed = std::min(a.elapsed_ms, time_limit_ms());
    a.points = grade(question(), question().answer, elapsed, streak_before(team), rules_).points;
}

bool TeamGame::reveal(uint64_t now_ms) {
    if (step_ != TeamStep::Asking) return false;
    const int64_t at = elapsed_ms(now_ms);
    paused_at_.reset();
    step_ = TeamStep::Revealed;
    for (size_t t = 0; t < teams_.size(); ++t) {
        TeamAnswer& a = answers_[index_][t];
        if (!a.option) a.elapsed_ms = at;
        a.correct = a.option && grade(question(), {*a.option}, 0, 0, rules_).correct;
        regrade(t);
    }
    return true;
}

bool TeamGame::mark(size_t team, bool right) {
    if (step_ != TeamStep::Revealed || team >= teams_.size()) return false;
    answers_[index_][team].correct = right;
    regrade(team);
    return true;
}

bool TeamGame::next(uint64_t now_ms) {
    if (step_ == TeamStep::Revealed) {
        step_ = TeamStep::Leaderboard;
        return true;
    }
    if (step_ != TeamStep::Leaderboard) return false;
    if (index_ + 1 >= quiz_.questions.size()) step_ = TeamStep::Finished;
    else open(index_ + 1, now_ms);
    return true;
}

bool TeamGame::pause(uint64_t now_ms) {
    if (step_ != TeamStep::Asking || paused_at_) return false;
    paused_at_ = now_ms;
    return true;
}

bool TeamGame::resume(uint64_t now_ms) {
    if (!paused_at_) return false;
    paused_ms_ += static_cast<int64_t>(now_ms - std::min(now_ms, *paused_at_));
    paused_at_.reset();
    return true;
}

bool TeamGame::skip(uint64_t now_ms) {
    if (step_ != TeamStep::Asking && step_ != TeamStep::Revealed) return false;
    answers_[index_].assign(teams_.size(), TeamAnswer{});
    skipped_[index_] = true;
    paused_at_.reset();
    if (index_ + 1 >= quiz_.questions.size()) step_ = TeamStep::Finished;
    else open(index_ + 1, now_ms);
    return true;
}

bool TeamGame::back(uint64_t now_ms) {
    if (step_ == TeamStep::Finished) return false;
    if (step_ == TeamStep::Asking) {
        if (index_ == 0) return false;
        answers_[index_].clear();
        open(index_ - 1, now_ms);
    } else {
        open(index_, now_ms);
    }
    return true;
}

int TeamGame::points(size_t team) const {
    int total = 0;
    for (const std::vector<TeamAnswer>& question : answers_)
        if (team < question.size()) total += question[team].points;
    return total;
}

std::vector<Standing> TeamGame::standings() const {
    std::vector<int> totals;
    for (size_t t = 0; t < teams_.size(); ++t) totals.push_back(points(t));
    return rank_by_points(totals);
}

std::vector<Standing> TeamGame::podium() const {
    std::vector<Standing> out = standings();
    if (out.size() > 3) out.resize(3);
    return out;
}

TeamGameRecord TeamGame::record(int64_t finished_at) const {
    TeamGameRecord g;
    g.pack_id = quiz_.pack_id;
    g.difficulty = quiz_.difficulty;
    g.seed = quiz_.seed;
    g.lang = quiz_.lang;
    g.finished_at = finished_at;
    g.questions = static_cast<int>(quiz_.questions.size());
    for (size_t t = 0; t < teams_.size(); ++t) g.teams.push_back({teams_[t].name, teams_[t].colour, points(t)});
    for (size_t q = 0; q < answers_.size(); ++q) {
        if (skipped_[q]) continue;
        const Question& question = quiz_.questions[q];
        for (size_t t = 0; t < answers_[q].size(); ++t) {
            const TeamAnswer& a = answers_[q][t];
            const std::string chosen = a.option ? question.options[*a.option].text : std::string();
            g.answers.push_back({static_cast<int>(q), static_cast<int>(t), question.prompt, chosen, a.correct, a.points, a.elapsed_ms});
        }
    }
    return g;
}

} // namespace chronicle
