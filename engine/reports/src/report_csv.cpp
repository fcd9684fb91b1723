// score/rank --format csv (docs/reference/outputs.md): RFC 4180, LF line ends, one header row, formula-safe text.
#include "parscore/output/csv_cells.hpp"
#include "parscore/reports/report.hpp"

namespace parscore::engine {

namespace {

std::string opt(const std::optional<Decimal>& d) { return d ? d->to_string() : ""; }

}  // namespace

std::string render_csv(const rules::Rulebook& rb, const Evaluation& e, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    std::vector<std::string> header = {"rank", "unit", "name", "category", "total", "band", "status"};
    for (const auto& g : rb.groups) {
        for (const auto& c : g.criteria) header.push_back(c.id);
    }
    for (std::size_t i = 0; i < header.size(); ++i) csv::cell(out, csv_text_cell(header[i]), i == 0);
    out += '\n';
    for (const UnitResult& u : e.units) {
        csv::cell(out, u.rank ? std::to_string(*u.rank) : "", true);
        csv::cell(out, csv_text_cell(u.id), false);
        csv::cell(out, csv_text_cell(u.name), false);
        csv::cell(out, csv_text_cell(u.category), false);
        csv::cell(out, opt(u.total), false);
        csv::cell(out, u.complete ? rb.bands[static_cast<std::size_t>(u.band)].id : "", false);
        csv::cell(out, u.complete ? "complete" : "incomplete", false);
        for (const CriterionResult& c : u.criteria) csv::cell(out, opt(c.points), false);
        out += '\n';
    }
    return out;
}

}  // namespace parscore::engine
