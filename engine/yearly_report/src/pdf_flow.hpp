#pragma once
// The body of the PDF and of its annexes: paragraphs laid out by Pango and broken across pages
// between lines, headings kept with what follows them, tables paginated by pdf_table.
#include <vector>

#include "parscore/yearly_report/document.hpp"
#include "pdf_pager.hpp"
#include "pdf_text.hpp"

namespace parscore::engine::yearly::pdf {

/// Draws a layout at the left margin from the cursor on, breaking it between lines across as many
/// pages as it needs; it avoids leaving a paragraph's first line alone at the bottom of a page or
/// its last line alone at the top of the next.
void flow_layout(Pager& pager, PangoLayout* layout);

void flow_blocks(Pager& pager, const std::vector<Block>& blocks);

}  // namespace parscore::engine::yearly::pdf
