// Index
//   1. Shared: diagnostics, missing glyphs, usage errors
//   2. Subcommands: validate, packs, export, host, import, results, progress
//   3. Dispatch
#include "app/cli.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "core/pack/discovery.h"
#include "core/learn/progress_input.h"
#include "core/store/settings.h"
#include "core/exchange/class_report.h"
#include "core/exchange/export.h"
#include "core/quiz/generator.h"
#include "core/exchange/importer.h"
#include "core/pack/install.h"
#include "core/pack/pack_loader.h"
#include "core/base/paths.h"
#include "core/store/storage.h"
#include "app/class_session.h"
#include "app/clock.h"
#include "app/game.h"
#include "core/base/text.h"
#include "print/worksheet.h"
#include "ui/font_coverage.h"
#include "ui/messages.h"
#include "ui/progress_words.h"

namespace chronicle {

namespace fs = std::filesystem;

namespace {

const char* const kUsage = R"(chronicle — a quiz game generated from packs of dated events

Usage:
  chronicle [--fullscreen]       open the game window
  chronicle validate FILE...     check pack files (- reads standard input); problems as file:line:col: error: ...
  chronicle packs                list the packs found (bundled and the user's folder)
  chronicle export --pack ID|FILE [options]
                                 print a generated quiz
      --seed N                   the same seed gives the same quiz (default: from the clock)
      --count N                  number of questions (default 10); a pack that has fewer
                                 gives what it has and says so on stderr
      --lang L                   language of the quiz (default: the pack's)
      --kinds k1,k2              first,last,order,before_after,when,interval,who_said,who_did,
                                 number,true_false,authored
      --difficulty D             easy, normal or hard (default normal)
      --format json|md|pdf       chronicle-quiz/1 JSON, a printable quiz with its answer key
                                 (Markdown), or a worksheet to print (PDF) with its answer key
      --paper a4|letter          the worksheet's paper (default a4)
      -o FILE                    write to FILE (replacing it) instead of standard output
  chronicle host --pack ID [options]
                                 host a class game: the window opens on its lobby
  chronicle host --pack ID|FILE --no-window [options]
                                 host it from the terminal: phones join at the address
                                 and PIN printed; the game is run from standard input
                                 (start, next, reveal, pause, resume, skip, end,
                                 remove SEAT, rename SEAT NAME, players, quit)
      --seed, --count, --lang, --kinds, --difficulty   as for export (--count at most 1000)
      --self-paced               each student at their own pace (homework)
      --time S                   seconds for a question of the usual kind (default 20)
      --tiles-only               phones show coloured tiles, not the texts
      --port N                   the port to listen on (default 8787; 0: any free one)
      --bind ADDR                listen on one interface only (default: all)
  chronicle import FILE [options]
                                 make a pack from a TimelineJS timeline (JSON) or a
                                 spreadsheet saved as CSV; bad rows are reported and skipped
      -o PACK.json               where to write it (default: FILE's name + .pack.json, beside it)
      --install                  write it into the user's pack folder, where the game finds it
      --id ID                    the pack's id (default: from the file name)
      --lang L                   the language the text is in (default: guessed, zh or en)
      --force                    replace an existing pack file
  chronicle results list         the class games saved, newest first
  chronicle results export --game ID [options]
                                 a class game's results as CSV for a spreadsheet: the
                                 players by rank, then how each question went
      -o FILE                    where to write it (default: standard output)
      --force                    replace an existing file
  chronicle progress [options]   what the player knows of each pack, what is due, how well
                                 they answer lately, by day and by kind, and their streak
      --pack ID                  one pack (default: every pack found)
      --format text|json         words in the interface language (default), or
                                 chronicle-progress JSON (version 1)
  chronicle progress export FILE save one's progress (every game and review) to a new file
  chronicle progress import FILE add a progress file's games and reviews to this machine's
                                 save (what both hold is kept once)
  chronicle --help | --version

Packs are read from the bundled questions/ folder and from the user's folder
($CHRONICLE_DATA_DIR/packs, else $XDG_DATA_HOME/chronicle/packs, else ~/.local/share/chronicle/packs).
Games are saved in chronicle.db in the user's folder.
)";

// ---------------------------------------------------------------------------
// 1. Shared
// ---------------------------------------------------------------------------

// Text from a pack or a file name goes through printable(): control characters in it
// would recolour, retitle or ring the terminal.
void print_diagnostics(const std::vector<Diagnostic>& ds) {
    for (const Diagnostic& d : ds) std::cerr << printable(ui::describe(d, ui::Lang::En)) << "\n";
}

// Characters no bundled or system font has would show as '?' in the game.
void warn_missing_glyphs(ui::FontCoverage& fonts, const std::string& file, const Pack& pack) {
    const std::string missing = fonts.missing(pack_characters(pack));
    if (!missing.empty())
        std::cerr << printable(file) << ": warning: no font can show these characters, the game would draw '?' instead: "
                  << printable(missing) << " (install a font that has them, or change the text)\n";
}

int usage_error(const std::string& message) {
    std::cerr << "chronicle: " << printable(message) << "\nTry 'chronicle --help'.\n";
    return 2;
}

// ---------------------------------------------------------------------------
// 2. Subcommands
// ---------------------------------------------------------------------------

// "1 event", "1,200 events": English counts with their plural and thousands grouped.
template <class Count> std::string plural(Count n, const char* one, const char* many) {
    return format_number(static_cast<double>(n), "en") + " " + (n == 1 ? one : many);
}

int cmd_validate(const std::vector<std::string>& files) {
    if (files.empty()) return usage_error("validate needs at least one pack file");
    bool all_valid = true;
    ui::FontCoverage fonts(ui::bundled_fonts());
    for (const std::string& file : files) {
        const LoadResult r = load_pack_file(file);
        print_diagnostics(r.diagnostics);
        if (!r.pack) {
            all_valid = false;
            std::cout << printable(file) << ": invalid (" << plural(r.diagnostics.size(), "problem", "problems") << ")\n";
            continue;
        }
        warn_missing_glyphs(fonts, file, *r.pack);
        std::cout << printable(file) << ": ok, pack \"" << r.pack->id << "\", " << plural(r.pack->events.size(), "event", "events") << ", "
                  << plural(r.diagnostics.size(), "warning", "warnings") << "\n";
    }
    return all_valid ? 0 : 1;
}

std::string pack_status(const PackEntry& e) {
    if (e.pack) {
        const size_t warnings = e.diagnostics.size();
        return warnings ? "ok, " + std::to_string(warnings) + " warning" + (warnings == 1 ? "" : "s") : "ok";
    }
    const std::string first = e.diagnostics.empty() ? "unreadable" : ui::describe(e.diagnostics.front(), ui::Lang::En);
    return "error: " + first;
}

int cmd_packs() {
    if (!user_data_folder())
        std::cerr << "chronicle: note: " << ui::message(Issue{Problem::NoDataFolder}, ui::Lang::En)
                  << "; only the bundled packs are listed\n";
    const std::vector<PackEntry> entries = discover_packs(default_pack_folders());
    if (entries.empty()) {
        std::cout << "No packs found in:\n";
        for (const PackFolder& f : default_pack_folders()) std::cout << "  " << f.origin << ": " << printable(f.path) << "\n";
        return 0;
    }
    for (const PackEntry& e : entries) {
        const std::string langs = e.pack ? join(e.pack->languages, ",") : "";
        std::cout << (e.pack ? e.pack->id : "-") << "\n"
                  << "  title:     " << (e.pack ? printable(e.pack->text(e.pack->title, e.pack->default_language)) : "-") << "\n"
                  << "  languages: " << (langs.empty() ? "-" : langs) << "\n"
                  << "  events:    " << (e.pack ? std::to_string(e.pack->events.size()) : "-") << "\n"
                  << "  path:      " << printable(e.path) << " (" << e.origin << ")\n"
                  << "  status:    " << printable(pack_status(e)) << "\n";
    }
    return 0;
}

// A pack named by file (anything that exists or ends in .json) or by id.
std::optional<Pack> find_pack(const std::string& name) {
    std::error_code ec;
    if (fs::exists(name, ec) || fs::path(name).extension() == ".json") {
        LoadResult r = load_pack_file(name);
        print_diagnostics(r.diagnostics);
        return std::move(r.pack);
    }
    for (PackEntry& e : discover_packs(default_pack_folders())) {
        if (e.pack && e.pack->id == name) return std::move(e.pack);
    }
    std::cerr << "chronicle: no pack with id \"" << printable(name) << "\"; 'chronicle packs' lists them\n";
    return std::nullopt;
}

// Writes what `write` gives to the file `output` (atomically; an existing one only with
// `replace`); false after saying why not, or when `write` gave up (it says why).
bool write_output(const std::string& output, const std::function<bool(const PutText&)>& write, bool replace) {
    Issue error;
    bool gave_up = false;
    const auto outcome = write_file_atomically(output, [&](const PutText& put) {
        gave_up = !write(put);
        return !gave_up;
    }, replace, error);
    switch (outcome) {
    case WriteOutcome::Written: return true;
    case WriteOutcome::Exists:
        std::cerr << "chronicle: " << printable(output) << " already exists; use --force to replace it, or -o to choose another\n";
        return false;
    case WriteOutcome::Failed: break;
    }
    if (!gave_up) std::cerr << "chronicle: " << printable(ui::message(error, ui::Lang::En)) << "\n";
    return false;
}

bool write_output(const std::string& output, const std::string& text, bool replace) {
    return write_output(output, [&](const PutText& put) {
        put(text);
        return true;
    }, replace);
}

bool parse_uint(const std::string& s, uint64_t& out) {
    if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    errno = 0;
    char* end = nullptr;
    out = std::strtoull(s.c_str(), &end, 10);
    return errno == 0 && *end == '\0';
}

constexpr size_t kMostHostedQuestions = 1000; // a class game holds its whole quiz

// The flags that choose a quiz, shared by export and host: true when `flag` was one
// of them; `error` holds the usage message when its value is wrong. `max_count` bounds
// --count where the whole quiz is held (a class game); an export has no bound but the pack.
bool quiz_flag(const std::string& flag, const std::string& value, QuizOptions& options, std::string& error,
               std::optional<size_t> max_count) {
    uint64_t number = 0;
    if (flag == "--seed") {
        if (!parse_uint(value, number)) error = "--seed takes a whole number, not \"" + value + "\"";
        options.seed = number;
    } else if (flag == "--count") {
        if (!parse_uint(value, number) || number < 1 || (max_count && number > *max_count))
            error = max_count ? "--count takes a number from 1 to " + std::to_string(*max_count) + ", not \"" + value + "\""
                              : "--count takes a whole number from 1 up, not \"" + value + "\"";
        options.count = static_cast<size_t>(number);
    } else if (flag == "--lang") {
        options.lang = value;
    } else if (flag == "--kinds") {
        for (const std::string& name : split(value, ',')) {
            const auto kind = kind_from_name(name);
            if (!kind) error = "unknown kind \"" + name + "\"; kinds are " + kind_names_list();
            else options.kinds.push_back(*kind);
        }
    } else if (flag == "--difficulty") {
        const auto d = difficulty_from_name(value);
        if (!d) error = "--difficulty is easy, normal or hard, not \"" + value + "\"";
        options.difficulty = d.value_or(Difficulty::Normal);
    } else {
        return false;
    }
    return true;
}

// Whether the quiz's language is one of the pack's; false after saying so on stderr.
bool has_quiz_language(const Pack& pack, const QuizOptions& options) {
    if (options.lang.empty() || pack.has_language(options.lang)) return true;
    std::cerr << "chronicle: pack \"" << pack.id << "\" has no language \"" << printable(options.lang) << "\"; it has "
              << join(pack.languages, ", ") << "\n";
    return false;
}

// Says on stderr when a quiz of `questions` is none (false) or fewer than asked.
bool say_how_many(const Pack& pack, const QuizOptions& options, size_t questions) {
    if (questions == 0) {
        std::cerr << "chronicle: pack \"" << pack.id << "\" gives no question of the kinds asked\n";
        return false;
    }
    if (questions < options.count)
        std::cerr << "chronicle: warning: "
                  << ui::message(Issue{Problem::QuizShorter, {std::to_string(questions), std::to_string(options.count)}}, ui::Lang::En)
                  << "\n";
    return true;
}

// The quiz the flags asked for, or nullopt after saying why on stderr.
std::optional<Quiz> quiz_for(const Pack& pack, const QuizOptions& options) {
    if (!has_quiz_language(pack, options)) return std::nullopt;
    Quiz quiz = generate_quiz(pack, options);
    if (!say_how_many(pack, options, quiz.questions.size())) return std::nullopt;
    return quiz;
}

// A quiz as JSON or Markdown, written question by question as it is read back, so that
// a quiz of any length costs no more memory than the facts the generator keeps.
int export_text(const Pack& pack, const QuizOptions& options, QuizFormat format, const std::string& output) {
    if (!has_quiz_language(pack, options)) return 1;
    QuizExport done;
    auto write = [&](const PutText& put) {
        // Markdown goes through printable(); JSON escapes control characters itself.
        done = format == QuizFormat::Json
                   ? export_quiz(pack, options, format, put)
                   : export_quiz(pack, options, format, [&](std::string_view piece) { put(printable(piece, true)); });
        return done.questions > 0 && !done.error;
    };
    // A quiz can be made again from its seed: -o replaces a file, but only a regular one.
    auto to_stdout = [](std::string_view piece) { std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size())); };
    const bool written = output.empty() ? write(to_stdout) : write_output(output, write, true);
    if (done.error) std::cerr << "chronicle: " << printable(ui::message(*done.error, ui::Lang::En)) << "\n";
    if (!say_how_many(pack, options, done.questions) || done.error) return 1;
    return written ? 0 : 1;
}

int cmd_export(const std::vector<std::string>& args) {
    std::string pack_name, format = "json", output;
    std::optional<print::Paper> paper;
    QuizOptions options;
    options.seed = clock_seed();
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (i + 1 >= args.size()) return usage_error(flag + " needs a value");
        const std::string& value = args[++i];
        std::string error;
        if (quiz_flag(flag, value, options, error, std::nullopt)) {
            if (!error.empty()) return usage_error(error);
        } else if (flag == "--pack") {
            pack_name = value;
        } else if (flag == "--format") {
            if (value != "json" && value != "md" && value != "pdf")
                return usage_error("--format is json, md or pdf, not \"" + value + "\"");
            format = value;
        } else if (flag == "--paper") {
            paper = print::paper_from_name(value);
            if (!paper) return usage_error("--paper is a4 or letter, not \"" + value + "\"");
        } else if (flag == "-o") {
            output = value;
        } else {
            return usage_error("export does not know " + flag);
        }
    }
    if (pack_name.empty()) return usage_error("export needs --pack ID or --pack FILE");
    if (paper && format != "pdf") return usage_error("--paper is for --format pdf");
    // A PDF's bytes would garble the terminal: it goes to a file or a pipe.
    if (format == "pdf" && output.empty() && isatty(STDOUT_FILENO))
        return usage_error("a PDF is not for the terminal: give -o FILE.pdf, or redirect standard output");
    const std::optional<Pack> pack = find_pack(pack_name);
    if (!pack) return 1;
    if (format != "pdf") return export_text(*pack, options, format == "md" ? QuizFormat::Markdown : QuizFormat::Json, output);
    const std::optional<Quiz> found = quiz_for(*pack, options);
    if (!found) return 1;
    const print::Worksheet sheet = print::render_worksheet(*found, *pack, paper.value_or(print::Paper::A4));
    if (sheet.error) {
        std::cerr << "chronicle: " << printable(ui::message(*sheet.error, ui::Lang::En)) << "\n";
        return 1;
    }
    if (output.empty()) {
        std::cout << sheet.pdf;
        return 0;
    }
    // A quiz can be made again from its seed: -o replaces a file, but only a regular one.
    return write_output(output, sheet.pdf, true) ? 0 : 1;
}

int cmd_import(const std::vector<std::string>& args) {
    std::string input, output;
    ImportOptions options;
    bool install = false, force = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--install") install = true;
        else if (a == "--force") force = true;
        else if (a == "-o" || a == "--id" || a == "--lang") {
            if (i + 1 >= args.size()) return usage_error(a + " needs a value");
            (a == "-o" ? output : a == "--id" ? options.id : options.lang) = args[++i];
        } else if (a == "-") return usage_error("import reads a file, not standard input: save the text to a .json or .csv file first");
        else if (!a.empty() && a[0] == '-') return usage_error("import does not know " + a);
        else if (input.empty()) input = a;
        else return usage_error("import takes one file; got \"" + input + "\" and \"" + a + "\"");
    }
    if (input.empty()) return usage_error("import needs a file: a TimelineJS .json or a .csv");
    if (install && !output.empty()) return usage_error("give either -o FILE or --install, not both");

