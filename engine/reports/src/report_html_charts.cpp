// The HTML report's bar chart (inline SVG) and heat map (a coloured table).
#include <charconv>

#include "parscore/core/utf8.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/reports/report_html.hpp"
#include "report_html_parts.hpp"

namespace parscore::engine::html {

namespace {

// Each row is the unit's name above its bar, so the chart stays narrow enough to read on a
// phone whatever the names' length: Vietnamese agency names run to about 40 characters, and one
// longer than kLabelChars is shortened (the full name is in the bar's tooltip).
constexpr double kLeft = 8, kBarWidth = 340, kValueWidth = 52, kRow = 30, kTop = 4, kBottom = 20;
constexpr double kLabelLine = 11, kBarTop = 14, kBarHeight = 11;
constexpr std::size_t kLabelChars = 64;

// The first kLabelChars characters of `name` and "…" when it is longer, cut between characters.
std::string bar_label(const std::string& name) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) continue;
        if (chars++ == kLabelChars - 1 && core::code_point_count(name) > kLabelChars) return name.substr(0, i) + "…";
    }
    return name;
}

// points ÷ max as a hue from red (0) to green (120), with a lightness that keeps the text legible.
std::string heat_style(const CriterionResult& c, const Decimal& max) {
    double ratio = max.is_zero() || !c.points ? 0 : c.points->to_double() / max.to_double();
    ratio = ratio < 0 ? 0 : ratio > 1 ? 1 : ratio;
    return "background:hsl(" + std::to_string(static_cast<int>(ratio * 120 + 0.5)) + ",65%,78%)";
}

using i18n::Language;

std::string points(Language lang, const std::optional<Decimal>& d) {
    return i18n::localize_number(lang, display::points(d, "0"));
}

// A cell's tooltip: the criterion and what its points mean.
std::string cell_title(Language lang, const rules::Criterion& c, const CriterionResult& cr) {
    const std::string id = html_escape(c.id), max = points(lang, c.max);
    switch (cr.status) {
        case CriterionStatus::Exempt: return i18n::tr(lang, "{criterion}: exempt", {{"criterion", id}});
        case CriterionStatus::Error: return i18n::tr(lang, "{criterion}: error: no evidence", {{"criterion", id}});
        case CriterionStatus::Missing:
            return i18n::tr(lang, "{criterion}: evidence missing, {points} of {max}",
                            {{"criterion", id}, {"points", points(lang, cr.points)}, {"max", max}});
        case CriterionStatus::Scored: break;
    }
    return i18n::tr(lang, "{criterion}: {points} of {max}",
                    {{"criterion", id}, {"points", points(lang, cr.points)}, {"max", max}});
}

std::string heat_cell(Language lang, const rules::Criterion& c, const CriterionResult& cr) {
    const std::string title = "\" title=\"" + cell_title(lang, c, cr) + "\">";
    switch (cr.status) {
        case CriterionStatus::Exempt: return "<td class=\"exempt" + title + "–</td>";
        case CriterionStatus::Error: return "<td class=\"error" + title + "!</td>";
        case CriterionStatus::Missing: return "<td class=\"missing" + title + "?</td>";
        case CriterionStatus::Scored: break;
    }
    return "<td style=\"" + heat_style(cr, c.max) + title + points(lang, cr.points) + "</td>";
}

void heat_head(std::string& out, const rules::Rulebook& rb, Language lang) {
    out += "<thead><tr><th scope=\"col\" class=\"unit\" rowspan=\"2\">" + i18n::trc(lang, "heat map", "unit") + "</th>";
    for (const rules::Group& g : rb.groups) {
        if (g.criteria.empty()) continue;
        out += "<th scope=\"colgroup\" class=\"group\" colspan=\"" + std::to_string(g.criteria.size()) + "\" title=\"" +
               html_escape(g.title) + "\">" + html_escape(g.id) + "</th>";
    }
    out += "</tr>\n<tr>";
    for (const rules::Group& g : rb.groups) {
        for (const rules::Criterion& c : g.criteria) {
            out += "<th scope=\"col\" class=\"criterion\" title=\"" +
                   i18n::tr(lang, "{title} (max {max})",
                            {{"title", html_escape(c.title)}, {"max", points(lang, c.max)}}) +
                   "\">" + html_escape(c.local_id) + "</th>";
        }
    }
    out += "</tr></thead>\n";
}

void heat_legend(std::string& out, Language lang) {
    out +=
        "<p class=\"legend\"><span class=\"swatch\" style=\"background:hsl(0,65%,78%)\"></span> 0 "
        "<span class=\"swatch\" style=\"background:hsl(60,65%,78%)\"></span> " +
        i18n::trc(lang, "heat map", "half") + " <span class=\"swatch\" style=\"background:hsl(120,65%,78%)\"></span> " +
        i18n::trc(lang, "heat map", "full points") + " · <span class=\"swatch missing\">?</span> " +
        i18n::trc(lang, "heat map", "evidence missing") + " · <span class=\"swatch exempt\">–</span> " +
        i18n::trc(lang, "heat map", "exempt") + " · <span class=\"swatch error\">!</span> " +
        i18n::trc(lang, "heat map", "error") + "</p>\n";
}

}  // namespace

