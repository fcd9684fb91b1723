#pragma once
// Tables on the PDF's pages, paginated here rather than by Pango: each row is as tall as its
// tallest cell, a row that does not fit goes to the next page under a repeated header row, and a
// table never starts with its header alone at the bottom of a page.
#include "parscore/yearly_report/document.hpp"
#include "pdf_pager.hpp"

namespace parscore::engine::yearly::pdf {

/// The height that must fit for the table to start on the current page: its caption, its header
/// row and its first row.
double table_lead_height(const Pager& pager, const Table& table);

void flow_table(Pager& pager, const Table& table);

}  // namespace parscore::engine::yearly::pdf
