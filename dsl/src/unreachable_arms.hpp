#pragma once
// W201: a steps arm that can never match because earlier arms hold for every value it accepts
// (docs/reference/rule-language.md). Reasoning is over the reals (no integer reasoning: `> 0` then
// `>= 1` is fine).
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/dsl/program.hpp"

namespace parscore::dsl {

void warn_unreachable_arms(const std::vector<Arm>& arms, core::Diagnostics& diags);

}  // namespace parscore::dsl
