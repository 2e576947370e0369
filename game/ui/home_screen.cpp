#include "ui/home_screen.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <filesystem>

#include "core/base/text.h"
#include "core/quiz/generator.h"
#include "core/quiz/phrases.h"
#include "ui/font_coverage.h"
#include "ui/messages.h"

namespace chronicle::ui {

namespace {

void append_line(std::string& to, const std::string& line) {
    if (line.empty()) return;
    if (!to.empty()) to += "\n";
    to += line;
}

// What became of one dropped file, in the interface's language.
std::string added_notice(const std::string& file, const AddedPack& a, const UiContext& ctx) {
    const std::string name = std::filesystem::path(file).filename().string();
    if (a.added()) {
        std::string s = fill_in(ctx.t(for_count(a.import.events, T::PackAddedOne, T::PackAdded)),
                                {{"t", a.title}, {"n", number_text(a.import.events, ctx.lang)}});
        if (a.import.skipped > 0)
            s += " " + fill_in(ctx.t(T::PackAddedSkipped), {{"k", number_text(static_cast<long long>(a.import.skipped), ctx.lang)}, {"f", file}});
        return s;
    }
    if (!a.import.pack_text) {
        std::string first_error;
        for (const Diagnostic& d : a.import.diagnostics)
            if (d.severity == Severity::Error && first_error.empty()) first_error = describe(d, ctx.lang);
        return fill_in(ctx.t(T::PackNotAdded), {{"f", name}, {"e", first_error}});
    }
    switch (a.install.problem) {
    case InstallProblem::Exists: return fill_in(ctx.t(T::PackExists), {{"p", a.install.path}, {"f", file}});
    case InstallProblem::IdTaken: return fill_in(ctx.t(T::PackIdTaken), {{"i", a.import.id}, {"p", a.install.taken_by}});
    default: return fill_in(ctx.t(T::PackNotAdded), {{"f", name}, {"e", message(a.install.error, ctx.lang)}});
    }
}

T mode_word(Mode m) { return m == Mode::Timed ? T::ModeTimed : m == Mode::Test ? T::ModeTest : T::ModePractice; }

// Warnings are for the pack's author, not the player: a small "!" in the card's
// corner, and on hover what to run to see them.
void draw_warnings_badge(const PackCard& card, float right, float top, const UiContext& ctx) {
    const float r = ImGui::GetFontSize() * 0.55f;
    const ImVec2 centre(right - r, top + r);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircle(centre, r, ctx.palette.muted, 24, std::max(1.5f, ctx.scale * 1.5f));
    const ImVec2 size = ImGui::CalcTextSize("!");
    dl->AddText(ImVec2(centre.x - size.x / 2, centre.y - size.y / 2), ctx.palette.muted, "!");
    frame_log().text("!");
    if (ImGui::IsMouseHoveringRect(ImVec2(centre.x - r, centre.y - r), ImVec2(centre.x + r, centre.y + r))) {
        const std::string tip = fill_in(ctx.t(for_count(static_cast<long long>(card.warnings), T::PackWarning, T::PackWarnings)),
                                        {{"n", number_text(static_cast<long long>(card.warnings), ctx.lang)}, {"f", card.path}});
        ImGui::SetTooltip("%s", tip.c_str());
        frame_log().text(tip);
    }
}

void draw_card(const PackCard& card, bool selected, int index, Settings& settings, bool& changed, const UiContext& ctx) {
    ImGui::PushID(index);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    const float pad = 12 * ctx.scale;
    ImGui::Indent(pad);
    ImGui::Dummy(ImVec2(0, 2 * ctx.scale));
    text(card.title, ctx.fonts.large, 0, pad + (card.warnings > 0 ? ImGui::GetFontSize() * 1.5f : 0)); // clear of the "!"
    if (!card.description.empty()) text(card.description, ctx.fonts.body, 0, pad);
    text(card.details, ctx.fonts.body, ctx.palette.muted, pad);
    if (!card.problem.empty()) text(std::string(ctx.t(T::PackBroken)) + ": " + card.problem, ctx.fonts.body, ctx.palette.wrong, pad);
    if (!card.missing_glyphs.empty())
        text(fill_in(ctx.t(T::PackMissingGlyphs), {{"c", card.missing_glyphs}}), ctx.fonts.body, ctx.palette.wrong, pad);
    if (card.study)
        text(fill_in(ctx.t(T::StudyCounts), {{"d", number_text(static_cast<long long>(card.study->due), ctx.lang)},
                                             {"n", number_text(static_cast<long long>(card.study->fresh), ctx.lang)}}),
             ctx.fonts.body, card.study->due > 0 ? ctx.palette.accent : ctx.palette.muted, pad);
    if (const auto& best = card.best_by_mode[static_cast<size_t>(settings.mode)])
        text(fill_in(ctx.t(T::BestScore), {{"m", ctx.t(mode_word(settings.mode))}, {"n", number_text(*best, ctx.lang)}}),
             ctx.fonts.body, ctx.palette.accent, pad);
    ImGui::Dummy(ImVec2(0, 2 * ctx.scale));
    ImGui::Unindent(pad);
    ImGui::EndGroup();
    const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
    dl->ChannelsSetCurrent(0);
    const bool hovered = ImGui::IsMouseHoveringRect(start, end);
    dl->AddRectFilled(start, end, hovered || selected ? ctx.palette.card_hover : ctx.palette.card, 8 * ctx.scale);
    if (selected) dl->AddRect(start, end, ctx.palette.accent, 8 * ctx.scale, 0, 3 * ctx.scale);
    dl->ChannelsMerge();
    if (card.warnings > 0) draw_warnings_badge(card, end.x - pad, start.y + pad, ctx);
    ImGui::SetCursorScreenPos(start);
    const bool clicked = ImGui::InvisibleButton("card", ImVec2(end.x - start.x, end.y - start.y));
    frame_log().widget(card.title, start, end);
    if ((focus_item() || clicked) && card.playable() && settings.pack != card.pack_id) {
        settings.pack = card.pack_id;
        changed = true;
    }
    ImGui::PopID();
}

bool draw_options(const PackCard& card, Settings& s, std::optional<size_t> capacity, const UiContext& ctx) {
    bool changed = false;
    if (begin_named_rows("how")) {
        const auto row = [&ctx](T name) { named_row(ctx.t(name), ctx); };
        row(T::Mode);
        const std::pair<Mode, std::string> modes[] = {
            {Mode::Practice, ctx.t(T::ModePractice)}, {Mode::Timed, ctx.t(T::ModeTimed)}, {Mode::Test, ctx.t(T::ModeTest)}};
        changed |= choice_row(s.mode, modes, ctx);
        row(T::Length);
        const std::pair<int, std::string> lengths[] = {{5, "5##length"}, {10, "10##length"}, {20, "20##length"}};
        changed |= choice_row(s.length, lengths, ctx);
        row(T::Difficulty);
        const std::pair<Difficulty, std::string> levels[] = {
            {Difficulty::Easy, ctx.t(T::Easy)}, {Difficulty::Normal, ctx.t(T::Normal)}, {Difficulty::Hard, ctx.t(T::Hard)}};
        changed |= choice_row(s.difficulty, levels, ctx);
        ImGui::EndTable();
    }
    const T help = s.mode == Mode::Timed ? T::ModeTimedHelp : s.mode == Mode::Test ? T::ModeTestHelp : T::ModePracticeHelp;
    text(ctx.t(help), ctx.fonts.body, ctx.palette.muted);
    if (capacity && *capacity < static_cast<size_t>(s.length))
        text(message(Issue{Problem::QuizShorter, {number_text(static_cast<long long>(*capacity), ctx.lang), number_text(s.length, ctx.lang)}}, ctx.lang), ctx.fonts.body,
             ctx.palette.wrong);

    ImGui::Spacing();
    text(ctx.t(T::Kinds), ctx.fonts.large);
    const std::vector<Kind> asked = kinds_to_ask(card.kinds, s.kinds);
    // Compact boxes: the frame padding that makes buttons easy to hit makes ticks huge.
    const float tick_pad = ImGui::GetFontSize() * 0.2f; // follows the page's type, stepped down or not
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(tick_pad, tick_pad));
    // As many columns as the widest kind's name allows: fewer rows to fit.
    float widest = 0;
    for (Kind k : card.kinds) widest = std::max(widest, ImGui::CalcTextSize(kind_spec(k).label.in(lang_code(ctx.lang))).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float column = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + widest + style.ItemSpacing.x * 2;
    const int columns = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / column));
    int shown = 0;
    begin_focus_group();
    for (Kind k : card.kinds) {
        const char* label = kind_spec(k).label.in(lang_code(ctx.lang));
        bool on = std::find(asked.begin(), asked.end(), k) != asked.end();
        if (const int at = shown++ % columns; at > 0) ImGui::SameLine(static_cast<float>(at) * column);
        bool toggled = ImGui::Checkbox(label, &on);
        frame_log().widget(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        frame_log().text(label);
        if (focus_item()) {
            on = !on;
            toggled = true;
        }
        if (toggled) {
            std::vector<Kind> next;
            for (Kind a : asked)
                if (a != k) next.push_back(a);
            if (on) next.push_back(k);
            // An empty choice would mean "all": keep at least one kind ticked.
            if (!next.empty()) {
                s.kinds = next;
                changed = true;
            }
        }
    }
    end_focus_group();
    ImGui::PopStyleVar();
    return changed;
}

} // namespace

