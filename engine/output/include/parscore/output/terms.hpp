#pragma once
// Words of the scoring model as a person reads them in the text of explain, diff, gap, summary
// and verify (docs/i18n.md). JSON and CSV keep the ids these translate ("all", "scored", …).
#include <optional>
#include <string>
#include <string_view>

#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/model.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine::terms {

// Column heads of the terminal tables: lower-case words in English, the terms of an official
// table in Vietnamese (the same as those of `score` and `rank`).
inline constexpr i18n::Message kUnit = i18n::NC_("table header", "unit");
inline constexpr i18n::Message kName = i18n::NC_("table header", "name");
inline constexpr i18n::Message kPoints = i18n::NC_("table header", "points");
inline constexpr i18n::Message kMax = i18n::NC_("table header", "max");
inline constexpr i18n::Message kTotal = i18n::NC_("table header", "total");
inline constexpr i18n::Message kBand = i18n::NC_("table header", "band");
inline constexpr i18n::Message kRank = i18n::NC_("table header", "rank");

/// "all", "self", "inspected" in `lang`: which evidence a score rests on.
std::string basis(i18n::Language lang, Basis basis);
/// "scored", "missing", "exempt", "error" in `lang`.
std::string status(i18n::Language lang, CriterionStatus status);
/// An inspection kind by its id ("surprise", "scheduled", …) as "surprise inspection" in `lang`;
/// an unknown id stays as written.
std::string inspection_kind(i18n::Language lang, std::string_view kind);
/// A finding's value as a person reads it: numbers and dates written for `lang`, text as stored,
/// "—" for none.
std::string finding_value(i18n::Language lang, const std::optional<core::Datum>& value);
/// What an entry of an inspection's history did: "recorded", "amended: REASON", "submitted", …
std::string history_change(i18n::Language lang, const inspections::HistoryEntry& entry);
/// "draft", "submitted", "locked", "returned" in `lang`.
std::string inspection_status(i18n::Language lang, inspections::Status status);

}  // namespace parscore::engine::terms
