#include "core/quiz/scoring.h"

#include <algorithm>

namespace chronicle {

const char* mode_name(Mode m) { return m == Mode::Timed ? "timed" : m == Mode::Test ? "test" : "practice"; }

std::optional<Mode> mode_from_name(std::string_view name) {
    for (Mode m : kAllModes)
        if (name == mode_name(m)) return m;
    return std::nullopt;
}

bool reveals_each_answer(Mode m) { return m != Mode::Test; }

ScoreRules rules_for(Mode m, bool partial_order_credit) {
    ScoreRules rules;
    if (m == Mode::Timed) rules.time_limit_ms = 20'000;
    rules.partial_order_credit = partial_order_credit;
    return rules;
}

int64_t ScoreRules::limit_for(Kind k) const {
    if (asks_for_order(k)) return time_limit_ms * 3 / 2;
    if (k == Kind::TrueFalse) return time_limit_ms * 3 / 4;
    return time_limit_ms;
}

namespace {

// The length of the longest strictly increasing subsequence (patience sorting).
size_t longest_increasing(const std::vector<size_t>& values) {
    std::vector<size_t> tails; // tails[k]: the least last value of an increasing run of k + 1
    for (size_t v : values) {
        const auto at = std::lower_bound(tails.begin(), tails.end(), v);
        if (at == tails.end()) tails.push_back(v);
        else *at = v;
    }
    return tails.size();
}

} // namespace

std::vector<Standing> rank_by_points(const std::vector<int>& points) {
    std::vector<Standing> out;
    for (size_t e = 0; e < points.size(); ++e) out.push_back({e, points[e], 1});
    std::stable_sort(out.begin(), out.end(), [](const Standing& a, const Standing& b) { return a.points > b.points; });
    for (size_t i = 0; i < out.size(); ++i)
        out[i].rank = i > 0 && out[i].points == out[i - 1].points ? out[i - 1].rank : static_cast<int>(i) + 1;
    return out;
}

Grade grade(const Question& q, const std::vector<size_t>& chosen, int64_t elapsed_ms, int streak_before,
            const ScoreRules& rules) {
    Grade g;
    const size_t n = q.options.size();
    switch (kind_spec(q.kind).answering) {
    case Answering::Arrange: {
        std::vector<size_t> rank(n, 0); // rank[option] = true chronological position
        for (size_t pos = 0; pos < q.answer.size(); ++pos) rank[q.answer[pos]] = pos;
        std::vector<size_t> sorted = chosen;
        std::sort(sorted.begin(), sorted.end());
        bool permutation = chosen.size() == n;
        for (size_t i = 0; permutation && i < n; ++i) permutation = sorted[i] == i;
        g.placed = static_cast<int>(n);
        if (permutation) {
            std::vector<size_t> ranks; // the true positions, in the player's order
            for (size_t option : chosen) ranks.push_back(rank[option]);
            const size_t ordered = longest_increasing(ranks);
            g.in_place = ordered >= 2 ? static_cast<int>(ordered) : 0;
            g.correct = ordered == n;
        }
        break;
    }
    case Answering::OneOption:
        g.correct = chosen.size() == 1 && chosen[0] < n && !q.answer.empty() && chosen[0] == q.answer[0];
        break;
    }
    const int64_t limit = rules.limit_for(q.kind);
    if (limit > 0 && elapsed_ms > limit) {
        g.timed_out = true;
        g.correct = false;
    }
    const bool partly = !g.correct && !g.timed_out && rules.partial_order_credit && g.in_place > 0;
    if (!g.correct && !partly) return g;
    int64_t points = rules.base_points;
    if (limit > 0) {
        const int64_t t = std::max<int64_t>(0, elapsed_ms);
        points -= rules.base_points * t / (2 * limit);
    }
    if (partly) points = points * g.in_place / g.placed;
    else points += std::min(streak_before * rules.streak_bonus, rules.max_streak_bonus);
    g.points = static_cast<int>(points);
    return g;
}

QuizSession::QuizSession(Quiz quiz, ScoreRules rules) : quiz_(std::move(quiz)), rules_(rules) {}

std::optional<Grade> QuizSession::answer(const std::vector<size_t>& chosen, int64_t elapsed_ms) {
    if (finished()) return std::nullopt;
    if (answered()) return answers_[index_].grade;
    const Question& q = current();
    Answer a;
    a.chosen = chosen;
    a.elapsed_ms = elapsed_ms;
    a.grade = grade(q, chosen, elapsed_ms, score_.streak, rules_);
    KindResult& kind = score_.by_kind[index_of(q.kind)];
    ++kind.asked;
    ++score_.answered;
    score_.points += a.grade.points; // an order partly right earns some and ends the streak
    if (a.grade.correct) {
        ++kind.correct;
        ++score_.correct;
        ++score_.streak;
        score_.best_streak = std::max(score_.best_streak, score_.streak);
    } else {
        score_.streak = 0;
    }
    answers_.push_back(std::move(a));
    return answers_.back().grade;
}

bool QuizSession::advance() {
    if (finished() || !answered()) return false;
    ++index_;
    return true;
}

} // namespace chronicle
