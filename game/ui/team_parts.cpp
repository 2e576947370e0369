#include "ui/team_parts.h"

namespace chronicle::ui {

unsigned team_colour(int index) {
    static const unsigned colours[] = {IM_COL32(230, 159, 0, 255),  IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
                                       IM_COL32(240, 228, 66, 255), IM_COL32(0, 114, 178, 255),  IM_COL32(213, 94, 0, 255)};
    const size_t n = sizeof colours / sizeof *colours;
    return colours[static_cast<size_t>(index < 0 ? 0 : index) % n];
}

bool team_option_box(size_t index, const std::string& text, ImVec2 size, OptionLook look, const UiContext& ctx) {
    ImGui::PushFont(ctx.fonts.large);
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string key = std::to_string(index + 1);
    const float badge = ImGui::GetFontSize() * 1.6f;
    const float pad = style.FramePadding.x * 2;
    const float text_width = size.x - badge - pad * 3;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(("##team-option" + key).c_str(), size);
    frame_log().widget(text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    frame_log().text(text);
    frame_log().text(key);
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const unsigned fill = look == OptionLook::Right ? ctx.palette.right : ImGui::IsItemHovered() ? ctx.palette.card_hover : ctx.palette.card;
    dl->AddRectFilled(pos, end, fill, style.FrameRounding);
    if (look == OptionLook::Right) dl->AddRect(pos, end, ctx.palette.text, style.FrameRounding, 0, 4 * ctx.scale);
    const ImVec2 badge_min(pos.x + pad, pos.y + (size.y - badge) / 2);
    dl->AddRectFilled(badge_min, ImVec2(badge_min.x + badge, badge_min.y + badge), ctx.palette.accent, style.FrameRounding);
    const ImVec2 key_size = ImGui::CalcTextSize(key.c_str());
    dl->AddText(ImVec2(badge_min.x + (badge - key_size.x) / 2, badge_min.y + (badge - key_size.y) / 2), ctx.palette.on_accent, key.c_str());
    const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_width);
    unsigned colour = look == OptionLook::Right ? ctx.palette.on_accent : ctx.palette.text;
    if (look == OptionLook::Dimmed) colour = ctx.palette.muted;
    dl->AddText(nullptr, 0.0f, ImVec2(badge_min.x + badge + pad, pos.y + (size.y - text_size.y) / 2), colour, text.c_str(), nullptr,
                text_width);
    if (look == OptionLook::Right) draw_mark(dl, ImVec2(end.x - badge * 0.7f, pos.y + size.y / 2), badge * 0.4f, true, ctx.palette.on_accent);
    ImGui::PopFont();
    return clicked;
}

void team_swatch(int colour, float side) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), team_colour(colour), side * 0.2f);
}

} // namespace chronicle::ui
