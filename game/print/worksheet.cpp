// Index
//   1. Fonts: a private fontconfig holding the bundled fonts only
//   2. Blocks: each question (and each answer) measured as pango layouts
//   3. Pages: blocks placed whole, then drawn into the PDF
#include "print/worksheet.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <memory>

#include "core/base/paths.h"
#include "core/quiz/phrases.h"
#include "ui/strings.h"

namespace chronicle::print {

namespace {

// Points (1/72 inch), the PDF's own unit. A4 and Letter rounded to whole points, as
// most PDF writers do (A4 is 595.28 × 841.89).
struct PageSize {
    double width, height;
};
PageSize page_size(Paper paper) { return paper == Paper::A4 ? PageSize{595, 842} : PageSize{612, 792}; }

constexpr double kMargin = 54;        // ¾ inch all round
constexpr double kFooterSpace = 24;   // below the content, above the bottom margin: the page number
constexpr double kIndent = 24;        // questions' text, after their number
constexpr double kQuestionGap = 16;   // between questions
constexpr double kOptionGap = 5;      // between a question's options
constexpr double kTickBox = 10;       // a box to tick
constexpr double kPlaceBoxW = 22, kPlaceBoxH = 16; // a box to write a place (1, 2, 3…) in
constexpr double kMuted = 0.35;       // grey of hints, explanations and the page number

// The creation date cairo writes otherwise is the time of the run: fixed, so that the
// same quiz gives the same bytes.
constexpr const char* kCreationDate = "2000-01-01T00:00:00Z";

struct Unref {
    void operator()(void* object) const { g_object_unref(object); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, Unref>;
struct FontFree {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
using FontPtr = std::unique_ptr<PangoFontDescription, FontFree>;

// ---------------------------------------------------------------------------
// 1. Fonts
// ---------------------------------------------------------------------------

// A pango context that sees the bundled fonts and nothing else (no system font, no
// system fontconfig rules): the same glyphs and measures on every machine.
struct Fonts {
    std::unique_ptr<PangoFontMap, Unref> map;
    std::unique_ptr<PangoContext, Unref> context;
    std::optional<Issue> error;
};

Fonts open_fonts(bool chinese) {
    Fonts fonts;
    const std::string dir = resource_folder("fonts", "NotoSans-Regular.ttf", CHRONICLE_SOURCE_FONTS);
    FcConfig* config = FcConfigCreate();
    for (const char* file : {"NotoSans-Regular.ttf", "NotoSansCJKsc-Regular-subset.otf"}) {
        const std::string path = dir + "/" + file;
        if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(path.c_str()))) {
            FcConfigDestroy(config);
            fonts.error = Issue{Problem::FontUnreadable, {path}};
            return fonts;
        }
    }
    fonts.map.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fonts.map.get()), config); // takes its own reference
    FcConfigDestroy(config);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fonts.map.get()), 72); // font sizes in points
    fonts.context.reset(pango_font_map_create_context(fonts.map.get()));
    // Outlines as designed: no hinting to the grid of a screen that is not there.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(fonts.context.get(), options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(fonts.context.get(), FALSE);
    // Chinese text breaks between characters and keeps its punctuation off a line's start.
    pango_context_set_language(fonts.context.get(), pango_language_from_string(chinese ? "zh-cn" : "en"));
    return fonts;
}

// The quiz's script first, so that its punctuation comes from the font made for it.
FontPtr font(bool chinese, double points) {
    FontPtr f(pango_font_description_from_string(chinese ? "Noto Sans CJK SC, Noto Sans" : "Noto Sans, Noto Sans CJK SC"));
    pango_font_description_set_absolute_size(f.get(), points * PANGO_SCALE);
    return f;
}

// ---------------------------------------------------------------------------
// 2. Blocks
// ---------------------------------------------------------------------------

enum class Mark { Text, TickBox, PlaceBox, Line };

