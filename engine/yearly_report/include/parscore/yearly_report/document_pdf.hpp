#pragma once
// A document (document.hpp) as an A4 PDF laid out by Pango on Cairo, following Decree
// 30/2020/NĐ-CP: margins 20 mm top and bottom, 30 mm left, 15 mm right; Noto Serif 13 pt with
// smaller type for notes, tables and recipients; page numbers centred in the top margin from the
// second page on; tables paginated with their header row repeated and no row split; the closing
// kept on one page; annexes on new pages, landscape where an annex asks for it.
#include <string>

#include "parscore/yearly_report/document.hpp"

namespace parscore::engine::yearly {

/// The PDF's bytes. Fonts are embedded; every string is drawn as text, never read as markup, and
/// the renderer adds no words of its own. The creation date is Metadata::date (or a fixed date
/// when it is empty), so the same document renders to the same bytes.
/// Throws std::runtime_error when Cairo reports an error.
std::string render_document_pdf(const Document& document);

}  // namespace parscore::engine::yearly
