#pragma once
// The printable report (docs/reference/outputs.md): one self-contained HTML file — no network, fonts or scripts —
// with the ranking per category, a bar chart of totals coloured by band, a unit × criterion heat
// map, the province's summary indicators and the rulebook and evidence hashes. Every value that
// comes from input is HTML-escaped.
#include <string>
#include <string_view>

#include "parscore/analyses/summary.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

/// `ranking`: the `rank` layout (rank, change); else the `score` layout (points, max). The
/// summary, when given, adds the indicators section. The output has no timestamp: the same
/// evaluation renders to the same bytes. In `language` (docs/i18n.md): `<html lang>`, headings,
/// column heads, legends, tooltips and notes translated, numbers with the language's separators;
/// ids, names, titles and band labels as written.
std::string render_html(const rules::Rulebook& rulebook, const Evaluation& evaluation, const Summary* summary,
                        bool ranking, i18n::Language language = i18n::Language::en);

/// Text for HTML element content and attribute values: & < > " ' become entities.
std::string html_escape(std::string_view text);

}  // namespace parscore::engine
