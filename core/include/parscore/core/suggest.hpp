#pragma once
// "did you mean" suggestions for unknown names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/text.hpp"

namespace parscore::core {

/// The closest candidate by Damerau–Levenshtein distance when it is close enough to be a likely
/// typo (distance ≤ 1 for short names, ≤ 2 from 5 characters, ≤ 3 from 9); ties go to the earlier
/// candidate.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

/// The same, translatable, as the placeholder `{suggestion}` (or `placeholder`) of a message that
/// ends with it: T_("unknown name '{name}'{suggestion}", {{"name", n}, suggestion(n, names)}).
TextArg suggestion(std::string_view name, const std::vector<std::string>& candidates,
                   std::string placeholder = "suggestion");

}  // namespace parscore::core