std::string scroll_region(const std::string& name) {
    return "<section class=\"scroll\" tabindex=\"0\" aria-label=\"" + html_escape(name) + "\">";
}

int band_hue(int index, int count) { return count <= 1 ? 120 : 120 * (count - 1 - index) / (count - 1); }

std::string coordinate(double value) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1);
    std::string s(buf, ec == std::errc() ? end : buf);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

void bar_chart(std::string& out, const rules::Rulebook& rb, const std::vector<const UnitResult*>& units,
               Language lang) {
    std::vector<const UnitResult*> bars;
    for (const UnitResult* u : units) {
        if (u->complete && u->total) bars.push_back(u);
    }
    if (bars.empty()) return;
    double scale = rb.scale.is_zero() ? 100 : rb.scale.to_double();
    double width = kLeft + kBarWidth + kValueWidth;
    double height = kTop + kRow * static_cast<double>(bars.size()) + kBottom;
    out += "<figure class=\"chart\"><svg viewBox=\"0 0 " + coordinate(width) + " " + coordinate(height) +
           "\" role=\"img\" aria-label=\"" + i18n::tr(lang, "totals by band") + "\">\n";
    // Band minimums as dashed guides, labelled under the axis.
    for (std::size_t b = 0; b < rb.bands.size(); ++b) {
        double x = kLeft + kBarWidth * rb.bands[b].min.to_double() / scale;
        if (x < kLeft || x > kLeft + kBarWidth) continue;
        out += "<line class=\"guide\" x1=\"" + coordinate(x) + "\" y1=\"" + coordinate(kTop + kBarTop - 2) +
               "\" x2=\"" + coordinate(x) + "\" y2=\"" + coordinate(height - kBottom + 4) + "\"/>";
        out += "<text class=\"axis\" x=\"" + coordinate(x) + "\" y=\"" + coordinate(height - 6) + "\">" +
               html_escape(i18n::localize_number(lang, rb.bands[b].min.to_string())) + "</text>\n";
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const UnitResult& u = *bars[i];
        double y = kTop + kRow * static_cast<double>(i);
        double len = kBarWidth * u.total->to_double() / scale;
        len = len < 0 ? 0 : len > kBarWidth ? kBarWidth : len;
        const std::string total = i18n::localize_number(lang, display::total(*u.total));
        // Bars are labelled by name, as a person reads them; the tooltip adds the id.
        out += "<g><title>" + html_escape(u.name) + " (" + html_escape(u.id) + "): " + total + ", " +
               html_escape(display::band(rb, u.band)) + "</title>";
        out += "<text class=\"label\" x=\"" + coordinate(kLeft) + "\" y=\"" + coordinate(y + kLabelLine) + "\">" +
               html_escape(bar_label(u.name)) + "</text>";
        out += "<rect class=\"bar b" + std::to_string(u.band) + "\" x=\"" + coordinate(kLeft) + "\" y=\"" +
               coordinate(y + kBarTop) + "\" width=\"" + coordinate(len) + "\" height=\"" + coordinate(kBarHeight) +
               "\"/>";
        out += "<text class=\"value\" x=\"" + coordinate(kLeft + len + 4) + "\" y=\"" +
               coordinate(y + kBarTop + kBarHeight - 1.5) + "\">" + total + "</text></g>\n";
    }
    out += "</svg><figcaption>" + i18n::tr(lang, "Totals, coloured by band; dashed lines mark each band's minimum.") +
           "</figcaption></figure>\n";
}

void heat_map(std::string& out, const rules::Rulebook& rb, const std::vector<const UnitResult*>& units, Language lang) {
    if (units.empty()) return;
    // The region's name is an attribute: the label goes in as text and is escaped once, there.
    const std::string category = rb.category_label(units.front()->category);
    out += scroll_region(i18n::tr(lang, "Points by criterion: {category}", {{"category", category}})) +
           "<table class=\"heat\">\n";
    heat_head(out, rb, lang);
    out += "<tbody>\n";
    for (const UnitResult* u : units) {
        // Rows read by name, as the ranking does; the id is in the tooltip.
        out += "<tr><th scope=\"row\" class=\"unit\" title=\"" + html_escape(u->id) + "\">" + html_escape(u->name) +
               "</th>";
        std::size_t i = 0;
        for (const rules::Group& g : rb.groups) {
            for (const rules::Criterion& c : g.criteria) {
                if (i >= u->criteria.size()) break;
                out += heat_cell(lang, c, u->criteria[i++]);
            }
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></section>\n";
    heat_legend(out, lang);
}

}  // namespace parscore::engine::html
