#pragma once
// Building the covered units' evidence from the counted inspections' findings: the choices of
// evidence_selection.hpp, decoded straight into each unit's typed columns (kind_decoder.hpp).
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "evidence_scan.hpp"
#include "parscore/core/evidence.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/evidence_set.hpp"

namespace parscore::inspections {

/// A counted inspection as the assembler needs it.
struct CountedRevision {
    std::uint32_t unit;     // index among the covered units
    std::int64_t revision;  // the revision that counts
    bool inspected;         // of the class that beats self-assessment (selection::inspected_class)
};

/// Fills `evidence` (one per covered unit, reset to the schema's kinds) from the findings of
/// the `counted` revisions (each unit's in chronological order; EvidenceSet::inspections order),
/// on up to as many threads as cores. Column values are stored in arenas added to `arenas`;
/// text values point into the findings' storage. Returns the fields whose stored values do not
/// fit, or are lacking (non-zero counts only).
std::vector<FieldMisfit> assemble_evidence(const core::EvidenceSchema& schema,
                                           const std::vector<CountedRevision>& counted,
                                           const std::deque<RawFinding>& findings,
                                           std::vector<core::UnitEvidence>& evidence,
                                           std::vector<std::unique_ptr<core::Arena>>& arenas);

}  // namespace parscore::inspections
