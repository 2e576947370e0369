#include "ui/home_screen.h"

#include <SDL_scancode.h>

#include <algorithm>

#include "core/quiz/phrases.h"

namespace chronicle::ui {

const char* kind_label(Kind k, const UiContext& ctx) {
    static const T kLabels[] = {T::KindFirst,   T::KindLast,    T::KindOrder,  T::KindBeforeAfter, T::KindWhen,
                                T::KindWhoSaid, T::KindWhoDid, T::KindNumber, T::KindAuthored};
    return ctx.t(kLabels[static_cast<int>(k)]);
}

std::vector<Kind> kinds_to_ask(const PackCard& card, const HomeChoice& choice) {
    if (choice.kinds.empty()) return card.kinds;
    std::vector<Kind> out;
    for (Kind k : card.kinds)
        if (std::find(choice.kinds.begin(), choice.kinds.end(), k) != choice.kinds.end()) out.push_back(k);
    return out;
}

namespace {

void draw_card(const PackCard& card, bool selected, int index, HomeChoice& choice, const UiContext& ctx) {
    ImGui::PushID(index);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    const float pad = 12 * ctx.scale;
    ImGui::Indent(pad);
    ImGui::Dummy(ImVec2(0, 2 * ctx.scale));
    text(card.title, ctx.fonts.large, 0, pad);
    if (!card.description.empty()) text(card.description, ctx.fonts.body, 0, pad);
    text(card.details, ctx.fonts.body, ctx.palette.muted, pad);
    if (!card.problem.empty()) {
        text(std::string(ctx.t(T::PackBroken)) + ": " + card.problem, ctx.fonts.body, ctx.palette.wrong, pad);
    }
    if (!card.missing_glyphs.empty())
        text(fill_in(ctx.t(T::PackMissingGlyphs), "c", card.missing_glyphs), ctx.fonts.body, ctx.palette.wrong, pad);
    if (card.warnings > 0)
        text(fill_in(ctx.t(T::PackWarnings), "n", std::to_string(card.warnings)), ctx.fonts.body, ctx.palette.muted, pad);
    if (const auto& best = card.best_by_mode[static_cast<int>(choice.mode)])
        text(fill_in(ctx.t(T::BestScore), "n", std::to_string(*best)), ctx.fonts.body, ctx.palette.accent, pad);
    ImGui::Dummy(ImVec2(0, 2 * ctx.scale));
    ImGui::Unindent(pad);
    ImGui::EndGroup();
    const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y);
    dl->ChannelsSetCurrent(0);
    const bool hovered = ImGui::IsMouseHoveringRect(start, end);
    dl->AddRectFilled(start, end, hovered || selected ? ctx.palette.card_hover : ctx.palette.card, 8 * ctx.scale);
    if (selected) dl->AddRect(start, end, ctx.palette.accent, 8 * ctx.scale, 0, 3 * ctx.scale);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    if (ImGui::InvisibleButton("card", ImVec2(end.x - start.x, end.y - start.y)) && card.playable) choice.pack = index;
    frame_log().widget(card.title, start, end);
    ImGui::PopID();
}

void draw_options(const PackCard& card, HomeChoice& choice, const UiContext& ctx) {
    text(ctx.t(T::Mode), ctx.fonts.large);
    const std::pair<Mode, std::pair<T, T>> modes[] = {{Mode::Practice, {T::ModePractice, T::ModePracticeHelp}},
                                                      {Mode::Timed, {T::ModeTimed, T::ModeTimedHelp}},
                                                      {Mode::Test, {T::ModeTest, T::ModeTestHelp}}};
    for (const auto& [mode, names] : modes) {
        if (mode != Mode::Practice) ImGui::SameLine();
        if (choice_button(ctx.t(names.first), choice.mode == mode, ctx)) choice.mode = mode;
    }
    for (const auto& [mode, names] : modes)
        if (choice.mode == mode) text(ctx.t(names.second), ctx.fonts.body, ctx.palette.muted);

    ImGui::Spacing();
    text(ctx.t(T::Length), ctx.fonts.large);
    for (int n : {5, 10, 20}) {
        if (n != 5) ImGui::SameLine();
        if (choice_button(std::to_string(n) + "##length", choice.length == n, ctx)) choice.length = n;
    }

    ImGui::Spacing();
    text(ctx.t(T::Difficulty), ctx.fonts.large);
    const std::pair<Difficulty, T> levels[] = {{Difficulty::Easy, T::Easy}, {Difficulty::Normal, T::Normal}, {Difficulty::Hard, T::Hard}};
    for (const auto& [level, name] : levels) {
        if (level != Difficulty::Easy) ImGui::SameLine();
        if (choice_button(ctx.t(name), choice.difficulty == level, ctx)) choice.difficulty = level;
    }

    ImGui::Spacing();
    text(ctx.t(T::Kinds), ctx.fonts.large);
    const std::vector<Kind> asked = kinds_to_ask(card, choice);
    const float column = ImGui::GetContentRegionAvail().x / 2;
    // Compact boxes: the frame padding that makes buttons easy to hit makes ticks huge.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4 * ctx.scale, 4 * ctx.scale));
    int shown = 0;
    for (Kind k : card.kinds) {
        bool on = std::find(asked.begin(), asked.end(), k) != asked.end();
        if (shown++ % 2) ImGui::SameLine(column);
        if (ImGui::Checkbox(kind_label(k, ctx), &on)) {
            std::vector<Kind> next = on ? asked : std::vector<Kind>{};
            if (on) next.push_back(k);
            else
                for (Kind a : asked)
                    if (a != k) next.push_back(a);
            // An empty choice would mean "all": keep at least one kind ticked.
            if (!next.empty()) choice.kinds = next;
        }
        frame_log().widget(kind_label(k, ctx), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        frame_log().text(kind_label(k, ctx));
    }
    ImGui::PopStyleVar();
}

} // namespace

HomeAction draw_home(const std::vector<PackCard>& cards, HomeChoice& choice, const HomeNotices& notices,
                     const std::string& user_folder, const UiContext& ctx) {
    HomeAction action = HomeAction::None;
    begin_screen("home");
    const float settings_width = ImGui::CalcTextSize(ctx.t(T::Settings)).x + ImGui::GetStyle().FramePadding.x * 2;
    text(ctx.t(T::AppName), ctx.fonts.title);
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - settings_width);
    if (button(ctx.t(T::Settings))) action = HomeAction::Settings;
    text(ctx.t(T::AppTagline), ctx.fonts.body, ctx.palette.muted);
    if (!notices.added.empty()) text(notices.added, ctx.fonts.body, ctx.palette.right);
    if (!notices.problem.empty()) text(notices.problem, ctx.fonts.body, ctx.palette.wrong);
    ImGui::Spacing();

