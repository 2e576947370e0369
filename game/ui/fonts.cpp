#include "ui/fonts.h"

#include <imgui.h>
#include <imgui_freetype.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/base/text.h"

namespace chronicle::ui {

namespace {

constexpr float kSmallPx = 16, kBodyPx = 20, kLargePx = 28, kTitlePx = 40;

std::vector<char> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

Fonts build_fonts(ImFontAtlas& atlas, const GlyphPlan& plan, float text_scale, float density, FontSources& sources, int max_side) {
    static_assert(sizeof(ImWchar) == sizeof(unsigned short), "ImGui built with 16-bit ImWchar");
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    if (sources.files.size() != plan.faces.size()) {
        sources.files.clear();
        for (const FontFace& face : plan.faces) sources.files.push_back(read_file(face.path));
    }
    sources.ranges.assign(plan.faces.size(), {});
    for (size_t i = 0; i < plan.faces.size(); ++i) {
        ImFontGlyphRangesBuilder builder;
        for (char32_t c : plan.glyphs[i]) builder.AddChar(static_cast<ImWchar>(c));
        ImVector<ImWchar> built;
        builder.BuildRanges(&built);
        sources.ranges[i].assign(built.begin(), built.end());
    }
    Fonts fonts;
    fonts.pixel_scale = text_scale * density;
    // A glyph takes at most its size squared (a Han one about that); packing wastes
    // some. Past half the atlas's area, rasterise smaller and scale up when drawing.
    size_t glyph_count = 0;
    for (const auto& glyphs : plan.glyphs) glyph_count += glyphs.size();
    const float side = static_cast<float>(max_side);
    float raster = fonts.pixel_scale;
    const auto area = [&](float scale) {
        float sum = 0;
        for (float px : {kSmallPx, kBodyPx, kLargePx, kTitlePx}) sum += (px * scale + 2) * (px * scale + 2);
        return sum * static_cast<float>(glyph_count);
    };
    if (area(raster) > side * side * 0.5f) raster *= std::sqrt(side * side * 0.5f / area(raster));
    auto add = [&](float px) {
        ImFont* font = nullptr;
        bool first = true;
        for (size_t i = 0; i < plan.faces.size(); ++i) {
            if (plan.glyphs[i].empty() || sources.files[i].empty()) continue;
            ImFontConfig config;
            config.MergeMode = !first;
            config.FontNo = plan.faces[i].index;
            config.FontDataOwnedByAtlas = false; // sources owns the bytes
            config.OversampleH = 1;              // FreeType hints; oversampling only costs atlas space
            ImFont* f = atlas.AddFontFromMemoryTTF(sources.files[i].data(), static_cast<int>(sources.files[i].size()),
                                                   std::max(1.0f, std::floor(px * raster)), &config, sources.ranges[i].data());
            if (first) font = f;
            first = false;
        }
        return font ? font : atlas.AddFontDefault();
    };
    // The estimate can miss; shrink until the atlas really fits.
    for (int attempt = 0;; ++attempt) {
        fonts.small = add(kSmallPx);
        fonts.body = add(kBodyPx);
        fonts.large = add(kLargePx);
        fonts.title = add(kTitlePx);
        atlas.TexDesiredWidth = std::min(max_side, 4096);
        atlas.Build();
        if ((atlas.TexHeight <= max_side && atlas.TexWidth <= max_side) || attempt == 4) break;
        atlas.Clear();
        atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        raster *= 0.7f;
    }
    for (auto [font, px] : {std::pair{fonts.small, kSmallPx}, std::pair{fonts.body, kBodyPx}, std::pair{fonts.large, kLargePx},
                           std::pair{fonts.title, kTitlePx}})
        font->Scale = px * fonts.pixel_scale / font->FontSize;
    return fonts;
}

float layout_size(const ImFont* font) {
    float window_scale = 1.0f; // a page stepped down to fit (SetWindowFontScale), and its panes
    if (const ImGuiWindow* w = ImGui::GetCurrentContext() ? ImGui::GetCurrentContext()->CurrentWindow : nullptr)
        window_scale = w->FontWindowScale * (w->ParentWindow ? w->ParentWindow->FontWindowScale : 1.0f);
    return font->FontSize * font->Scale * ImGui::GetIO().FontGlobalScale * window_scale;
}

bool font_has_all(const ImFont* font, const std::string& text, std::string* first_missing) {
    for (char32_t c : code_points(text)) {
        if (c < 0x20 || c == 0x7F) continue;
        if (c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
        if (first_missing) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
            *first_missing = buf;
        }
        return false;
    }
    return true;
}

} // namespace chronicle::ui
