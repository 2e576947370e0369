// chronicle_bench: how fast a big pack loads and how fast quizzes come out of it.
//
//   chronicle_bench [events] [--undated=PERCENT] [--only=load|generate|glyphs] [--kind=KIND] [--write=FILE]
//     events       default 100000
//     --undated    share of events without a date, default 2
//     --only       run just that part, repeatedly (load 5 times; generate for 5 s; glyphs: the
//                  pack's characters against its load, 5 times, as key=value lines), for a
//                  profiler: perf record -g chronicle_bench 20000 --only=generate
//     --kind       with --only=generate: only this kind of question ("first", "number", …)
//     --write      write the pack to FILE (its id: the file's name without .json) and
//                  stop, e.g. to fill a pack folder for startup_bench.sh
//
// Builds a synthetic pack in memory as JSON text (deterministic: the same text on
// every run and machine), then measures, best of several runs:
//   parse   plain nlohmann::json::parse of the text, and freeing the DOM it returns
//           (load_pack_text builds and frees one too), i.e. `{ json j = json::parse(text); }`
//   load    chronicle::load_pack_text (raw checks + parse + validation + index)
//   ratio   load / parse (goal: <= 1.5); also against the parse alone, without the free
// and questions generated per second (goal: >= 100,000/s) for 20-question quizzes
// with seeds 1, 2, … and for one 10,000-question quiz.
//
// A timing that takes over 10 s is not repeated.
// Prints human-readable lines (starting with '#'), then one `key=value` line per
// number for scripts.
// Not a test: it always exits 0 once the pack loads (it exits 1 if it does not).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/exchange/export.h"
#include "core/quiz/generator.h"
#include "core/pack/pack_loader.h"
#include "ui/messages.h"
#include "../synthetic_pack.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------

constexpr int kRuns = 5;

// Best of `runs` of `run`, which returns the milliseconds it measured (so that it can
// leave out freeing its result); a run over 10 s is not repeated.
template <class F> double best_of(F&& run, int runs = kRuns) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        best = std::min(best, run());
        if (best > 10'000) {
            std::printf("# (a run took %.1f s; not repeated)\n", best / 1e3);
            break;
        }
    }
    return best;
}