    const float footer = ImGui::GetFrameHeightWithSpacing() + ctx.fonts.large->FontSize * 1.2f;
    const float height = ImGui::GetContentRegionAvail().y - footer;
    const float left = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("packs", ImVec2(left, height), false);
    text(ctx.t(T::Packs), ctx.fonts.large);
    if (cards.empty()) text(fill_in(ctx.t(T::NoPacks), "p", user_folder), ctx.fonts.body, ctx.palette.muted);
    for (int i = 0; i < static_cast<int>(cards.size()); ++i) {
        draw_card(cards[static_cast<size_t>(i)], i == choice.pack, i, choice, ctx);
        ImGui::Spacing();
    }
    text(ctx.t(T::DropToAdd), ctx.fonts.body, ctx.palette.muted);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("options", ImVec2(0, height), false);
    const bool has_pack = choice.pack >= 0 && choice.pack < static_cast<int>(cards.size()) &&
                          cards[static_cast<size_t>(choice.pack)].playable;
    if (has_pack) draw_options(cards[static_cast<size_t>(choice.pack)], choice, ctx);
    ImGui::EndChild();

    const bool can_start = has_pack && !kinds_to_ask(cards[static_cast<size_t>(choice.pack)], choice).empty();
    ImGui::BeginDisabled(!can_start);
    if (primary_button(ctx.t(T::Start), ctx, ImVec2(ImGui::GetContentRegionAvail().x, 0)) ||
        (can_start && key_pressed(SDL_SCANCODE_RETURN)))
        action = HomeAction::Start;
    ImGui::EndDisabled();
    ImGui::End();
    return action;
}

} // namespace chronicle::ui
