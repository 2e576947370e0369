#include "core/play/play.h"

#include <filesystem>

#include "core/quiz/generator.h"

namespace chronicle {

Play::Play(const std::string& data_folder, std::vector<PackFolder> pack_folders, const std::string& system_lang,
           int64_t now_unix_seconds)
    : library_(std::move(pack_folders)) {
    std::error_code not_made;
    std::filesystem::create_directories(std::filesystem::u8path(data_folder), not_made);
    opened_ = Storage::open(data_folder + "/chronicle.db", now_unix_seconds);
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
    forget_notice_once_saved();
    return true;
}

void Play::leave_round() {
    round_.reset();
    forget_notice_once_saved(); // the game just finished may have opened the save
}

void Play::forget_notice_once_saved() {
    if (opened_.notice && opened_.notice->problem == Problem::SaveHeldInMemory && storage() && !storage()->in_memory())
        opened_.notice.reset();
}

const Pack* Play::chosen_pack() const {
    auto playable = [&](const Pack* p) { return p && !library_.kinds_of(*p).empty(); };
    if (const Pack* p = library_.find(settings_.pack); playable(p)) return p;
    for (const PackEntry& e : library_.entries())
        if (e.pack && playable(&*e.pack)) return &*e.pack;
    return nullptr;
}

std::vector<Kind> Play::kinds_to_ask() const {
    const Pack* pack = chosen_pack();
    return pack ? chronicle::kinds_to_ask(library_.kinds_of(*pack), settings_.kinds) : std::vector<Kind>{};
}

std::string Play::quiz_language(const Pack& pack) const {
    return pack.has_language(settings_.ui_lang) ? settings_.ui_lang : pack.default_language;
}

StartProblem Play::start_round(uint64_t seed, Moment now) {
    round_.reset();
    const Pack* pack = chosen_pack();
    if (!pack) return StartProblem::NoPack;
    QuizOptions options;
    options.seed = seed;
    options.count = static_cast<size_t>(settings_.length);
    options.lang = quiz_language(*pack);
    options.kinds = chronicle::kinds_to_ask(library_.kinds_of(*pack), settings_.kinds);
    options.difficulty = settings_.difficulty;
    if (options.kinds.empty()) return StartProblem::NoQuestions;
    Quiz quiz = generate_quiz(*pack, options);
    if (quiz.questions.empty()) return StartProblem::NoQuestions;
    settings_.pack = pack->id; // remembered for next time
    save_settings();
    round_.emplace(std::move(quiz), settings_.mode, storage(), now);
    return StartProblem::None;
}

std::vector<AddedPack> Play::add_files(const std::vector<std::string>& files) {
    std::vector<AddedPack> added = library_.add_files(files);
    for (const AddedPack& a : added)
        if (a.added()) settings_.pack = a.import.id;
    save_settings();
    return added;
}

} // namespace chronicle
