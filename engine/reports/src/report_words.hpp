#pragma once
// Words the renderers of `score` and `rank` share — the terminal table, the HTML page and the
// workbook — marked once, so the three read alike in every language (docs/i18n.md).
#include <string>

#include "parscore/i18n/translate.hpp"
#include "parscore/output/terms.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine::words {

// Column heads: the same words the analyses' tables use (parscore/output/terms.hpp), plus the
// ranking's own.
using terms::kBand;
using terms::kMax;
using terms::kName;
using terms::kPoints;
using terms::kRank;
using terms::kTotal;
using terms::kUnit;
inline constexpr i18n::Message kChange = i18n::NC_("table header", "change");

/// A unit without every criterion's evidence, where its band would be.
inline std::string incomplete(i18n::Language lang) { return i18n::trc(lang, "table cell", "incomplete"); }

/// Which inspections counted, as a person reads it.
using terms::basis;

}  // namespace parscore::engine::words
