#pragma once
// Constant sub-expressions (docs/reference/rule-language.md: steps thresholds are literals, params
// and arithmetic on them): recognising them and folding them once at check time.
#include "parscore/dsl/program.hpp"

namespace parscore::dsl {

/// Whether the node computes the same value for every unit.
bool is_constant(const Program& program, NodeId node);

/// The value of a constant node (missing for division by zero or out-of-range results).
Value evaluate_constant(const Program& program, NodeId node);

}  // namespace parscore::dsl
