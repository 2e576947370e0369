// The layout that scales: Chinese line breaking with the real fonts, type size
// following the window, fullscreen, frames drawn until the layout settles, and every
// key press counted however fast.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/quiz/kind.h"
#include "harness.h"
#include "ui/widgets.h"

using namespace chronicle;
using namespace chronicle::test;

TEST_CASE("A long Chinese sentence wraps into full lines at the real glyph widths", "[ui][wrap]") {
    Harness h({{"ui_lang", "zh"}});
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const float size = font->FontSize;
    const std::string sentence =
        "公元前二二一年，秦王嬴政统一六国，建立了中国历史上第一个大一统的中央集权国家，自称「始皇帝」，"
        "并统一了文字、货币和度量衡（见附件.csv），这一制度影响了此后两千多年的中国历史。";
    for (const float width : {size * 7.5f, size * 12.3f, size * 20.0f}) {
        INFO("width " << width);
        const std::vector<std::string> lines = ui::wrap_lines(sentence, font, size, width);
        REQUIRE(lines.size() > 1);
        std::string joined;
        for (size_t i = 0; i < lines.size(); ++i) {
            INFO("line " << i << ": " << lines[i]);
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0, lines[i].c_str()).x;
            CHECK(w <= width);
            if (i + 1 < lines.size()) CHECK(w >= 0.8f * width);
            // No line starts with closing punctuation or ends with opening punctuation.
            for (const char* closing : {"，", "。", "」", "）", "、"}) CHECK_FALSE(lines[i].rfind(closing, 0) == 0);
            for (const char* opening : {"「", "（"}) CHECK_FALSE((lines[i].size() >= 3 && lines[i].compare(lines[i].size() - 3, 3, opening) == 0));
            joined += lines[i];
        }
        CHECK(joined == sentence); // nothing lost, nothing added
        CHECK(ui::wrapped(sentence, font, size, width).find(".csv）") != std::string::npos);
        CHECK(ui::wrapped(sentence, font, size, width).find("（见") != std::string::npos);
    }
    GIVEN("English") {
        const std::vector<std::string> lines = ui::wrap_lines("The quick brown fox jumps over the lazy dog", font, size, size * 5);
        THEN("lines end at spaces, which are dropped") {
            for (const std::string& line : lines) {
                CHECK(line.back() != ' ');
                CHECK(font->CalcTextSizeA(size, FLT_MAX, 0, line.c_str()).x <= size * 5);
            }
            CHECK(lines.front() == "The quick");
        }
        THEN("a word wider than the line alone is cut between its letters") {
            const std::vector<std::string> cut = ui::wrap_lines("Pneumonoultramicroscopic", font, size, size * 3);
            CHECK(cut.size() > 2);
            for (const std::string& line : cut) CHECK(font->CalcTextSizeA(size, FLT_MAX, 0, line.c_str()).x <= size * 3);
        }
        THEN("a newline always ends a line and blank lines stay") {
            CHECK(ui::wrap_lines("a\n\nb", font, size, size * 10) == std::vector<std::string>{"a", "", "b"});
        }
    }
}

namespace {

float font_px(ImFont* font) { return font->FontSize * font->Scale * ImGui::GetIO().FontGlobalScale; }

SDL_Event key_event(Harness& h, Uint32 type, SDL_Scancode key) {
    SDL_Event e{};
    e.type = type;
    e.key.windowID = SDL_GetWindowID(h.game().window());
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.scancode = key;
    e.key.keysym.sym = SDL_GetKeyFromScancode(key);
    return e;
}

} // namespace

