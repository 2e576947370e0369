#include "core/quiz/kinds/number.h"

#include <algorithm>
#include <cmath>

#include "core/quiz/question_maker.h"

namespace chronicle::kinds {

bool number_supported(const Pack& pack) { return !pack.numbers.empty(); }
size_t number_deck(const Pack& pack) { return pack.numbers.size(); }

std::optional<Question> make_number(QuestionMaker& g) {
    const std::optional<size_t> index = g.draw(Kind::Number);
    if (!index) return std::nullopt;
    const Pack& pack = g.pack();
    const NumberFact& fact = pack.numbers[*index];
    const double v = fact.value;
    const std::string& unit = g.tr(fact.unit);
    const bool integral = v == std::floor(v);
    const bool percent = unit == "%";

    // Plausible wrong values on each side: shares moved by points (a share is bounded),
    // other numbers scaled (easy by magnitudes, hard by near multiples), and the pack's
    // other numbers with the same unit; then, should a side be short, values nearer the
    // truth, so that the truth's rank can be any.
    const Difficulty d = g.options().difficulty;
    std::vector<double> preferred, fallback;
    if (percent) {
        const std::vector<double> steps = d == Difficulty::Easy ? std::vector<double>{20, 30, 40, 50, 60}
                                          : d == Difficulty::Hard ? std::vector<double>{3, 5, 8, 10, 12}
                                                                  : std::vector<double>{10, 15, 20, 25, 30};
        for (double step : steps) preferred.insert(preferred.end(), {v - step, v + step});
        for (double step : {5.0, 2.0, 1.0}) fallback.insert(fallback.end(), {v - step, v + step});
    } else if (v == 0) {
        preferred = {1, 10, 100, -1, -10};
    } else {
        const std::vector<double> factors = d == Difficulty::Easy ? std::vector<double>{10, 0.1, 100, 0.01, 1000}
                                            : d == Difficulty::Hard ? std::vector<double>{2, 0.5, 1.5, 3, 0.25, 5, 0.2}
                                                                    : std::vector<double>{10, 0.1, 2, 0.5, 5, 0.2, 100};
        for (double f : factors) preferred.push_back(v * f);
        for (double f : {0.75, 1.25, 0.6, 1.5, 0.4, 2.0, 0.3, 3.0}) fallback.push_back(v * f);
    }
    // A few of the pack's numbers with the same unit, drawn at random.
    const std::vector<size_t>& same_unit = pack.number_groups[pack.number_group[*index]];
    Deck others(same_unit.size());
    for (int taken = 0; taken < 8 && !others.empty();) {
        const NumberFact& other = pack.numbers[same_unit[others.draw(g.rng())]];
        if (&other != &fact) preferred.push_back(other.value), ++taken;
    }
    g.rng().shuffle(preferred);

    const std::string right_text = format_quantity(v, unit, g.lang());
    std::vector<std::string> texts{right_text};
    std::vector<double> lower, higher;
    for (const std::vector<double>* values : {&preferred, &fallback})
        for (double c : *values) {
            if (integral) c = std::round(c);
            if (!std::isfinite(c) || std::fabs(c - v) <= 1e-9 * std::max(1.0, std::fabs(v))) continue;
            if (v > 0 && c <= 0) continue;
            // A share is never all or nothing, nor the truth's complement ("20 %" or "80 %"?).
            if (percent && (c >= 100 || c <= 0 || c == 100 - v)) continue;
            const std::string text = format_quantity(c, unit, g.lang());
            if (std::find(texts.begin(), texts.end(), text) != texts.end()) continue;
            texts.push_back(text);
            (c < v ? lower : higher).push_back(c);
        }
    const auto split = g.ascending_slots(lower.size(), higher.size(), g.sizes().choices);
    if (!split) return std::nullopt;
    std::vector<double> shown(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(split->below));
    shown.insert(shown.end(), higher.begin(), higher.begin() + static_cast<std::ptrdiff_t>(split->above));
    shown.push_back(v);
    std::sort(shown.begin(), shown.end());

    Question q;
    q.kind = Kind::Number;
    q.key = "number:" + fact.id;
    q.prompt = g.tr(fact.question);
    q.explanation = right_text;
    q.reveals = {QuestionMaker::fact("value", fact.id)};
    q.answered_by = {{QuestionMaker::fact("value", fact.id)}};
    g.add_source_event(q, fact.event);
    for (size_t i = 0; i < shown.size(); ++i) {
        Option o;
        o.text = format_quantity(shown[i], unit, g.lang());
        o.value = shown[i];
        if (shown[i] == v) q.answer = {i};
        q.options.push_back(std::move(o));
    }
    QuestionMaker::letter(q);
    return q;
}

} // namespace chronicle::kinds
