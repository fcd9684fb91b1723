// The ranking page (docs/web.md): a year's results per category, from the results cache as the
// ranking route answers them — each category's table with band colours and the change against
// the previous publication, a bar chart drawn as SVG here, the incomplete units and why, and the
// downloads.
#include <algorithm>

#include "api_results.hpp"
#include "pages.hpp"
#include "parscore/app/adoption.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/reports/report_html.hpp"

namespace parscore::server {

namespace {

using i18n::tr;
using i18n::trn;

/// A horizontal bar per ranked unit, its length its total against the rulebook's maximum, its
/// colour its band (a class: no style attribute, which the pages' policy would refuse).
std::string bar_chart(const std::vector<const engine::UnitResult*>& units, const std::string& title,
                      i18n::Language lang) {
    constexpr int kRow = 22, kLabel = 0, kBarsFrom = 200, kWidth = 640;
    const int height = kRow * static_cast<int>(units.size()) + 8;
    double max = 1;
    for (const engine::UnitResult* u : units) max = std::max(max, u->max.to_double());
    std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                      std::to_string(height) + "\" aria-label=\"" + engine::html_escape(title) + "\">";
    int y = 4;
    for (const engine::UnitResult* u : units) {
        const double total = u->total ? u->total->to_double() : 0;
        const int length = static_cast<int>((kWidth - kBarsFrom - 70) * std::clamp(total / max, 0.0, 1.0));
        svg += "<text x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 15) + "\">" +
               engine::html_escape(u->name.size() > 30 ? u->name.substr(0, u->name.find(' ', 24)) + "…" : u->name) +
               "</text>";
        svg += "<rect class=\"band-" + std::to_string(std::max(u->band, 0)) + "\" x=\"" + std::to_string(kBarsFrom) +
               "\" y=\"" + std::to_string(y + 3) + "\" width=\"" + std::to_string(length) + "\" height=\"" +
               std::to_string(kRow - 6) + "\"></rect>";
        svg += "<text x=\"" + std::to_string(kBarsFrom + length + 6) + "\" y=\"" + std::to_string(y + 15) + "\">" +
               engine::html_escape(u->total ? i18n::format_decimal(lang, *u->total, 2) : "") + "</text>";
        y += kRow;
    }
    return svg + "</svg>";
}

/// "▲ 2" up, "▼ 1" down, "=" unchanged; what a screen reader says goes in `label`.
void change_of(const engine::UnitResult& u, i18n::Language lang, web::Data& row) {
    if (!u.rank_change) return;
    const int c = *u.rank_change;
    if (c > 0) {
        row.set("change", "▲ " + std::to_string(c));
        row.set("change_label", trn(lang, "up {n} place", "up {n} places", static_cast<std::uint64_t>(c)));
        row.set("change_class", "up");
    } else if (c < 0) {
        row.set("change", "▼ " + std::to_string(-c));
        row.set("change_label", trn(lang, "down {n} place", "down {n} places", static_cast<std::uint64_t>(-c)));
        row.set("change_class", "down");
    } else {
        row.set("change", "=");
        row.set("change_label", tr(lang, "unchanged"));
        row.set("change_class", "same");
    }
}

HttpResponse latest_ranking(const Call& call) {
    auto r = call.operation<app::RulebooksRequest>();
    int latest = 0;
    for (const app::AdoptionListing& a : app::list_adoptions(r)) latest = std::max(latest, a.adoption.year);
    if (latest == 0) {
        web::Data data;
        return page(call, 200, "no_ranking", std::move(data), tr(call.caller.lang, "Ranking"));
    }
    return redirect("/years/" + std::to_string(latest) + "/ranking");
}

HttpResponse ranking_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const int year = year_of(call);
    ResultsRead read(call);
    const auto results = read.results(call, year, engine::Basis::All);
    const rules::Rulebook& rulebook = results->rulebook->rulebook;
    web::List categories;
    for (const std::string& category : rulebook.units) {
        std::vector<const engine::UnitResult*> ranked, incomplete;
        for (const std::uint32_t at : results->rank_order) {
            const engine::UnitResult& u = *results->units[at].result;
            if (u.category != category || !read.visible(u.id)) continue;
            (u.complete ? ranked : incomplete).push_back(&u);
        }
        if (ranked.empty() && incomplete.empty()) continue;
        web::Data section;
        const std::string label = rulebook.category_label(category);
        section.set("label", label);
        section.set("id", "category-" + category);
        web::List rows;
        for (const engine::UnitResult* u : ranked) {
            web::Data row;
            row.set("rank", u->rank ? std::to_string(*u->rank) : "");
            row.set("name", u->name);
            row.set("href", "/years/" + std::to_string(year) + "/units/" + u->id);
            row.set("total", i18n::format_decimal(lang, *u->total, 2));
            row.set("band", engine::display::band(rulebook, u->band));
            row.set("band_class", "band-" + std::to_string(u->band));
            change_of(*u, lang, row);
            rows.push_back(row);
        }
        section.set("units", rows);
        section.set("has_units", !ranked.empty());
        if (!ranked.empty())
            section.set("chart", bar_chart(ranked, tr(lang, "Totals of {category}", {{"category", label}}), lang));
        web::List missing;
        for (const engine::UnitResult* u : incomplete) {
            web::Data row;
            row.set("name", u->name);
            row.set("reason", engine::display::reason(lang, *u));
            missing.push_back(row);
        }
        section.set("incomplete", missing);
        section.set("has_incomplete", !incomplete.empty());
        categories.push_back(section);
    }
    web::Data data;
    const std::string y = std::to_string(year);
    data.set("heading", tr(lang, "Ranking {year}", {{"year", y}}));
    data.set("rulebook", rulebook.title.empty() ? rulebook.id : rulebook.title);
    data.set("categories", categories);
    data.set("csv", "/api/v1/years/" + y + "/report.csv");
    data.set("xlsx", "/api/v1/years/" + y + "/report.xlsx");
    data.set("html", "/api/v1/years/" + y + "/report.html");
    data.set("json", "/api/v1/years/" + y + "/ranking");
    data.set("whole", read.sees_everything());  // summary and gap are province-wide
    data.set("summary", "/years/" + y + "/summary");
    data.set("gap", "/years/" + y + "/gap");
    return page(call, 200, "ranking", std::move(data), tr(lang, "Ranking {year}", {{"year", y}}));
}

}  // namespace

std::vector<Api::Route> ranking_pages() {
    return {
        {"GET", "/ranking", false, false, latest_ranking, kBodyLimit, true},
        {"GET", "/years/{year}/ranking", false, false, ranking_page, kBodyLimit, true},
    };
}

}  // namespace parscore::server
