#pragma once
// The evidence schema of a rulebook in the source tree, for the targets that read evidence.
#include <string>

#include "fuzz_support.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::fuzzing {

/// The evidence schema of the rulebook at `relative` (to the source tree); a rulebook that does
/// not load is a broken target, reported as a violation.
inline core::EvidenceSchema schema_of(const char* relative) {
    core::SourceSet sources;
    core::Diagnostics diags;
    auto outcome = rules::load_rulebook(std::string(PARSCORE_SOURCE_DIR) + "/" + relative, sources, diags);
    if (!outcome.rulebook) violated("the schema's rulebook does not load", core::render_all(diags, sources));
    return outcome.rulebook->evidence;
}

}  // namespace parscore::fuzzing
