// Reading a units CSV (docs/reference/database.md).
#include <charconv>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "csv_common.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/evidence_csv.hpp"

namespace parscore::inspections {

namespace {

std::string shown(std::string_view s) { return "'" + core::sanitize_utf8(s) + "'"; }

// The pattern of a unit id (and so of a category), as messages show it.
constexpr const char* kIdPattern = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

/// The units that are their own ancestor. Each unit has at most one parent, so one walk up from
/// every unit, stopping at units already walked, finds every cycle in linear time (walking to the
/// root from each unit is quadratic in a long chain: minutes for 100,000 units in one line).
std::unordered_set<std::string> units_on_cycles(
    const std::unordered_map<std::string, std::optional<std::string>>& parent_of) {
    enum : unsigned char { kUnseen, kOnPath, kDone };
    std::unordered_map<std::string, unsigned char> state;
    std::unordered_set<std::string> cyclic;
    std::vector<std::string> path;
    for (const auto& [start, unused] : parent_of) {
        path.clear();
        std::string at = start;
        for (;;) {
            unsigned char& s = state[at];
            if (s == kDone) break;
            if (s == kOnPath) {  // `at` and every unit after it on the path form a cycle
                for (auto p = path.rbegin(); p != path.rend(); ++p) {
                    cyclic.insert(*p);
                    if (*p == at) break;
                }
                break;
            }
            s = kOnPath;
            path.push_back(at);
            auto parent = parent_of.find(at);
            if (parent == parent_of.end() || !parent->second) break;
            at = *parent->second;
        }
        for (const std::string& p : path) state[p] = kDone;
    }
    return cyclic;
}

/// The columns of a units file, in the order read_header matches them.
enum Column : std::size_t { kId, kName, kCategory, kParent, kActiveFrom, kActiveTo };

/// The index of each Column in the header row (-1: absent), or nothing after reporting why not.
std::optional<std::vector<int>> read_header(core::CsvReader& reader, std::vector<core::CsvCell>& row,
                                            const core::SourceSet& sources, core::FileId file,
                                            core::Diagnostics& diags) {
    const std::size_t errors_before = diags.error_count();
    if (!reader.next_row(row, diags)) {
        if (diags.error_count() == errors_before) {
            diags.error(csv::kNoHeader, core::Span{file, 0, 0}, core::T_("empty file: expected a header row"));
        }
        return std::nullopt;
    }
    const std::vector<std::string> names = {"id", "name", "category", "parent", "active_from", "active_to"};
    const std::vector<bool> required = {true, true, true, false, false, false};
    const std::uint32_t header_offset = reader.row_offset();
    const std::string_view header_line = sources.file(file).line_text(1);
    const core::Span header_span{file, header_offset,
                                 header_offset +
                                     static_cast<std::uint32_t>(std::max<std::size_t>(header_line.size(), 1))};
    std::vector<int> col = csv::match_header(file, row, names, required, header_span, diags);
    if (diags.error_count() != errors_before) return std::nullopt;
    return col;
}

/// What the rows of one file share while they are read: the columns, the error budget and the
/// first row of every unit id (for "appears twice").
struct RowContext {
    core::FileId file;
    const std::vector<int>& col;
    csv::ErrorBudget& budget;
    std::map<std::string, core::Span>& first_row;  // id -> its cell

    const core::CsvCell& cell(const std::vector<core::CsvCell>& row, Column c) const {
        return row[static_cast<std::size_t>(col[c])];
    }
    bool has(Column c) const { return col[c] >= 0; }
};

/// One row's unit, with the spans the checks across rows point at.
struct UnitRow {
    UnitInfo unit;
    core::Span parent_span{}, from_span{};
};

/// An empty cell leaves `out` unset; anything but a year from 1 to 9999 is reported.
bool read_year(const RowContext& ctx, const core::CsvCell& cell, std::optional<int>& out) {
    if (cell.text.empty()) return true;
    int y = 0;
    auto [p, ec] = std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), y);
    if (ec != std::errc{} || p != cell.text.data() + cell.text.size() || y < 1 || y > 9999) {
        ctx.budget.error(csv::kBadCell, csv::cell_span(ctx.file, cell),
                         core::T_("expected a year from 1 to 9999, found {value}", {{"value", shown(cell.text)}}));
        return false;
    }
    out = y;
    return true;
}

