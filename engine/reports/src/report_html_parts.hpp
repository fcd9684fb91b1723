#pragma once
// The pieces of the HTML report that draw (report_html_charts.cpp) and the indicators' figures
// (report_indicators.cpp), shared with the page itself (report_html.cpp). Everything a person
// reads is in the page's language; values from input are escaped here, translations are the
// program's own text and are not.
#include <string>
#include <vector>

#include "parscore/analyses/summary.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine::html {

/// The hue of band `index` of `count`: the top band green (120) down to the last red (0), so any
/// rulebook's bands get distinct, ordered colours without naming them.
int band_hue(int index, int count);

/// An inline SVG bar chart of the complete units' totals (in the given order), each bar coloured
/// by its band and labelled with the unit's name, with a dashed line at each band's minimum.
void bar_chart(std::string& out, const rules::Rulebook& rulebook, const std::vector<const UnitResult*>& units,
               i18n::Language lang);

/// A unit × criterion table whose cells are coloured by points ÷ max; exempt, missing and error
/// cells are drawn distinctly. Rows are headed by the units' names (ids in the tooltips).
void heat_map(std::string& out, const rules::Rulebook& rulebook, const std::vector<const UnitResult*>& units,
              i18n::Language lang);

/// The opening tag of a wide table's wrapper, closed by "</section>": it scrolls sideways on a
/// narrow screen, so it takes the keyboard's focus (arrow keys scroll it) and is a region named
/// `name` (plain text, escaped here) for a screen reader that lands on it.
std::string scroll_region(const std::string& name);

/// Decimal text for SVG coordinates ("12.5"), independent of the C locale and of the language.
std::string coordinate(double value);

}  // namespace parscore::engine::html
