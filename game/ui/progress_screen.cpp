#include "ui/progress_screen.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/base/date.h"
#include "core/quiz/phrases.h"
#include "ui/fonts.h"
#include "ui/progress_words.h"
#include "ui/team_parts.h"

namespace chronicle::ui {

namespace {

// `a` blended towards `b` by t (0–1), alpha included.
unsigned mix(unsigned a, unsigned b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t,
                                                 x.w + (y.w - x.w) * t));
}

ImVec2 measure(ImFont* font, const std::string& s) { return font->CalcTextSizeA(layout_size(font), FLT_MAX, 0, s.c_str()); }

// Text wrapped to `width` at `at`, logged for the tests; returns its height.
float put_text(ImDrawList* dl, ImFont* font, ImVec2 at, float width, unsigned colour, const std::string& s) {
    const std::string lines = wrapped(s, font, layout_size(font), std::max(width, 1.0f));
    dl->AddText(font, layout_size(font), at, colour, lines.c_str());
    frame_log().text(s);
    return font->CalcTextSizeA(layout_size(font), FLT_MAX, 0, lines.c_str()).y;
}

float text_height(ImFont* font, float width, const std::string& s) {
    return measure(font, wrapped(s, font, layout_size(font), std::max(width, 1.0f))).y;
}

// One box of figures: a heading, a main line, and the lines under it.
struct Figure {
    std::string heading;
    std::string main;
    std::vector<std::string> lines;
    float bar = -1; // a bar under the heading, full to this fraction; < 0: none
};

float figure_height(const Figure& f, float width, const UiContext& ctx) {
    const float gap = layout_size(ctx.fonts.body) * 0.3f;
    float h = text_height(ctx.fonts.body, width, f.heading) + gap + text_height(ctx.fonts.large, width, f.main);
    if (f.bar >= 0) h += gap + layout_size(ctx.fonts.body) * 0.8f;
    for (const std::string& l : f.lines) h += gap + text_height(ctx.fonts.body, width, l);
    return h;
}

void draw_figure(ImDrawList* dl, const Figure& f, ImVec2 at, float width, const UiContext& ctx) {
    const float gap = layout_size(ctx.fonts.body) * 0.3f;
    float y = at.y;
    y += put_text(dl, ctx.fonts.body, ImVec2(at.x, y), width, ctx.palette.muted, f.heading) + gap;
    if (f.bar >= 0) {
        const float h = layout_size(ctx.fonts.body) * 0.8f, r = h * 0.3f;
        const ImVec2 min(at.x, y), max(at.x + width * 0.9f, y + h);
        dl->AddRectFilled(min, max, ctx.palette.card, r);
        if (f.bar > 0) dl->AddRectFilled(min, ImVec2(min.x + (max.x - min.x) * std::min(f.bar, 1.0f), max.y), ctx.palette.right, r);
        if (ctx.palette.high_contrast) dl->AddRect(min, max, ctx.palette.text, r, 0, 1.5f * ctx.scale);
        frame_log().widget("mastery-bar", min, max);
        y += h + gap;
    }
    y += put_text(dl, ctx.fonts.large, ImVec2(at.x, y), width, ctx.palette.text, f.main);
    for (const std::string& l : f.lines) y += gap + put_text(dl, ctx.fonts.body, ImVec2(at.x, y), width, ctx.palette.text, l);
}

// A panel's heading, and the rectangle left under it.
ImVec2 panel_heading(ImDrawList* dl, const std::string& heading, ImVec2 min, float width, const UiContext& ctx) {
    const float h = put_text(dl, ctx.fonts.body, min, width, ctx.palette.muted, heading);
    return ImVec2(min.x, min.y + h + layout_size(ctx.fonts.body) * 0.3f);
}

