// score/rank --format csv (SPEC §7): RFC 4180, LF line ends, one header row, formula-safe text.
#include "csv_cells.hpp"
#include "parscore/engine/report.hpp"

namespace parscore::engine {

namespace {

// A text cell a spreadsheet would read as a formula gets a leading apostrophe.
std::string safe_text(const std::string& s) {
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) {
        return "'" + s;
    }
    return s;
}

std::string opt(const std::optional<Decimal>& d) { return d ? d->to_string() : ""; }

}  // namespace

std::string csv_text_cell(const std::string& text) { return safe_text(text); }

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
    std::string q = "\"";
    for (char c : value) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string render_csv(const rules::Rulebook& rb, const Evaluation& e, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    std::vector<std::string> header = {"rank", "unit", "name", "category", "total", "band", "status"};
    for (const auto& g : rb.groups) {
        for (const auto& c : g.criteria) header.push_back(c.id);
    }
    for (std::size_t i = 0; i < header.size(); ++i) csv::cell(out, safe_text(header[i]), i == 0);
    out += '\n';
    for (const UnitResult& u : e.units) {
        csv::cell(out, u.rank ? std::to_string(*u.rank) : "", true);
        csv::cell(out, safe_text(u.id), false);
        csv::cell(out, safe_text(u.name), false);
        csv::cell(out, safe_text(u.category), false);
        csv::cell(out, opt(u.total), false);
        csv::cell(out, u.complete ? rb.bands[static_cast<std::size_t>(u.band)].id : "", false);
        csv::cell(out, u.complete ? "complete" : "incomplete", false);
        for (const CriterionResult& c : u.criteria) csv::cell(out, opt(c.points), false);
        out += '\n';
    }
    return out;
}

}  // namespace parscore::engine