// Cards are made when the library or the language changes; best scores may have
// changed whenever Home is shown again.
void HomeScreen::enter(Model& model, const UiContext& ctx) {
    scroll_to_top_ = true; // where Tab last scrolled the panes is no place to come back to
    if (cards_generation_ != model.play.library().generation() || cards_lang_ != ctx.lang) return make_cards(model, ctx);
    refresh_best_scores(model);
}

void HomeScreen::refresh_best_scores(const Model& model) {
    const Storage* storage = model.play.storage();
    for (PackCard& card : cards_) {
        const StudyCounts* study = card.pack_id.empty() ? nullptr : model.play.study(card.pack_id);
        card.study = study ? std::optional<StudyCounts>(*study) : std::nullopt;
        for (Mode m : kAllModes) {
            std::optional<BestScore> best;
            if (storage && !card.pack_id.empty()) best = storage->best_score(card.pack_id, m);
            card.best_by_mode[static_cast<size_t>(m)] = best ? std::optional<int>(best->points) : std::nullopt;
        }
    }
}

void HomeScreen::make_cards(Model& model, const UiContext& ctx) {
    cards_.clear();
    cards_generation_ = model.play.library().generation();
    cards_lang_ = ctx.lang;
    const std::string lang = lang_code(ctx.lang);
    for (const LibraryEntry& e : model.play.library().entries()) {
        PackCard card;
        card.warnings = e.summary ? e.summary->warnings : 0;
        card.path = e.path;
        if (e.indexing()) {
            card.title = std::filesystem::path(e.path).filename().string();
            card.details = ctx.t(T::PackLoading);
        } else if (e.loads) {
            const PackSummary& p = *e.summary;
            const std::string l = p.has_language(lang) ? lang : p.default_language;
            card.pack_id = p.id;
            card.title = p.text(p.title, l);
            card.description = p.text(p.description, l);
            card.details = fill_in(ctx.t(for_count(static_cast<long long>(p.events), T::PackEvent, T::PackEvents)),
                                   {{"n", number_text(static_cast<long long>(p.events), ctx.lang)}}) + " · " + join(p.languages, ", ");
            card.kinds = p.kinds;
            card.missing_glyphs = model.coverage.missing(p.characters);
        } else {
            card.title = std::filesystem::path(e.path).filename().string();
            card.details = e.path;
            if (const Diagnostic* d = e.first_error()) card.problem = describe(*d, ctx.lang);
        }
        cards_.push_back(std::move(card));
    }
    refresh_best_scores(model);
}