    std::vector<Diagnostic> problems;
    const std::optional<std::string> text = read_input_file(input, problems);
    if (!text) {
        print_diagnostics(problems);
        return 1;
    }
    options.file = input;
    if (!install && output.empty()) {
        const fs::path in(input);
        output = (in.parent_path() / (in.stem().string() + ".pack.json")).string();
    }
    options.output = output;
    const ImportResult result = import_text(*text, options);
    print_diagnostics(result.diagnostics);
    if (!result.pack_text) {
        std::cerr << "chronicle: nothing was written\n";
        return 1;
    }
    if (install) {
        const InstallResult installed = install_pack_text(*result.pack_text, result.id, force, user_pack_folder().value_or(""),
                                                          id_owner_by_discovery(default_pack_folders()));
        output = installed.path;
        switch (installed.problem) {
        case InstallProblem::None: break;
        case InstallProblem::IdTaken:
            std::cerr << "chronicle: pack id \"" << result.id << "\" is already used by " << printable(installed.taken_by)
                      << "; choose another with --id\n";
            return 1;
        case InstallProblem::Exists:
            std::cerr << "chronicle: " << printable(output) << " already exists; use --force to replace it\n";
            return 1;
        case InstallProblem::CannotWrite:
            std::cerr << "chronicle: " << printable(ui::message(installed.error, ui::Lang::En)) << "\n";
            return 1;
        }
    } else {
        std::error_code ec;
        if (fs::equivalent(input, output, ec)) {
            std::cerr << "chronicle: " << printable(output) << " is the file being imported; choose another with -o\n";
            return 1;
        }
        if (!write_output(output, *result.pack_text, force)) return 1;
    }
    ui::FontCoverage fonts(ui::bundled_fonts());
    warn_missing_glyphs(fonts, output, *result.pack);
    int warnings = 0;
    for (const Diagnostic& d : result.diagnostics) warnings += d.severity == Severity::Warning;
    std::cout << "Imported " << printable(input) << " (" << import_format_name(result.format) << "): "
              << plural(result.events, "event", "events") << ", " << plural(result.people, "person", "people") << ", "
              << plural(result.quotes, "quote", "quotes") << ", " << plural(result.numbers, "number", "numbers") << "\n"
              << "  skipped:  "
              << (result.format == ImportFormat::Csv ? plural(result.skipped, "row", "rows") : plural(result.skipped, "event", "events"))
              << (result.skipped ? " (see the errors above)" : "") << "\n"
              << "  warnings: " << warnings << "\n"
              << "  language: " << result.lang << (result.lang_guessed ? " (guessed from the text; set it with --lang)" : "")
              << "\n"
              << "  pack:     \"" << result.id << "\" written to " << printable(output) << "\n"
              << "See its questions: chronicle export --pack " << printable(output) << " --format md\n";
    return 0;
}

