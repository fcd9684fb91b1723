// The summary and gap pages (docs/web.md): a year's province-wide indicators per category, as the
// provincial report states them ("8/19", "44,7%"), and the units whose self-assessment the
// inspections found overstated, most first.
#include "api_results.hpp"
#include "pages.hpp"
#include "parscore/analyses/gap.hpp"
#include "parscore/analyses/summary.hpp"
#include "parscore/app/analyses.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

namespace {

using i18n::tr;

template <class R> R year_request(const Call& call) {
    auto r = call.operation<R>();
    r.year = year_of(call);
    r.format = app::Format::Json;
    return r;
}

HttpResponse summary_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const app::SummaryResult result = app::summary(year_request<app::SummaryRequest>(call));
    web::List head, rows;
    if (!result.summary.indicators.empty()) {
        for (const engine::IndicatorFigures& f : result.summary.indicators.front().categories) {
            web::Data cell;
            cell.set("text", f.label);
            head.push_back(cell);
        }
    }
    for (const engine::IndicatorSummary& ind : result.summary.indicators) {
        web::Data row;
        row.set("title", ind.title);
        web::List cells;
        for (const engine::IndicatorFigures& f : ind.categories) {
            web::Data cell;
            cell.set("text", engine::indicator_figures_text(ind, f, lang));
            cells.push_back(cell);
        }
        row.set("cells", cells);
        row.set("overall", engine::indicator_figures_text(ind, ind.overall, lang));
        rows.push_back(row);
    }
    web::Data data;
    const std::string year = std::to_string(result.summary.year);
    data.set("heading", tr(lang, "Summary indicators {year}", {{"year", year}}));
    data.set("head", head);
    data.set("rows", rows);
    data.set("has_rows", !rows.empty());
    return page(call, 200, "summary", std::move(data), tr(lang, "Summary indicators {year}", {{"year", year}}));
}

std::string points(const std::optional<core::Decimal>& d, i18n::Language lang) {
    return d ? i18n::format_decimal(lang, *d, 2) : "—";
}

HttpResponse gap_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const app::GapResult result = app::gap(year_request<app::GapRequest>(call));
    web::List rows;
    for (const engine::UnitGap& u : result.report.units) {
        web::Data row;
        row.set("name", u.name);
        row.set("self", points(u.self_total, lang));
        row.set("inspected", points(u.inspected_total, lang));
        row.set("gap", u.gap ? (*u.gap > core::Decimal{} ? "+" : "") + i18n::format_decimal(lang, *u.gap, 2) : "—");
        row.set("overstated", u.gap && *u.gap > core::Decimal{});
        rows.push_back(row);
    }
    web::Data data;
    const std::string year = std::to_string(result.report.year);
    data.set("heading", tr(lang, "Self-assessment against inspections {year}", {{"year", year}}));
    data.set("rows", rows);
    data.set("has_rows", !rows.empty());
    return page(call, 200, "gap", std::move(data),
                tr(lang, "Self-assessment against inspections {year}", {{"year", year}}));
}

}  // namespace

std::vector<Api::Route> analysis_pages() {
    return {
        {"GET", "/years/{year}/summary", false, false, summary_page, kBodyLimit, true},
        {"GET", "/years/{year}/gap", false, false, gap_page, kBodyLimit, true},
    };
}

}  // namespace parscore::server
