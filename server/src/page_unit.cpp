// A unit's page (docs/web.md): its score for a year and every criterion explained — the arm that
// matched, the values that decided it, the records behind it and the inspections they came from —
// its inspections that year, and its totals and bands over the years with an adopted rulebook.
#include <set>

#include "api_results.hpp"
#include "pages.hpp"
#include "parscore/analyses/explain.hpp"
#include "parscore/analyses/explain_words.hpp"
#include "parscore/app/adoption.hpp"
#include "parscore/app/inspections.hpp"
#include "parscore/app/store.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/output/terms.hpp"

namespace parscore::server {

namespace {

using i18n::tr;
namespace words = engine::explain_words;

web::Data explained_item(const rules::Rulebook& rulebook, i18n::Language lang, const engine::ExplainedItem& item) {
    web::Data out;
    out.set("id", item.id);
    out.set("title", item.title.empty() ? item.id : item.title);
    out.set("line", words::item_line(rulebook, lang, item));
    out.set("status_class", "status-" + (item.status.empty() ? std::string("none") : item.status.substr(0, 4)));
    web::List values;
    for (const engine::ExplainedValue& v : item.values) {
        web::Data row;
        row.set("text", v.expression + " = " + v.value);
        values.push_back(row);
    }
    for (const engine::ExplainedSteps& s : item.steps) {
        web::Data row;
        row.set("text", tr(lang, "steps on {subject} = {value}: {arm}",
                           {{"subject", s.subject}, {"value", s.value}, {"arm", words::steps_arm(lang, s.arm)}}));
        values.push_back(row);
    }
    out.set("values", values);
    web::List groups;
    for (const engine::ExplainedRecords& r : item.records) {
        web::Data group;
        group.set("heading", words::records_heading(lang, r));
        web::List records;
        for (const engine::ExplainedRecord& rec : r.records) {
            web::Data row;
            std::string fields = rec.kind;
            for (const auto& [name, value] : rec.fields) fields += " " + name + "=" + value;
            row.set("fields", fields);
            if (!rec.inspection.empty()) {
                web::Data from;
                from.set("id", rec.inspection);
                from.set("href", "/inspections/" + rec.inspection);
                from.set("kind", engine::terms::inspection_kind(lang, rec.inspection_kind));
                const auto date = core::parse_date(rec.date);
                from.set("date", date ? i18n::format_date(lang, *date) : rec.date);
                row.set("from", from);
            }
            records.push_back(row);
        }
        group.set("records", records);
        groups.push_back(group);
    }
    out.set("groups", groups);
    out.set("has_details", !item.values.empty() || !item.steps.empty() || !item.records.empty());
    return out;
}

/// The unit's inspections counting for `year`, newest first; none when the role may not read them.
web::List inspections_of(const Call& call, const std::string& unit, int year, i18n::Language lang) {
    web::List out;
    auto r = call.operation<app::InspectionsRequest>();
    r.unit = unit;
    r.year = year;
    std::vector<inspections::InspectionSummary> rows;
    try {
        rows = app::list_inspections(r);
    } catch (const app::Error& e) {
        if (e.kind() == app::ErrorKind::Forbidden) return out;
        throw;
    }
    for (const inspections::InspectionSummary& i : rows) {
        web::Data row;
        row.set("href", "/inspections/" + i.id);
        row.set("date", i18n::format_date(lang, i.date));
        row.set("kind", engine::terms::inspection_kind(lang, inspections::kind_name(i.kind)));
        row.set("status", engine::terms::inspection_status(lang, i.status));
        out.push_back(row);
    }
    return out;
}

/// The unit's total and band in each year with an adopted rulebook, oldest first.
web::List years_of(const Call& call, ResultsRead& read, const std::string& unit, i18n::Language lang) {
    std::set<int> years;
    for (const app::AdoptionListing& a : app::list_adoptions(call.operation<app::RulebooksRequest>()))
        years.insert(a.adoption.year);
    web::List out;
    for (const int year : years) {
        const auto results = read.results(call, year, engine::Basis::All);
        for (const app::YearResults::Unit& u : results->units) {
            if (u.result->id != unit) continue;
            web::Data row;
            row.set("year", std::to_string(year));
            row.set("href", "/years/" + std::to_string(year) + "/units/" + unit);
            if (u.result->complete) {
                row.set("total", i18n::format_decimal(lang, *u.result->total, 2));
                row.set("band", engine::display::band(results->rulebook->rulebook, u.result->band));
                row.set("band_class", "band-" + std::to_string(u.result->band));
            } else {
                row.set("total", tr(lang, "not ranked"));
            }
            out.push_back(row);
        }
    }
    return out;
}

HttpResponse unit_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const int year = year_of(call);
    const std::string& unit = call.param("unit");
    ResultsRead read(call);
    if (!read.visible(unit)) throw app::unknown_unit(unit);
    const auto results = read.results(call, year, engine::Basis::All);
    const rules::Rulebook& rulebook = results->rulebook->rulebook;
    read.require_unit(unit, rulebook, year);
    engine::EvaluationRequest request;
    request.year = year;
    request.unit = unit;
    engine::Explanation explained;
    app::translating_store_errors([&] {
        explained = engine::explain(rulebook, results->rulebook->problems->sources, read.store, request, std::nullopt);
    });
    const engine::UnitResult& u = explained.result;
    web::Data data;
    data.set("name", u.name);
    data.set("category", explained.category_label);
    data.set("year", std::to_string(year));
    data.set("ranking_href", "/years/" + std::to_string(year) + "/ranking");
    if (u.complete) {
        data.set("total", i18n::format_decimal(lang, *u.total, 2));
        data.set("max", i18n::format_decimal(lang, u.max, 2));
        data.set("band", engine::display::band(rulebook, u.band));
        data.set("band_class", "band-" + std::to_string(u.band));
        if (u.rank)
            data.set("rank",
                     tr(lang, "rank {rank} of {n}",
                        {{"rank", std::to_string(*u.rank)}, {"n", std::to_string(explained.ranked_in_category)}}));
    } else {
        data.set("incomplete", engine::display::reason(lang, u));
    }
    // Criteria, deductions, bonuses and band caps, each kind under its heading, in the
    // explanation's order.
    std::vector<std::pair<std::string, web::List>> kinds;
    for (const engine::ExplainedItem& item : explained.items) {
        if (kinds.empty() || kinds.back().first != item.what) kinds.emplace_back(item.what, web::List{});
        kinds.back().second.push_back(explained_item(rulebook, lang, item));
    }
    web::List sections;
    for (auto& [what, items] : kinds) {
        web::Data section;
        section.set("heading", words::section_heading(lang, what));
        section.set("items", std::move(items));
        sections.push_back(std::move(section));
    }
    data.set("sections", std::move(sections));
    web::List inspections = inspections_of(call, unit, year, lang);
    data.set("has_inspections", !inspections.empty());
    data.set("inspections", std::move(inspections));
    data.set("years", years_of(call, read, unit, lang));
    return page(call, 200, "unit", std::move(data), u.name);
}

}  // namespace

std::vector<Api::Route> unit_pages() {
    return {{"GET", "/years/{year}/units/{unit}", false, false, unit_page, kBodyLimit, true}};
}

}  // namespace parscore::server