/// The id cell: well formed and not seen in an earlier row.
bool read_id(const RowContext& ctx, const core::CsvCell& id, UnitInfo& u) {
    u.id = std::string(id.text);
    if (!is_valid_unit_id(u.id)) {
        ctx.budget.error(csv::kBadCell, csv::cell_span(ctx.file, id),
                         core::T_("unit id {id} must match {pattern}",
                                  {{"id", shown(id.text)}, {"pattern", kIdPattern}}));
        return false;
    }
    if (auto [it, inserted] = ctx.first_row.emplace(u.id, csv::cell_span(ctx.file, id)); !inserted) {
        if (auto* d = ctx.budget.error(csv::kRepeatedUnit, csv::cell_span(ctx.file, id),
                                       core::T_("unit {unit} appears twice", {{"unit", "'" + u.id + "'"}}))) {
            d->add_note(it->second, core::T_("first here"));
        }
        return false;
    }
    return true;
}

/// The name and category cells: both present, the category usable by a rulebook.
bool read_name_and_category(const RowContext& ctx, const core::CsvCell& name, const core::CsvCell& category,
                            UnitInfo& u) {
    bool ok = true;
    if (name.text.empty()) {
        ctx.budget.error(csv::kEmptyCell, csv::cell_span(ctx.file, name), core::T_("empty 'name' cell"));
        ok = false;
    }
    if (category.text.empty()) {
        ctx.budget.error(csv::kEmptyCell, csv::cell_span(ctx.file, category), core::T_("empty 'category' cell"));
        ok = false;
    } else if (!is_valid_unit_id(category.text)) {
        // A rulebook's `units` can only name categories of this form (E206): a unit with
        // another category could never be scored.
        ctx.budget.error(csv::kBadCell, csv::cell_span(ctx.file, category),
                         core::T_("category {category} must match {pattern}",
                                  {{"category", shown(category.text)}, {"pattern", kIdPattern}}));
        ok = false;
    }
    u.name = core::to_nfc(name.text);
    u.category = core::to_nfc(category.text);
    return ok;
}

/// The parent cell: empty (no parent) or another unit's id.
bool read_parent(const RowContext& ctx, const core::CsvCell& parent, UnitRow& r) {
    r.parent_span = csv::cell_span(ctx.file, parent);
    if (parent.text.empty()) return true;
    if (!is_valid_unit_id(parent.text)) {
        ctx.budget.error(csv::kBadCell, r.parent_span,
                         core::T_("parent {parent} is not a unit id", {{"parent", shown(parent.text)}}));
        return false;
    }
    if (parent.text == r.unit.id) {
        ctx.budget.error(csv::kParentCycle, r.parent_span,
                         core::T_("unit {unit} cannot be its own parent", {{"unit", "'" + r.unit.id + "'"}}));
        return false;
    }
    r.unit.parent = std::string(parent.text);
    return true;
}

/// One data row as a unit, or nothing after reporting every error of the row.
std::optional<UnitRow> read_unit_row(const RowContext& ctx, const std::vector<core::CsvCell>& row) {
    UnitRow r;
    bool ok = read_id(ctx, ctx.cell(row, kId), r.unit);
    ok = read_name_and_category(ctx, ctx.cell(row, kName), ctx.cell(row, kCategory), r.unit) && ok;
    if (ctx.has(kParent)) ok = read_parent(ctx, ctx.cell(row, kParent), r) && ok;
    if (ctx.has(kActiveFrom)) {
        r.from_span = csv::cell_span(ctx.file, ctx.cell(row, kActiveFrom));
        ok = read_year(ctx, ctx.cell(row, kActiveFrom), r.unit.active_from) && ok;
    }
    if (ctx.has(kActiveTo)) ok = read_year(ctx, ctx.cell(row, kActiveTo), r.unit.active_to) && ok;
    if (!ok) return std::nullopt;
    return r;
}

