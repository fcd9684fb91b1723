// Sections IV and V of the yearly report: the self-assessments the inspections contradicted, and
// the bands per category against the year before.
#include <algorithm>
#include <map>

#include "draft_parts.hpp"

namespace parscore::engine::yearly::detail {

namespace {

/// One unit's overstatement on the criteria the inspections checked.
struct Overstatement {
    std::string unit, name;
    Decimal points;
    std::size_t criteria = 0;
};

std::vector<Overstatement> overstatements(const GapReport& gap) {
    std::map<std::string, Overstatement> by_unit;
    for (const GapRow& row : gap.rows) {
        if (!row.gap || *row.gap <= Decimal{}) continue;  // only overstatements
        Overstatement& o = by_unit[row.unit];
        o.unit = row.unit;
        o.name = row.name.empty() ? row.unit : row.name;
        o.points = Decimal::add(o.points, *row.gap).value_or(o.points);
        ++o.criteria;
    }
    std::vector<Overstatement> out;
    for (auto& [unit, o] : by_unit) out.push_back(std::move(o));
    std::stable_sort(out.begin(), out.end(), [](const Overstatement& a, const Overstatement& b) {
        return a.points != b.points ? a.points > b.points : a.unit < b.unit;
    });
    return out;
}

std::size_t band_count(const Evaluation& e, const std::string& category, int band) {
    return static_cast<std::size_t>(std::count_if(e.units.begin(), e.units.end(), [&](const UnitResult& u) {
        return u.category == category && u.band == band;
    }));
}

std::vector<const UnitResult*> ranked(const Evaluation& e, const std::string& category) {
    std::vector<const UnitResult*> out;
    for (const UnitResult& u : e.units) {
        if (u.category == category && u.rank && u.total) out.push_back(&u);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const UnitResult* a, const UnitResult* b) { return *a->rank < *b->rank; });
    return out;
}

std::string named_total(Language lang, const UnitResult& u) {
    return i18n::tr(lang, "{name} ({total} points)", {{"name", shown_name(u)}, {"total", points(lang, *u.total)}});
}

/// "Against 2012: Hoàn thành tốt nhiệm vụ 5 → 7; …", or that there is nothing to compare with.
std::string movement(const YearFigures& figures, const std::string& category, Language lang) {
    const rules::Rulebook& rb = figures.rulebook;
    const std::string before_year = std::to_string(figures.evaluation.year - 1);
    if (!figures.previous) {
        return i18n::tr(lang, "There is no published result for {year} to compare with.", {{"year", before_year}});
    }
    const auto it = figures.previous->bands.find(category);
    std::vector<std::string> pieces;
    for (std::size_t b = 0; b < rb.bands.size(); ++b) {
        std::size_t before = 0;
        if (it != figures.previous->bands.end()) {
            auto found = it->second.find(rb.bands[b].id);
            if (found != it->second.end()) before = found->second;
        }
        const std::size_t now = band_count(figures.evaluation, category, static_cast<int>(b));
        pieces.push_back(rb.bands[b].label + " " + count(lang, before) + " → " + count(lang, now));
    }
    return i18n::tr(lang, "Against {year}: {changes}.", {{"year", before_year}, {"changes", joined(pieces)}});
}

}  // namespace

std::vector<Block> self_assessment_section(const YearFigures& figures, Language lang) {
    std::vector<Block> out;
    const std::string year = std::to_string(figures.evaluation.year);
    if (!figures.gap) {
        out.push_back(body(i18n::tr(lang,
                                    "No unit handed in a self-assessment for {year}: none can be compared with "
                                    "the inspections.",
                                    {{"year", year}})));
        return out;
    }
    const std::vector<Overstatement> over = overstatements(*figures.gap);
    if (over.empty()) {
        out.push_back(body(i18n::tr(lang,
                                    "No unit rated itself above what the inspections found on the criteria they "
                                    "checked.")));
        return out;
    }
    out.push_back(body(i18n::tr(lang,
                                "{n} of {units} units rated themselves above what the inspections found on at "
                                "least one criterion they checked. The largest overstatements:",
                                {{"n", count(lang, over.size())}, {"units", count(lang, figures.gap->units.size())}})));
    for (std::size_t i = 0; i < over.size() && i < 5; ++i) {
        out.push_back(bullet(i18n::trn(lang, "{name}: {points} points above on {n} criterion.",
                                       "{name}: {points} points above on {n} criteria.", over[i].criteria,
                                       {{"name", over[i].name}, {"points", points(lang, over[i].points)}})));
    }
    out.push_back(note(i18n::tr(lang,
                                "Criteria the inspections did not check are left out: a self-assessment there is "
                                "neither confirmed nor contradicted.")));
    return out;
}

std::vector<Block> bands_section(const YearFigures& figures, Language lang) {
    const rules::Rulebook& rb = figures.rulebook;
    std::vector<Block> out;
    for (std::size_t c = 0; c < rb.units.size(); ++c) {
        const std::string& category = rb.units[c];
        std::size_t units = 0, incomplete = 0;
        for (const UnitResult& u : figures.evaluation.units) {
            if (u.category != category) continue;
            ++units;
            if (u.band < 0) ++incomplete;
        }
        if (units == 0) continue;
        out.push_back(paragraph(ParagraphStyle::Heading2, std::to_string(c + 1) + ". " + rb.unit_labels[c]));
        std::vector<std::string> pieces;
        for (std::size_t b = 0; b < rb.bands.size(); ++b)
            pieces.push_back(rb.bands[b].label + ": " +
                             count(lang, band_count(figures.evaluation, category, static_cast<int>(b))));
        if (incomplete > 0)
            pieces.push_back(i18n::trn(lang, "{n} unit without a total for missing figures",
                                       "{n} units without a total for missing figures", incomplete));
        out.push_back(body(i18n::trn(lang, "{n} unit evaluated: {bands}.", "{n} units evaluated: {bands}.", units,
                                     {{"bands", joined(pieces)}})));
        const std::vector<const UnitResult*> order = ranked(figures.evaluation, category);
        if (!order.empty()) {
            out.push_back(body(
                i18n::tr(lang, "Highest: {first}; lowest: {last}.",
                         {{"first", named_total(lang, *order.front())}, {"last", named_total(lang, *order.back())}})));
        }
        out.push_back(body(movement(figures, category, lang)));
    }
    return out;
}

}  // namespace parscore::engine::yearly::detail
