// Which font draws which character. SDL2_ttf asks each bundled font whether it
// provides a glyph (TTF_GlyphIsProvided32), in fallback order; fontconfig finds a
// system font for what none of them has; what no font has is reported (on the
// pack's card in Home and by `chronicle validate`) instead of drawn as '?'.
// No ImGui here, so the command line can use it.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle::ui {

struct FontFace {
    std::string path;
    int index = 0;      // face within a collection (.ttc)
    bool system = false; // found through fontconfig, not bundled
};

struct GlyphPlan {
    std::vector<FontFace> faces;            // fallback order: bundled first, then system
    std::vector<std::vector<char32_t>> glyphs; // per face, the characters it draws
    std::vector<char32_t> missing;          // characters no font has (or beyond U+FFFF)
};

class FontCoverage {
public:
    // `bundled`: font files in fallback order. Fonts that fail to open are skipped.
    explicit FontCoverage(const std::vector<std::string>& bundled);
    ~FontCoverage();
    FontCoverage(const FontCoverage&) = delete;
    FontCoverage& operator=(const FontCoverage&) = delete;

    // Assigns each of `characters` (distinct, ascending, as PackSummary::characters and
    // CodePointSet give them; control characters aside) to the first face that has it,
    // asking fontconfig about the rest: a font's cmap is asked once a character.
    GlyphPlan plan(std::u32string_view characters);
    // The same for the characters of `text`.
    GlyphPlan plan(std::string_view text);

    // Those of `characters` (as for plan) that no bundled or system font can show, as UTF-8.
    std::string missing(std::u32string_view characters);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The bundled font files (fonts/) in fallback order: Latin first, then CJK.
std::vector<std::string> bundled_fonts();

} // namespace chronicle::ui