/// The checks across rows, on parents and years as they will be after the update: a column
/// absent from the file keeps the stored value.
void check_update(const UnitsUpdate& update, const std::vector<UnitInfo>& stored,
                  const std::map<std::string, core::Span>& first_row, const std::vector<core::Span>& parent_spans,
                  const std::vector<core::Span>& from_spans, core::FileId file, csv::ErrorBudget& budget) {
    std::unordered_map<std::string, const UnitInfo*> stored_by_id;
    for (const UnitInfo& s : stored) stored_by_id.emplace(s.id, &s);
    std::unordered_map<std::string, std::optional<std::string>> parent_of;
    for (const UnitInfo& s : stored) parent_of[s.id] = s.parent;
    for (const UnitInfo& u : update.units) {
        auto it = stored_by_id.find(u.id);
        parent_of[u.id] = update.has_parent || it == stored_by_id.end() ? u.parent : it->second->parent;
    }
    const std::unordered_set<std::string> cyclic = units_on_cycles(parent_of);
    for (std::size_t i = 0; i < update.units.size(); ++i) {
        const UnitInfo& u = update.units[i];
        auto it = stored_by_id.find(u.id);
        const UnitInfo* old = it == stored_by_id.end() ? nullptr : it->second;
        const std::optional<int> from = update.has_active_from || !old ? u.active_from : old->active_from;
        const std::optional<int> to = update.has_active_to || !old ? u.active_to : old->active_to;
        if (from && to && *from > *to) {
            budget.error(csv::kYearsReversed, from_spans[i].end ? from_spans[i] : core::Span{file, 0, 0},
                         core::T_("unit {unit} would be active from {from} to {to}", {{"unit", "'" + u.id + "'"},
                                                                                      {"from", std::to_string(*from)},
                                                                                      {"to", std::to_string(*to)}}));
        }
        if (!update.has_parent || !u.parent) continue;
        if (!parent_of.count(*u.parent) && !first_row.count(*u.parent)) {  // a row with an error still names its unit
            budget.error(csv::kUnknownParent, parent_spans[i],
                         core::T_("parent {parent} is neither in this file nor stored",
                                  {{"parent", "'" + *u.parent + "'"}}));
            continue;
        }
        if (cyclic.count(u.id)) {
            budget.error(csv::kParentCycle, parent_spans[i],
                         core::T_("parent {parent} makes a cycle through {unit}",
                                  {{"parent", "'" + *u.parent + "'"}, {"unit", "'" + u.id + "'"}}));
        }
    }
}

}  // namespace

std::optional<UnitsUpdate> read_units_csv(const core::SourceSet& sources, core::FileId file,
                                          const std::vector<UnitInfo>& stored, core::Diagnostics& diags) {
    core::CsvReader reader(sources, file);
    std::vector<core::CsvCell> row;
    const std::size_t errors_before = diags.error_count();
    const std::optional<std::vector<int>> col = read_header(reader, row, sources, file, diags);
    if (!col) return std::nullopt;

    UnitsUpdate update;
    update.has_parent = (*col)[kParent] >= 0;
    update.has_active_from = (*col)[kActiveFrom] >= 0;
    update.has_active_to = (*col)[kActiveTo] >= 0;
    csv::ErrorBudget budget(diags);
    std::map<std::string, core::Span> first_row;
    std::vector<core::Span> parent_spans, from_spans;
    const std::size_t columns = row.size();
    const RowContext ctx{file, *col, budget, first_row};

    std::size_t rows = 0;
    while (reader.next_row(row, diags) && !budget.exhausted()) {
        const std::uint32_t offset = reader.row_offset();
        if (++rows > kMaxUnitsPerImport) {
            budget.error(csv::kTooManyUnits, core::Span{file, offset, offset + 1},
                         core::T_("a units file holds at most {n} units; the rest of the file was not read",
                                  {{"n", std::to_string(kMaxUnitsPerImport)}}));
            break;
        }
        if (row.size() != columns) {
            budget.error(csv::kCellCount, core::Span{file, offset, offset + 1},
                         core::T_("row has {cells} cells; the header has {columns}",
                                  {{"cells", std::to_string(row.size())}, {"columns", std::to_string(columns)}}));
            continue;
        }
        std::optional<UnitRow> r = read_unit_row(ctx, row);
        if (!r) continue;
        update.units.push_back(std::move(r->unit));
        parent_spans.push_back(r->parent_span);
        from_spans.push_back(r->from_span);
    }
    // Errors in rows do not stop the checks across rows (parents, cycles, years), so one run
    // shows every problem of the file. A file not read to its end (a syntax error, too many
    // errors or units) stops here: the rows not read would make those checks report false ones.
    const bool read_to_end = !budget.exhausted() && rows <= kMaxUnitsPerImport &&
                             diags.error_count() - errors_before == budget.count();
    if (!read_to_end) return std::nullopt;

    check_update(update, stored, first_row, parent_spans, from_spans, file, budget);
    if (budget.any() || diags.error_count() != errors_before) return std::nullopt;
    return update;
}

}  // namespace parscore::inspections
