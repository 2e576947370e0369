#include "ui/font_coverage.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

#include "core/base/paths.h"
#include "core/base/text.h"

namespace chronicle::ui {

namespace fs = std::filesystem;

namespace {

struct OpenFace {
    FontFace face;
    TTF_Font* font = nullptr;
};

bool drawable(char32_t c) { return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0); }

} // namespace

struct FontCoverage::Impl {
    std::vector<OpenFace> faces; // bundled, then system ones as they are found
    bool ttf_started = false;

    // Opens a face for coverage checks; the size is irrelevant to TTF_GlyphIsProvided32.
    bool open(const FontFace& face) {
        TTF_Font* f = TTF_OpenFontIndex(face.path.c_str(), 16, face.index);
        if (!f) return false;
        faces.push_back({face, f});
        return true;
    }

    // Adds system faces, best match first, until they cover `wanted` or fontconfig runs out.
    void add_system_faces(const std::vector<char32_t>& wanted) {
        if (wanted.empty() || !FcInit()) return;
        FcCharSet* chars = FcCharSetCreate();
        for (char32_t c : wanted) FcCharSetAddChar(chars, c);
        FcPattern* pattern = FcPatternCreate();
        FcPatternAddCharSet(pattern, FC_CHARSET, chars);
        FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result;
        FcFontSet* sorted = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result);
        std::set<char32_t> left(wanted.begin(), wanted.end());
        for (int i = 0; sorted && i < sorted->nfont && !left.empty(); ++i) {
            FcChar8* file = nullptr;
            FcCharSet* has = nullptr;
            int index = 0;
            if (FcPatternGetString(sorted->fonts[i], FC_FILE, 0, &file) != FcResultMatch ||
                FcPatternGetCharSet(sorted->fonts[i], FC_CHARSET, 0, &has) != FcResultMatch)
                continue;
            FcPatternGetInteger(sorted->fonts[i], FC_INDEX, 0, &index);
            const std::string path = reinterpret_cast<const char*>(file);
            const std::string ext = fs::path(path).extension().string();
            if (ext != ".ttf" && ext != ".otf" && ext != ".ttc" && ext != ".TTF" && ext != ".OTF") continue;
            const bool useful = std::any_of(left.begin(), left.end(), [&](char32_t c) { return FcCharSetHasChar(has, c); });
            const bool known = std::any_of(faces.begin(), faces.end(), [&](const OpenFace& f) {
                return f.face.path == path && f.face.index == index;
            });
            if (!useful || known || !open({path, index, true})) continue;
            for (auto it = left.begin(); it != left.end();)
                it = FcCharSetHasChar(has, *it) ? left.erase(it) : std::next(it);
        }
        if (sorted) FcFontSetDestroy(sorted);
        FcPatternDestroy(pattern);
        FcCharSetDestroy(chars);
    }

    // The first face from `first` on that has `c`, or -1.
    int face_for(char32_t c, size_t first = 0) const {
        for (size_t i = first; i < faces.size(); ++i)
            if (TTF_GlyphIsProvided32(faces[i].font, c)) return static_cast<int>(i);
        return -1;
    }
};

FontCoverage::FontCoverage(const std::vector<std::string>& bundled) : impl_(std::make_unique<Impl>()) {
    impl_->ttf_started = TTF_Init() == 0;
    if (!impl_->ttf_started) return;
    for (const std::string& path : bundled) impl_->open({path, 0, false});
}

FontCoverage::~FontCoverage() {
    for (OpenFace& f : impl_->faces) TTF_CloseFont(f.font);
    if (impl_->ttf_started) TTF_Quit();
}

GlyphPlan FontCoverage::plan(std::u32string_view characters) {
    GlyphPlan plan;
    std::vector<std::pair<char32_t, int>> shown; // each character to draw and its face, -1 for none yet
    std::vector<char32_t> uncovered;
    for (char32_t c : characters) {
        if (!drawable(c)) continue;
        if (c > 0xFFFF) { // ImGui 1.86 draws 16-bit characters only
            plan.missing.push_back(c);
            continue;
        }
        const int face = impl_->face_for(c);
        if (face < 0) uncovered.push_back(c);
        shown.emplace_back(c, face);
    }
    const size_t known = impl_->faces.size();
    impl_->add_system_faces(uncovered);
    plan.glyphs.resize(impl_->faces.size());
    for (auto& [c, face] : shown) {
        if (face < 0) face = impl_->face_for(c, known); // only the faces just added can have it
        if (face < 0) plan.missing.push_back(c);
        else plan.glyphs[static_cast<size_t>(face)].push_back(c);
    }
    for (const OpenFace& f : impl_->faces) plan.faces.push_back(f.face);
    std::sort(plan.missing.begin(), plan.missing.end());
    return plan;
}

GlyphPlan FontCoverage::plan(std::string_view text) { return plan(distinct_code_points(text)); }

std::string FontCoverage::missing(std::u32string_view characters) {
    std::string out;
    for (char32_t c : plan(characters).missing) append_utf8(out, c);
    return out;
}

std::vector<std::string> bundled_fonts() {
    const std::string dir = resource_folder("fonts", "NotoSans-Regular.ttf", CHRONICLE_SOURCE_FONTS);
    return {dir + "/NotoSans-Regular.ttf", dir + "/NotoSansCJKsc-Regular-subset.otf"};
}

} // namespace chronicle::ui
