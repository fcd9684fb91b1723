#pragma once
// The PDF's pages: an A4 Cairo surface written into a string, the Decree 30 margins, a cursor
// moving down the current page, and page breaks. A page is opened only when something is placed
// on it, so no page is ever blank, and its size (portrait or landscape) is set before anything is
// drawn on it.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

namespace parscore::engine::yearly::pdf {

inline constexpr double kMillimetre = 72.0 / 25.4;
inline constexpr double kA4Short = 595.28;
inline constexpr double kA4Long = 841.89;
inline constexpr double kMarginTop = 20 * kMillimetre;
inline constexpr double kMarginBottom = 20 * kMillimetre;
inline constexpr double kMarginLeft = 30 * kMillimetre;
inline constexpr double kMarginRight = 15 * kMillimetre;

class Pager {
public:
    /// The PDF's bytes are appended to `out` as Cairo writes them; they are complete after finish().
    explicit Pager(std::string& out);
    ~Pager();
    Pager(const Pager&) = delete;
    Pager& operator=(const Pager&) = delete;

    void set_metadata(cairo_pdf_metadata_t key, const std::string& value);
    cairo_t* cr() const { return cr_; }
    PangoContext* pango() const { return pango_; }

    /// The orientation of the pages opened from now on; call with break_page() to change it.
    void set_landscape(bool landscape) { landscape_ = landscape; }
    /// What follows goes on a new page (nothing happens if the current page is still empty).
    void break_page();

    double left() const { return kMarginLeft; }
    /// The width between the margins of the current (or next) page.
    double width() const;
    /// The height left below the cursor, or a whole page's when what follows starts a new page.
    double remaining() const;
    /// True when nothing has been placed on the page that what follows would go on.
    bool at_page_top() const { return !open_ || !has_content_; }

    /// The y at which to draw something `height` tall, on a new page when it does not fit below the
    /// cursor (and the current page already holds something); the cursor moves below it.
    double place(double height);
    /// Like place(), but never breaks the page: the caller has checked that it fits.
    double take(double height);
    /// Space between blocks; none at the top of a page.
    void skip(double space);

    /// Writes the last page and the file's trailer; throws if Cairo reported an error.
    void finish();

private:
    void open_page();
    void draw_page_number();
    double page_height() const { return landscape_ ? kA4Short : kA4Long; }
    double page_width() const { return landscape_ ? kA4Long : kA4Short; }

    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    PangoContext* pango_ = nullptr;
    bool landscape_ = false;
    bool open_ = false;         // a page has been started (its size set)
    bool has_content_ = false;  // something has been placed on it
    bool finished_ = false;
    int pages_ = 0;
    double y_ = 0;
};

/// Throws std::runtime_error naming what failed when `status` is an error.
void check_status(cairo_status_t status, const char* what);

}  // namespace parscore::engine::yearly::pdf
