// gap --format json|csv|table.
#include "parscore/analyses/gap.hpp"
#include "parscore/core/text_table.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/csv_cells.hpp"
#include "parscore/output/display.hpp"
#include "parscore/output/json_writer.hpp"
#include "parscore/output/terms.hpp"

namespace parscore::engine {

namespace {

using terms::kMax;
using terms::kName;
using terms::kUnit;
constexpr i18n::Message kCriterion = i18n::NC_("gap table", "criterion");
constexpr i18n::Message kTitle = i18n::NC_("gap table", "title");
constexpr i18n::Message kSelf = i18n::NC_("gap table", "self");
constexpr i18n::Message kInspected = i18n::NC_("gap table", "inspected");
constexpr i18n::Message kGap = i18n::NC_("gap table", "gap");
constexpr i18n::Message kCategory = i18n::NC_("gap table", "category");

void optional_decimal(JsonWriter& w, std::string_view key, const std::optional<Decimal>& d) {
    if (d) w.field(key, *d);
    else w.null_field(key);
}

}  // namespace

std::string render_gap_json(const GapReport& r) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("rulebook")
        .begin_object()
        .field("id", r.rulebook_id)
        .field("version", r.rulebook_version)
        .field("sha256", r.rulebook_sha256)
        .end_object();
    w.field("year", r.year);
    write_warnings(w, r.warnings);
    w.key("criteria").begin_array();
    for (const GapRow& row : r.rows) {
        w.begin_object().field("unit", row.unit).field("name", row.name).field("category", row.category);
        w.field("criterion", row.criterion_id).field("max", row.max);
        w.field("self", row.self).field("inspected", row.inspected);
        optional_decimal(w, "gap", row.gap);
        w.field("self_status", status_name(row.self_status))
            .field("inspected_status", status_name(row.inspected_status));
        w.end_object();
    }
    w.end_array();
    w.key("units").begin_array();
    for (const UnitGap& u : r.units) {
        w.begin_object().field("unit", u.unit).field("name", u.name).field("category", u.category);
        optional_decimal(w, "self_total", u.self_total);
        optional_decimal(w, "inspected_total", u.inspected_total);
        optional_decimal(w, "gap", u.gap);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
    return out;
}

std::string render_gap_csv(const GapReport& r, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    out += "unit,name,category,criterion,max,self,inspected,gap,self_status,inspected_status\n";
    for (const GapRow& row : r.rows) {
        csv::text(out, row.unit, true);
        csv::text(out, row.name);
        csv::text(out, row.category);
        csv::text(out, row.criterion_id);
        csv::number(out, row.max);
        csv::number(out, row.self);
        csv::number(out, row.inspected);
        csv::number(out, row.gap);
        csv::cell(out, status_name(row.self_status), false);
        csv::cell(out, status_name(row.inspected_status), false);
        out += '\n';
    }
    return out;
}

std::string render_gap_table(const rules::Rulebook& rb, const GapReport& r, i18n::Language lang) {
    using core::TextTable;
    using Align = TextTable::Align;
    auto h = [lang](const i18n::Message& m) { return i18n::tr(lang, m); };
    auto number = [lang](const std::string& plain) { return i18n::localize_number(lang, plain); };
    std::string out;
    TextTable rows({h(kUnit), h(kName), h(kCriterion), h(kTitle), h(kMax), h(kSelf), h(kInspected), h(kGap)},
                   {Align::Left, Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right,
                    Align::Right});
    for (const GapRow& row : r.rows) {
        const rules::Criterion* c = rb.criterion(row.criterion_id);
        // Overstatements read "+2", understatements "-1.5", agreement "0".
        rows.add_row({row.unit, row.name, row.criterion_id, c ? c->title : "", number(display::points(row.max)),
                      number(display::points(row.self)), number(display::points(row.inspected)),
                      row.gap ? number(display::signed_points(*row.gap)) : i18n::trc(lang, "gap", "unchecked")});
    }
    out += i18n::tr(lang,
                    "criteria: self-assessed − inspected points, overstatements first; unchecked: the inspections "
                    "did not check it") +
           "\n";
    out += r.rows.empty() ? i18n::tr(lang, "no criterion is scored under both bases") + "\n" : rows.render();

    TextTable units({h(kUnit), h(kName), h(kCategory), h(kSelf), h(kInspected), h(kGap)},
                    {Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right});
    for (const UnitGap& u : r.units) {
        units.add_row({u.unit, u.name, rb.category_label(u.category), number(display::total(u.self_total, "-")),
                       number(display::total(u.inspected_total, "-")),
                       u.gap ? number(display::signed_total(*u.gap)) : "-"});
    }
    out += "\n" + i18n::tr(lang, "totals: self-assessed − inspected") + "\n";
    out += r.units.empty() ? i18n::tr(lang, "no units") + "\n" : units.render();
    return out;
}

}  // namespace parscore::engine