std::optional<size_t> HomeScreen::capacity(const Model& model) {
    const Pack* pack = model.play.chosen_pack();
    if (!pack) return std::nullopt;
    const QuizOptions options = model.play.quiz_options(*pack);
    const uint64_t generation = model.play.library().generation();
    if (capacity_.pack != pack || capacity_.generation != generation || capacity_.difficulty != options.difficulty ||
        capacity_.kinds != options.kinds)
        capacity_ = {generation, pack, options.difficulty, options.kinds, quiz_capacity(*pack, options)};
    return capacity_.questions;
}

// A damaged save, a choice with no questions, files not added: the player is told in
// their language, with the technical reason.
std::string HomeScreen::notices(const Model& model, const UiContext& ctx) const {
    std::string problems;
    for (const AddedPack& a : model.added)
        if (!a.added()) append_line(problems, added_notice(a.file, a, ctx));
    if (const std::optional<Issue>& notice = model.play.opened().notice) append_line(problems, message(*notice, ctx.lang));
    if (model.start_problem == StartProblem::NoQuestions) append_line(problems, ctx.t(T::NoQuestions));
    if (model.start_problem == StartProblem::NoCards) append_line(problems, ctx.t(T::TimelineNoCards));
    if (model.worksheet_problem)
        append_line(problems, fill_in(ctx.t(T::WorksheetNotSaved), {{"e", message(*model.worksheet_problem, ctx.lang)}}));
    return problems;
}