// The save, opened as the game opens it: 0 with `storage` set, or null when there is
// no save yet (listing results does not make one); else the exit code, after saying why.
int open_save(std::unique_ptr<Storage>& storage) {
    const std::optional<std::string> folder = user_data_folder();
    if (!folder) {
        std::cerr << "chronicle: " << ui::message(Issue{Problem::NoDataFolder}, ui::Lang::En) << "\n";
        return 1;
    }
    const std::string path = *folder + "/" + kSaveFileName;
    std::error_code ec;
    if (!fs::exists(fs::u8path(path), ec) && !ec) return 0;
    OpenResult opened = Storage::open(path, unix_now());
    // Held in memory, the save shows nothing of what it holds: say why rather than list nothing.
    if (opened.notice)
        std::cerr << "chronicle: " << (opened.storage && !opened.storage->in_memory() ? "note: " : "")
                  << printable(ui::message(*opened.notice, ui::Lang::En)) << "\n";
    if (!opened.storage || opened.storage->in_memory()) return 1;
    storage = std::move(opened.storage);
    return 0;
}

// The local date and time of a game, to the minute.
std::string local_time(int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    char text[32];
    if (!localtime_r(&t, &local) || std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local) == 0) return "-";
    return text;
}

std::string pad(const std::string& text, size_t width) { return text + std::string(width > text.size() ? width - text.size() : 0, ' '); }

