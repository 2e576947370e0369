#include "ui/class_lobby_screen.h"

#include <SDL_scancode.h>

#include <algorithm>
#include <cfloat>

#include "core/quiz/phrases.h"
#include "ui/class_parts.h"

namespace chronicle::ui {

namespace {

// The players' names as chips that wrap, each with its ×; the seat whose × was chosen.
std::optional<size_t> draw_name_chips(const ClassGame& game, const UiContext& ctx) {
    std::optional<size_t> removed;
    ImFont* font = ctx.fonts.large;
    const float size = layout_size(font);
    ImGui::PushFont(font);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = ImGui::GetFrameHeight();
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + ImGui::GetContentRegionAvail().x;
    // A name longer than a third of the row is cut with "…" (a phone may send 20 wide characters).
    const float max_name = std::max(size * 4, (right - left) / 3 - height - style.FramePadding.x * 3);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    begin_focus_group();
    for (size_t seat = 0; seat < game.players().size(); ++seat) {
        const ClassPlayer& p = game.players()[seat];
        if (p.removed) continue;
        const std::string name = elided(p.name, font, max_name);
        const float width = style.FramePadding.x * 2 + font->CalcTextSizeA(size, FLT_MAX, 0, name.c_str()).x + height;
        if (at.x > left && at.x + width > right) at = ImVec2(left, at.y + height + style.ItemSpacing.y);
        dl->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ctx.palette.card, height / 2);
        dl->AddText(font, size, ImVec2(at.x + style.FramePadding.x, at.y + style.FramePadding.y), ctx.palette.text, name.c_str());
        frame_log().text(p.name);
        ImGui::SetCursorScreenPos(ImVec2(at.x + width - height, at.y));
        ImGui::PushID(static_cast<int>(seat));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, height / 2);
        if (button(std::string(ctx.t(T::RemoveMark)) + "##remove", ImVec2(height, height))) removed = seat;
        ImGui::PopStyleVar();
        ImGui::PopID();
        frame_log().widget("remove:" + p.name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        at.x += width + style.ItemSpacing.x;
    }
    end_focus_group();
    ImGui::PopFont();
    return removed;
}

} // namespace

Intent ClassLobbyScreen::draw_content(Model& model, const UiContext& ctx) {
    using Do = Intent::Do;
    const ClassView& view = model.class_view;
    if (!view.game) return Intent::to(Do::Home);
    const ClassGame& game = *view.game;
    Intent intent;
    const ImGuiStyle& style = ImGui::GetStyle();

    // The QR code on the left, as big as the page allows; the rest beside it.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const float qr = draw_qr(view.join_url_with_pin, std::min(room.y, room.x * 0.42f));
    ImGui::SetCursorScreenPos(ImVec2(top.x + qr + style.ItemSpacing.x * 3, top.y));
    ImGui::BeginGroup();
    // Beside the code, its column's width (ui::text wraps at the window's edge).
    text(ctx.t(T::ScanToJoin), ctx.fonts.large, ctx.palette.muted);
    text(view.join_url, ctx.fonts.title);
    ImGui::Spacing();
    text(ctx.t(T::GamePin), ctx.fonts.large, ctx.palette.muted);
    // The PIN in two groups of three, easier to read out and to type.
    const std::string pin = view.pin.size() == 6 ? view.pin.substr(0, 3) + " " + view.pin.substr(3) : view.pin;
    text(pin, ctx.fonts.title, ctx.palette.accent);
    ImGui::Spacing();
    const long long count = static_cast<long long>(game.player_count());
    text(count == 0 ? std::string(ctx.t(T::WaitingForPlayers))
                    : fill_in(ctx.t(for_count(count, T::PlayerCount, T::PlayersCount)), {{"n", number_text(count, ctx.lang)}}),
         ctx.fonts.large);
    ImGui::BeginDisabled(count == 0);
    if (primary_button(ctx.t(T::StartClass), ctx) || (count > 0 && (key_pressed(SDL_SCANCODE_RETURN) || key_pressed(SDL_SCANCODE_KP_ENTER))))
        intent = Intent::to(Do::ClassStart);
    ImGui::EndDisabled();
    text(ctx.t(T::LobbyKeys), ctx.fonts.body, ctx.palette.muted);
    ImGui::Spacing();
    // The names take what is left of the column, down to the page's foot, and scroll in a full class.
    const float names_height = std::max(ImGui::GetFrameHeight() * 2, ImGui::GetContentRegionAvail().y);
    ImGui::BeginChild("names", ImVec2(0, names_height), false);
    if (const std::optional<size_t> seat = draw_name_chips(game, ctx)) intent = Intent::for_team(Do::ClassRemove, *seat);
    ImGui::EndChild();
    ImGui::EndGroup();
    return intent;
}

} // namespace chronicle::ui
