// chronicle_quiz_figures: how varied and how leak-free generated quizzes are, measured
// on one pack over seeds 1..N (issue 10's figures). A program to run by hand:
//   cmake --build build --target chronicle_quiz_figures
//   ./build/tests/bench/chronicle_quiz_figures [pack.json] [--count=10] [--difficulty=normal] [--seeds=200]
// "The same question" is the issue's: the same prompt, or for kinds that order events,
// the same set of events. A leak is a who_did asked after its event's headline or text
// was printed (prompt, option or explanation) earlier in the same quiz.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/pack/pack_loader.h"
#include "core/quiz/generator.h"
#include "../same_question.h"

using namespace chronicle;
using chronicle::test::orders_events;
using chronicle::test::same_question_key;

namespace {

const Event* find_event(const Pack& p, const std::string& id) {
    for (const Event& e : p.events)
        if (e.id == id) return &e;
    return nullptr;
}

} // namespace

int main(int argc, char** argv) {
    std::string file = "questions/openai-2023.json";
    QuizOptions options;
    int seeds = 200;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--count=", 0) == 0) options.count = std::strtoul(a.c_str() + 8, nullptr, 10);
        else if (a.rfind("--seeds=", 0) == 0) seeds = std::atoi(a.c_str() + 8);
        else if (a.rfind("--difficulty=", 0) == 0) options.difficulty = difficulty_from_name(a.substr(13)).value_or(Difficulty::Normal);
        else file = a;
    }
    LoadResult r = load_pack_file(file);
    if (!r.pack) {
        std::fprintf(stderr, "%s does not load\n", file.c_str());
        return 1;
    }
    const Pack& pack = *r.pack;
    options.lang = "en";

    std::vector<std::set<std::string>> quizzes;
    std::map<std::string, Kind> kind_of; // identity → kind (ordering kinds share theirs)
    std::map<Kind, size_t> asked_by_kind;
    std::set<std::string> distinct;
    size_t questions = 0, short_quizzes = 0, who_did = 0, who_did_leaked = 0, sets_twice = 0, when_leaked = 0, whens = 0;
    size_t authored = 0, who_said = 0, all_authored = 0, all_who_said = 0, over_share = 0;
    for (int seed = 1; seed <= seeds; ++seed) {
        options.seed = static_cast<uint64_t>(seed);
        const Quiz quiz = generate_quiz(pack, options);
        if (quiz.questions.size() < options.count) ++short_quizzes;
        std::set<std::string> ids, sets;
        std::string shown; // everything printed so far: prompts, options, explanations
        std::map<std::string, int> uses;
        size_t quiz_authored = 0, quiz_who_said = 0;
        bool twice = false;
        for (const Question& q : quiz.questions) {
            ++questions;
            ids.insert(same_question_key(q));
            distinct.insert(same_question_key(q));
            kind_of[same_question_key(q)] = orders_events(q.kind) ? Kind::First : q.kind;
            ++asked_by_kind[q.kind];
            if (orders_events(q.kind) && !sets.insert(same_question_key(q)).second) twice = true;
            for (const std::string& e : q.events) ++uses[e];
            if (q.kind == Kind::WhoDid) {
                ++who_did;
                const Event* e = find_event(pack, q.events.at(0));
                const std::string& headline = pack.text(e->headline, "en");
                const std::string& text = pack.text(e->text, "en");
                if (shown.find(headline) != std::string::npos || (!text.empty() && shown.find(text) != std::string::npos))
                    ++who_did_leaked;
            }
            if (q.kind == Kind::When) {
                ++whens;
                if (shown.find(q.options[q.answer.at(0)].text + " — " + pack.text(find_event(pack, q.events.at(0))->headline, "en")) !=
                    std::string::npos)
                    ++when_leaked;
            }
            quiz_authored += q.kind == Kind::Authored;
            quiz_who_said += q.kind == Kind::WhoSaid;
            shown += q.prompt + "\n" + q.explanation + "\n";
            for (const Option& o : q.options) shown += o.text + "\n";
        }
        // An event asked more than its share: more than one question above the even
        // spread over the dated events while some dated event went unused.
        size_t event_uses = 0;
        int most = 0;
        for (const auto& [id, n] : uses) event_uses += static_cast<size_t>(n), most = std::max(most, n);
        const size_t dated = std::max<size_t>(1, pack.by_time.size());
        const size_t share = (event_uses + dated - 1) / dated;
        if (uses.size() < dated && static_cast<size_t>(most) > share + 1) ++over_share;
        sets_twice += twice;
        authored += quiz_authored;
        who_said += quiz_who_said;
        all_authored += quiz_authored == pack.questions.size() && !pack.questions.empty();
        all_who_said += quiz_who_said == pack.quotes.size() && !pack.quotes.empty();
        quizzes.push_back(std::move(ids));
    }
    auto shared = [&](size_t a, size_t b) {
        size_t n = 0;
        for (const std::string& s : quizzes[a]) n += quizzes[b].count(s);
        return n;
    };
    double all_pairs = 0, consecutive = 0;
    size_t pairs = 0;
    std::map<Kind, size_t> shared_by_kind;
    for (size_t a = 0; a < quizzes.size(); ++a)
        for (size_t b = a + 1; b < quizzes.size(); ++b) {
            all_pairs += static_cast<double>(shared(a, b)), ++pairs;
            for (const std::string& s : quizzes[a])
                if (quizzes[b].count(s)) ++shared_by_kind[kind_of[s]];
        }
    for (size_t a = 0; a + 1 < quizzes.size(); ++a) consecutive += static_cast<double>(shared(a, a + 1));
    const double n = seeds;
    std::printf("pack %s, %zu-question %s quizzes, seeds 1..%d\n", pack.id.c_str(), options.count,
                difficulty_name(options.difficulty), seeds);
    std::printf("questions shared by two quizzes: %.2f (all pairs), %.2f (consecutive seeds)\n", all_pairs / static_cast<double>(pairs),
                consecutive / (n - 1));
    std::printf("distinct questions over all seeds: %zu; quizzes shorter than asked: %zu; questions per quiz %.1f\n", distinct.size(),
                short_quizzes, static_cast<double>(questions) / n);
    std::printf("who_did after its event's headline or text was shown: %zu of %zu (%.0f %%)\n", who_did_leaked, who_did,
                who_did ? 100.0 * static_cast<double>(who_did_leaked) / static_cast<double>(who_did) : 0.0);
    std::printf("when after its event's date and headline were shown: %zu of %zu\n", when_leaked, whens);
    std::printf("quizzes asking one set of events twice: %zu of %d\n", sets_twice, seeds);
    std::printf("quizzes with an event over its share while another is unused: %zu of %d\n", over_share, seeds);
    std::printf("authored per quiz %.2f (all %zu in %zu quizzes), who_said per quiz %.2f (all %zu in %zu quizzes)\n",
                static_cast<double>(authored) / n, pack.questions.size(), all_authored, static_cast<double>(who_said) / n,
                pack.quotes.size(), all_who_said);
    std::printf("per kind: asked per quiz / shared by two quizzes (ordering kinds together, as first)\n");
    for (Kind k : kAllKinds)
        std::printf("  %-12s %.2f / %.2f\n", kind_name(k), static_cast<double>(asked_by_kind[k]) / n,
                    static_cast<double>(shared_by_kind[k]) / static_cast<double>(pairs));
    QuizOptions all = options;
    std::printf("quiz_capacity: %zu\n", quiz_capacity(pack, all));
    return 0;
}