int cmd_results_list() {
    std::unique_ptr<Storage> storage;
    if (const int failed = open_save(storage)) return failed;
    const std::vector<ClassGameRecord> games = storage ? storage->recent_class_games(-1) : std::vector<ClassGameRecord>{};
    if (storage && storage->last_error()) {
        std::cerr << "chronicle: " << printable(ui::message(*storage->last_error(), ui::Lang::En)) << "\n";
        return 1;
    }
    if (games.empty()) {
        std::cout << "No class games saved yet.\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"id", "finished", "pack", "mode", "players", "questions"}};
    for (const ClassGameRecord& g : games)
        rows.push_back({std::to_string(g.id), local_time(g.finished_at), printable(g.pack_id), class_mode_name(g.mode),
                        std::to_string(g.players.size()), std::to_string(g.questions.size())});
    std::vector<size_t> widths(rows[0].size(), 0);
    for (const auto& row : rows)
        for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    for (const auto& row : rows) {
        std::string line;
        for (size_t c = 0; c + 1 < row.size(); ++c) line += pad(row[c], widths[c] + 2);
        std::cout << line << row.back() << "\n";
    }
    return 0;
}

int cmd_results_export(const std::vector<std::string>& args) {
    std::string game_id, output;
    bool force = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--force") force = true;
        else if (a == "--game" || a == "-o") {
            if (i + 1 >= args.size()) return usage_error(a + " needs a value");
            (a == "--game" ? game_id : output) = args[++i];
        } else return usage_error("results export does not know " + a);
    }
    if (game_id.empty()) return usage_error("results export needs --game ID; 'chronicle results list' lists them");
    uint64_t id = 0;
    if (!parse_uint(game_id, id) || id == 0 || id > static_cast<uint64_t>(INT64_MAX))
        return usage_error("--game takes a game's id, a whole number from 1, not \"" + game_id + "\"");
    std::unique_ptr<Storage> storage;
    if (const int failed = open_save(storage)) return failed;
    const std::optional<ClassGameRecord> game = storage ? storage->class_game(static_cast<int64_t>(id)) : std::nullopt;
    if (!game) {
        if (storage && storage->last_error())
            std::cerr << "chronicle: " << printable(ui::message(*storage->last_error(), ui::Lang::En)) << "\n";
        else std::cerr << "chronicle: no class game with id " << id << "; 'chronicle results list' lists them\n";
        return 1;
    }
    const std::string csv = class_results_csv(*game);
    if (output.empty()) {
        std::cout << csv; // class_results_csv keeps control characters out of it
        return 0;
    }
    if (!write_output(output, csv, force)) return 1;
    std::cout << "Exported class game " << id << " (" << plural(game->players.size(), "player", "players") << ", "
              << plural(game->questions.size(), "question", "questions") << ") to " << printable(output) << "\n";
    return 0;
}

