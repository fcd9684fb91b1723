// The terminal tables of `score` and `rank`.
#include "parscore/core/plural.hpp"
#include "parscore/core/text_table.hpp"
#include "parscore/output/display.hpp"
#include "parscore/reports/report.hpp"

namespace parscore::engine {

namespace {

using core::TextTable;
using Align = TextTable::Align;

std::string signed_change(const std::optional<int>& c) {
    if (!c) return "";
    return *c > 0 ? "+" + std::to_string(*c) : std::to_string(*c);
}

std::string band_name(const rules::Rulebook& rb, const UnitResult& u) {
    if (!u.complete) return "incomplete";
    return display::band(rb, u.band);
}

}  // namespace

std::string render_table(const rules::Rulebook& rb, const Evaluation& e, bool ranking) {
    std::string out;
    std::vector<const UnitResult*> incomplete;
    std::size_t i = 0;
    while (i < e.units.size()) {
        const std::string& category = e.units[i].category;
        std::size_t count = 0;
        TextTable table = ranking ? TextTable({"rank", "unit", "name", "total", "band", "change"},
                                              {Align::Right, Align::Left, Align::Left, Align::Right, Align::Left,
                                               Align::Right})
                                  : TextTable({"unit", "name", "points", "max", "total", "band", "rank"},
                                              {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right,
                                               Align::Left, Align::Right});
        for (; i < e.units.size() && e.units[i].category == category; ++i, ++count) {
            const UnitResult& u = e.units[i];
            if (!u.complete) incomplete.push_back(&u);
            std::string rank = u.rank ? std::to_string(*u.rank) : "-";
            if (ranking) {
                table.add_row(
                    {rank, u.id, u.name, display::total(u.total, "-"), band_name(rb, u), signed_change(u.rank_change)});
            } else {
                table.add_row({u.id, u.name, display::points(u.points, "-"), display::points(u.max),
                               display::total(u.total, "-"), band_name(rb, u), rank});
            }
        }
        if (!out.empty()) out += "\n";
        out += rb.category_label(category) + " (" + core::count_of(count, "unit") + ")\n";
        out += table.render();
    }
    if (e.units.empty()) out += "no units\n";
    for (const UnitResult* u : incomplete) out += "incomplete: " + u->id + ": " + u->reason + "\n";
    return out;
}

}  // namespace parscore::engine
