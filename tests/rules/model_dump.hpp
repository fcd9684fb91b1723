#pragma once
// A deterministic text dump of a loaded rulebook — every value of the model and every compiled
// expression as a tree — without positions, so two rulebooks that mean the same compare equal.
#include <string>

#include "parscore/rules/rulebook.hpp"

namespace parscore::rules::testing {

std::string dump(const Rulebook& rb);

}  // namespace parscore::rules::testing
