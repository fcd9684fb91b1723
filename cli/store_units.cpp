// units list: today's units and their attributes.
#include <CLI/CLI.hpp>

#include "parscore/app/format.hpp"
#include "parscore/app/units.hpp"
#include "parscore/i18n/translate.hpp"
#include "shared.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;
using i18n::NC_;

/// One attribute as printed: text, a year, or nothing.
struct Cell {
    std::optional<std::string> text;
    bool number = false;
};

std::vector<Cell> unit_cells(const ins::UnitInfo& u) {
    auto year = [](const std::optional<int>& y) {
        return Cell{y ? std::optional(std::to_string(*y)) : std::nullopt, true};
    };
    return {Cell{u.id}, Cell{u.name}, Cell{u.category}, Cell{u.parent}, year(u.active_from), year(u.active_to)};
}

const std::vector<std::string> kColumns = {"id", "name", "category", "parent", "active_from", "active_to"};
// The table's heads: the English ones are the JSON keys and CSV columns above.
constexpr i18n::Message kTableColumns[] = {NC_("units list", "id"),          NC_("units list", "name"),
                                           NC_("units list", "category"),    NC_("units list", "parent"),
                                           NC_("units list", "active_from"), NC_("units list", "active_to")};

std::string as_json(const std::vector<ins::UnitInfo>& units) {
    std::string out = "[";
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::vector<Cell> cells = unit_cells(units[i]);
        out += i ? ",\n  {" : "\n  {";
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const Cell& cell = cells[c];
            out += (c ? ", " : "") + json_string(kColumns[c]) + ": " +
                   (!cell.text    ? std::string("null")
                    : cell.number ? *cell.text
                                  : json_string(*cell.text));
        }
        out += "}";
    }
    return out + (units.empty() ? "]\n" : "\n]\n");
}

std::string as_csv(const std::vector<ins::UnitInfo>& units) {
    std::string out;
    for (std::size_t c = 0; c < kColumns.size(); ++c) out += (c ? "," : "") + kColumns[c];
    out += "\n";
    for (const ins::UnitInfo& u : units) {
        const std::vector<Cell> cells = unit_cells(u);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            out += (c ? "," : "") + (cells[c].text ? csv_cell(*cells[c].text, cells[c].number) : std::string());
        }
        out += "\n";
    }
    return out;
}

std::string as_table(i18n::Language lang, const std::vector<ins::UnitInfo>& units) {
    std::vector<std::vector<std::string>> rows;
    for (const ins::UnitInfo& u : units) {
        std::vector<std::string> row;
        for (const Cell& cell : unit_cells(u)) row.push_back(cell.text.value_or("—"));
        rows.push_back(std::move(row));
    }
    std::vector<std::string> header;
    for (const i18n::Message& column : kTableColumns) header.push_back(i18n::tr(lang, column));
    return format_table(header, rows);
}

void list_units(Context& ctx, app::Format format) {
    const std::vector<ins::UnitInfo> units = app::list_units(ctx.request<app::UnitsListRequest>());
    switch (format) {
        case app::Format::Json: ctx.out << as_json(units); break;
        case app::Format::Csv: ctx.out << as_csv(units); break;
        default: ctx.out << as_table(ctx.lang, units); break;
    }
}

}  // namespace

void add_units_list_command(CLI::App& units, Context& ctx) {
    auto& format = ctx.own<app::Format>();
    CLI::App* list = units.add_subcommand("list", i18n::tr(ctx.lang, "List the units with their attributes, by id"));
    add_format_option(list, format, {app::Format::Table, app::Format::Csv, app::Format::Json});
    list->callback([&ctx, &format] { list_units(ctx, format); });
}

}  // namespace parscore::cli::store
