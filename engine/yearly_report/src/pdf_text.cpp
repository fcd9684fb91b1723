// Pango layouts for the PDF. Attributes rather than markup carry bold and italic, so a string's
// "<", "&" and ">" are text.
#include "pdf_text.hpp"

#include <algorithm>
#include <string>

namespace parscore::engine::yearly::pdf {

namespace {

int pango_units(double points) { return static_cast<int>(points * PANGO_SCALE + 0.5); }
double points(int units) { return static_cast<double>(units) / PANGO_SCALE; }

/// Pango refuses invalid UTF-8 with a warning and draws nothing; a stray byte should cost one
/// replacement character, not the paragraph.
std::string valid_utf8(std::string_view text) {
    if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return std::string(text);
    gchar* fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    std::string out(fixed);
    g_free(fixed);
    return out;
}

void set_font(PangoLayout* layout, const TextStyle& style) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family_static(font, "Noto Serif");
    // Absolute size: points on the page, whatever resolution the context assumes.
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
}

Layout new_layout(PangoContext* context, const TextStyle& style, double width) {
    Layout layout(pango_layout_new(context));
    set_font(layout.get(), style);
    pango_layout_set_alignment(layout.get(), style.align);
    pango_layout_set_justify(layout.get(), style.justify);
    pango_layout_set_indent(layout.get(), pango_units(style.indent));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width(layout.get(), width > 0 ? pango_units(width) : -1);
    return layout;
}

void add_attribute(PangoAttrList* list, PangoAttribute* attribute, std::size_t start, std::size_t end) {
    attribute->start_index = static_cast<guint>(start);
    attribute->end_index = static_cast<guint>(end);
    pango_attr_list_insert(list, attribute);
}

}  // namespace

Layout make_layout(PangoContext* context, std::string_view text, const TextStyle& style, double width) {
    Layout layout = new_layout(context, style, width);
    const std::string valid = valid_utf8(text);
    pango_layout_set_text(layout.get(), valid.data(), static_cast<int>(valid.size()));
    return layout;
}

Layout make_layout(PangoContext* context, const std::vector<Span>& spans, const TextStyle& style, double width) {
    Layout layout = new_layout(context, style, width);
    std::string text;
    PangoAttrList* list = pango_attr_list_new();
    for (const Span& span : spans) {
        const std::size_t start = text.size();
        text += valid_utf8(span.text);
        if (span.bold) add_attribute(list, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, text.size());
        if (span.italic) add_attribute(list, pango_attr_style_new(PANGO_STYLE_ITALIC), start, text.size());
    }
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    pango_layout_set_attributes(layout.get(), list);
    pango_attr_list_unref(list);
    return layout;
}

double layout_height(PangoLayout* layout) {
    int width = 0;
    int height = 0;
    pango_layout_get_size(layout, &width, &height);
    return points(height);
}

double layout_width(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return points(logical.width);
}

void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
}

std::vector<LineBox> line_boxes(PangoLayout* layout) {
    std::vector<LineBox> boxes;
    boxes.reserve(static_cast<std::size_t>(pango_layout_get_line_count(layout)));
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        int top = 0;
        int bottom = 0;
        pango_layout_iter_get_line_yrange(iter, &top, &bottom);
        boxes.push_back({points(top), points(bottom)});
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    return boxes;
}

void draw_lines(cairo_t* cr, PangoLayout* layout, std::size_t first, std::size_t last, double x, double y) {
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    double origin = 0;  // the top of line `first`, in layout points
    for (std::size_t index = 0; index < last; ++index) {
        if (index == first) {
            int top = 0;
            int bottom = 0;
            pango_layout_iter_get_line_yrange(iter, &top, &bottom);
            origin = points(top);
        }
        if (index >= first) {
            // A line is drawn from its baseline at its left edge; the edge already holds the
            // line's alignment and first-line indent.
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const double baseline = points(pango_layout_iter_get_baseline(iter));
            cairo_move_to(cr, x + points(logical.x), y + baseline - origin);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
        }
        if (!pango_layout_iter_next_line(iter)) break;
    }
    pango_layout_iter_free(iter);
}

}  // namespace parscore::engine::yearly::pdf