void centred_note(ImDrawList* dl, const std::string& s, ImVec2 min, ImVec2 max, const UiContext& ctx) {
    const ImVec2 size = measure(ctx.fonts.body, s);
    put_text(dl, ctx.fonts.body, ImVec2((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2), max.x - min.x,
             ctx.palette.muted, s);
}

// Accuracy by day: a line over the study days, 0–100 % up the side, dates along the bottom.
void draw_accuracy_line(ImDrawList* dl, const PackProgress& p, ImVec2 min, ImVec2 max, const UiContext& ctx) {
    const ImVec2 top = panel_heading(dl, ctx.t(T::AccuracyOverTime), min, max.x - min.x, ctx);
    ImFont* small = ctx.fonts.small;
    const float line = layout_size(small);
    const float axis_w = measure(small, fill_in(ctx.t(T::PercentN), {{"n", number_text(100, ctx.lang)}})).x + line * 0.4f;
    const ImVec2 plot_min(top.x + axis_w, top.y + line * 0.5f), plot_max(max.x - line * 0.5f, max.y - line * 1.4f);
    if (plot_max.y - plot_min.y < line || p.days.empty()) {
        if (p.days.empty()) centred_note(dl, ctx.t(T::NoAnswersYet), top, max, ctx);
        return;
    }
    // The axes and the grid at 0, 50 and 100 %.
    for (int pct : {0, 50, 100}) {
        const float y = plot_max.y - (plot_max.y - plot_min.y) * static_cast<float>(pct) / 100.0f;
        dl->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), pct == 0 ? ctx.palette.muted : mix(ctx.palette.card, ctx.palette.muted, 0.35f),
                    (pct == 0 ? 1.5f : 1.0f) * ctx.scale);
        const std::string label = fill_in(ctx.t(T::PercentN), {{"n", number_text(pct, ctx.lang)}});
        const ImVec2 size = measure(small, label);
        dl->AddText(small, line, ImVec2(plot_min.x - size.x - line * 0.3f, y - size.y / 2), ctx.palette.muted, label.c_str());
        frame_log().text(label);
    }
    dl->AddLine(plot_min, ImVec2(plot_min.x, plot_max.y), ctx.palette.muted, 1.5f * ctx.scale);
    const int64_t first = p.days.front().day, last = std::max(p.today, p.days.back().day);
    const float span = static_cast<float>(std::max<int64_t>(last - first, 1));
    auto x_of = [&](int64_t day) {
        return last == first ? (plot_min.x + plot_max.x) / 2
                             : plot_min.x + (plot_max.x - plot_min.x) * static_cast<float>(day - first) / span;
    };
    // Dates: the first day, today, and one between when there is room.
    std::vector<int64_t> ticks{first};
    if (last != first) ticks.push_back(last);
    if (last - first >= 4) ticks.insert(ticks.begin() + 1, first + (last - first) / 2);
    for (size_t i = 0; i < ticks.size(); ++i) {
        const std::string label = month_day_text(ticks[i], ctx.lang);
        const ImVec2 size = measure(small, label);
        float x = x_of(ticks[i]) - size.x / 2;
        x = std::clamp(x, plot_min.x, plot_max.x - size.x);
        dl->AddLine(ImVec2(x_of(ticks[i]), plot_max.y), ImVec2(x_of(ticks[i]), plot_max.y + line * 0.25f), ctx.palette.muted);
        dl->AddText(small, line, ImVec2(x, plot_max.y + line * 0.3f), ctx.palette.muted, label.c_str());
        frame_log().text(label);
    }
    // The line, and a dot a day.
    std::vector<ImVec2> points;
    for (const DayTally& d : p.days) {
        const float acc = static_cast<float>(d.tally.right) / static_cast<float>(std::max(d.tally.answered, 1));
        points.push_back(ImVec2(x_of(d.day), plot_max.y - (plot_max.y - plot_min.y) * acc));
    }
    if (points.size() > 1) dl->AddPolyline(points.data(), static_cast<int>(points.size()), ctx.palette.accent, 0, 2.5f * ctx.scale);
    const float dot = std::clamp((plot_max.x - plot_min.x) / span * 0.2f, 1.5f * ctx.scale, 4.0f * ctx.scale);
    for (const ImVec2& pt : points) {
        dl->AddCircleFilled(pt, dot, ctx.palette.accent);
        if (ctx.palette.high_contrast) dl->AddCircle(pt, dot, ctx.palette.text, 0, 1.0f * ctx.scale);
    }
    frame_log().widget("accuracy-line", plot_min, plot_max);
}

