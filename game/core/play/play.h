// play/: the game without its window — the save, the settings that Home and
// Settings change in place, the library of packs, and the round being played — so
// that the whole flow is tested without SDL. The window (game/app) forwards what the
// player does and draws what this holds.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/learn/learn_session.h"
#include "core/learn/timeline_game.h"
#include "core/play/library.h"
#include "core/play/round.h"
#include "core/play/team_game.h"
#include "core/store/settings.h"
#include "core/store/storage.h"

namespace chronicle {

enum class StartProblem {
    None,
    NoPack,      // no pack loaded
    NoQuestions, // the pack gives no question of the kinds chosen
    Loading,     // the chosen pack is still being loaded
    NoCards,     // the pack has no two events a Timeline game can deal
};

class Play {
public:
    // Opens (or starts) the save in `data_folder`, reads the settings (the interface
    // language defaults to `system_lang`) and finds the packs in `pack_folders`, known
    // from the index cached in `data_folder`; the others are loaded by jobs (take_jobs).
    Play(const std::string& data_folder, std::vector<PackFolder> pack_folders, const std::string& system_lang,
         int64_t now_unix_seconds);

    // What opening the save said (a save moved aside, read-only, only in memory); a save
    // held in memory that has since opened is no longer said.
    const OpenResult& opened() const { return opened_; }
    Storage* storage() { return opened_.storage.get(); }
    const Storage* storage() const { return opened_.storage.get(); }

    // The one copy of the settings: screens change it in place, then save.
    Settings& settings() { return settings_; }
    const Settings& settings() const { return settings_; }
    // Writes the settings changed since they were read or last saved, and only those:
    // a save that could not be read at start (locked) and is written later keeps the
    // values the player did not change this run.
    bool save_settings();

    PackLibrary& library() { return library_; }
    const PackLibrary& library() const { return library_; }
    // The pack the settings choose, or the first playable one when that one is gone
    // or cannot be played; null when no pack can be played.
    const LibraryEntry* chosen() const;
    // The chosen pack, when it is loaded in full; null until then.
    const Pack* chosen_pack() const;
    // The kinds a round of the chosen pack asks (see kinds_to_ask).
    std::vector<Kind> kinds_to_ask() const;

    // The jobs to run: packs to index, and the chosen pack to load in full (the one
    // kept in memory); their results go to finish().
    std::vector<LoadJob> take_jobs();
    void finish(LoadDone done) { library_.finish(std::move(done)); }
    // Reads the pack folders again when a file came, went or changed (PackLibrary::rescan);
    // true then, and new files wait for their jobs.
    bool rescan_packs() { return library_.rescan(); }
    // Runs every job now, on this thread, until the chosen pack is loaded (tests).
    void finish_loading();
    // The language the chosen pack's questions are in: the interface's when the pack has it.
    std::string quiz_language(const Pack& pack) const;
    // What a round of `pack` asks with the settings: length, language, kinds, difficulty (the seed aside).
    QuizOptions quiz_options(const Pack& pack) const;

    // Starts a round of the chosen pack with the settings' mode, length, difficulty and
    // kinds; there is no round when it says a problem (Loading until the pack is loaded).
    StartProblem start_round(uint64_t seed, Moment now);
    // A quiz of the chosen pack with the settings' choices, `seed`, and `count` questions
    // when not 0; `one_option` keeps only the kinds answered by one option.
    StartProblem make_quiz(uint64_t seed, Quiz& quiz, size_t count = 0, bool one_option = false);

