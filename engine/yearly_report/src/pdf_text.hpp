#pragma once
// Text for the PDF: Pango layouts in Noto Serif built from plain strings and spans (never from
// markup, so "<" and "&" print as themselves), measured and drawn in points.
#include <pango/pangocairo.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "parscore/yearly_report/document.hpp"

namespace parscore::engine::yearly::pdf {

struct TextStyle {
    double size = 13;  // points
    bool bold = false;
    bool italic = false;
    PangoAlignment align = PANGO_ALIGN_LEFT;
    bool justify = false;
    double indent = 0;  // of the first line, in points
};

struct LayoutDeleter {
    void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

/// A layout `width` points wide (wrapping at words, inside a word only when it is longer than the
/// line); width <= 0 leaves the text on its natural lines.
Layout make_layout(PangoContext* context, const std::vector<Span>& spans, const TextStyle& style, double width);
Layout make_layout(PangoContext* context, std::string_view text, const TextStyle& style, double width);

double layout_height(PangoLayout* layout);
/// The width of the widest line (its logical extent), e.g. to draw a rule as long as the text.
double layout_width(PangoLayout* layout);
void draw_layout(cairo_t* cr, PangoLayout* layout, double x, double y);

/// Where a layout's line lies, in points from the layout's top.
struct LineBox {
    double top = 0;
    double bottom = 0;
};
std::vector<LineBox> line_boxes(PangoLayout* layout);

/// Draws lines [first, last) of a layout with the top of line `first` at y.
void draw_lines(cairo_t* cr, PangoLayout* layout, std::size_t first, std::size_t last, double x, double y);

}  // namespace parscore::engine::yearly::pdf
