// A document as an A4 PDF: the letterhead, title and closing of Decree 30/2020/NĐ-CP drawn here;
// body blocks by pdf_flow and pdf_table; pages, margins and page numbers by pdf_pager.
#include "parscore/yearly_report/document_pdf.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "pdf_flow.hpp"
#include "pdf_pager.hpp"
#include "pdf_text.hpp"

namespace parscore::engine::yearly {

namespace {

using pdf::Layout;
using pdf::Pager;
using pdf::TextStyle;

constexpr double kRuleWidth = 0.6;
constexpr double kRuleSpace = 8;       // below a ruled line: the rule sits in its middle, clear of descenders
constexpr double kSignatureRoom = 64;  // left blank for the signature and the seal

/// A line of a centred column, optionally with a rule under it as long as `rule` times the text.
struct Line {
    Layout layout;
    double rule = 0;
    double space_before = 0;
};

struct Stack {
    std::vector<Line> lines;
    double x = 0;
    double width = 0;

    void add(const Pager& pager, const std::string& text, const TextStyle& style, double rule = 0, double before = 0) {
        if (text.empty()) return;
        lines.push_back({pdf::make_layout(pager.pango(), text, style, width), rule, before});
    }

    double height() const {
        double total = 0;
        for (const Line& line : lines)
            total += line.space_before + pdf::layout_height(line.layout.get()) + (line.rule > 0 ? kRuleSpace : 0);
        return total;
    }

    void draw(cairo_t* cr, double y) const {
        for (const Line& line : lines) {
            y += line.space_before;
            pdf::draw_layout(cr, line.layout.get(), x, y);
            y += pdf::layout_height(line.layout.get());
            if (line.rule <= 0) continue;
            // Decree 30: a solid rule centred under the line.
            const double length = line.rule * pdf::layout_width(line.layout.get());
            cairo_set_line_width(cr, kRuleWidth);
            cairo_move_to(cr, x + (width - length) / 2, y + kRuleSpace / 2);
            cairo_rel_line_to(cr, length, 0);
            cairo_stroke(cr);
            y += kRuleSpace;
        }
    }
};

TextStyle centred(double size, bool bold, bool italic = false) {
    return {.size = size, .bold = bold, .italic = italic, .align = PANGO_ALIGN_CENTER};
}

void draw_letterhead(Pager& pager, const Letterhead& head) {
    // Issuing body on the left, national motto on the right; number and place-date under each.
    const double left_width = pager.width() * 0.4;
    Stack body{{}, pager.left(), left_width};
    body.add(pager, head.parent_body, centred(12.5, false));
    body.add(pager, head.issuing_body, centred(12.5, true), 0.5);
    Stack motto{{}, pager.left() + left_width, pager.width() - left_width};
    motto.add(pager, head.country, centred(12, true));
    motto.add(pager, head.motto, centred(13, true), 1.0);
    Stack number{{}, body.x, body.width};
    number.add(pager, head.number, centred(13, false));
    Stack date{{}, motto.x, motto.width};
    date.add(pager, head.place_date, centred(13, false, true));
    const double top = std::max(body.height(), motto.height());
    const double bottom = std::max(number.height(), date.height());
    if (top + bottom <= 0) return;
    const double y = pager.place(top + 6 + bottom);
    body.draw(pager.cr(), y);
    motto.draw(pager.cr(), y);
    number.draw(pager.cr(), y + top + 6);
    date.draw(pager.cr(), y + top + 6);
    pager.skip(18);
}

void draw_title(Pager& pager, const std::string& kind, const std::string& title) {
    Stack stack{{}, pager.left(), pager.width()};
    stack.add(pager, kind, centred(14, true));
    stack.add(pager, title, centred(14, true), 0.4, kind.empty() ? 0 : 2);
    if (stack.lines.empty()) return;
    pager.skip(6);
    stack.draw(pager.cr(), pager.place(stack.height()));
    pager.skip(14);
}

void draw_closing(Pager& pager, const Closing& closing) {
    // Recipients bottom-left in small type, the signature block bottom-right; always on one page.
    const double left_width = pager.width() * 0.45;
    Stack recipients{{}, pager.left(), left_width};
    const TextStyle heading{.size = 12, .bold = true, .italic = true};
    recipients.add(pager, closing.recipients_heading, heading);
    for (const std::string& recipient : closing.recipients) recipients.add(pager, recipient, TextStyle{.size = 11});
    Stack signature{{}, pager.left() + left_width, pager.width() - left_width};
    signature.add(pager, closing.authority, centred(13, true));
    signature.add(pager, closing.signer_title, centred(13, true));
    signature.add(pager, closing.signer_name, centred(13, true), 0, signature.lines.empty() ? 0 : kSignatureRoom);
    const double height = std::max(recipients.height(), signature.height());
    if (height <= 0) return;
    pager.skip(12);
    if (!pager.at_page_top() && height > pager.remaining()) pager.break_page();
    const double y = pager.place(height);
    recipients.draw(pager.cr(), y);
    signature.draw(pager.cr(), y);
}

void draw_annex(Pager& pager, const Annex& annex) {
    pager.break_page();
    pager.set_landscape(annex.landscape);
    Stack stack{{}, pager.left(), pager.width()};
    stack.add(pager, annex.heading, centred(13, true));
    stack.add(pager, annex.title, centred(13, true));
    stack.add(pager, annex.subtitle, centred(13, false, true));
    if (!stack.lines.empty()) {
        stack.draw(pager.cr(), pager.place(stack.height()));
        pager.skip(14);
    }
    pdf::flow_blocks(pager, annex.blocks);
}

/// "2013-12-20" as the ISO 8601 time Cairo expects; anything else as a fixed date, so that the
/// bytes never depend on the clock.
std::string pdf_date(const std::string& date) {
    const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                        std::all_of(date.begin(), date.end(),
                                    [](char c) { return c == '-' || std::isdigit(static_cast<unsigned char>(c)); });
    return (shaped ? date : std::string("2000-01-01")) + "T00:00:00";
}

void set_metadata(Pager& pager, const Metadata& meta) {
    if (!meta.title.empty()) pager.set_metadata(CAIRO_PDF_METADATA_TITLE, meta.title);
    if (!meta.subject.empty()) pager.set_metadata(CAIRO_PDF_METADATA_SUBJECT, meta.subject);
    if (!meta.keywords.empty()) pager.set_metadata(CAIRO_PDF_METADATA_KEYWORDS, meta.keywords);
    if (!meta.author.empty()) pager.set_metadata(CAIRO_PDF_METADATA_AUTHOR, meta.author);
    pager.set_metadata(CAIRO_PDF_METADATA_CREATOR, "parscore");
    const std::string date = pdf_date(meta.date);
    pager.set_metadata(CAIRO_PDF_METADATA_CREATE_DATE, date);
    pager.set_metadata(CAIRO_PDF_METADATA_MOD_DATE, date);
}

}  // namespace

std::string render_document_pdf(const Document& document) {
    std::string out;
    Pager pager(out);
    set_metadata(pager, document.meta);
    draw_letterhead(pager, document.letterhead);
    draw_title(pager, document.kind, document.title);
    pdf::flow_blocks(pager, document.body);
    draw_closing(pager, document.closing);
    for (const Annex& annex : document.annexes) draw_annex(pager, annex);
    pager.finish();
    return out;
}

}  // namespace parscore::engine::yearly