size_t g_sink = 0; // keeps results observable so no work is optimised away

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows even through a pipe
    int events = 100000;
    double undated_percent = 2.0;
    std::string only, write_to;
    std::optional<chronicle::Kind> only_kind;
    bool usage = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--kind=", 0) == 0) {
            only_kind = chronicle::kind_from_name(a.substr(7));
            usage |= !only_kind;
        } else if (a.rfind("--only=", 0) == 0) {
            only = a.substr(7);
            usage |= only != "load" && only != "generate" && only != "glyphs";
        } else if (a.rfind("--write=", 0) == 0) {
            write_to = a.substr(8);
            usage |= write_to.size() < 6 || write_to.substr(write_to.size() - 5) != ".json";
        } else if (a.rfind("--undated=", 0) == 0) {
            char* end = nullptr;
            undated_percent = std::strtod(a.c_str() + 10, &end);
            usage |= *end != '\0' || !(undated_percent >= 0 && undated_percent <= 100);
        } else {
            events = std::atoi(a.c_str());
            usage |= events < 10;
        }
    }
    if (usage) {
        std::fprintf(stderr, "usage: %s [events (>= 10, default 100000)] [--undated=PERCENT (default 2)] "
                             "[--only=load|generate|glyphs] [--kind=KIND] [--write=FILE.json]\n", argv[0]);
        return 2;
    }
    const auto undated = static_cast<uint32_t>(std::lround(undated_percent * 10));

    // Realistic sizes first; if the text is over the loader's size limit, shrink every
    // text until it fits (and say so), since a refused pack measures nothing.
    double scale = 1.0;
    auto t0 = Clock::now();
    std::string text = chronicle::test::synthetic_pack(events, scale, undated);
    const size_t realistic_bytes = text.size();
    for (int tries = 0; text.size() > chronicle::kMaxInputBytes && tries < 8; ++tries) {
        if (tries == 0) {
            const auto refused = chronicle::load_pack_text(text, "bench.json");
            std::printf("# note: with realistic text the pack is %.1f MB, over kMaxInputBytes (%zu MiB); the loader says:\n"
                        "#   %s\n",
                        static_cast<double>(text.size()) / 1e6, chronicle::kMaxInputBytes >> 20,
                        refused.diagnostics.empty()
                            ? "(nothing)"
                            : chronicle::ui::describe(refused.diagnostics[0], chronicle::ui::Lang::En).c_str());
        }
        scale *= 0.97 * static_cast<double>(chronicle::kMaxInputBytes) / static_cast<double>(text.size());
        text = chronicle::test::synthetic_pack(events, scale, undated);
    }
    if (scale != 1.0)
        std::printf("# note: text lengths scaled by %.2f so that the pack fits (%.1f MB)\n", scale,
                    static_cast<double>(text.size()) / 1e6);
    const double make_ms = ms_since(t0);
    const double mb = static_cast<double>(text.size()) / 1e6;

    if (!write_to.empty()) {
        const size_t slash = write_to.find_last_of('/');
        const std::string id = write_to.substr(slash == std::string::npos ? 0 : slash + 1);
        text.replace(text.find("\"bench-synthetic\""), 17, "\"" + id.substr(0, id.size() - 5) + "\"");
        std::FILE* out = std::fopen(write_to.c_str(), "wb");
        bool written = out && std::fwrite(text.data(), 1, text.size(), out) == text.size();
        if (out && std::fclose(out) != 0) written = false;
        std::printf("# %s: %.1f MB, %d events%s\n", write_to.c_str(), mb, events, written ? "" : " (NOT WRITTEN)");
        return written ? 0 : 1;
    }

    // The characters a screen may draw (pack_characters, what the font check reads; it
    // then looks up each distinct one once) against the load, medians of kRuns.
    if (only == "glyphs") {
        std::vector<double> load, glyphs;
        for (int i = 0; i < kRuns; ++i) {
            auto start = Clock::now();
            const chronicle::LoadResult r = chronicle::load_pack_text(text, "bench.json");
            load.push_back(ms_since(start));
            if (!r.pack) return 1;
            start = Clock::now();
            g_sink += chronicle::pack_characters(*r.pack).size();
            glyphs.push_back(ms_since(start));
        }
        std::sort(load.begin(), load.end());
        std::sort(glyphs.begin(), glyphs.end());
        std::printf("# characters of the pack: %.1f ms; load %.1f ms (medians)\nglyph_ms=%.2f\nload_ms=%.2f\nglyph_share=%.4f\n",
                    glyphs[kRuns / 2], load[kRuns / 2], glyphs[kRuns / 2], load[kRuns / 2], glyphs[kRuns / 2] / load[kRuns / 2]);
        return 0;
    }

    if (only == "load") {
        for (int i = 0; i < kRuns; ++i) {
            const auto start = Clock::now();
            const chronicle::LoadResult r = chronicle::load_pack_text(text, "bench.json");
            std::printf("# load: %.1f ms (%s)\n", ms_since(start), r.pack ? "loaded" : "REFUSED");
        }
        return 0;
    }

    // (a) plain parse, with freeing the DOM (load_pack_text frees its own DOM inside);
    // (b) Chronicle's load, without freeing the Pack it returns. The last load's result
    // is checked and used below.
    const bool timing = only.empty(); // --only=generate: load once, untimed
    double parse_only_ms = 1e300;
    const double parse_ms = !timing ? 1 : best_of([&] {
        const auto start = Clock::now();
        {
            nlohmann::json j = nlohmann::json::parse(text);
            parse_only_ms = std::min(parse_only_ms, ms_since(start));
            g_sink += j.size();
        }
        return ms_since(start);
    });
    if (timing)
        std::printf("# parse (nlohmann::json::parse):  %8.1f ms  (%.0f MB/s), of which freeing the DOM %.1f ms\n", parse_ms,
                    mb / parse_ms * 1e3, parse_ms - parse_only_ms);
    chronicle::LoadResult checked;
    const double load_ms = best_of([&] {
        const auto start = Clock::now();
        chronicle::LoadResult r = chronicle::load_pack_text(text, "bench.json");
        const double ms = ms_since(start);
        checked = std::move(r);
        return ms;
    }, timing ? kRuns : 1);
    if (!checked.pack) {
        std::fprintf(stderr, "chronicle_bench: the synthetic pack does not load:\n");
        size_t shown = 0;
        for (const auto& d : checked.diagnostics)
            if (d.severity == chronicle::Severity::Error && shown++ < 20)
                std::fprintf(stderr, "  %s\n", chronicle::ui::describe(d, chronicle::ui::Lang::En).c_str());
        return 1;
    }
    const size_t warnings = checked.diagnostics.size();
    const chronicle::Pack& pack = *checked.pack;
    std::printf("# pack: %d events (%zu dated, chain %zu), %zu people, %zu quotes, %zu numbers, %zu questions; "
                "%.1f MB of JSON made in %.0f ms; %zu warnings\n",
                static_cast<int>(pack.events.size()), pack.dated_event_count(), pack.longest_chain.size(),
                pack.people.size(), pack.quotes.size(), pack.numbers.size(), pack.questions.size(), mb, make_ms, warnings);
    const double ratio = load_ms / parse_ms;
    if (timing) {
        std::printf("# load  (load_pack_text):         %8.1f ms  (%.0f MB/s)\n", load_ms, mb / load_ms * 1e3);
        std::printf("# load / parse = %.2f (goal <= 1.5: %s); load / parse without the free = %.2f\n", ratio,
                    ratio <= 1.5 ? "met" : "MISSED", load_ms / parse_only_ms);
    }

    if (only == "generate") {
        chronicle::QuizOptions o;
        o.count = 20;
        if (only_kind) o.kinds = {*only_kind};
        long long qs = 0;
        const auto start = Clock::now();
        for (uint64_t seed = 1; ms_since(start) < 5000; ++seed) {
            o.seed = seed;
            qs += static_cast<long long>(chronicle::generate_quiz(pack, o).questions.size());
        }
        std::printf("# generate: %.0f questions/s\n", static_cast<double>(qs) / ms_since(start) * 1e3);
        return 0;
    }

    // Questions per second: 20-question quizzes, seeds 1, 2, …, for at least a second.
    chronicle::QuizOptions options;
    options.count = 20;
    options.difficulty = chronicle::Difficulty::Normal;
    long long small_questions = 0, small_quizzes = 0;
    t0 = Clock::now();
    double small_ms = 0;
    for (uint64_t seed = 1; small_ms < 1000 || small_quizzes < 100; ++seed) {
        options.seed = seed;
        const chronicle::Quiz quiz = chronicle::generate_quiz(pack, options);
        small_questions += static_cast<long long>(quiz.questions.size());
        ++small_quizzes;
        if ((small_quizzes & 15) == 0) small_ms = ms_since(t0);
    }
    small_ms = ms_since(t0);
    const double small_qps = static_cast<double>(small_questions) / small_ms * 1e3;
    std::printf("# %lld quizzes of %zu (%lld questions) in %.0f ms: %.0f questions/s, %.1f us/quiz (goal >= 100000/s: %s)\n",
                small_quizzes, options.count, small_questions, small_ms, small_qps, small_ms * 1e3 / static_cast<double>(small_quizzes),
                small_qps >= 100000 ? "met" : "MISSED");

    // One big quiz.
    options.count = 10000;
    options.seed = 7;
    size_t big_questions = 0;
    std::string exported;
    const double big_ms = best_of(
        [&] {
            const auto start = Clock::now();
            const chronicle::Quiz quiz = chronicle::generate_quiz(pack, options);
            const double ms = ms_since(start);
            big_questions = quiz.questions.size();
            return ms;
        },
        3);
    const double big_qps = static_cast<double>(big_questions) / big_ms * 1e3;
    std::printf("# one quiz of %zu asked: %zu questions in %.1f ms: %.0f questions/s (goal >= 100000/s: %s)\n",
                options.count, big_questions, big_ms, big_qps, big_qps >= 100000 ? "met" : "MISSED");

    // Per kind, for the profile (big quiz of a single kind; a kind that runs dry stops early).
    std::printf("# per kind, quizzes of 20, seeds 1..200:\n");
    std::string per_kind;
    for (chronicle::Kind k : chronicle::kAllKinds) {
        chronicle::QuizOptions o;
        o.count = 20;
        o.kinds = {k};
        long long qs = 0;
        const auto k0 = Clock::now();
        for (uint64_t seed = 1; seed <= 200; ++seed) {
            o.seed = seed;
            qs += static_cast<long long>(chronicle::generate_quiz(pack, o).questions.size());
        }
        const double ms = ms_since(k0);
        const double qps = qs ? static_cast<double>(qs) / ms * 1e3 : 0;
        std::printf("#   %-13s %7lld questions %9.0f questions/s\n", chronicle::kind_name(k), qs, qps);
        per_kind += std::string("qps_") + chronicle::kind_name(k) + "=" + std::to_string(static_cast<long long>(qps)) + "\n";
    }

    // Exporting the big quiz (for information).
    options.count = 10000;
    const chronicle::Quiz big = chronicle::generate_quiz(pack, options);
    const double export_ms = best_of(
        [&] {
            const auto start = Clock::now();
            exported = chronicle::quiz_to_json(big);
            return ms_since(start);
        },
        3);
    std::printf("# quiz_to_json of %zu questions: %.1f ms (%.1f MB)\n", big.questions.size(), export_ms,
                static_cast<double>(exported.size()) / 1e6);

    std::printf("events=%d\n", events);
    std::printf("undated_percent=%.1f\n", undated_percent);
    std::printf("warnings=%zu\n", warnings);
    std::printf("text_scale=%.3f\n", scale);
    std::printf("realistic_mb=%.2f\n", static_cast<double>(realistic_bytes) / 1e6);
    std::printf("mb=%.2f\n", mb);
    std::printf("parse_ms=%.2f\n", parse_ms);
    std::printf("load_ms=%.2f\n", load_ms);
    std::printf("ratio=%.3f\n", ratio);
    std::printf("parse_only_ms=%.2f\n", parse_only_ms);
    std::printf("ratio_parse_only=%.3f\n", load_ms / parse_only_ms);
    std::printf("questions_per_s=%.0f\n", small_qps);
    std::printf("questions_per_s_big=%.0f\n", big_qps);
    std::printf("big_quiz_questions=%zu\n", big_questions);
    std::printf("%s", per_kind.c_str());
    std::printf("export_ms=%.2f\n", export_ms);
    std::fprintf(stderr, "%s", g_sink == 42 ? " " : "");
    return 0;
}