// Something drawn at (x, y) from its block's top left: a layout, a box or a line (to
// write on) of width w.
struct Piece {
    Mark mark = Mark::Text;
    double x = 0, y = 0, w = 0, h = 0;
    double grey = 0;
    LayoutPtr text;
};

// What is kept together on one page: a question with its options, an answer with its
// explanation, the sheet's heading.
struct Block {
    std::vector<Piece> pieces;
    double height = 0;
};

class Typesetter {
public:
    Typesetter(PangoContext* context, bool chinese, double width)
        : context_(context), width_(width), body_(font(chinese, 11)), small_(font(chinese, 9)),
          heading_(font(chinese, 16)), title_(font(chinese, 20)) {}

    double width() const { return width_; }
    const PangoFontDescription* body() const { return body_.get(); }
    const PangoFontDescription* small() const { return small_.get(); }
    const PangoFontDescription* heading() const { return heading_.get(); }
    const PangoFontDescription* title() const { return title_.get(); }

    // Text wrapped to `width` points (between words, and between characters where
    // there are no spaces, as in Chinese).
    LayoutPtr layout(const std::string& text, const PangoFontDescription* font, double width) const {
        LayoutPtr l(pango_layout_new(context_));
        pango_layout_set_font_description(l.get(), font);
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
        return l;
    }

private:
    PangoContext* context_;
    double width_;
    FontPtr body_, small_, heading_, title_;
};

