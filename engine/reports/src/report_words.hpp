#pragma once
// Words the renderers of `score` and `rank` share — the terminal table, the HTML page and the
// workbook — marked once, so the three read alike in every language (docs/i18n.md).
#include <string>

#include "parscore/i18n/translate.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine::words {

// Column heads: lower-case words in English, the terms of an official table in Vietnamese.
inline constexpr i18n::Message kRank = i18n::NC_("table header", "rank");
inline constexpr i18n::Message kUnit = i18n::NC_("table header", "unit");
inline constexpr i18n::Message kName = i18n::NC_("table header", "name");
inline constexpr i18n::Message kPoints = i18n::NC_("table header", "points");
inline constexpr i18n::Message kMax = i18n::NC_("table header", "max");
inline constexpr i18n::Message kTotal = i18n::NC_("table header", "total");
inline constexpr i18n::Message kBand = i18n::NC_("table header", "band");
inline constexpr i18n::Message kChange = i18n::NC_("table header", "change");

/// A unit without every criterion's evidence, where its band would be.
inline std::string incomplete(i18n::Language lang) { return i18n::trc(lang, "table cell", "incomplete"); }

/// Which inspections counted, as a person reads it ("all" in English, as `--basis` spells it).
inline std::string basis(i18n::Language lang, Basis b) {
    switch (b) {
        case Basis::Self: return i18n::trc(lang, "basis", "self");
        case Basis::Inspected: return i18n::trc(lang, "basis", "inspected");
        case Basis::All: break;
    }
    return i18n::trc(lang, "basis", "all");
}

}  // namespace parscore::engine::words