// A finished class game into the save (made if there is none yet), and how to export it.
void save_class_game(const ClassGame& game) {
    if (game.player_count() == 0) {
        std::cout << "No one played: nothing to save.\n";
        return;
    }
    const std::optional<std::string> folder = user_data_folder();
    if (!folder) {
        std::cerr << "chronicle host: the game is not saved: " << ui::message(Issue{Problem::NoDataFolder}, ui::Lang::En) << "\n";
        return;
    }
    std::error_code not_made;
    fs::create_directories(fs::u8path(*folder), not_made);
    OpenResult opened = Storage::open(*folder + "/" + kSaveFileName, unix_now());
    if (opened.notice) std::cerr << "chronicle host: " << printable(ui::message(*opened.notice, ui::Lang::En)) << "\n";
    const int64_t id = opened.storage ? opened.storage->record_class_game(game.record(unix_now())) : -1;
    if (id < 0) {
        if (opened.storage && opened.storage->last_error())
            std::cerr << "chronicle host: " << printable(ui::message(*opened.storage->last_error(), ui::Lang::En)) << "\n";
        return;
    }
    std::cout << "Saved as class game " << id << (opened.storage->in_memory() ? " (in memory only: see above)" : "")
              << "; its results as CSV: chronicle results export --game " << id << " -o results.csv\n";
}

