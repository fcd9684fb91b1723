// The PDF's pages and their cursor.
#include "pdf_pager.hpp"

#include <stdexcept>
#include <string>

#include "pdf_text.hpp"

namespace parscore::engine::yearly::pdf {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// Outlines positioned exactly as designed: hinting would snap metrics to a screen's pixels and
/// change where lines break.
PangoContext* make_context(cairo_t* cr) {
    PangoContext* context = pango_cairo_create_context(cr);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    return context;
}

}  // namespace

void check_status(cairo_status_t status, const char* what) {
    if (status == CAIRO_STATUS_SUCCESS) return;
    throw std::runtime_error(std::string("PDF rendering failed: ") + what + ": " + cairo_status_to_string(status));
}

Pager::Pager(std::string& out) {
    surface_ = cairo_pdf_surface_create_for_stream(append_bytes, &out, kA4Short, kA4Long);
    const cairo_status_t status = cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface_);
        check_status(status, "creating the PDF surface");
    }
    cr_ = cairo_create(surface_);
    pango_ = make_context(cr_);
}

Pager::~Pager() {
    g_object_unref(pango_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
}

void Pager::set_metadata(cairo_pdf_metadata_t key, const std::string& value) {
    cairo_pdf_surface_set_metadata(surface_, key, value.c_str());
}

void Pager::break_page() {
    if (open_ && has_content_) open_ = false;
}

double Pager::width() const { return page_width() - kMarginLeft - kMarginRight; }

double Pager::remaining() const {
    if (!open_) return page_height() - kMarginTop - kMarginBottom;
    return page_height() - kMarginBottom - y_;
}

double Pager::place(double height) {
    if (!open_ || (has_content_ && height > remaining())) open_page();
    return take(height);
}

double Pager::take(double height) {
    if (!open_) open_page();
    const double at = y_;
    y_ += height;
    has_content_ = true;
    return at;
}

void Pager::skip(double space) {
    if (open_ && has_content_) y_ += space;
}

void Pager::open_page() {
    // Only a page holding something is ever closed (break_page), so the page shown here is not blank.
    if (pages_ > 0) cairo_show_page(cr_);
    cairo_pdf_surface_set_size(surface_, page_width(), page_height());
    ++pages_;
    open_ = true;
    has_content_ = false;
    y_ = kMarginTop;
    if (pages_ >= 2) draw_page_number();
}

void Pager::draw_page_number() {
    // Decree 30: the number alone, centred in the top margin, from the second page on.
    TextStyle style;
    style.align = PANGO_ALIGN_CENTER;
    const double w = page_width() - kMarginLeft - kMarginRight;
    Layout number = make_layout(pango_, std::to_string(pages_), style, w);
    draw_layout(cr_, number.get(), kMarginLeft, (kMarginTop - layout_height(number.get())) / 2);
}

void Pager::finish() {
    if (finished_) return;
    finished_ = true;
    check_status(cairo_status(cr_), "drawing");
    cairo_surface_finish(surface_);
    check_status(cairo_surface_status(surface_), "writing the PDF");
}

}  // namespace parscore::engine::yearly::pdf
