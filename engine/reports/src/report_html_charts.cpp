// The HTML report's bar chart (inline SVG) and heat map (a coloured table).
#include <charconv>

#include "parscore/output/display.hpp"
#include "parscore/reports/report_html.hpp"
#include "report_html_parts.hpp"

namespace parscore::engine::html {

namespace {

constexpr double kLabelWidth = 170, kBarWidth = 420, kValueWidth = 50, kRow = 20, kTop = 8, kBottom = 22;

// points ÷ max as a hue from red (0) to green (120), with a lightness that keeps the text legible.
std::string heat_style(const CriterionResult& c, const Decimal& max) {
    double ratio = max.is_zero() || !c.points ? 0 : c.points->to_double() / max.to_double();
    ratio = ratio < 0 ? 0 : ratio > 1 ? 1 : ratio;
    return "background:hsl(" + std::to_string(static_cast<int>(ratio * 120 + 0.5)) + ",65%,78%)";
}

std::string points(const CriterionResult& c) { return display::points(c.points, "0"); }

}  // namespace

int band_hue(int index, int count) { return count <= 1 ? 120 : 120 * (count - 1 - index) / (count - 1); }

std::string coordinate(double value) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1);
    std::string s(buf, ec == std::errc() ? end : buf);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (s == "-0") s = "0";
    return s;
}

void bar_chart(std::string& out, const rules::Rulebook& rb, const std::vector<const UnitResult*>& units) {
    std::vector<const UnitResult*> bars;
    for (const UnitResult* u : units) {
        if (u->complete && u->total) bars.push_back(u);
    }
    if (bars.empty()) return;
    double scale = rb.scale.is_zero() ? 100 : rb.scale.to_double();
    double width = kLabelWidth + kBarWidth + kValueWidth;
    double height = kTop + kRow * static_cast<double>(bars.size()) + kBottom;
    out += "<figure class=\"chart\"><svg viewBox=\"0 0 " + coordinate(width) + " " + coordinate(height) +
           "\" role=\"img\" aria-label=\"totals by band\">\n";
    // Band minimums as dashed guides, labelled under the axis.
    for (std::size_t b = 0; b < rb.bands.size(); ++b) {
        double x = kLabelWidth + kBarWidth * rb.bands[b].min.to_double() / scale;
        if (x < kLabelWidth || x > kLabelWidth + kBarWidth) continue;
        out += "<line class=\"guide\" x1=\"" + coordinate(x) + "\" y1=\"" + coordinate(kTop - 4) + "\" x2=\"" +
               coordinate(x) + "\" y2=\"" + coordinate(height - kBottom + 4) + "\"/>";
        out += "<text class=\"axis\" x=\"" + coordinate(x) + "\" y=\"" + coordinate(height - 6) + "\">" +
               html_escape(rb.bands[b].min.to_string()) + "</text>\n";
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const UnitResult& u = *bars[i];
        double y = kTop + kRow * static_cast<double>(i);
        double len = kBarWidth * u.total->to_double() / scale;
        len = len < 0 ? 0 : len > kBarWidth ? kBarWidth : len;
        // Bars are labelled by name, as a person reads them; the tooltip adds the id.
        out += "<g><title>" + html_escape(u.name) + " (" + html_escape(u.id) + "): " + display::total(*u.total) + ", " +
               html_escape(display::band(rb, u.band)) + "</title>";
        out += "<text class=\"label\" x=\"" + coordinate(kLabelWidth - 6) + "\" y=\"" + coordinate(y + kRow * 0.7) +
               "\">" + html_escape(u.name) + "</text>";
        out += "<rect class=\"bar b" + std::to_string(u.band) + "\" x=\"" + coordinate(kLabelWidth) + "\" y=\"" +
               coordinate(y + 3) + "\" width=\"" + coordinate(len) + "\" height=\"" + coordinate(kRow - 6) + "\"/>";
        out += "<text class=\"value\" x=\"" + coordinate(kLabelWidth + len + 4) + "\" y=\"" +
               coordinate(y + kRow * 0.7) + "\">" + display::total(*u.total) + "</text></g>\n";
    }
    out += "</svg><figcaption>Totals, coloured by band; dashed lines mark each band's minimum.</figcaption></figure>\n";
}

void heat_map(std::string& out, const rules::Rulebook& rb, const std::vector<const UnitResult*>& units) {
    if (units.empty()) return;
    out += "<div class=\"scroll\"><table class=\"heat\">\n<thead><tr><th rowspan=\"2\">unit</th>";
    for (const rules::Group& g : rb.groups) {
        if (g.criteria.empty()) continue;
        out += "<th class=\"group\" colspan=\"" + std::to_string(g.criteria.size()) + "\" title=\"" +
               html_escape(g.title) + "\">" + html_escape(g.id) + "</th>";
    }
    out += "</tr>\n<tr>";
    for (const rules::Group& g : rb.groups) {
        for (const rules::Criterion& c : g.criteria) {
            out += "<th class=\"criterion\" title=\"" + html_escape(c.title) + " (max " + display::points(c.max) +
                   ")\">" + html_escape(c.local_id) + "</th>";
        }
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const UnitResult* u : units) {
        out += "<tr><th class=\"unit\" title=\"" + html_escape(u->name) + "\">" + html_escape(u->id) + "</th>";
        std::size_t i = 0;
        for (const rules::Group& g : rb.groups) {
            for (const rules::Criterion& c : g.criteria) {
                if (i >= u->criteria.size()) break;
                const CriterionResult& cr = u->criteria[i++];
                std::string tip = html_escape(c.id) + ": ";
                switch (cr.status) {
                    case CriterionStatus::Exempt:
                        out += "<td class=\"exempt\" title=\"" + tip + "exempt\">–</td>";
                        break;
                    case CriterionStatus::Error:
                        out += "<td class=\"error\" title=\"" + tip + "error: no evidence\">!</td>";
                        break;
                    case CriterionStatus::Missing:
                        out += "<td class=\"missing\" title=\"" + tip + "evidence missing, " + points(cr) + " of " +
                               display::points(c.max) + "\">?</td>";
                        break;
                    case CriterionStatus::Scored:
                        out += "<td style=\"" + heat_style(cr, c.max) + "\" title=\"" + tip + points(cr) + " of " +
                               display::points(c.max) + "\">" + points(cr) + "</td>";
                        break;
                }
            }
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></div>\n";
    out +=
        "<p class=\"legend\"><span class=\"swatch\" style=\"background:hsl(0,65%,78%)\"></span> 0 "
        "<span class=\"swatch\" style=\"background:hsl(60,65%,78%)\"></span> half "
        "<span class=\"swatch\" style=\"background:hsl(120,65%,78%)\"></span> full points · "
        "<span class=\"swatch missing\">?</span> evidence missing · "
        "<span class=\"swatch exempt\">–</span> exempt · <span class=\"swatch error\">!</span> error</p>\n";
}

}  // namespace parscore::engine::html