int cmd_host(const std::vector<std::string>& args) {
    std::string pack_name;
    QuizOptions options;
    options.seed = clock_seed();
    ClassSettings settings;
    ClassSessionOptions session;
    bool window = true, difficulty_given = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--self-paced") {
            settings.mode = ClassMode::SelfPaced;
            continue;
        }
        if (flag == "--no-window") {
            window = false;
            continue;
        }
        if (flag == "--tiles-only") {
            settings.texts_on_phones = false;
            continue;
        }
        if (i + 1 >= args.size()) return usage_error(flag + " needs a value");
        const std::string& value = args[++i];
        std::string error;
        uint64_t number = 0;
        if (quiz_flag(flag, value, options, error, kMostHostedQuestions)) {
            if (!error.empty()) return usage_error(error);
            difficulty_given |= flag == "--difficulty";
        } else if (flag == "--pack") {
            pack_name = value;
        } else if (flag == "--port") {
            if (!parse_uint(value, number) || number > 65535) return usage_error("--port takes a number from 0 to 65535, not \"" + value + "\"");
            session.port = static_cast<int>(number);
        } else if (flag == "--bind") {
            session.bind_address = value;
        } else if (flag == "--time") {
            if (!parse_uint(value, number) || number < 5 || number > 240)
                return usage_error("--time takes seconds from 5 to 240, not \"" + value + "\"");
            settings.time_limit_ms = static_cast<int64_t>(number) * 1000;
        } else {
            return usage_error("host does not know " + flag);
        }
    }
    if (pack_name.empty()) return usage_error("host needs --pack ID or --pack FILE");
    if (window) {
        std::error_code ec;
        if (fs::exists(pack_name, ec) || fs::path(pack_name).extension() == ".json")
            return usage_error("the window hosts packs from the pack folders, by id: install the file with 'chronicle import "
                               "--install', or host it with --no-window");
        GameOptions game;
        game.seed = options.seed;
        ClassLaunch launch;
        launch.pack_id = pack_name;
        if (difficulty_given) launch.difficulty = options.difficulty;
        launch.kinds = options.kinds;
        launch.setup.questions = static_cast<int>(options.count);
        launch.setup.settings = settings;
        launch.setup.bind_address = session.bind_address;
        launch.setup.port = session.port;
        game.class_launch = launch;
        return run_game(game);
    }
    const std::optional<Pack> pack = find_pack(pack_name);
    if (!pack) return 1;
    std::optional<Quiz> quiz = quiz_for(*pack, options);
    if (!quiz) return 1;
    ClassGame game(std::move(*quiz), settings);
    if (game.quiz().questions.empty()) {
        std::cerr << "chronicle: none of the questions fits a phone (at most " << kMaxClassOptions << " options each)\n";
        return 1;
    }
    return run_headless_host(std::move(game), session, save_class_game);
}