    // A projector game of `count` questions for `teams` (2–6); no round meanwhile.
    StartProblem start_team_game(std::vector<Team> teams, size_t count, uint64_t seed, Moment now);
    TeamGame* team_game() { return team_game_ ? &*team_game_ : nullptr; }
    const TeamGame* team_game() const { return team_game_ ? &*team_game_ : nullptr; }
    void leave_team_game() { team_game_.reset(); }
    // A projector game left unfinished for Home (as a round is set aside), to be taken
    // up again until another game or round starts.
    const TeamGame* team_game_unfinished() const {
        return team_game_ && team_game_->step() != TeamStep::Finished ? &*team_game_ : nullptr;
    }
    // Saves the finished projector game, once; its id, or nullopt (storage()->last_error() says why).
    std::optional<int64_t> save_team_game(int64_t now_unix_seconds);
    Round* round() { return round_ ? &*round_ : nullptr; }
    const Round* round() const { return round_ ? &*round_ : nullptr; }
    void leave_round();
    // The player leaves a round not yet finished for Home: it is paused and kept, to be
    // resumed, until another round starts (start_round) or it is left for good.
    void set_round_aside(uint64_t now_ms);
    // The round set aside, if any.
    const Round* round_aside() const { return aside_ && round_ ? &*round_ : nullptr; }
    // Back to the round set aside, its clock running again; false when there is none.
    bool resume_round(uint64_t now_ms);

    // Studying over days (learn/). Reads from the save what there is to study today in
    // every pack (Home's "Study today"): due facts, and new ones the day's limit still allows.
    void count_study(Moment now);
    // What count_study found for a pack; null before it ran or for a pack never counted.
    const StudyCounts* study(const std::string& pack_id) const;
    // Facts of the chosen pack whose last answer was wrong ("Review mistakes").
    std::vector<std::string> mistakes() const;
    // Facts the finished round's answers rated Again ("Retry the ones I missed").
    std::vector<std::string> missed_in_round() const;
    // A Learn session of the chosen pack (Loading until it is loaded): the due facts,
    // then new ones up to the day's limit; `only`: those facts alone, due or not
    // (NoQuestions when none of them can be asked).
    StartProblem start_learn(uint64_t seed, Moment now, std::vector<std::string> only = {});
    LearnSession* learn() { return learn_ ? &*learn_ : nullptr; }
    const LearnSession* learn() const { return learn_ ? &*learn_ : nullptr; }
    void leave_learn() { learn_.reset(); }
    // The Timeline card game of the chosen pack, its cards read in the quiz language;
    // another game starts, so a round or projector game set aside ends. NoQuestions when
    // the pack has no card to place.
    StartProblem start_timeline(uint64_t seed);
    TimelineGame* timeline() { return timeline_ ? &*timeline_ : nullptr; }
    const TimelineGame* timeline() const { return timeline_ ? &*timeline_ : nullptr; }
    void leave_timeline() { timeline_.reset(); }
    // Saves the finished Timeline game, once; its id, or nullopt (storage()->last_error() says why).
    std::optional<int64_t> save_timeline(int64_t now_unix_seconds);
    // The pack's best Timeline game before the one being played (read when it started).
    const std::optional<TimelineRun>& timeline_best_before() const { return timeline_best_before_; }

    // Adds files to the user's packs; the last one added becomes the chosen pack.
    std::vector<AddedPack> add_files(const std::vector<std::string>& files);

private:
    // A save held in memory at start: its notice goes once the save opens, and says why
    // when the save was given up.
    void renew_save_notice();

    OpenResult opened_;
    Settings settings_;
    std::vector<std::pair<std::string, std::string>> saved_entries_; // the settings as the save holds them
    PackLibrary library_;
    std::optional<Round> round_;
    std::optional<TeamGame> team_game_;
    std::optional<LearnSession> learn_;
    std::unordered_map<std::string, StudyCounts> study_; // by pack id (count_study)
    std::optional<int64_t> team_game_id_; // the finished projector game, once saved
    bool aside_ = false; // round_ was set aside (set_round_aside)
    std::optional<TimelineGame> timeline_;
    std::optional<TimelineRun> timeline_best_before_;
    std::optional<int64_t> timeline_id_; // the finished Timeline game, once saved
};

} // namespace chronicle
