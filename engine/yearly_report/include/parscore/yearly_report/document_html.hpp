#pragma once
// A document (document.hpp) as one self-contained HTML5 file: no script, no network, one inline
// style sheet. Printed from a browser it follows Decree 30/2020/NĐ-CP's layout on A4 (margins,
// letterhead, serif 13 pt, tables whose header row repeats on every page, annexes on new pages,
// landscape where an annex asks for it); on screen it reads as a column of pages, and wide tables
// scroll sideways in a region a keyboard can reach.
#include <string>

#include "parscore/yearly_report/document.hpp"

namespace parscore::engine::yearly {

/// The whole file. Every string of the document is HTML-escaped; the renderer adds no words of its
/// own. The output has no timestamp: the same document renders to the same bytes.
std::string render_document_html(const Document& document);

}  // namespace parscore::engine::yearly