// Accuracy by kind: a bar a kind as long as the questions asked, the right ones filled.
void draw_kind_bars(ImDrawList* dl, const PackProgress& p, ImVec2 min, ImVec2 max, const UiContext& ctx) {
    const ImVec2 top = panel_heading(dl, ctx.t(T::KindAccuracy), min, max.x - min.x, ctx);
    if (p.kinds.empty()) {
        centred_note(dl, ctx.t(T::NoAnswersYet), top, max, ctx);
        return;
    }
    ImFont* small = ctx.fonts.small;
    const float line = layout_size(small);
    const std::string lang = lang_code(ctx.lang);
    float label_w = 0, count_w = 0;
    int most = 1;
    std::vector<std::string> counts;
    for (const KindTally& k : p.kinds) {
        label_w = std::max(label_w, measure(small, kind_spec(k.kind).label.in(lang)).x);
        counts.push_back(fill_in(ctx.t(T::KindScore), {{"c", number_text(k.tally.right, ctx.lang)}, {"n", number_text(k.tally.answered, ctx.lang)}}) +
                         "  " + fill_in(ctx.t(T::PercentN), {{"n", number_text(percent(k.tally.right, k.tally.answered), ctx.lang)}}));
        count_w = std::max(count_w, measure(small, counts.back()).x);
        most = std::max(most, k.tally.answered);
    }
    const float width = max.x - top.x;
    label_w = std::min(label_w, width * 0.35f);
    const float row = std::min((max.y - top.y) / static_cast<float>(p.kinds.size()), line * 2.0f);
    const float bar_h = std::max(row * 0.6f, 2.0f);
    const float bar_x = top.x + label_w + line * 0.5f;
    const float bar_len = std::max(width - label_w - count_w - line, line);
    for (size_t i = 0; i < p.kinds.size(); ++i) {
        const KindTally& k = p.kinds[i];
        const float y = top.y + row * static_cast<float>(i);
        const std::string name = elided(kind_spec(k.kind).label.in(lang), small, label_w);
        dl->AddText(small, line, ImVec2(top.x, y + (row - line) / 2), ctx.palette.text, name.c_str());
        frame_log().text(kind_spec(k.kind).label.in(lang));
        const float asked = bar_len * static_cast<float>(k.tally.answered) / static_cast<float>(most);
        const float right = bar_len * static_cast<float>(k.tally.right) / static_cast<float>(most);
        const ImVec2 b_min(bar_x, y + (row - bar_h) / 2), b_max(bar_x + asked, y + (row + bar_h) / 2);
        dl->AddRectFilled(b_min, b_max, mix(ctx.palette.card, ctx.palette.wrong, 0.45f), 3 * ctx.scale);
        if (right > 0) dl->AddRectFilled(b_min, ImVec2(bar_x + right, b_max.y), ctx.palette.right, 3 * ctx.scale);
        if (ctx.palette.high_contrast) dl->AddRect(b_min, b_max, ctx.palette.text, 3 * ctx.scale, 0, 1.5f * ctx.scale);
        dl->AddText(small, line, ImVec2(b_max.x + line * 0.4f, y + (row - line) / 2), ctx.palette.text, counts[i].c_str());
        frame_log().text(counts[i]);
        frame_log().widget(std::string("kind-") + kind_name(k.kind), b_min, b_max);
    }
}

