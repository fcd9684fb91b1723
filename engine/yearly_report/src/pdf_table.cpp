// Tables: column widths in proportion to Column::width over the width between the margins, cells
// in 11 pt with thin borders, the header row bold and centred, group rows spanning every column.
#include "pdf_table.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "pdf_text.hpp"

namespace parscore::engine::yearly::pdf {

namespace {

constexpr double kCellSize = 11;
constexpr double kCaptionSize = 12;
constexpr double kPadX = 4;
constexpr double kPadY = 3;
constexpr double kBorder = 0.5;
constexpr double kCaptionGap = 4;

PangoAlignment pango_align(Align align) {
    switch (align) {
        case Align::Left: return PANGO_ALIGN_LEFT;
        case Align::Center: return PANGO_ALIGN_CENTER;
        case Align::Right: return PANGO_ALIGN_RIGHT;
    }
    return PANGO_ALIGN_LEFT;
}

struct Cell {
    Layout layout;
    double x = 0;
    double width = 0;
};

struct Row {
    std::vector<Cell> cells;
    double height = 0;
};

class TableFlow {
public:
    TableFlow(const Pager& pager, const Table& table) : table_(table), context_(pager.pango()), left_(pager.left()) {
        double total = 0;
        for (const Column& column : table.columns) total += std::max(column.width, 0.0);
        double x = left_;
        for (const Column& column : table.columns) {
            const double share = total > 0 ? std::max(column.width, 0.0) / total
                                           : 1.0 / static_cast<double>(table.columns.size());
            x_.push_back(x);
            widths_.push_back(share * pager.width());
            x += widths_.back();
        }
        width_ = x - left_;
    }

    bool has_header() const {
        return std::any_of(table_.columns.begin(), table_.columns.end(),
                           [](const Column& column) { return !column.heading.empty(); });
    }

    Row header() const {
        Row row;
        TextStyle style{.size = kCellSize, .bold = true, .align = PANGO_ALIGN_CENTER};
        for (std::size_t i = 0; i < table_.columns.size(); ++i) add_cell(row, table_.columns[i].heading, style, i, 1);
        return row;
    }

    Row body(const TableRow& source) const {
        Row row;
        if (source.group) {
            TextStyle style{.size = kCellSize, .bold = true};
            add_cell(row, source.cells.empty() ? std::string() : source.cells[0], style, 0, table_.columns.size());
            return row;
        }
        for (std::size_t i = 0; i < table_.columns.size(); ++i) {
            TextStyle style{.size = kCellSize, .bold = source.bold, .align = pango_align(table_.columns[i].align)};
            add_cell(row, i < source.cells.size() ? source.cells[i] : std::string(), style, i, 1);
        }
        return row;
    }

    void draw(cairo_t* cr, const Row& row, double y) const {
        cairo_set_line_width(cr, kBorder);
        for (const Cell& cell : row.cells) {
            cairo_rectangle(cr, cell.x, y, cell.width, row.height);
            cairo_stroke(cr);
            // Text sits in the middle of a row as tall as its tallest cell.
            const double text_height = layout_height(cell.layout.get());
            draw_layout(cr, cell.layout.get(), cell.x + kPadX, y + (row.height - text_height) / 2);
        }
    }

    double width() const { return width_; }

private:
    void add_cell(Row& row, const std::string& text, const TextStyle& style, std::size_t first,
                  std::size_t span) const {
        Cell cell;
        cell.x = x_[first];
        cell.width = std::accumulate(widths_.begin() + static_cast<std::ptrdiff_t>(first),
                                     widths_.begin() + static_cast<std::ptrdiff_t>(first + span), 0.0);
        cell.layout = make_layout(context_, text, style, std::max(cell.width - 2 * kPadX, 1.0));
        row.height = std::max(row.height, layout_height(cell.layout.get()) + 2 * kPadY);
        row.cells.push_back(std::move(cell));
    }

    const Table& table_;
    PangoContext* context_;
    double left_;
    std::vector<double> x_;
    std::vector<double> widths_;
    double width_ = 0;
};

Layout caption_layout(const Pager& pager, const Table& table) {
    TextStyle style{.size = kCaptionSize, .bold = true, .align = PANGO_ALIGN_CENTER};
    return make_layout(pager.pango(), table.caption, style, pager.width());
}

/// Draws the header row at the cursor (the caller has checked it fits).
void place_header(Pager& pager, const TableFlow& flow, const Row& header, bool has_header) {
    if (!has_header) return;
    flow.draw(pager.cr(), header, pager.take(header.height));
}

}  // namespace

double table_lead_height(const Pager& pager, const Table& table) {
    double height = 0;
    if (!table.caption.empty()) height += layout_height(caption_layout(pager, table).get()) + kCaptionGap;
    if (table.columns.empty()) return height;
    TableFlow flow(pager, table);
    if (flow.has_header()) height += flow.header().height;
    if (!table.rows.empty()) height += flow.body(table.rows.front()).height;
    if (table.rows.size() > 1 && table.rows.front().group) height += flow.body(table.rows[1]).height;
    return height;
}

void flow_table(Pager& pager, const Table& table) {
    if (!pager.at_page_top() && table_lead_height(pager, table) > pager.remaining()) pager.break_page();
    if (!table.caption.empty()) {
        Layout caption = caption_layout(pager, table);
        draw_layout(pager.cr(), caption.get(), pager.left(), pager.place(layout_height(caption.get())));
        pager.take(kCaptionGap);
    }
    if (table.columns.empty()) return;
    const TableFlow flow(pager, table);
    const bool has_header = flow.has_header();
    const Row header = flow.header();
    place_header(pager, flow, header, has_header);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const TableRow& source = table.rows[i];
        const Row row = flow.body(source);
        // A group's heading row stays with the group's first row.
        double needed = row.height;
        if (source.group && i + 1 < table.rows.size()) needed += flow.body(table.rows[i + 1]).height;
        if (needed > pager.remaining() && !pager.at_page_top()) {
            // A row taller than a whole page still goes on a page of its own rather than nowhere.
            pager.break_page();
            place_header(pager, flow, header, has_header);
        }
        flow.draw(pager.cr(), row, pager.take(row.height));
    }
}

}  // namespace parscore::engine::yearly::pdf
