#include "core/play/play.h"

#include <algorithm>
#include <filesystem>

#include "core/learn/study_day.h"
#include "core/quiz/generator.h"

namespace chronicle {

Play::Play(const std::string& data_folder, std::vector<PackFolder> pack_folders, const std::string& system_lang,
           int64_t now_unix_seconds)
    : library_(std::move(pack_folders), data_folder + "/pack-index.json") {
    std::error_code not_made;
    std::filesystem::create_directories(std::filesystem::u8path(data_folder), not_made);
    opened_ = Storage::open(data_folder + "/" + kSaveFileName, now_unix_seconds);
    // Without its folder the save cannot open, and the reason to give is the folder's.
    if (not_made && opened_.storage && opened_.storage->in_memory())
        opened_.notice = Issue{Problem::SaveFolderNotMade, {data_folder, os_reason(not_made.value())}};
    Storage* storage = opened_.storage.get();
    settings_ = read_settings([&](const std::string& key) { return storage ? storage->setting(key) : std::nullopt; },
                              system_lang);
    saved_entries_ = settings_entries(settings_);
}

bool Play::save_settings() {
    const std::vector<std::pair<std::string, std::string>> entries = settings_entries(settings_);
    std::vector<std::pair<std::string, std::string>> changed;
    for (size_t i = 0; i < entries.size(); ++i)
        if (entries[i] != saved_entries_[i]) changed.push_back(entries[i]);
    if (changed.empty()) return true;
    if (!storage() || !storage()->set_settings(changed)) return false;
    saved_entries_ = entries;
    renew_save_notice();
    return true;
}

void Play::leave_round() {
    round_.reset();
    aside_ = false;
    renew_save_notice(); // the game just finished may have opened the save
}

void Play::set_round_aside(uint64_t now_ms) {
    if (!round_ || round_->step() == RoundStep::Finished) return leave_round();
    round_->pause(now_ms);
    aside_ = true;
}

bool Play::resume_round(uint64_t now_ms) {
    if (!round_aside()) return false;
    round_->resume(now_ms);
    aside_ = false;
    return true;
}

void Play::renew_save_notice() {
    if (!opened_.notice || opened_.notice->problem != Problem::SaveHeldInMemory || !storage()) return;
    if (!storage()->in_memory()) opened_.notice.reset();
    else if (storage()->retry_ended()) opened_.notice = storage()->retry_ended();
}

const LibraryEntry* Play::chosen() const {
    if (const LibraryEntry* e = library_.entry(settings_.pack); e && e->playable()) return e;
    for (const LibraryEntry& e : library_.entries())
        if (e.playable()) return &e;
    return nullptr;
}

const Pack* Play::chosen_pack() const {
    const LibraryEntry* e = chosen();
    return e ? library_.find(e->summary->id) : nullptr;
}

std::vector<Kind> Play::kinds_to_ask() const {
    const LibraryEntry* e = chosen();
    return e ? chronicle::kinds_to_ask(e->summary->kinds, settings_.kinds) : std::vector<Kind>{};
}

std::vector<LoadJob> Play::take_jobs() {
    const LibraryEntry* e = chosen();
    library_.load_only(e ? e->path : "");
    return library_.take_jobs();
}

void Play::finish_loading() {
    for (std::vector<LoadJob> jobs = take_jobs(); !jobs.empty(); jobs = take_jobs())
        for (const LoadJob& job : jobs) finish(run_load_job(job));
}

std::string Play::quiz_language(const Pack& pack) const {
    return pack.has_language(settings_.ui_lang) ? settings_.ui_lang : pack.default_language;
}

QuizOptions Play::quiz_options(const Pack& pack) const {
    QuizOptions options;
    options.count = static_cast<size_t>(settings_.length);
    options.lang = quiz_language(pack);
    options.kinds = kinds_to_ask();
    options.difficulty = settings_.difficulty;
    return options;
}

StartProblem Play::make_quiz(uint64_t seed, Quiz& quiz, size_t count, bool one_option) {
    const LibraryEntry* entry = chosen();
    if (!entry) return StartProblem::NoPack;
    const Pack* pack = chosen_pack();
    if (!pack) return StartProblem::Loading;
    QuizOptions options = quiz_options(*pack);
    options.seed = seed;
    if (count > 0) options.count = count;
    if (one_option)
        options.kinds.erase(std::remove_if(options.kinds.begin(), options.kinds.end(), asks_for_order), options.kinds.end());
    if (options.kinds.empty()) return StartProblem::NoQuestions;
    quiz = generate_quiz(*pack, options);
    if (quiz.questions.empty()) return StartProblem::NoQuestions;
    settings_.pack = pack->id; // remembered for next time
    save_settings();
    return StartProblem::None;
}

// A start that fails keeps the round or game set aside; one that succeeds replaces it.
StartProblem Play::start_round(uint64_t seed, Moment now) {
    Quiz quiz;
    if (const StartProblem problem = make_quiz(seed, quiz); problem != StartProblem::None) return problem;
    aside_ = false;
    team_game_.reset();
    learn_.reset();
    timeline_.reset();
    round_.emplace(std::move(quiz), settings_.mode, rules_for(settings_.mode, settings_.partial_order_credit), storage(), now,
                   memory_parameters(settings_));
    return StartProblem::None;
}

StartProblem Play::start_team_game(std::vector<Team> teams, size_t count, uint64_t seed, Moment now) {
    Quiz quiz;
    if (const StartProblem problem = make_quiz(seed, quiz, count, true); problem != StartProblem::None) return problem;
    round_.reset();
    aside_ = false;
    timeline_.reset();
    team_game_.emplace(std::move(quiz), std::move(teams), now.ms);
    team_game_id_.reset();
    return StartProblem::None;
}

std::optional<int64_t> Play::save_team_game(int64_t now_unix_seconds) {
    if (team_game_id_ || !team_game_ || team_game_->step() != TeamStep::Finished || !storage()) return team_game_id_;
    const int64_t id = storage()->record_team_game(team_game_->record(now_unix_seconds));
    if (id >= 0) team_game_id_ = id;
    renew_save_notice();
    return team_game_id_;
}

StartProblem Play::start_timeline(uint64_t seed) {
    const Pack* pack = chosen_pack();
    if (!pack) return chosen() ? StartProblem::Loading : StartProblem::NoPack;
    TimelineGame game(*pack, quiz_language(*pack), seed);
    if (game.finished()) return StartProblem::NoCards;
    round_.reset();
    aside_ = false;
    team_game_.reset();
    timeline_.emplace(std::move(game));
    timeline_id_.reset();
    timeline_best_before_.reset();
    if (storage()) timeline_best_before_ = storage()->best_timeline_run(pack->id);
    return StartProblem::None;
}

std::optional<int64_t> Play::save_timeline(int64_t now_unix_seconds) {
    if (timeline_id_ || !timeline_ || !timeline_->finished() || !storage()) return timeline_id_;
    TimelineRun run;
    run.pack_id = timeline_->pack_id();
    run.lang = timeline_->lang();
    run.seed = timeline_->seed();
    run.finished_at = now_unix_seconds;
    run.placed = timeline_->score();
    run.wrong = timeline_->wrong();
    const int64_t id = storage()->record_timeline_run(run);
    if (id >= 0) timeline_id_ = id;
    renew_save_notice();
    return timeline_id_;
}

std::vector<AddedPack> Play::add_files(const std::vector<std::string>& files) {
    std::vector<AddedPack> added = library_.add_files(files);
    for (const AddedPack& a : added)
        if (a.added()) settings_.pack = a.import.id;
    save_settings();
    return added;
}

// ---------------------------------------------------------------------------
// Studying over days
// ---------------------------------------------------------------------------


namespace {

// Facts met for the first time since `since`, by pack: a first review leaves one rep.
std::unordered_map<std::string, size_t> first_met_since(const Storage* storage, int64_t since) {
    std::unordered_map<std::string, size_t> met;
    if (storage)
        for (const FactReview& r : storage->fact_reviews("", since))
            if (r.card.reps == 1) ++met[r.pack_id];
    return met;
}

int64_t end_of_today(Moment now) { return study_day_start(study_day(now.unix_seconds, now.utc_offset) + 1, now.utc_offset); }
int64_t start_of_today(Moment now) { return study_day_start(study_day(now.unix_seconds, now.utc_offset), now.utc_offset); }

} // namespace

void Play::count_study(Moment now) {
    study_.clear();
    const Storage* save = storage();
    const std::unordered_map<std::string, size_t> met = first_met_since(save, start_of_today(now));
    std::unordered_map<std::string, StudyCounts> seen; // from the save: due, and facts reviewed (in `facts`)
    // A fact an edited pack no longer has is no study (known only of the pack loaded).
    const Pack* loaded = chosen_pack();
    const std::unordered_set<std::string> loaded_facts = loaded ? fact_keys(*loaded) : std::unordered_set<std::string>{};
    if (save)
        for (const FactState& s : save->fact_states("")) {
            if (loaded && s.pack_id == loaded->id && !loaded_facts.count(s.fact)) continue;
            StudyCounts& c = seen[s.pack_id];
            if (s.card.state == fsrs::State::New) continue;
            ++c.facts;
            if (s.card.due < end_of_today(now)) ++c.due;
            if (s.last_rating == fsrs::Rating::Again) ++c.mistakes;
        }
    const auto allowed = static_cast<size_t>(settings_.new_per_day);
    for (const LibraryEntry& entry : library_.entries()) {
        if (!entry.playable()) continue;
        const std::string& id = entry.summary->id;
        StudyCounts c;
        c.facts = entry.summary->facts;
        const auto it = seen.find(id);
        const size_t reviewed = it == seen.end() ? 0 : it->second.facts;
        c.due = it == seen.end() ? 0 : it->second.due;
        c.mistakes = it == seen.end() ? 0 : it->second.mistakes;
        const auto m = met.find(id);
        const size_t met_today = m == met.end() ? 0 : m->second;
        c.fresh = std::min(c.facts - std::min(c.facts, reviewed), allowed - std::min(allowed, met_today));
        study_[id] = c;
    }
}

const StudyCounts* Play::study(const std::string& pack_id) const {
    const auto it = study_.find(pack_id);
    return it == study_.end() ? nullptr : &it->second;
}

std::vector<std::string> Play::mistakes() const {
    const Pack* pack = chosen_pack();
    std::vector<std::string> facts;
    if (!pack || !storage()) return facts;
    const std::unordered_set<std::string> keys = fact_keys(*pack);
    for (const FactState& s : storage()->fact_states(pack->id))
        if (s.last_rating == fsrs::Rating::Again && keys.count(s.fact)) facts.push_back(s.fact);
    return facts;
}

std::vector<std::string> Play::missed_in_round() const {
    std::vector<std::string> facts;
    if (!round_) return facts;
    const QuizSession& session = round_->session();
    for (size_t i = 0; i < session.answers().size(); ++i) {
        const Answer& a = session.answers()[i];
        for (const FactRating& r : rate_answer(session.quiz().questions[i], a.chosen, a.grade, a.elapsed_ms))
            if (r.rating == fsrs::Rating::Again && std::find(facts.begin(), facts.end(), r.fact) == facts.end())
                facts.push_back(r.fact);
    }
    return facts;
}

StartProblem Play::start_learn(uint64_t seed, Moment now, std::vector<std::string> only) {
    if (!chosen()) return StartProblem::NoPack;
    const Pack* pack = chosen_pack();
    if (!pack) return StartProblem::Loading;
    if (storage()) storage()->try_save_again();
    LearnOptions options;
    options.quiz = quiz_options(*pack);
    options.quiz.seed = seed;
    options.memory = memory_parameters(settings_);
    options.day_end = end_of_today(now);
    const size_t allowed = static_cast<size_t>(settings_.new_per_day);
    const auto met = first_met_since(storage(), start_of_today(now));
    const auto it = met.find(pack->id);
    options.new_facts = only.empty() ? allowed - std::min(allowed, it == met.end() ? 0 : it->second) : 0;
    const bool focused = !only.empty();
    options.only = std::move(only);
    learn_.emplace(*pack, storage() ? storage()->fact_states(pack->id) : std::vector<FactState>{}, std::move(options),
                   storage(), now);
    if (focused && learn_->step() == LearnStep::Finished) {
        learn_.reset();
        return StartProblem::NoQuestions;
    }
    return StartProblem::None;
}

} // namespace chronicle