// The last 26 weeks as a calendar: a column a week (Monday at the top), a cell a day,
// darker for more answers; the months above, a legend below.
void draw_calendar(ImDrawList* dl, const PackProgress& p, ImVec2 min, ImVec2 max, const UiContext& ctx) {
    const ImVec2 top = panel_heading(dl, ctx.t(T::StudyCalendar), min, max.x - min.x, ctx);
    ImFont* small = ctx.fonts.small;
    const float line = layout_size(small);
    const float cell = std::max(2.0f, std::min((max.x - top.x) / static_cast<float>(kCalendarWeeks),
                                               (max.y - top.y - line * 2.6f) / 7.0f));
    const float pad = std::max(1.0f, cell * 0.15f);
    const float grid_w = cell * static_cast<float>(kCalendarWeeks);
    const float x0 = top.x + std::max(0.0f, (max.x - top.x - grid_w) / 2), y0 = top.y + line * 1.2f;
    int most = 0;
    for (int n : p.calendar) most = std::max(most, n);
    auto fill = [&](int level) { // 0: none; 1–4
        return level == 0 ? ctx.palette.card : mix(ctx.palette.card, ctx.palette.accent, 0.25f + 0.25f * static_cast<float>(level - 1));
    };
    auto level_of = [&](int n) { return n == 0 || most == 0 ? 0 : std::clamp((4 * n + most - 1) / most, 1, 4); };
    int shown_month = 0;
    for (size_t i = 0; i < p.calendar.size(); ++i) {
        const int64_t day = p.calendar_start + static_cast<int64_t>(i);
        const float cx = x0 + cell * static_cast<float>(i / 7), cy = y0 + cell * static_cast<float>(i % 7);
        const int level = level_of(p.calendar[i]);
        const ImVec2 c_min(cx + pad / 2, cy + pad / 2), c_max(cx + cell - pad / 2, cy + cell - pad / 2);
        dl->AddRectFilled(c_min, c_max, fill(level), pad);
        // High contrast has no card colour to tell an empty day from the page: every day is outlined.
        if (ctx.palette.high_contrast) dl->AddRect(c_min, c_max, level > 0 ? ctx.palette.text : ctx.palette.muted, pad, 0, 1.0f * ctx.scale);
        if (day == p.today) dl->AddRect(c_min, c_max, ctx.palette.text, pad, 0, 1.5f * ctx.scale);
        // A month's name above the week its first day falls in (and above the first week).
        int64_t year = 0;
        int month = 0, dom = 0;
        civil_from_days(day, year, month, dom);
        if (i % 7 == 0 || dom == 1) {
            if (month != shown_month && (dom <= 7 || i == 0) && cx + measure(small, month_text(month, ctx.lang)).x <= max.x) {
                const std::string name = month_text(month, ctx.lang);
                // A month starting late in the first week is named at the next column instead.
                if (!(i == 0 && dom > 24)) {
                    dl->AddText(small, line, ImVec2(cx, top.y), ctx.palette.muted, name.c_str());
                    frame_log().text(name);
                    shown_month = month;
                }
            }
        }
    }
    frame_log().widget("calendar", ImVec2(x0, y0), ImVec2(x0 + grid_w, y0 + cell * 7));
    // The legend, right-aligned under the grid.
    const std::string less = ctx.t(T::CalendarLess), more = ctx.t(T::CalendarMore);
    const float legend_w = measure(small, less).x + measure(small, more).x + cell * 5 + line;
    float lx = x0 + grid_w - legend_w;
    const float ly = y0 + cell * 7 + line * 0.3f;
    dl->AddText(small, line, ImVec2(lx, ly), ctx.palette.muted, less.c_str());
    lx += measure(small, less).x + line * 0.5f;
    for (int level = 0; level <= 4; ++level, lx += cell) {
        dl->AddRectFilled(ImVec2(lx + pad / 2, ly + pad / 2), ImVec2(lx + cell - pad / 2, ly + cell - pad / 2), fill(level), pad);
        if (ctx.palette.high_contrast)
            dl->AddRect(ImVec2(lx + pad / 2, ly + pad / 2), ImVec2(lx + cell - pad / 2, ly + cell - pad / 2),
                        level > 0 ? ctx.palette.text : ctx.palette.muted, pad);
    }
    dl->AddText(small, line, ImVec2(lx + line * 0.5f, ly), ctx.palette.muted, more.c_str());
    frame_log().text(less);
    frame_log().text(more);
}

// The next pack that can be played after the chosen one, in the library's order.
const LibraryEntry* next_pack(const Play& play) {
    const auto& entries = play.library().entries();
    const LibraryEntry* chosen = play.chosen();
    size_t at = 0;
    for (size_t i = 0; i < entries.size(); ++i)
        if (&entries[i] == chosen) at = i;
    for (size_t k = 1; k <= entries.size(); ++k) {
        const LibraryEntry& e = entries[(at + k) % entries.size()];
        if (&e != chosen && e.playable()) return &e;
    }
    return nullptr;
}

} // namespace

