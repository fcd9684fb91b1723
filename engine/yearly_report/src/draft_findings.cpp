// Sections I to III of the yearly report: the inspections carried out, the rulebook's indicators
// as the province states them, and the violations the deductions found.
#include <algorithm>
#include <map>
#include <set>

#include "draft_parts.hpp"

namespace parscore::engine::yearly::detail {

namespace {

using inspections::InspectionKind;

std::string kind_piece(Language lang, InspectionKind kind, std::size_t n) {
    switch (kind) {
        case InspectionKind::Surprise: return i18n::trn(lang, "{n} surprise inspection", "{n} surprise inspections", n);
        case InspectionKind::Scheduled:
            return i18n::trn(lang, "{n} scheduled inspection", "{n} scheduled inspections", n);
        case InspectionKind::Thematic: return i18n::trn(lang, "{n} thematic inspection", "{n} thematic inspections", n);
        case InspectionKind::Other:
            return i18n::trn(lang, "{n} case from the press or complaints", "{n} cases from the press or complaints",
                             n);
        case InspectionKind::Self: break;
    }
    return {};
}

/// "8/19", "44,7% (447/1000)", "691": one set of figures; nullopt when no unit has a value.
std::optional<std::string> figure(const IndicatorSummary& indicator, const IndicatorFigures& f, Language lang) {
    if (f.with_value == 0) return std::nullopt;
    switch (indicator.type) {
        case IndicatorType::Bool: return count(lang, f.holds) + "/" + count(lang, f.with_value);
        case IndicatorType::Ratio:
            if (!f.ratio || !f.of_sum || !f.over_sum) return std::nullopt;
            return i18n::format_percent(lang, *f.ratio, 1) + " (" + i18n::localize_number(lang, f.of_sum->to_string()) +
                   "/" + i18n::localize_number(lang, f.over_sum->to_string()) + ")";
        case IndicatorType::Int:
        case IndicatorType::Number:
            if (indicator.percent) return f.mean ? std::optional(i18n::format_percent(lang, *f.mean, 1)) : std::nullopt;
            return f.sum ? std::optional(i18n::localize_number(lang, f.sum->to_string())) : std::nullopt;
    }
    return std::nullopt;
}

/// "Khối sở, ban, ngành 8/19 (2 units without figures)" or "… no figures".
std::string category_piece(const IndicatorSummary& indicator, const IndicatorFigures& f, Language lang) {
    const std::optional<std::string> value = figure(indicator, f, lang);
    if (!value) return i18n::tr(lang, "{category}: no figures", {{"category", f.label}});
    std::string piece = f.label + " " + *value;
    if (f.no_value > 0)
        piece += " " + i18n::trn(lang, "({n} unit without figures)", "({n} units without figures)", f.no_value);
    return piece;
}

}  // namespace

std::vector<Block> inspections_section(const YearFigures& figures, Language lang) {
    const std::string year = std::to_string(figures.evaluation.year);
    std::map<InspectionKind, std::size_t> by_kind;
    std::set<std::string> inspected_units, self_units;
    std::map<std::string_view, std::string_view> names;  // units the evaluation does not cover show their id
    for (const UnitResult& u : figures.evaluation.units) names.emplace(u.id, shown_name(u));
    std::vector<std::string> surprise;
    std::vector<const inspections::InspectionSummary*> by_date;
    for (const auto& i : figures.inspections) by_date.push_back(&i);
    std::stable_sort(by_date.begin(), by_date.end(), [](const auto* a, const auto* b) { return a->date < b->date; });
    for (const auto* p : by_date) {
        const inspections::InspectionSummary& i = *p;
        if (i.kind == InspectionKind::Self) {
            self_units.insert(i.unit);
            continue;
        }
        ++by_kind[i.kind];
        inspected_units.insert(i.unit);
        if (i.kind == InspectionKind::Surprise) {
            const auto name = names.find(i.unit);
            surprise.push_back(std::string(name == names.end() ? std::string_view(i.unit) : name->second) + " (" +
                               i18n::format_date(lang, i.date) + ")");
        }
    }
    std::vector<Block> out;
    std::size_t total = 0;
    std::vector<std::string> pieces;
    for (const auto& [kind, n] : by_kind) {
        total += n;
        pieces.push_back(kind_piece(lang, kind, n));
    }
    if (total == 0) {
        out.push_back(body(i18n::tr(lang, "No inspection was recorded for {year}.", {{"year", year}})));
    } else {
        out.push_back(body(
            i18n::trn(lang, "In {year}, {n} inspection was carried out at {units} units: {kinds}.",
                      "In {year}, {n} inspections were carried out at {units} units: {kinds}.", total,
                      {{"year", year}, {"units", count(lang, inspected_units.size())}, {"kinds", joined(pieces)}})));
    }
    if (!surprise.empty())
        out.push_back(body(i18n::tr(lang, "Surprise inspections were made at: {list}.", {{"list", joined(surprise)}})));
    if (self_units.empty()) {
        out.push_back(body(i18n::tr(lang, "No unit handed in a self-assessment for {year}.", {{"year", year}})));
    } else {
        out.push_back(body(i18n::trn(lang, "{n} unit handed in its self-assessment.",
                                     "{n} units handed in their self-assessment.", self_units.size())));
    }
    return out;
}

std::vector<Block> indicators_section(const YearFigures& figures, Language lang) {
    std::vector<Block> out;
    if (figures.summary.indicators.empty()) {
        out.push_back(body(i18n::tr(lang, "The rulebook defines no indicator to report.")));
        return out;
    }
    out.push_back(body(i18n::tr(lang, "The main figures of the year, from the inspections and self-assessments:")));
    for (const IndicatorSummary& indicator : figures.summary.indicators) {
        const std::optional<std::string> overall = figure(indicator, indicator.overall, lang);
        if (!overall) {
            out.push_back(bullet(i18n::tr(lang, "{title}: no figures were recorded.", {{"title", indicator.title}})));
            continue;
        }
        std::vector<std::string> pieces;
        for (const IndicatorFigures& f : indicator.categories) pieces.push_back(category_piece(indicator, f, lang));
        out.push_back(
            bullet(i18n::tr(lang, "{title}: {categories}; province-wide {overall}.",
                            {{"title", indicator.title}, {"categories", joined(pieces)}, {"overall", *overall}})));
    }
    return out;
}

std::vector<Block> violations_section(const YearFigures& figures, Language lang) {
    const rules::Rulebook& rb = figures.rulebook;
    std::vector<Block> out;
    bool any = false;
    for (std::size_t d = 0; d < rb.deductions.size(); ++d) {
        std::vector<std::string> units;
        std::size_t missing = 0;
        Decimal sum;
        for (const UnitResult& u : figures.evaluation.units) {
            if (d >= u.deductions.size()) continue;
            if (u.deductions[d].missing) ++missing;
            if (u.deductions[d].points.is_zero()) continue;
            units.push_back(shown_name(u));
            sum = Decimal::add(sum, u.deductions[d].points).value_or(sum);  // a sum past 10^18 is not a real case
        }
        if (units.empty()) continue;
        if (!any)
            out.push_back(body(i18n::tr(lang,
                                        "Violations found by inspections, the press and complaints, and "
                                        "the points deducted for them:")));
        any = true;
        std::string line = i18n::trn(lang, "{title}: {n} unit, {points} points deducted in all ({names})",
                                     "{title}: {n} units, {points} points deducted in all ({names})", units.size(),
                                     {{"title", rb.deductions[d].title},
                                      {"points", points(lang, sum)},
                                      {"names", names(lang, units)}});
        if (missing > 0)
            line += "; " + i18n::trn(lang, "{n} unit without figures", "{n} units without figures", missing);
        out.push_back(bullet(line + "."));
    }
    if (!any) {
        out.push_back(body(i18n::tr(lang, "No violation that takes points off was found in {year}.",
                                    {{"year", std::to_string(figures.evaluation.year)}})));
    }
    for (std::size_t c = 0; c < rb.band_caps.size(); ++c) {
        std::vector<std::string> units;
        for (const UnitResult& u : figures.evaluation.units) {
            for (const CapResult& cap : u.caps) {
                if (cap.cap == c) units.push_back(shown_name(u));
            }
        }
        if (units.empty()) continue;
        out.push_back(bullet(i18n::tr(lang, "{title} (the band is limited): {names}.",
                                      {{"title", rb.band_caps[c].title}, {"names", names(lang, units)}})));
    }
    return out;
}

}  // namespace parscore::engine::yearly::detail
