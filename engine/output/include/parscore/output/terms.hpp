#pragma once
// Words of the scoring model as a person reads them in the text of explain, diff, gap, summary
// and verify (docs/i18n.md). JSON and CSV keep the ids these translate ("all", "scored", …).
#include <string>
#include <string_view>

#include "parscore/i18n/language.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine::terms {

/// "all", "self", "inspected" in `lang`: which evidence a score rests on.
std::string basis(i18n::Language lang, Basis basis);
/// "scored", "missing", "exempt", "error" in `lang`.
std::string status(i18n::Language lang, CriterionStatus status);
/// An inspection kind by its id ("surprise", "scheduled", …) as "surprise inspection" in `lang`;
/// an unknown id stays as written.
std::string inspection_kind(i18n::Language lang, std::string_view kind);

}  // namespace parscore::engine::terms