TEST_CASE("Type and spacing follow the window, times the text size", "[ui][scale]") {
    GIVEN("a 1280×720 window at 100 %") {
        Harness h({{"ui_lang", "zh"}});
        CHECK(h.game().ui_context().scale == Approx(1.0f));
        CHECK(font_px(h.game().ui_context().fonts.body) == Approx(20.0f));
        WHEN("it grows to 1920×1080") {
            h.resize(1920, 1080);
            THEN("everything is half as big again") {
                CHECK(h.game().ui_context().scale == Approx(1.5f));
                CHECK(font_px(h.game().ui_context().fonts.body) == Approx(30.0f));
                CHECK(ImGui::GetStyle().FramePadding.x == Approx(21.0f));
                CHECK(h.missing_glyph() == "");
            }
        }
        WHEN("it shrinks below 1280×720 or grows in one direction only") {
            h.resize(1000, 700);
            CHECK(h.game().ui_context().scale == Approx(0.8f)); // 1000/1280 = 0.78, in 5 % steps
            h.resize(3000, 720);
            CHECK(h.game().ui_context().scale == Approx(1.0f)); // the height limits it
        }
    }
    GIVEN("3840×2160 at 200 % text, the largest there is") {
        Harness h({{"ui_lang", "zh"}, {"text_size", "200"}}, 3840, 2160);
        THEN("it draws, at 6× the type, with an atlas any renderer takes") {
            CHECK(h.game().ui_context().scale == Approx(6.0f)); // 3 × 200 %
            CHECK(font_px(h.game().ui_context().fonts.body) == Approx(120.0f));
            CHECK(ImGui::GetIO().Fonts->TexWidth <= 4096);
            CHECK(ImGui::GetIO().Fonts->TexHeight <= 4096);
            CHECK(h.missing_glyph() == "");
            REQUIRE(h.click("设置"));
            CHECK(h.screen() == ScreenId::Settings);
        }
    }
}

TEST_CASE("F11 toggles fullscreen on any screen", "[ui][fullscreen]") {
    Harness h({{"ui_lang", "en"}});
    const auto fullscreen = [&h] { return (SDL_GetWindowFlags(h.game().window()) & SDL_WINDOW_FULLSCREEN) != 0; };
    REQUIRE_FALSE(fullscreen());
    h.press(SDL_SCANCODE_F11);
    CHECK(fullscreen());
    REQUIRE(h.click("Settings"));
    h.press(SDL_SCANCODE_F11);
    CHECK_FALSE(fullscreen());
    CHECK(h.screen() == ScreenId::Settings);
}

TEST_CASE("Every key press counts, however fast", "[ui][keys]") {
    // Settings with the first text size focused (Tab past the two languages): ↓ moves
    // along the sizes. Where three ↓ pressed one by one lead.
    const auto settings_at_sizes = [](Harness& h) {
        REQUIRE(h.click("Settings"));
        for (int i = 0; i < 3; ++i) h.press(SDL_SCANCODE_TAB);
    };
    int expected = 0, after_one = 0;
    {
        Harness h({{"ui_lang", "en"}});
        settings_at_sizes(h);
        h.press(SDL_SCANCODE_DOWN);
        after_one = ui::focused_index();
        h.press(SDL_SCANCODE_DOWN);
        h.press(SDL_SCANCODE_DOWN);
        expected = ui::focused_index();
    }
    REQUIRE(expected == after_one + 2);
    GIVEN("three ↓ presses and releases that arrive in one batch of events") {
        Harness h({{"ui_lang", "en"}});
        settings_at_sizes(h);
        for (int i = 0; i < 3; ++i) {
            SDL_Event down = key_event(h, SDL_KEYDOWN, SDL_SCANCODE_DOWN), up = key_event(h, SDL_KEYUP, SDL_SCANCODE_DOWN);
            SDL_PushEvent(&down);
            SDL_PushEvent(&up);
        }
        WHEN("the loop takes them") {
            h.settle();
            THEN("each moved the focus") { CHECK(ui::focused_index() == expected); }
        }
    }
}

TEST_CASE("A screen is drawn until its layout settles, and starts at its top", "[ui][settle]") {
    Harness h({{"ui_lang", "en"}, {"length", "5"}, {"mode", "test"}});
    h.press(SDL_SCANCODE_RETURN);
    REQUIRE(h.screen() == ScreenId::Question);
    const auto answer_keys = [&h] { return h.session().current().kind == Kind::Order ? SDL_SCANCODE_RETURN : SDL_SCANCODE_1; };
    while (!h.session().at_last()) h.press(answer_keys());
    // The last answer, by events alone: from here only the loop draws, no frame forced.
    SDL_Event down = key_event(h, SDL_KEYDOWN, answer_keys()), up = key_event(h, SDL_KEYUP, answer_keys());
    SDL_PushEvent(&down);
    SDL_PushEvent(&up);
    const int drawn = h.settle();
    REQUIRE(h.screen() == ScreenId::Results);
    CHECK(drawn < 12); // it stopped by itself
    const uint64_t settled = h.game().last_frame_hash();
    h.game().draw_frame();
    CHECK(h.game().last_frame_hash() == settled);
    CHECK((ImGui::GetCurrentContext()->NavWindow == nullptr || ImGui::GetCurrentContext()->NavWindow->Scroll.y == 0));
}

