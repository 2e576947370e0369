#include "ui/class_parts.h"

#include <qrcodegen.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <set>

#include "core/quiz/phrases.h"
#include "ui/tiles.h"

namespace chronicle::ui {

LeaveWords class_leave_words() { return {T::EndClassQuestion, T::EndClassHelp, T::KeepGoing, T::EndClassButton}; }

std::vector<Placing> class_placings(const ClassGame& game, size_t count) {
    std::vector<Placing> placings;
    for (const Standing& s : game.standings()) {
        if (placings.size() == count) break;
        placings.push_back({game.players()[s.entrant].name, s.points, s.rank, team_colour(static_cast<int>(placings.size()))});
    }
    return placings;
}

float draw_qr(const std::string& text, float max_side) {
    const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
    constexpr int kQuiet = 4;
    const int modules = qr.getSize() + 2 * kQuiet;
    // Whole pixels a module, in the renderer's pixels (the frame may be scaled for a dense display).
    const float density = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    const float module = std::max(1.0f, std::floor(max_side * density / static_cast<float>(modules))) / density;
    const float side = module * static_cast<float>(modules);
    ImVec2 at = ImGui::GetCursorScreenPos();
    at = ImVec2(std::round(at.x * density) / density, std::round(at.y * density) / density);
    ImGui::Dummy(ImVec2(side, side));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.getSize(); ++y) {
        // A run of dark modules on a row is one rectangle: fewer vertices, no seams.
        for (int x = 0; x < qr.getSize();) {
            if (!qr.getModule(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.getSize() && qr.getModule(end, y)) ++end;
            const ImVec2 min(at.x + module * static_cast<float>(kQuiet + x), at.y + module * static_cast<float>(kQuiet + y));
            dl->AddRectFilled(min, ImVec2(min.x + module * static_cast<float>(end - x), min.y + module), IM_COL32(0, 0, 0, 255));
            x = end;
        }
    }
    frame_log().widget("qr", at, ImVec2(at.x + side, at.y + side));
    return side;
}

void draw_class_options(const Question& q, float height, bool revealed, const UiContext& ctx) {
    const float width = ImGui::GetContentRegionAvail().x;
    if (!asks_for_order(q.kind)) {
        const TilePlan plan = plan_tiles(q, width, fitting_font(ctx.fonts, height, [&](ImFont* f) {
                                             return plan_tiles(q, width, f, ctx).min_height;
                                         }),
                                         ctx);
        std::optional<TileReveal> reveal;
        if (revealed) reveal = TileReveal{q.answer, {}};
        draw_tiles(q, plan, std::max(height, plan.min_height), ctx, reveal); // the projector's tiles are not answered
        return;
    }
    ImFont* font = fitting_font(ctx.fonts, height, [&](ImFont* f) { return order_rows_height(q, width, f); });
    clear_tile_records();
    for (size_t row = 0; row < q.options.size(); ++row) {
        // Asked: the events with their tiles, as phones show them; revealed: in their right order.
        const size_t option = revealed ? q.answer.at(row) : row;
        const std::string& label = q.options[option].text;
        const float row_height = order_row_height(label, width, font);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, row_height));
        const OrderRow order_row{label, revealed ? place_text(row + 1, ctx) : std::string(), false, false, revealed, false,
                                 revealed ? row + 1 : 0, revealed ? std::nullopt : std::optional<size_t>(option)};
        draw_order_row(order_row, pos, width, row_height, font, ctx);
        frame_log().text(label);
    }
}

void draw_class_chart(const Question& q, const ClassChart& chart, float height, const UiContext& ctx) {
    struct Bar {
        int count;
        unsigned colour;
        std::optional<size_t> shape; // a tile's shape beneath it, or its words
        std::string words;
    };
    std::vector<Bar> bars;
    if (asks_for_order(q.kind)) {
        bars.push_back({chart.right, ctx.palette.right, std::nullopt, ctx.t(T::AllRight)});
        bars.push_back({chart.partly, ctx.palette.accent, std::nullopt, ctx.t(T::PartlyRight)});
        bars.push_back({chart.wrong, ctx.palette.wrong, std::nullopt, ctx.t(T::AllWrong)});
    } else {
        for (size_t i = 0; i < chart.per_option.size(); ++i) bars.push_back({chart.per_option[i], tile_fill(i), i, {}});
    }
    bars.push_back({chart.no_answer, ctx.palette.muted, std::nullopt, ctx.t(T::NoAnswer)});
    int most = 1;
    for (const Bar& b : bars) most = std::max(most, b.count);

    ImFont* large = ctx.fonts.large;
    ImFont* body = ctx.fonts.body;
    const float count_height = layout_size(large) * 1.2f;
    const float label_height = layout_size(large) * 1.5f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float slot = width / static_cast<float>(bars.size());
    const float bar_width = std::min(slot * 0.6f, layout_size(large) * 6);
    const float tallest = std::max(4.0f, height - count_height - label_height);
    const float baseline = origin.y + count_height + tallest;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::set<size_t> right(q.answer.begin(), q.answer.end());
    for (size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        const float centre = origin.x + slot * (static_cast<float>(i) + 0.5f);
        const float bar = std::max(2.0f * ctx.scale, tallest * static_cast<float>(b.count) / static_cast<float>(most));
        const ImVec2 min(centre - bar_width / 2, baseline - bar), max(centre + bar_width / 2, baseline);
        // A wrong option's bar is dimmed as its tile is; the right one stays bright.
        const bool dim = b.shape && !right.count(*b.shape);
        dl->AddRectFilled(min, max, dim ? (b.colour & 0x00FFFFFFu) | 0x66000000u : b.colour, 4 * ctx.scale);
        if (ctx.palette.high_contrast) dl->AddRect(min, max, ctx.palette.text, 4 * ctx.scale, 0, 2 * ctx.scale);
        const std::string count = number_text(b.count, ctx.lang);
        const ImVec2 count_size = large->CalcTextSizeA(layout_size(large), FLT_MAX, 0, count.c_str());
        dl->AddText(large, layout_size(large), ImVec2(centre - count_size.x / 2, min.y - count_size.y - 2 * ctx.scale), ctx.palette.text,
                    count.c_str());
        const float label_y = baseline + label_height * 0.15f;
        if (b.shape) {
            const float r = layout_size(large) * 0.5f;
            draw_tile_shape(dl, *b.shape, ImVec2(centre, label_y + r), r, tile_fill(*b.shape));
            if (right.count(*b.shape)) draw_mark(dl, ImVec2(centre + r * 2.4f, label_y + r), r * 0.8f, true, ctx.palette.right);
        } else {
            const std::string words = elided(b.words, body, slot * 0.95f);
            const ImVec2 size = body->CalcTextSizeA(layout_size(body), FLT_MAX, 0, words.c_str());
            dl->AddText(body, layout_size(body), ImVec2(centre - size.x / 2, label_y), ctx.palette.muted, words.c_str());
        }
        frame_log().text(count);
        frame_log().text(b.words);
        frame_log().widget("bar-" + std::to_string(i + 1) + ":" + count, min, max);
    }
    ImGui::Dummy(ImVec2(width, height));
}

void nickname(const std::string& name, ImFont* font, float width, unsigned colour) {
    label(elided(name, font, width), font, colour);
    frame_log().text(name); // the whole name, for the glyph check
}

} // namespace chronicle::ui