double height_of(PangoLayout* l) {
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

double width_of(PangoLayout* l) {
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

// The first line's baseline, from the layout's top.
double baseline_of(PangoLayout* l) { return static_cast<double>(pango_layout_get_baseline(l)) / PANGO_SCALE; }

// Adds a text piece at (x, y); returns its height.
double add_text(Block& b, LayoutPtr text, double x, double y, double grey = 0) {
    const double h = height_of(text.get());
    b.pieces.push_back({Mark::Text, x, y, 0, 0, grey, std::move(text)});
    return h;
}

void add_mark(Block& b, Mark mark, double x, double y, double w, double h) { b.pieces.push_back({mark, x, y, w, h, 0, nullptr}); }

// The title, what the quiz is, and lines for the pupil's name and the date.
Block heading_block(const Typesetter& ts, const Quiz& quiz, const Pack& pack, ui::Lang lang) {
    Block b;
    double y = add_text(b, ts.layout(pack.text(pack.title, quiz.lang), ts.title(), ts.width()), 0, 0);
    const ui::T difficulty = quiz.difficulty == Difficulty::Easy ? ui::T::Easy : quiz.difficulty == Difficulty::Hard ? ui::T::Hard : ui::T::Normal;
    const long long count = static_cast<long long>(quiz.questions.size());
    const std::string about = fill_in(ui::text(ui::for_count(count, ui::T::WorksheetAboutOne, ui::T::WorksheetAbout), lang),
                                      {{"s", std::to_string(quiz.seed)}, {"d", ui::text(difficulty, lang)}, {"n", ui::number_text(count, lang)}});
    y += 2 + add_text(b, ts.layout(about, ts.small(), ts.width()), 0, y + 2, kMuted);
    y += 18;
    // Name takes the longer line; each label is followed by a line to write on.
    LayoutPtr name = ts.layout(ui::text(ui::T::WorksheetName, lang), ts.body(), ts.width());
    LayoutPtr date = ts.layout(ui::text(ui::T::WorksheetDate, lang), ts.body(), ts.width());
    const double base = baseline_of(name.get());
    const double date_x = ts.width() * 0.62;
    const double name_w = width_of(name.get()), date_w = width_of(date.get());
    add_mark(b, Mark::Line, name_w + 6, y + base + 2, date_x - 18 - name_w - 6, 0);
    add_mark(b, Mark::Line, date_x + date_w + 6, y + base + 2, ts.width() - date_x - date_w - 6, 0);
    const double h = add_text(b, std::move(name), 0, y);
    add_text(b, std::move(date), date_x, y);
    y += h + 10;
    add_mark(b, Mark::Line, 0, y, ts.width(), 0);
    b.height = y + 6;
    return b;
}

// "12." and the prompt; below it each option with its box: one to tick, or one to
// write the event's place in for a question that asks for an order.
Block question_block(const Typesetter& ts, const Question& q, size_t number, ui::Lang lang) {
    Block b;
    const double text_w = ts.width() - kIndent;
    add_text(b, ts.layout(std::to_string(number) + ".", ts.body(), kIndent), 0, 0);
    double y = add_text(b, ts.layout(q.prompt, ts.body(), text_w), kIndent, 0);
    const bool order = asks_for_order(q.kind);
    if (order) y += 2 + add_text(b, ts.layout(ui::text(ui::T::WorksheetOrderHint, lang), ts.small(), text_w), kIndent, y + 2, kMuted);
    y += 6;
    const double box_w = order ? kPlaceBoxW : kTickBox, box_h = order ? kPlaceBoxH : kTickBox;
    const double option_x = kIndent + box_w + 8;
    for (const Option& o : q.options) {
        LayoutPtr text = ts.layout(o.id + ". " + o.text, ts.body(), ts.width() - option_x);
        // The box sits on the first line's baseline, a little below it.
        const double box_y = y + baseline_of(text.get()) + (order ? 4 : 1.5) - box_h;
        add_mark(b, order ? Mark::PlaceBox : Mark::TickBox, kIndent, box_y, box_w, box_h);
        const double top = std::min(0.0, box_y - y); // a place box taller than the line pushes it down
        y += std::max(add_text(b, std::move(text), option_x, y - top), box_y + box_h - y) - top + kOptionGap;
    }
    b.height = y - kOptionGap;
    return b;
}

// "12. C → A → B" or "12. B. After", then the explanation.
Block answer_block(const Typesetter& ts, const Question& q, size_t number) {
    Block b;
    std::string answer;
    for (size_t a : q.answer) answer += (answer.empty() ? "" : " → ") + q.options[a].id;
    if (!asks_for_order(q.kind)) answer += ". " + q.options[q.answer[0]].text;
    add_text(b, ts.layout(std::to_string(number) + ".", ts.body(), kIndent), 0, 0);
    double y = add_text(b, ts.layout(answer, ts.body(), ts.width() - kIndent), kIndent, 0);
    if (!q.explanation.empty()) y += 2 + add_text(b, ts.layout(q.explanation, ts.small(), ts.width() - kIndent), kIndent, y + 2, kMuted);
    b.height = y;
    return b;
}

// ---------------------------------------------------------------------------
// 3. Pages
// ---------------------------------------------------------------------------

struct Placed {
    const Block* block;
    double y;
};

// Places blocks top to bottom; one that does not fit what is left of a page starts
// the next (a block taller than a whole page still gets a page of its own).
class Paginator {
public:
    Paginator(double top, double bottom) : top_(top), bottom_(bottom) {}
    size_t place(const Block& b, double gap) {
        if (pages_.empty()) new_page();
        double y = y_ + (pages_.back().empty() ? 0 : gap);
        if (y + b.height > bottom_ && !pages_.back().empty()) {
            new_page();
            y = y_;
        }
        pages_.back().push_back({&b, y});
        y_ = y + b.height;
        return pages_.size() - 1;
    }
    void new_page() {
        pages_.emplace_back();
        y_ = top_;
    }
    const std::vector<std::vector<Placed>>& pages() const { return pages_; }

private:
    double top_, bottom_, y_ = 0;
    std::vector<std::vector<Placed>> pages_;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void draw_block(cairo_t* cr, const Block& b, double x, double y) {
    for (const Piece& p : b.pieces) {
        cairo_set_source_rgb(cr, p.grey, p.grey, p.grey);
        switch (p.mark) {
        case Mark::Text:
            cairo_move_to(cr, x + p.x, y + p.y);
            pango_cairo_show_layout(cr, p.text.get());
            break;
        case Mark::TickBox:
        case Mark::PlaceBox:
            cairo_set_line_width(cr, 0.8);
            cairo_rectangle(cr, x + p.x, y + p.y, p.w, p.h);
            cairo_stroke(cr);
            break;
        case Mark::Line:
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, x + p.x, y + p.y);
            cairo_rel_line_to(cr, p.w, 0);
            cairo_stroke(cr);
            break;
        }
    }
}

} // namespace

std::optional<Paper> paper_from_name(std::string_view name) {
    if (name == "a4") return Paper::A4;
    if (name == "letter") return Paper::Letter;
    return std::nullopt;
}

std::string worksheet_file_name(const Quiz& quiz) { return "chronicle-" + quiz.pack_id + "-" + std::to_string(quiz.seed) + ".pdf"; }

Worksheet render_worksheet(const Quiz& quiz, const Pack& pack, Paper paper) {
    Worksheet sheet;
    const ui::Lang lang = ui::lang_from_code(quiz.lang);
    const bool chinese = lang == ui::Lang::Zh;
    Fonts fonts = open_fonts(chinese);
    if (fonts.error) {
        sheet.error = fonts.error;
        return sheet;
    }
    const PageSize size = page_size(paper);
    const Typesetter ts(fonts.context.get(), chinese, size.width - 2 * kMargin);

    // Everything is measured first, then placed, so that no block is split.
    const Block heading = heading_block(ts, quiz, pack, lang);
    std::vector<Block> questions, answers;
    for (size_t i = 0; i < quiz.questions.size(); ++i) {
        questions.push_back(question_block(ts, quiz.questions[i], i + 1, lang));
        answers.push_back(answer_block(ts, quiz.questions[i], i + 1));
    }
    Block key_heading;
    key_heading.height = add_text(key_heading, ts.layout(ui::text(ui::T::WorksheetAnswerKey, lang), ts.heading(), ts.width()), 0, 0) + 4;

    Paginator pages(kMargin, size.height - kMargin - kFooterSpace);
    pages.place(heading, 0);
    for (const Block& q : questions) sheet.layout.question_page.push_back(pages.place(q, kQuestionGap));
    pages.new_page(); // the answer key can be cut off or kept back
    sheet.layout.answer_key_page = pages.place(key_heading, 0);
    for (const Block& a : answers) sheet.layout.answer_page.push_back(pages.place(a, 12));
    sheet.layout.pages = pages.pages().size();

    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &sheet.pdf, size.width, size.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, pack.text(pack.title, quiz.lang).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Chronicle");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, kCreationDate);
    cairo_t* cr = cairo_create(surface);
    const long long total = static_cast<long long>(sheet.layout.pages);
    for (size_t page = 0; page < pages.pages().size(); ++page) {
        for (const Placed& p : pages.pages()[page]) draw_block(cr, *p.block, kMargin, p.y);
        // "Page 2 of 3", centred at the foot: a stack of sheets can be put back in order.
        const std::string number = fill_in(ui::text(ui::T::WorksheetPage, lang),
                                           {{"i", ui::number_text(static_cast<long long>(page) + 1, lang)}, {"n", ui::number_text(total, lang)}});
        LayoutPtr foot = ts.layout(number, ts.small(), ts.width());
        pango_layout_set_alignment(foot.get(), PANGO_ALIGN_CENTER);
        cairo_set_source_rgb(cr, kMuted, kMuted, kMuted);
        cairo_move_to(cr, kMargin, size.height - kMargin - height_of(foot.get()));
        pango_cairo_show_layout(cr, foot.get());
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (const cairo_status_t status = cairo_surface_status(surface); status != CAIRO_STATUS_SUCCESS) {
        sheet.pdf.clear();
        sheet.error = Issue{Problem::PdfNotMade, {std::string(cairo_status_to_string(status))}};
    }
    cairo_surface_destroy(surface);
    return sheet;
}

} // namespace chronicle::print