namespace {

// The windows that scroll in the last frame: pages (top-level) and panes in them.
struct Scrolling {
    std::string pages, panes;
};
Scrolling scrolling(Harness& h) {
    h.steady();
    Scrolling s;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && (w->ScrollMax.y > 0 || w->ScrollMax.x > 0)) (w->ParentWindow ? s.panes : s.pages) += std::string(w->Name) + " ";
    return s;
}

// The widget is wholly inside the window.
bool on_screen(const std::string& label, int width, int height) {
    const ui::WidgetRecord* w = ui::frame_log().find(label);
    return w && w->min.x >= 0 && w->min.y >= 0 && w->max.x <= static_cast<float>(width) && w->max.y <= static_cast<float>(height);
}

} // namespace

TEST_CASE("Home, Settings and Results fit the window at every size and text size", "[ui][layout]") {
    for (const char* lang : {"zh", "en"})
        for (const char* size : {"100", "200"})
            for (auto [w, ht] : {std::pair{800, 600}, std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{3840, 2160}}) {
                const std::string where = std::string(lang) + " " + size + "% " + std::to_string(w) + "x" + std::to_string(ht);
                INFO(where);
                const ui::Lang l = ui::lang_from_code(lang);
                Harness h({{"ui_lang", lang}, {"text_size", size}, {"length", "5"}, {"mode", "test"}}, w, ht);
                CHECK(scrolling(h).pages == "");
                CHECK(scrolling(h).panes == "");
                CHECK(on_screen(ui::text(ui::T::Start, l), w, ht));
                CHECK(on_screen(ui::text(ui::T::Settings, l), w, ht));
                REQUIRE(h.click(ui::text(ui::T::Settings, l)));
                CHECK(scrolling(h).pages == "");
                CHECK(scrolling(h).panes == "");
                CHECK(on_screen(ui::text(ui::T::Back, l), w, ht));
                h.press(SDL_SCANCODE_ESCAPE);
                h.press(SDL_SCANCODE_RETURN);
                REQUIRE(h.screen() == ScreenId::Question);
                while (h.screen() == ScreenId::Question)
                    h.press(h.session().current().kind == Kind::Order ? SDL_SCANCODE_RETURN : SDL_SCANCODE_1);
                REQUIRE(h.screen() == ScreenId::Results);
                CHECK(scrolling(h).pages == "");
                CHECK(on_screen(ui::text(ui::T::PlayAgain, l), w, ht));
                CHECK(on_screen(ui::text(ui::T::Home, l), w, ht));
                // Only the review of wrong answers may scroll, with the buttons below it.
                const std::string panes = scrolling(h).panes;
                CHECK((panes.empty() || panes.find("details") != std::string::npos));
                CHECK(h.missing_glyph() == "");
            }
}

// Screenshots to look at (not run by default): Home, Settings and Results at the
// two common window sizes, in both languages, under <build>/screenshots/layout-*.
TEST_CASE("Screenshots of the scaled layout", "[.][shots]") {
    for (const char* lang : {"zh", "en"})
        for (auto [w, ht] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
            const std::string tag = std::string(lang) + "-" + std::to_string(w) + "x" + std::to_string(ht);
            const ui::Lang l = ui::lang_from_code(lang);
            Harness h({{"ui_lang", lang}, {"length", "5"}, {"mode", "test"}}, w, ht);
            h.steady();
            h.screenshot("layout-home-" + tag);
            REQUIRE(h.click(ui::text(ui::T::Settings, l)));
            h.steady();
            h.screenshot("layout-settings-" + tag);
            h.press(SDL_SCANCODE_ESCAPE);
            h.press(SDL_SCANCODE_RETURN);
            while (h.screen() == ScreenId::Question)
                h.press(h.session().current().kind == Kind::Order ? SDL_SCANCODE_RETURN : SDL_SCANCODE_2);
            h.steady();
            h.screenshot("layout-results-" + tag);
        }
}