int cmd_results(const std::vector<std::string>& args) {
    if (!args.empty() && args[0] == "list")
        return args.size() == 1 ? cmd_results_list() : usage_error("results list takes no arguments");
    if (!args.empty() && args[0] == "export") return cmd_results_export({args.begin() + 1, args.end()});
    return usage_error("results needs list or export");
}

// A copy of the whole save, to carry one's progress to another machine.
int cmd_progress_export(const std::string& file) {
    std::unique_ptr<Storage> storage;
    if (const int failed = open_save(storage)) return failed;
    if (!storage) {
        std::cerr << "chronicle: nothing to export: no game or study has been saved yet\n";
        return 1;
    }
    if (!storage->export_progress(file)) {
        std::cerr << "chronicle: " << printable(ui::message(*storage->last_error(), ui::Lang::En)) << "\n";
        return 1;
    }
    std::cout << "Progress exported to " << printable(file) << "\n";
    return 0;
}

// Adds what a progress file holds to this machine's save (made if missing).
int cmd_progress_import(const std::string& file) {
    const std::optional<std::string> folder = user_data_folder();
    if (!folder) {
        std::cerr << "chronicle: " << ui::message(Issue{Problem::NoDataFolder}, ui::Lang::En) << "\n";
        return 1;
    }
    OpenResult opened = Storage::open(*folder + "/" + kSaveFileName, unix_now());
    if (opened.notice) std::cerr << "chronicle: note: " << printable(ui::message(*opened.notice, ui::Lang::En)) << "\n";
    if (!opened.storage || opened.storage->in_memory() || opened.storage->read_only()) {
        std::cerr << "chronicle: the save cannot be written: nothing imported\n";
        return 1;
    }
    const std::optional<ProgressImport> added = opened.storage->import_progress(file);
    if (!added) {
        std::cerr << "chronicle: " << printable(ui::message(*opened.storage->last_error(), ui::Lang::En)) << "\n";
        return 1;
    }
    std::cout << "Imported from " << printable(file) << ": " << added->games << " games, " << added->study_answers
              << " Learn answers, " << added->reviews << " reviews, " << added->timeline_runs
              << " Timeline games (what the save held already was left alone)\n";
    return 0;
}

