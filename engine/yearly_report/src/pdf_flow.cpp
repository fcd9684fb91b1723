// Paragraphs and their page breaks. Decree 30 asks for body text justified with the first line
// indented 1 to 1.27 cm and at least 6 pt between paragraphs.
#include "pdf_flow.hpp"

#include <algorithm>
#include <variant>

#include "pdf_table.hpp"

namespace parscore::engine::yearly::pdf {

namespace {

constexpr double kIndent = 10 * kMillimetre;

struct ParagraphLook {
    TextStyle text;
    double space_before = 0;
    double space_after = 0;
};

ParagraphLook look(ParagraphStyle style) {
    switch (style) {
        case ParagraphStyle::Heading1: return {{.size = 13, .bold = true, .justify = true}, 10, 6};
        case ParagraphStyle::Heading2: return {{.size = 13, .bold = true, .justify = true}, 6, 4};
        case ParagraphStyle::Body: return {{.size = 13, .justify = true, .indent = kIndent}, 0, 6};
        case ParagraphStyle::Bullet: return {{.size = 13, .justify = true, .indent = kIndent}, 0, 4};
        case ParagraphStyle::Note: return {{.size = 12, .italic = true, .justify = true, .indent = kIndent}, 0, 4};
    }
    return {};
}

bool is_heading(const Block& block) {
    const auto* paragraph = std::get_if<Paragraph>(&block);
    return paragraph != nullptr &&
           (paragraph->style == ParagraphStyle::Heading1 || paragraph->style == ParagraphStyle::Heading2);
}

Layout paragraph_layout(const Pager& pager, const Paragraph& paragraph) {
    return make_layout(pager.pango(), paragraph.spans, look(paragraph.style).text, pager.width());
}

/// How many of the lines from `first` on fit in `room`, keeping a paragraph's first line from
/// standing alone at the bottom of a page and its last line from standing alone at the top of the
/// next.
std::size_t lines_that_fit(const std::vector<LineBox>& lines, std::size_t first, double room) {
    std::size_t count = 0;
    while (first + count < lines.size() && lines[first + count].bottom - lines[first].top <= room) ++count;
    const std::size_t left = lines.size() - first;
    if (count == left) return count;
    if (count >= 2 && left - count == 1) --count;
    if (first == 0 && count == 1) count = 0;
    return count;
}

/// The height of what must follow `blocks[index]`'s start on the same page: a heading with the
/// start of what it heads, a paragraph's first two lines, a table's caption, header and first row.
double lead_height(const Pager& pager, const std::vector<Block>& blocks, std::size_t index) {
    if (index >= blocks.size()) return 0;
    if (const auto* table = std::get_if<Table>(&blocks[index])) return table_lead_height(pager, *table);
    const auto& paragraph = std::get<Paragraph>(blocks[index]);
    Layout layout = paragraph_layout(pager, paragraph);
    if (is_heading(blocks[index])) {
        return layout_height(layout.get()) + look(paragraph.style).space_after +
               look(ParagraphStyle::Heading2).space_before + lead_height(pager, blocks, index + 1);
    }
    const std::vector<LineBox> lines = line_boxes(layout.get());
    return lines[std::min<std::size_t>(lines.size(), 2) - 1].bottom;
}

void flow_paragraph(Pager& pager, const std::vector<Block>& blocks, std::size_t index) {
    const auto& paragraph = std::get<Paragraph>(blocks[index]);
    const ParagraphLook style = look(paragraph.style);
    pager.skip(style.space_before);
    if (is_heading(blocks[index]) && !pager.at_page_top() && lead_height(pager, blocks, index) > pager.remaining())
        pager.break_page();
    Layout layout = paragraph_layout(pager, paragraph);
    flow_layout(pager, layout.get());
    pager.skip(style.space_after);
}

}  // namespace

void flow_layout(Pager& pager, PangoLayout* layout) {
    const std::vector<LineBox> lines = line_boxes(layout);
    std::size_t first = 0;
    while (first < lines.size()) {
        std::size_t count = lines_that_fit(lines, first, pager.remaining());
        if (count == 0 && pager.at_page_top()) count = 1;  // a line taller than a page still prints
        if (count == 0) {
            pager.break_page();
            continue;
        }
        const std::size_t last = first + count;
        const double y = pager.take(lines[last - 1].bottom - lines[first].top);
        draw_lines(pager.cr(), layout, first, last, pager.left(), y);
        first = last;
        if (first < lines.size()) pager.break_page();
    }
}

void flow_blocks(Pager& pager, const std::vector<Block>& blocks) {
    for (std::size_t index = 0; index < blocks.size(); ++index) {
        if (const auto* table = std::get_if<Table>(&blocks[index])) {
            pager.skip(6);
            flow_table(pager, *table);
            pager.skip(10);
        } else {
            flow_paragraph(pager, blocks, index);
        }
    }
}

}  // namespace parscore::engine::yearly::pdf
