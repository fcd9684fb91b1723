// The ranking page (docs/web.md): a year's results per category, from the results cache as the
// ranking route answers them — each category's table with band colours and the change against
// the previous publication, a bar chart drawn as SVG here, the incomplete units and why, and the
// downloads.
#include <algorithm>
#include <charconv>

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

/// A unit's name as the chart's label: at most 30 characters (code points, never a byte of one
/// cut), shortened at a word when one ends late enough, with "…" when shortened.
std::string chart_label(const std::string& name) {
    constexpr std::size_t kMost = 30, kKept = 28, kWordFrom = 20;
    std::vector<std::size_t> starts;  // byte offset of each code point
    for (std::size_t i = 0; i < name.size(); ++i)
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) starts.push_back(i);
    if (starts.size() <= kMost) return name;
    std::size_t cut = starts[kKept];
    for (std::size_t k = kKept; k > kWordFrom; --k) {
        if (name[starts[k]] == ' ') {
            cut = starts[k];
            break;
        }
    }
    return name.substr(0, cut) + "…";
}

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
               engine::html_escape(chart_label(u->name)) + "</text>";
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

/// Above this many units a year's ranking is shown one category at a time, kPageRows units a
/// page: a province's page holds everything, a country's would weigh megabytes on a phone.
constexpr std::size_t kWholeRankingRows = 300;
constexpr std::size_t kPageRows = 100;

struct CategoryUnits {
    std::string category;
    std::vector<const engine::UnitResult*> ranked, incomplete;
};

/// "?category=C&from=N" of a paged ranking; `from` is clamped to the category's units.
std::size_t from_of(const Call& call, std::size_t count) {
    const std::string text(call.request.param("from").value_or("0"));
    std::size_t from = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), from);
    if (ec != std::errc() || end != text.data() + text.size()) from = 0;
    return count == 0 ? 0 : std::min(from - from % kPageRows, (count - 1) / kPageRows * kPageRows);
}

HttpResponse ranking_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const int year = year_of(call);
    ResultsRead read(call);
    const auto results = read.results(call, year, engine::Basis::All);
    const rules::Rulebook& rulebook = results->rulebook->rulebook;
    std::vector<CategoryUnits> all;
    std::size_t visible = 0;
    for (const std::string& category : rulebook.units) {
        CategoryUnits c{category, {}, {}};
        for (const std::uint32_t at : results->rank_order) {
            const engine::UnitResult& u = *results->units[at].result;
            if (u.category != category || !read.visible(u.id)) continue;
            (u.complete ? c.ranked : c.incomplete).push_back(&u);
        }
        visible += c.ranked.size() + c.incomplete.size();
        if (!c.ranked.empty() || !c.incomplete.empty()) all.push_back(std::move(c));
    }
    const std::string page_path = "/years/" + std::to_string(year) + "/ranking";
    const bool paged = visible > kWholeRankingRows;
    std::string chosen(call.request.param("category").value_or(""));
    if (paged && std::ranges::none_of(all, [&](const CategoryUnits& c) { return c.category == chosen; }))
        chosen = all.empty() ? "" : all.front().category;
    web::List tabs;
    web::List categories;
    for (CategoryUnits& c : all) {
        const std::string& category = c.category;
        const std::string label = rulebook.category_label(category);
        if (paged) {
            web::Data tab;
            tab.set("label", label);
            tab.set("href", page_path + "?category=" + category);
            tab.set("current", category == chosen);
            tabs.push_back(tab);
            if (category != chosen) continue;
        }
        std::vector<const engine::UnitResult*>& ranked = c.ranked;
        std::vector<const engine::UnitResult*>& incomplete = c.incomplete;
        web::Data section;
        section.set("label", label);
        section.set("id", "category-" + category);
        if (paged) {
            const std::size_t from = from_of(call, ranked.size());
            const std::size_t to = std::min(from + kPageRows, ranked.size());
            web::Data pager;
            pager.set("text",
                      tr(lang, "units {from}–{to} of {count}",
                         {{"from",
                           i18n::format_integer(lang, static_cast<std::int64_t>(ranked.empty() ? 0 : from + 1))},
                          {"to", i18n::format_integer(lang, static_cast<std::int64_t>(to))},
                          {"count", i18n::format_integer(lang, static_cast<std::int64_t>(ranked.size()))}}));
            const std::string base = page_path + "?category=" + category + "&from=";
            if (from > 0) pager.set("previous", base + std::to_string(from - kPageRows));
            if (to < ranked.size()) pager.set("next", base + std::to_string(to));
            section.set("pager", pager);
            ranked = std::vector<const engine::UnitResult*>(ranked.begin() + static_cast<std::ptrdiff_t>(from),
                                                            ranked.begin() + static_cast<std::ptrdiff_t>(to));
            if (incomplete.size() > kPageRows) {
                section.set("more_incomplete",
                            trn(lang, "and {n} more", "and {n} more", incomplete.size() - kPageRows));
                incomplete.resize(kPageRows);
            }
        }
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
    data.set("has_tabs", !tabs.empty());
    data.set("tabs", tabs);
    data.set("csv", "/api/v1/years/" + y + "/report.csv");
    data.set("xlsx", "/api/v1/years/" + y + "/report.xlsx");
    data.set("html", "/api/v1/years/" + y + "/report.html");
    data.set("json", "/api/v1/years/" + y + "/ranking");
    data.set("whole", read.sees_everything());  // summary and gap are province-wide
    // The yearly report speaks for the whole province: the office's and the admin's.
    data.set("yearly", read.sees_everything() && may(call, app::Action::DraftReport));
    data.set("yearly_pdf", "/api/v1/years/" + y + "/yearly-report.pdf");
    data.set("yearly_html", "/api/v1/years/" + y + "/yearly-report.html");
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
