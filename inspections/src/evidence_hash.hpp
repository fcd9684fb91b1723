#pragma once
// The evidence hash of a read (EvidenceSet::evidence_sha256): which inspections, in which
// revisions, a score was computed from.
#include <string>
#include <vector>

#include "evidence_selection.hpp"

namespace parscore::inspections {

/// SHA-256 (hex) over "<id> <hash>\n" of the counted inspections, in id (byte) order.
std::string evidence_hash(const std::vector<selection::RevisionRow>& rows,
                          const std::vector<selection::Counted>& counted);

}  // namespace parscore::inspections
