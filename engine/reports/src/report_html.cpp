// rank/score --format html: the page, its stylesheet, the ranking tables and the summary. The
// charts are in report_html_charts.cpp.
#include "parscore/reports/report_html.hpp"

#include <algorithm>
#include <cassert>

#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "report_html_parts.hpp"
#include "report_words.hpp"

namespace parscore::engine {

namespace {

// Screen and print (A4) styles. Colours must survive printing, hence print-color-adjust; the
// wide heat maps get a landscape page of their own where the browser supports named pages.
// Text keeps a contrast of at least 4.5:1 (WCAG AA): a band's label is always in ink, since the
// muted grey of the legend around it reads at under 4:1 on the band's pale colour.
constexpr const char* kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --rule: #d5d9e0; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       margin: 2rem auto; max-width: 64rem; padding: 0 1rem; line-height: 1.4; font-size: 14px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.meta, figcaption, .legend, footer { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; }
.band { display: inline-block; padding: 0 .4rem; border-radius: .25rem; white-space: nowrap; color: var(--ink); }
.band.incomplete { background: #eceef2; color: var(--muted); font-style: italic; }
.up { color: #1b7f3b; } .down { color: #b3261e; }
figure.chart { margin: .5rem 0; }
.chart svg { width: 100%; max-width: 32rem; height: auto; font-size: 11px; }
.chart .label { fill: var(--ink); }
.chart .value { fill: var(--ink); }
.chart .axis { text-anchor: middle; fill: var(--muted); }
.chart .guide { stroke: var(--muted); stroke-dasharray: 3 3; stroke-width: .7; }
.scroll { overflow-x: auto; }
.scroll:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
table.heat { font-size: .75rem; }
table.heat th, table.heat td { border: 1px solid #fff; padding: .15rem .3rem; text-align: center; }
table.heat th.unit { text-align: left; white-space: nowrap; position: sticky; left: 0; z-index: 1; background: #fff; }
table.heat th.criterion { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
td.exempt, .swatch.exempt { background: #eceef2; color: var(--muted); }
td.missing, .swatch.missing { background: repeating-linear-gradient(45deg, #fff, #fff 3px, #f3d9a4 3px, #f3d9a4 6px); }
td.error, .swatch.error { background: #5c1a1a; color: #fff; font-weight: 700; }
.swatch { display: inline-block; min-width: 1.2em; height: 1.2em; vertical-align: middle; text-align: center;
          border: 1px solid var(--rule); font-size: .75rem; line-height: 1.2em; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: .5rem; overflow-wrap: anywhere; }
/* Phones: the names are what a person reads there, the ids and the total changes give way;
   the wide tables scroll sideways (the heat map keeps its unit names in view) instead of
   shrinking. */
@media (max-width: 40rem) {
  body { margin: 1rem auto; padding: 0 .75rem; }
  h1 { font-size: 1.25rem; }
  th, td { padding: .25rem .3rem; }
  table.ranking .id { display: none; }
  .band { white-space: normal; }
  table.ranking .band { min-width: 7rem; }
  table.ranking .delta { display: none; }
  table.heat th.unit { white-space: normal; min-width: 8rem; max-width: 10rem; }
}
@media (max-width: 24rem) {
  table.ranking .band { min-width: 0; }  /* the smallest phones (360 px): the change column fits */
}
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 15mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section.category + section.category, section.summary { break-before: page; }
  .heatmap { page: wide; }
  .scroll { overflow: visible; }
  tr, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
)css";

using i18n::Language;

std::string number(Language lang, const std::string& plain) { return i18n::localize_number(lang, plain); }

std::string band_cell(const rules::Rulebook& rb, const UnitResult& u, Language lang) {
    if (!u.complete) {
        return "<span class=\"band incomplete\" title=\"" + html_escape(display::reason(lang, u)) + "\">" +
               words::incomplete(lang) + "</span>";
    }
    const rules::Band& b = rb.bands[static_cast<std::size_t>(u.band)];
    return "<span class=\"band b" + std::to_string(u.band) + "\" title=\"" + html_escape(b.id) + "\">" +
           html_escape(display::band(rb, u.band)) + "</span>";
}

std::string change_cell(const UnitResult& u, Language lang) {
    std::string out;
    if (u.rank_change) {
        int c = *u.rank_change;
        out += c > 0   ? "<span class=\"up\">▲ " + std::to_string(c) + "</span>"
               : c < 0 ? "<span class=\"down\">▼ " + std::to_string(-c) + "</span>"
                       : std::string("=");
    }
    if (u.total_change) {
        out += (out.empty() ? "" : " ") + std::string("<span class=\"delta\">(") +
               number(lang, display::signed_total(*u.total_change)) + ")</span>";
    }
    return out.empty() ? "–" : out;
}

void band_styles(std::string& out, const rules::Rulebook& rb) {
    int n = static_cast<int>(rb.bands.size());
    for (int i = 0; i < n; ++i) {
        std::string hue = std::to_string(html::band_hue(i, n));
        out += ".band.b" + std::to_string(i) + " { background: hsl(" + hue + ", 60%, 85%); }\n";
        out += "rect.b" + std::to_string(i) + " { fill: hsl(" + hue + ", 55%, 50%); }\n";
    }
}

// A column head; `css` its class ("num" right-aligns numbers, "id" is hidden on phones).
std::string head_cell(Language lang, const i18n::Message& m, const char* css = nullptr) {
    return std::string(css ? "<th scope=\"col\" class=\"" + std::string(css) + "\">" : "<th scope=\"col\">") +
           i18n::tr(lang, m) + "</th>";
}

std::string ranking_head(Language lang, bool ranking) {
    using namespace words;
    if (ranking) {
        return head_cell(lang, kRank, "num") + head_cell(lang, kUnit, "id") + head_cell(lang, kName) +
               head_cell(lang, kTotal, "num") + head_cell(lang, kBand) + head_cell(lang, kChange, "num");
    }
    return head_cell(lang, kUnit, "id") + head_cell(lang, kName) + head_cell(lang, kPoints, "num") +
           head_cell(lang, kMax, "num") + head_cell(lang, kTotal, "num") + head_cell(lang, kBand) +
           head_cell(lang, kRank, "num");
}

void ranking_table(std::string& out, const rules::Rulebook& rb, const std::vector<const UnitResult*>& units,
                   bool ranking, Language lang) {
    out += html::scroll_region(rb.category_label(units.front()->category)) + "<table class=\"ranking\">\n<thead><tr>" +
           ranking_head(lang, ranking) + "</tr></thead>\n<tbody>\n";
    for (const UnitResult* u : units) {
        std::string rank = u->rank ? std::to_string(*u->rank) : "–";
        std::string id = "<td class=\"id\"><code>" + html_escape(u->id) + "</code></td><td>" + html_escape(u->name) +
                         "</td>";
        std::string total = number(lang, display::total(u->total, "–"));
        if (ranking) {
            out += "<tr><td class=\"num\">" + rank + "</td>" + id + "<td class=\"num\">" + total + "</td><td>" +
                   band_cell(rb, *u, lang) + "</td><td class=\"num\">" + change_cell(*u, lang) + "</td></tr>\n";
        } else {
            out += "<tr>" + id + "<td class=\"num\">" + number(lang, display::points(u->points, "–")) +
                   "</td><td class=\"num\">" + number(lang, display::points(u->max)) + "</td><td class=\"num\">" +
                   total + "</td><td>" + band_cell(rb, *u, lang) + "</td><td class=\"num\">" + rank + "</td></tr>\n";
        }
    }
    out += "</tbody></table></section>\n";
}

void bands_legend(std::string& out, const rules::Rulebook& rb, Language lang) {
    std::string bands;
    for (std::size_t i = 0; i < rb.bands.size(); ++i) {
        const rules::Band& b = rb.bands[i];
        bands += (i ? " · " : "") + std::string("<span class=\"band b") + std::to_string(i) + "\">" +
                 html_escape(b.label) + "</span> ≥ " + number(lang, b.min.to_string());
        if (b.quota) {
            // A quota is in (0, 1] (rulebook-format.md), so the percentage is at most 100.
            const std::optional<Decimal> percent = Decimal::mul(*b.quota, *Decimal::from_int(100));
            assert(percent);
            bands += " " + i18n::tr(lang, "(at most {share})", {{"share", number(lang, percent->to_string()) + "%"}});
        }
    }
    out += "<p class=\"legend\">" + i18n::tr(lang, "Bands: {bands}", {{"bands", bands}}) + "</p>\n";
}

void summary_section(std::string& out, const Summary& s, Language lang) {
    if (s.indicators.empty()) return;
    const std::string heading = i18n::tr(lang, "Summary indicators");
    out += "<section class=\"summary\">\n<h2>" + heading + "</h2>\n" + html::scroll_region(heading) +
           "<table class=\"indicators\">\n<thead><tr><th scope=\"col\">" +
           i18n::trc(lang, "report column", "indicator") + "</th>";
    const IndicatorSummary& first = s.indicators.front();
    for (const IndicatorFigures& f : first.categories)
        out += "<th scope=\"col\" class=\"num\">" + html_escape(f.label) + "</th>";
    out += "<th scope=\"col\" class=\"num\">" + i18n::trc(lang, "report column", "overall") +
           "</th></tr></thead>\n<tbody>\n";
    for (const IndicatorSummary& ind : s.indicators) {
        out += "<tr><td>" + html_escape(ind.title) + "</td>";
        for (const IndicatorFigures& f : ind.categories) {
            out += "<td class=\"num\">" + html_escape(indicator_figures_text(ind, f, lang)) + "</td>";
        }
        out += "<td class=\"num\">" + html_escape(indicator_figures_text(ind, ind.overall, lang)) + "</td></tr>\n";
    }
    // The messages' ids are ASCII (xgettext reads no other), hence the straight quotes in English.
    out += "</tbody></table></section>\n<p class=\"legend\">" +
           i18n::tr(lang,
                    "Yes/no indicators read \"units for which it holds / units with a value\"; numeric ones give "
                    "the sum and the mean over units with a value.") +
           "</p>\n</section>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

// Run-wide warnings, then each unit's (what `explain` shows beside the items they concern).
void warnings_section(std::string& out, const Evaluation& e, Language lang) {
    bool units = std::any_of(e.units.begin(), e.units.end(), [](const UnitResult& u) { return !u.warnings.empty(); });
    if (e.warnings.empty() && !units) return;
    out += "<section class=\"warnings\">\n<h2>" + i18n::trc(lang, "report heading", "Warnings") + "</h2>\n<ul>\n";
    for (const Warning& w : e.warnings) {
        out += "<li><code>" + html_escape(w.code) + "</code> " + html_escape(display::message(lang, w)) + "</li>\n";
    }
    for (const UnitResult& u : e.units) {
        for (const Warning& w : u.warnings) {
            out += "<li><code>" + html_escape(w.code) + "</code> <code>" + html_escape(u.id) + "</code> (" +
                   html_escape(u.name) + "), <code>" + html_escape(w.id) +
                   "</code>: " + html_escape(display::message(lang, w)) + "</li>\n";
        }
    }
    out += "</ul>\n</section>\n";
}

std::string code(const std::string& text) { return "<code>" + html_escape(text) + "</code>"; }

// The run in a few words: what, for which year, on which evidence, how many units.
void page_header(std::string& out, const rules::Rulebook& rb, const Evaluation& e, bool ranking, Language lang,
                 const std::string& title) {
    const std::string year = std::to_string(e.year);
    out += "<header>\n<h1>" + html_escape(title) + "</h1>\n<p class=\"meta\">" +
           (ranking ? i18n::tr(lang, "Ranking for {year}", {{"year", year}})
                    : i18n::tr(lang, "Scores for {year}", {{"year", year}})) +
           " · " + i18n::tr(lang, "basis {basis}", {{"basis", words::basis(lang, e.basis)}}) + " · " +
           i18n::trn(lang, "{n} unit", "{n} units", e.units.size()) + "</p>\n";
    bands_legend(out, rb, lang);
    out += "</header>\n";
}

// The rulebook and the evidence by their hashes, so a printed copy can be matched to `verify`.
void page_footer(std::string& out, const Evaluation& e, Language lang) {
    out += "<footer>\n<p>" +
           i18n::tr(lang, "Rulebook {id} version {version}, sha256 {sha256}",
                    {{"id", code(e.rulebook_id)},
                     {"version", code(e.rulebook_version)},
                     {"sha256", code(e.rulebook_sha256)}}) +
           "</p>\n";
    out += "<p>" +
           i18n::tr(lang, "Evidence sha256 {sha256}",
                    {{"sha256", code(e.evidence_sha256.empty() ? std::string("–") : e.evidence_sha256)}}) +
           " · " + i18n::tr(lang, "year {year}", {{"year", std::to_string(e.year)}}) + " · " +
           i18n::tr(lang, "basis {basis}", {{"basis", words::basis(lang, e.basis)}}) + "</p>\n</footer>\n";
}

void category_section(std::string& out, const rules::Rulebook& rb, const std::vector<const UnitResult*>& units,
                      bool ranking, Language lang) {
    const std::string& category = units.front()->category;
    const std::string label = html_escape(rb.category_label(category));
    // Ids to link to a category's part of the page (#category-district, #heatmap-district).
    out += "<section class=\"category\" id=\"category-" + html_escape(category) + "\">\n<h2>" + label +
           " <span class=\"meta\">(" + i18n::trn(lang, "{n} unit", "{n} units", units.size()) + ")</span></h2>\n";
    ranking_table(out, rb, units, ranking, lang);
    html::bar_chart(out, rb, units, lang);
    out += "<div class=\"heatmap\" id=\"heatmap-" + html_escape(category) + "\">\n<h3>" +
           i18n::tr(lang, "Points by criterion: {category}", {{"category", label}}) + "</h3>\n";
    html::heat_map(out, rb, units, lang);
    out += "</div>\n";
    for (const UnitResult* u : units) {
        if (!u->complete) {
            out += "<p class=\"legend\">" +
                   i18n::tr(lang, "Incomplete: {unit}: {reason}",
                            {{"unit", code(u->id)}, {"reason", html_escape(display::reason(lang, *u))}}) +
                   "</p>\n";
        }
    }
    out += "</section>\n";
}

}  // namespace

std::string render_html(const rules::Rulebook& rb, const Evaluation& e, const Summary* summary, bool ranking,
                        Language lang) {
    std::string out;
    out.reserve(8192 + e.units.size() * (512 + 64 * rb.criterion_count()));
    std::string title = rb.title.empty() ? rb.id : rb.title;
    out += "<!DOCTYPE html>\n<html lang=\"" + std::string(i18n::language_code(lang)) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           html_escape(title) + " — " + std::to_string(e.year) + "</title>\n<style>" + kStyle;
    band_styles(out, rb);
    out += "</style>\n</head>\n<body>\n";
    page_header(out, rb, e, ranking, lang, title);

    if (e.units.empty()) out += "<p>" + i18n::tr(lang, "No units.") + "</p>\n";
    std::size_t i = 0;
    while (i < e.units.size()) {
        std::vector<const UnitResult*> units;
        const std::string& category = e.units[i].category;
        for (; i < e.units.size() && e.units[i].category == category; ++i) units.push_back(&e.units[i]);
        category_section(out, rb, units, ranking, lang);
    }

    if (summary) summary_section(out, *summary, lang);
    warnings_section(out, e, lang);
    page_footer(out, e, lang);
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace parscore::engine
