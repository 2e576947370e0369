#include "ui/team_parts.h"

#include "core/quiz/phrases.h"

namespace chronicle::ui {

unsigned team_colour(int index) {
    static const unsigned colours[] = {IM_COL32(230, 159, 0, 255),  IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
                                       IM_COL32(240, 228, 66, 255), IM_COL32(0, 114, 178, 255),  IM_COL32(213, 94, 0, 255)};
    const size_t n = sizeof colours / sizeof *colours;
    return colours[static_cast<size_t>(index < 0 ? 0 : index) % n];
}

std::string team_name(size_t index, Lang lang) {
    return fill_in(text(T::TeamName, lang), {{"n", number_text(static_cast<long long>(index + 1), lang)}});
}

void team_swatch(int colour, float side) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), team_colour(colour), side * 0.2f);
}

} // namespace chronicle::ui