Intent ProgressScreen::draw_content(Model& model, const UiContext& ctx) {
    Intent intent;
    const LibraryEntry* chosen = model.play.chosen();
    const LibraryEntry* other = next_pack(model.play);

    // The title, and the way to another pack on the right.
    const std::string switch_label = ctx.t(T::SwitchPack);
    const float switch_w = ImGui::CalcTextSize(switch_label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    text(ctx.t(T::ProgressTitle), ctx.fonts.title);
    if (other) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - switch_w);
        if (button(switch_label)) {
            model.play.settings().pack = other->summary->id;
            intent = Intent::to(Intent::Do::SaveSettings);
        }
    }
    if (chosen) {
        const PackSummary& s = *chosen->summary;
        const std::string lang = lang_code(ctx.lang);
        text(fill_in(ctx.t(T::PackName), {{"p", s.text(s.title, s.has_language(lang) ? lang : s.default_language)}}),
             ctx.fonts.large, ctx.palette.accent);
    }

    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = std::max(ImGui::GetContentRegionAvail().y - footer, 1.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const PackProgress* p = model.progress && chosen && model.progress->pack_id == chosen->summary->id ? &*model.progress : nullptr;
    if (!p) {
        text(ctx.t(chosen ? T::PackLoading : T::NoPacks), ctx.fonts.body, ctx.palette.muted);
        ImGui::Dummy(ImVec2(width, std::max(height - layout_size(ctx.fonts.body) * 1.5f, 1.0f)));
    } else {
        // The figures, four boxes in a row.
        const float gap = layout_size(ctx.fonts.body);
        const float box_w = (width - gap * 3) / 4;
        const float mastery = p->facts > 0 ? static_cast<float>(p->known) / static_cast<float>(p->facts) : 0.0f;
        const Figure figures[] = {
            {ctx.t(T::Mastery), mastery_text(*p, ctx.lang), {new_facts_text(*p, ctx.lang)}, mastery},
            {ctx.t(T::ReviewsDue), due_today_text(*p, ctx.lang), {due_next_text(*p, ctx.lang)}},
            {ctx.t(T::Recently), recent_text(*p, ctx.lang), {answered_text(*p, ctx.lang)}},
            {ctx.t(T::StudyDays), streak_text(*p, ctx.lang), {longest_streak_text(*p, ctx.lang), study_days_text(*p, ctx.lang)}},
        };
        float figures_h = 0;
        for (const Figure& f : figures) figures_h = std::max(figures_h, figure_height(f, box_w, ctx));
        for (size_t i = 0; i < 4; ++i)
            draw_figure(dl, figures[i], ImVec2(origin.x + (box_w + gap) * static_cast<float>(i), origin.y), box_w, ctx);

        // The charts: accuracy by day and by kind side by side, the calendar under them.
        const float charts_top = origin.y + figures_h + gap;
        const float rest = std::max(origin.y + height - charts_top, 1.0f);
        const float calendar_h = rest * 0.45f;
        const float charts_h = rest - calendar_h - gap * 0.5f;
        const float line_w = (width - gap) * 0.55f;
        draw_accuracy_line(dl, *p, ImVec2(origin.x, charts_top), ImVec2(origin.x + line_w, charts_top + charts_h), ctx);
        draw_kind_bars(dl, *p, ImVec2(origin.x + line_w + gap, charts_top), ImVec2(origin.x + width, charts_top + charts_h), ctx);
        draw_calendar(dl, *p, ImVec2(origin.x, origin.y + height - calendar_h), ImVec2(origin.x + width, origin.y + height), ctx);
        ImGui::Dummy(ImVec2(width, height));
    }

    if (back_button(ctx.t(T::Home), ctx)) intent = Intent::to(Intent::Do::Back); // a quiz set aside stays
    return intent;
}

} // namespace chronicle::ui
