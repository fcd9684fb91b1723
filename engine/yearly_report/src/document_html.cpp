// A document as one HTML file: the page's style sheet, the letterhead, the body's paragraphs and
// tables, the closing and the annexes.
#include "parscore/yearly_report/document_html.hpp"

#include <charconv>
#include <string_view>
#include <type_traits>

#include "parscore/reports/report_html.hpp"

namespace parscore::engine::yearly {

namespace {

// Print: Decree 30/2020/NĐ-CP's A4 page (top 20, right 15, bottom 20, left 30 mm: the binding
// edge is on the left), serif 13 pt, tables drawn with full rules. Screen: the same text on white
// sheets in a grey column, narrow sheets on a phone. Text is black on white throughout (21:1);
// the one colour, the focus outline, is a dark blue that reads on white and on the grey.
constexpr std::string_view kStyle = R"css(
* { box-sizing: border-box; }
html { background: #e4e6ea; }
body { margin: 0; padding: 1.5rem .5rem; color: #000; font-family: "Times New Roman", "Noto Serif", serif;
       font-size: 13pt; line-height: 1.35; }
.sheet { background: #fff; max-width: 210mm; margin: 0 auto 1.5rem; padding: 20mm 15mm 20mm 30mm;
         box-shadow: 0 1px 4px rgba(0, 0, 0, .25); }
.sheet.landscape { max-width: 297mm; }
p { margin: 0 0 6pt; }
.letterhead { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 1.5rem; row-gap: 10pt;
              text-align: center; margin-bottom: 18pt; }
.letterhead p { margin: 0; }
.issuer, .nation { font-size: 12pt; }
.nation .country { white-space: nowrap; }
.issuer, .nation { font-weight: bold; }
.issuer .parent { font-weight: normal; }
.issuer .issuing::after { content: ""; display: block; width: 35%; margin: 2pt auto 0; border-top: 1px solid #000; }
.nation .motto span { display: inline-block; padding-bottom: 1pt; border-bottom: 1px solid #000; }
.place-date { font-style: italic; }
h1, h2, h3, h4 { font-size: 13pt; margin: 12pt 0 6pt; break-after: avoid; }
h1.title { text-align: center; margin: 0 0 12pt; }
h1.title span, .annex-head span { display: block; }
h1.title .kind { font-size: 14pt; }
.annex-head { text-align: center; margin: 0 0 12pt; }
.annex-head .subtitle { font-weight: normal; font-style: italic; }
p.body, p.bullet { text-align: justify; text-indent: 1.27cm; }
p.note { font-style: italic; font-size: 11pt; }
.table { overflow-x: auto; margin: 6pt 0 12pt; }
.table:focus-visible { outline: 2px solid #1a4d8f; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.25; }
caption { text-align: center; font-weight: bold; padding-bottom: 4pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
thead th { text-align: center; vertical-align: middle; font-weight: bold; }
tbody th { text-align: left; font-weight: bold; }
td.c { text-align: center; }
td.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; }
.closing { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1rem; margin-top: 18pt; break-inside: avoid; }
.recipients { font-size: 11pt; }
.recipients p { font-size: 12pt; margin: 0; }
.recipients ul { list-style: none; margin: 0; padding: 0; }
.signature { text-align: center; font-weight: bold; }
.signature p { margin: 0; }
.signature .room { height: 26mm; }
@media (max-width: 40rem) {
  body { padding: .5rem 0; }
  .sheet { padding: 1.25rem 1rem; margin-bottom: .75rem; }
  .letterhead, .closing { grid-template-columns: 1fr; }
  .nation .country { white-space: normal; }
  .closing .signature { order: -1; margin-bottom: 12pt; }
}
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
@page landscape { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
@media print {
  html { background: none; }
  body { padding: 0; }
  .sheet { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .annex { break-before: page; }
  .annex.landscape { page: landscape; }
  .table { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
)css";

// Spans are escaped and marked up; a span both bold and italic is both.
std::string spans(const std::vector<Span>& parts) {
    std::string out;
    for (const Span& s : parts) {
        std::string text = html_escape(s.text);
        if (s.italic) text = "<em>" + text + "</em>";
        if (s.bold) text = "<strong>" + text + "</strong>";
        out += text;
    }
    return out;
}

// A column's share of the table's width, in percent with one decimal ("33.3"), independent of
// the C locale.
std::string percent(double share) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, share * 100, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

const char* cell_class(Align align) {
    switch (align) {
        case Align::Right: return " class=\"r\"";
        case Align::Center: return " class=\"c\"";
        case Align::Left: break;
    }
    return "";
}

void table(std::string& out, const Table& t) {
    // The wrapper scrolls a wide table on a narrow screen: focusable, so that the keyboard can
    // scroll it too, and named by the caption for the screen reader that lands on it. A named
    // <section> is a region by itself (a div with role="region" is the same, less directly).
    out += "<section class=\"table\" tabindex=\"0\"";
    if (!t.caption.empty()) out += " aria-label=\"" + html_escape(t.caption) + "\"";
    out += ">\n<table>\n";
    if (!t.caption.empty()) out += "<caption>" + html_escape(t.caption) + "</caption>\n";
    double total = 0;
    for (const Column& c : t.columns) total += c.width > 0 ? c.width : 0;
    if (total > 0) {
        out += "<colgroup>";
        for (const Column& c : t.columns) {
            out += "<col style=\"width: " + percent((c.width > 0 ? c.width : 0) / total) + "%\">";
        }
        out += "</colgroup>\n";
    }
    out += "<thead><tr>";
    for (const Column& c : t.columns) out += "<th scope=\"col\">" + html_escape(c.heading) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    const std::size_t width = t.columns.size();
    for (const TableRow& row : t.rows) {
        if (row.group) {
            out += "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"" + std::to_string(width) + "\">" +
                   (row.cells.empty() ? std::string() : html_escape(row.cells.front())) + "</th></tr>\n";
            continue;
        }
        out += row.bold ? "<tr class=\"total\">" : "<tr>";
        // One cell per column: a short row is padded with empty cells, so the grid stays whole.
        for (std::size_t i = 0; i < width; ++i) {
            out += std::string("<td") + cell_class(t.columns[i].align) + ">" +
                   (i < row.cells.size() ? html_escape(row.cells[i]) : std::string()) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
}

// `level`: the heading level of a Heading1 (2 in the body, 3 in an annex, under its own heading).
void paragraph(std::string& out, const Paragraph& p, int level) {
    switch (p.style) {
        case ParagraphStyle::Heading1:
        case ParagraphStyle::Heading2: {
            const std::string h = "h" + std::to_string(p.style == ParagraphStyle::Heading1 ? level : level + 1);
            out += "<" + h + ">" + spans(p.spans) + "</" + h + ">\n";
            return;
        }
        case ParagraphStyle::Body: out += "<p class=\"body\">"; break;
        case ParagraphStyle::Bullet: out += "<p class=\"bullet\">"; break;
        case ParagraphStyle::Note: out += "<p class=\"note\">"; break;
    }
    out += spans(p.spans) + "</p>\n";
}

void blocks(std::string& out, const std::vector<Block>& body, int level) {
    for (const Block& b : body) {
        std::visit(
            [&](const auto& block) {
                if constexpr (std::is_same_v<std::decay_t<decltype(block)>, Paragraph>) {
                    paragraph(out, block, level);
                } else {
                    table(out, block);
                }
            },
            b);
    }
}

// A line of the letterhead; an empty one is left out, so that the grid's rows stay aligned.
void line(std::string& out, const char* css, const std::string& text, bool underline_text = false) {
    if (text.empty()) return;
    const std::string escaped = html_escape(text);
    out += "<p class=\"" + std::string(css) + "\">" + (underline_text ? "<span>" + escaped + "</span>" : escaped) +
           "</p>\n";
}

void letterhead(std::string& out, const Letterhead& l) {
    out += "<header class=\"letterhead\">\n<div class=\"issuer\">\n";
    line(out, "parent", l.parent_body);
    line(out, "issuing", l.issuing_body);
    out += "</div>\n<div class=\"nation\">\n";
    line(out, "country", l.country);
    line(out, "motto", l.motto, true);
    out += "</div>\n<div>\n";
    line(out, "number", l.number);
    out += "</div>\n<div>\n";
    line(out, "place-date", l.place_date);
    out += "</div>\n</header>\n";
}

void closing(std::string& out, const Closing& c) {
    out += "<div class=\"closing\">\n<div class=\"recipients\">\n";
    if (!c.recipients_heading.empty()) {
        out += "<p><strong><em>" + html_escape(c.recipients_heading) + "</em></strong></p>\n";
    }
    if (!c.recipients.empty()) {
        out += "<ul>\n";
        for (const std::string& r : c.recipients) out += "<li>" + html_escape(r) + "</li>\n";
        out += "</ul>\n";
    }
    out += "</div>\n<div class=\"signature\">\n";
    line(out, "authority", c.authority);
    line(out, "signer-title", c.signer_title);
    out += "<div class=\"room\"></div>\n";
    line(out, "signer-name", c.signer_name);
    out += "</div>\n</div>\n";
}

void annex(std::string& out, const Annex& a) {
    out += std::string("<section class=\"sheet annex") + (a.landscape ? " landscape" : "") + "\">\n";
    out += "<h2 class=\"annex-head\">";
    if (!a.heading.empty()) out += "<span>" + html_escape(a.heading) + "</span>";
    if (!a.title.empty()) out += "<span>" + html_escape(a.title) + "</span>";
    if (!a.subtitle.empty()) out += "<span class=\"subtitle\">" + html_escape(a.subtitle) + "</span>";
    out += "</h2>\n";
    blocks(out, a.blocks, 3);
    out += "</section>\n";
}

void meta(std::string& out, const char* name, const std::string& content) {
    if (!content.empty()) out += "<meta name=\"" + std::string(name) + "\" content=\"" + html_escape(content) + "\">\n";
}

}  // namespace

std::string render_document_html(const Document& document) {
    std::string out;
    out.reserve(16384);
    const Metadata& m = document.meta;
    out += "<!DOCTYPE html>\n<html lang=\"" + html_escape(m.language.empty() ? "vi" : m.language) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    meta(out, "description", m.subject);
    meta(out, "keywords", m.keywords);
    meta(out, "author", m.author);
    out += "<title>" + html_escape(m.title) + "</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n<main>\n<article class=\"sheet\">\n";
    letterhead(out, document.letterhead);
    out += "<h1 class=\"title\">";
    if (!document.kind.empty()) out += "<span class=\"kind\">" + html_escape(document.kind) + "</span>";
    if (!document.title.empty()) out += "<span>" + html_escape(document.title) + "</span>";
    out += "</h1>\n";
    blocks(out, document.body, 2);
    closing(out, document.closing);
    out += "</article>\n";
    for (const Annex& a : document.annexes) annex(out, a);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace parscore::engine::yearly
