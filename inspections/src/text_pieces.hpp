#pragma once
// Translatable pieces the store's messages share (docs/i18n.md).
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/text.hpp"
#include "parscore/core/text_file.hpp"

namespace parscore::inspections {

/// `{hint}`: " (did you mean 'x'?)" when `name` is close to a candidate, else empty.
core::TextArg hint(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace parscore::inspections
