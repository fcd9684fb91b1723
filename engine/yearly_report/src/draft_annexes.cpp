// The yearly report's annexes: the ranking per category (Annex I) and the points of every unit
// per criterion, one table per group of criteria on landscape pages (Annex II).
#include "draft_parts.hpp"

namespace parscore::engine::yearly::detail {

namespace {

/// The evaluation's units of `category`, in the evaluation's (rank) order.
std::vector<const UnitResult*> units_of(const Evaluation& e, const std::string& category) {
    std::vector<const UnitResult*> out;
    for (const UnitResult& u : e.units) {
        if (u.category == category) out.push_back(&u);
    }
    return out;
}

std::string change_text(Language lang, const UnitResult& u) {
    if (!u.rank_change) return "–";
    const int c = *u.rank_change;
    return (c > 0 ? "+" : "") + i18n::format_integer(lang, c);
}

std::string criterion_cell(Language lang, const CriterionResult& c) {
    switch (c.status) {
        case CriterionStatus::Exempt: return i18n::trc(lang, "criterion cell", "exempt");
        case CriterionStatus::Error: return i18n::trc(lang, "criterion cell", "error");
        case CriterionStatus::Missing:
        case CriterionStatus::Scored: break;
    }
    return c.points ? points(lang, *c.points) : "–";
}

}  // namespace

Annex ranking_annex(const YearFigures& figures, Language lang, const std::string& attached_to) {
    const rules::Rulebook& rb = figures.rulebook;
    Annex annex;
    annex.heading = i18n::tr(lang, "Annex I");
    annex.title = i18n::tr(lang, "RANKING OF UNITS IN {year}", {{"year", std::to_string(figures.evaluation.year)}});
    annex.subtitle = attached_to;
    Table table;
    table.columns = {{i18n::tr(lang, "Rank"), 1.1, Align::Center},
                     {i18n::tr(lang, "Unit"), 5, Align::Left},
                     {i18n::tr(lang, "Total"), 1.3, Align::Right},
                     {i18n::tr(lang, "Band"), 4.2, Align::Left},
                     {i18n::tr(lang, "Change of rank"), 1.4, Align::Center}};
    for (std::size_t c = 0; c < rb.units.size(); ++c) {
        const std::vector<const UnitResult*> units = units_of(figures.evaluation, rb.units[c]);
        if (units.empty()) continue;
        table.rows.push_back({{rb.unit_labels[c], "", "", "", ""}, true, false});
        for (const UnitResult* u : units) {
            const bool ranked = u->rank && u->total;
            table.rows.push_back(
                {{ranked ? std::to_string(*u->rank) : "–", shown_name(*u), ranked ? points(lang, *u->total) : "–",
                  u->band >= 0 ? rb.bands[static_cast<std::size_t>(u->band)].label
                               : i18n::tr(lang, "no total: figures missing"),
                  change_text(lang, *u)},
                 false,
                 false});
        }
    }
    annex.blocks.emplace_back(std::in_place_type<Table>, std::move(table));
    return annex;
}

Annex criteria_annex(const YearFigures& figures, Language lang, const std::string& attached_to) {
    const rules::Rulebook& rb = figures.rulebook;
    Annex annex;
    annex.heading = i18n::tr(lang, "Annex II");
    annex.title = i18n::tr(lang, "POINTS PER CRITERION IN {year}", {{"year", std::to_string(figures.evaluation.year)}});
    annex.subtitle = attached_to;
    annex.landscape = true;
    std::size_t first = 0;  // the group's first criterion in rulebook order
    for (std::size_t g = 0; g < rb.groups.size(); ++g) {
        const rules::Group& group = rb.groups[g];
        Table table;
        table.caption = std::to_string(g + 1) + ". " + group.title;
        table.columns.push_back({i18n::tr(lang, "Unit"), 3.2, Align::Left});
        for (const rules::Criterion& c : group.criteria) {
            table.columns.push_back(
                {i18n::tr(lang, "{title} (max {max})",
                          {{"title", c.title}, {"max", i18n::localize_number(lang, c.max.to_string())}}),
                 1.4, Align::Right});
        }
        table.columns.push_back({i18n::tr(lang, "Group"), 1.1, Align::Right});
        for (std::size_t cat = 0; cat < rb.units.size(); ++cat) {
            const std::vector<const UnitResult*> units = units_of(figures.evaluation, rb.units[cat]);
            if (units.empty()) continue;
            TableRow heading{{rb.unit_labels[cat]}, true, false};
            heading.cells.resize(table.columns.size());
            table.rows.push_back(std::move(heading));
            for (const UnitResult* u : units) {
                TableRow row;
                row.cells.push_back(shown_name(*u));
                for (std::size_t i = 0; i < group.criteria.size(); ++i) {
                    const std::size_t at = first + i;
                    row.cells.push_back(at < u->criteria.size() ? criterion_cell(lang, u->criteria[at]) : "–");
                }
                const bool has_group = g < u->groups.size() && u->groups[g].points;
                row.cells.push_back(has_group ? points(lang, *u->groups[g].points) : "–");
                table.rows.push_back(std::move(row));
            }
        }
        annex.blocks.emplace_back(std::in_place_type<Table>, std::move(table));
        first += group.criteria.size();
    }
    return annex;
}

}  // namespace parscore::engine::yearly::detail