// The progress report of every pack found (or one), from the save; a folder without a
// save gives every pack with nothing studied. `export FILE` and `import FILE` carry it.
int cmd_progress(const std::vector<std::string>& args) {
    if (!args.empty() && (args[0] == "export" || args[0] == "import")) {
        if (args.size() != 2) return usage_error("progress " + args[0] + " takes one file");
        return args[0] == "export" ? cmd_progress_export(args[1]) : cmd_progress_import(args[1]);
    }
    std::string pack_id, format = "text";
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag != "--pack" && flag != "--format") return usage_error("progress does not know " + flag);
        if (i + 1 >= args.size()) return usage_error(flag + " needs a value");
        const std::string& value = args[++i];
        if (flag == "--pack") pack_id = value;
        else if (value == "text" || value == "json") format = value;
        else return usage_error("--format is text or json, not \"" + value + "\"");
    }
    std::unique_ptr<Storage> storage;
    if (const int failed = open_save(storage)) return failed;
    const char* env_lang = std::getenv("LANG");
    const Settings settings = read_settings(
        [&storage](const std::string& key) { return storage ? storage->setting(key) : std::nullopt; },
        env_lang && std::string(env_lang).rfind("zh", 0) == 0 ? "zh" : "en");
    const ui::Lang lang = ui::lang_from_code(settings.ui_lang);

    const int64_t now = unix_now();
    const int32_t offset = utc_offset_at(now);
    const fsrs::Parameters params = memory_parameters(settings);
    std::vector<PackProgress> reports;
    std::vector<std::string> titles;
    std::vector<std::string> seen;
    for (PackEntry& e : discover_packs(default_pack_folders())) {
        if (!e.pack || std::find(seen.begin(), seen.end(), e.pack->id) != seen.end()) continue;
        seen.push_back(e.pack->id);
        if (!pack_id.empty() && e.pack->id != pack_id) continue;
        const ProgressInput input = storage ? progress_input(*storage, *e.pack) : progress_input(*e.pack);
        if (storage && storage->last_error()) {
            std::cerr << "chronicle: " << printable(ui::message(*storage->last_error(), ui::Lang::En)) << "\n";
            return 1;
        }
        reports.push_back(make_progress(input, now, offset, params));
        titles.push_back(e.pack->text(e.pack->title, ui::lang_code(lang)) + " (" + e.pack->id + ")");
    }
    if (!pack_id.empty() && reports.empty()) {
        std::cerr << "chronicle: no pack with id \"" << printable(pack_id) << "\"; 'chronicle packs' lists them\n";
        return 1;
    }
    if (format == "json") {
        std::cout << progress_json(reports, now, offset, params);
        return 0;
    }
    for (size_t i = 0; i < reports.size(); ++i)
        std::cout << (i ? "\n" : "") << printable(ui::progress_report_text(titles[i], reports[i], lang), true);
    return 0;
}

} // namespace

// ---------------------------------------------------------------------------
// 3. Dispatch
// ---------------------------------------------------------------------------

int run_cli(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || (args.size() == 1 && args[0] == "--fullscreen")) {
        GameOptions options;
        options.fullscreen = !args.empty();
        return run_game(options);
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << "chronicle " << CHRONICLE_VERSION << "\n";
        return 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "validate") return cmd_validate(rest);
    if (args[0] == "packs") return rest.empty() ? cmd_packs() : usage_error("packs takes no arguments");
    if (args[0] == "export") return cmd_export(rest);
    if (args[0] == "import") return cmd_import(rest);
    if (args[0] == "host") return cmd_host(rest);
    if (args[0] == "results") return cmd_results(rest);
    if (args[0] == "progress") return cmd_progress(rest);
    return usage_error("unknown command \"" + args[0] + "\"");
}

} // namespace chronicle
