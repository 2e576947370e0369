#include "ui/theme.h"

#include <imgui.h>

namespace chronicle::ui {

namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    auto channel = [hex](unsigned shift) { return static_cast<float>((hex >> shift) & 0xFF) / 255.0f; };
    return ImVec4(channel(16), channel(8), channel(0), alpha);
}

unsigned u32(unsigned hex) { return ImGui::ColorConvertFloat4ToU32(rgb(hex)); }

struct Colours {
    unsigned background, surface, surface_hover, surface_active, text, muted, accent, on_accent, right, wrong, border;
};

Colours colours_for(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return {0xF6F4EF, 0xFFFFFF, 0xE8EEF7, 0xD5E1F2, 0x1D2330, 0x5A6272, 0x2F5FB3, 0xFFFFFF, 0x1E7A3C, 0xB3261E, 0xC9CED8};
    case Theme::HighContrast:
        return {0x000000, 0x000000, 0x1A1A1A, 0x333333, 0xFFFFFF, 0xFFFFFF, 0xFFD400, 0x000000, 0x3DFF7A, 0xFF6B6B, 0xFFFFFF};
    default:
        return {0x161A22, 0x222836, 0x2D3547, 0x37415A, 0xECEFF4, 0xA4ADBD, 0x6EA8FE, 0x0B1020, 0x5BD68A, 0xFF7A70, 0x3A4357};
    }
}

} // namespace

Palette apply_theme(Theme theme, float scale) {
    const Colours c = colours_for(theme);
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    const bool high_contrast = theme == Theme::HighContrast;
    style.WindowPadding = ImVec2(24, 20);
    style.FramePadding = ImVec2(14, 10);
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 18;
    style.WindowRounding = 0;
    style.ChildRounding = style.FrameRounding = style.GrabRounding = style.PopupRounding = 8;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = style.ChildBorderSize = high_contrast ? 2.0f : 1.0f;
    style.ScaleAllSizes(scale);

    ImVec4* col = style.Colors;
    col[ImGuiCol_WindowBg] = rgb(c.background);
    col[ImGuiCol_ChildBg] = rgb(c.background);
    col[ImGuiCol_PopupBg] = rgb(c.surface);
    col[ImGuiCol_Text] = rgb(c.text);
    col[ImGuiCol_TextDisabled] = rgb(c.muted, high_contrast ? 1.0f : 0.8f);
    col[ImGuiCol_Border] = rgb(c.border);
    col[ImGuiCol_FrameBg] = rgb(c.surface);
    col[ImGuiCol_FrameBgHovered] = rgb(c.surface_hover);
    col[ImGuiCol_FrameBgActive] = rgb(c.surface_active);
    col[ImGuiCol_Button] = rgb(c.surface);
    col[ImGuiCol_ButtonHovered] = rgb(c.surface_hover);
    col[ImGuiCol_ButtonActive] = rgb(c.surface_active);
    col[ImGuiCol_Header] = rgb(c.surface_active);
    col[ImGuiCol_HeaderHovered] = rgb(c.surface_hover);
    col[ImGuiCol_HeaderActive] = rgb(c.surface_active);
    col[ImGuiCol_CheckMark] = rgb(c.accent);
    col[ImGuiCol_SliderGrab] = rgb(c.accent);
    col[ImGuiCol_SliderGrabActive] = rgb(c.accent);
    col[ImGuiCol_PlotHistogram] = rgb(c.accent);
    col[ImGuiCol_ScrollbarBg] = rgb(c.background);
    col[ImGuiCol_ScrollbarGrab] = rgb(c.surface_active);
    col[ImGuiCol_Separator] = rgb(c.border);
    col[ImGuiCol_NavHighlight] = rgb(c.accent);
    col[ImGuiCol_DragDropTarget] = rgb(c.accent);
    ImGui::GetStyle() = style;

    return {u32(c.accent), u32(c.right), u32(c.wrong), u32(c.muted), u32(c.surface), u32(c.surface_hover), u32(c.text),
            u32(c.on_accent), high_contrast};
}

} // namespace chronicle::ui