Intent HomeScreen::draw_content(Model& model, const UiContext& ctx) {
    if (cards_generation_ != model.play.library().generation() || cards_lang_ != ctx.lang) make_cards(model, ctx);
    Settings& settings = model.play.settings();
    Intent intent;
    bool changed = false;

    const float settings_width = ImGui::CalcTextSize(ctx.t(T::Settings)).x + ImGui::GetStyle().FramePadding.x * 2;
    text(ctx.t(T::AppName), ctx.fonts.title);
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - settings_width);
    if (button(ctx.t(T::Settings))) intent = Intent::open(ScreenId::Settings);
    text(ctx.t(T::AppTagline), ctx.fonts.body, ctx.palette.muted);
    std::string added;
    for (const AddedPack& a : model.added)
        if (a.added()) append_line(added, added_notice(a.file, a, ctx));
    if (!model.worksheet_path.empty()) append_line(added, fill_in(ctx.t(T::WorksheetSaved), {{"p", model.worksheet_path}}));
    if (!added.empty()) text(added, ctx.fonts.body, ctx.palette.right);
    if (const std::string problems = notices(model, ctx); !problems.empty()) text(problems, ctx.fonts.body, ctx.palette.wrong);
    ImGui::Spacing();

    // The chosen pack: the settings' one, else the first that can be played.
    const LibraryEntry* chosen = model.play.chosen();
    const PackCard* chosen_card = nullptr;
    for (const PackCard& c : cards_)
        if (chosen && c.pack_id == chosen->summary->id && c.playable()) chosen_card = &c;

    const float footer = ImGui::GetFrameHeightWithSpacing() * 3 + layout_size(ctx.fonts.large) * 1.2f;
    const float height = ImGui::GetContentRegionAvail().y - footer;
    const float left = ImGui::GetContentRegionAvail().x * 0.42f; // the choices need the room more than the cards
    ImGui::BeginChild("packs", ImVec2(left, height), false);
    if (scroll_to_top_) ImGui::SetScrollY(0);
    text(ctx.t(T::Packs), ctx.fonts.large);
    if (cards_.empty()) text(fill_in(ctx.t(T::NoPacks), {{"p", model.user_pack_folder}}), ctx.fonts.body, ctx.palette.muted);
    begin_focus_group();
    for (size_t i = 0; i < cards_.size(); ++i) {
        draw_card(cards_[i], &cards_[i] == chosen_card, static_cast<int>(i), settings, changed, ctx);
        ImGui::Spacing();
    }
    end_focus_group();
    text(ctx.t(T::DropToAdd), ctx.fonts.body, ctx.palette.muted);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("options", ImVec2(0, height), false);
    if (scroll_to_top_) ImGui::SetScrollY(0);
    scroll_to_top_ = false;
    if (chosen_card) changed |= draw_options(*chosen_card, settings, capacity(model), ctx);
    ImGui::EndChild();

    // The chosen pack is loaded in the background: Start waits for it.
    const bool loading = chosen_card && !model.play.chosen_pack();
    const bool can_start = chosen_card && !loading && !kinds_to_ask(chosen_card->kinds, settings.kinds).empty();
    // Print worksheet sits beside Start, at its own width: the same quiz, on paper.
    const float print_width = ImGui::CalcTextSize(ctx.t(T::PrintWorksheet)).x + ImGui::GetStyle().FramePadding.x * 2;
    float start_width = ImGui::GetContentRegionAvail().x - print_width - ImGui::GetStyle().ItemSpacing.x;
    // A quiz (or a projector game) left with Esc can be taken up again until a new one starts.
    std::optional<std::pair<size_t, size_t>> left_at; // its question, of how many
    if (const Round* aside = model.play.round_aside())
        left_at = {aside->session().index() + 1, aside->session().quiz().questions.size()};
    else if (const TeamGame* game = model.play.team_game_unfinished())
        left_at = {game->index() + 1, game->quiz().questions.size()};
    if (left_at) {
        start_width = (start_width - ImGui::GetStyle().ItemSpacing.x) / 2;
        ImGui::PushFont(ctx.fonts.large);
        if (button(fill_in(ctx.t(T::ResumeQuiz), {{"i", number_text(static_cast<long long>(left_at->first), ctx.lang)},
                                                  {"n", number_text(static_cast<long long>(left_at->second), ctx.lang)}}),
                   ImVec2(start_width, 0)))
            intent = Intent::to(Intent::Do::Resume);
        ImGui::PopFont();
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(!can_start);
    if (primary_button(ctx.t(loading ? T::StartLoading : T::Start), ctx, ImVec2(start_width, 0)) ||
        (can_start && key_pressed(SDL_SCANCODE_RETURN)))
        intent = Intent::to(Intent::Do::Start);
    ImGui::SameLine();
    if (button(ctx.t(T::PrintWorksheet), ImVec2(print_width, ImGui::GetItemRectSize().y))) intent = Intent::to(Intent::Do::PrintWorksheet);
    ImGui::EndDisabled();
    // Studying alone over days: the facts due and new, the mistakes of every game, and the
    // Timeline card game, which deals the pack's dated events whatever the kinds chosen.
    ImGui::BeginDisabled(!chosen_card || loading);
    if (button(ctx.t(T::StudyToday))) intent = Intent::to(Intent::Do::Study);
    if (chosen_card && chosen_card->study && chosen_card->study->mistakes > 0) {
        ImGui::SameLine();
        if (button(fill_in(ctx.t(T::ReviewMistakes), {{"n", number_text(static_cast<long long>(chosen_card->study->mistakes), ctx.lang)}})))
            intent = Intent::to(Intent::Do::ReviewMistakes);
    }
    ImGui::SameLine();
    if (button(ctx.t(T::Timeline))) intent = Intent::to(Intent::Do::TimelineStart);
    ImGui::EndDisabled();
    // What the player knows of the chosen pack, what is due, and how it has gone.
    ImGui::SameLine();
    ImGui::BeginDisabled(!chosen_card);
    if (button(ctx.t(T::ProgressTitle))) intent = Intent::open(ScreenId::Progress);
    ImGui::EndDisabled();
    // The projector game and the class game on phones: their own setups, from the same pack and choices.
    ImGui::BeginDisabled(!can_start);
    if (button(ctx.t(T::ProjectorGame)) || (can_start && key_pressed(SDL_SCANCODE_F5))) intent = Intent::open(ScreenId::TeamSetup);
    ImGui::SameLine();
    if (button(ctx.t(T::HostClass)) || (can_start && key_pressed(SDL_SCANCODE_F6))) intent = Intent::open(ScreenId::ClassSetup);
    ImGui::EndDisabled();
    if (changed && intent.what == Intent::Do::Nothing) intent = Intent::to(Intent::Do::SaveSettings);
    return intent;
}

} // namespace chronicle::ui
