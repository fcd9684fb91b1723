#pragma once
// Reading a year's evidence for a rulebook, the way engine::evaluate() does
// (docs/reference/scoring.md#which-evidence-counts): for reports that need the evidence itself (indicators) or score it
// more than once (what-if diffs).
#include <vector>

#include "parscore/core/schema.hpp"
#include "parscore/inspections/evidence_set.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/evaluation.hpp"

namespace parscore::engine {

/// The covered units of `rulebook` and their evidence for `request`'s year, basis and revision
/// (its unit and category filters are not applied: quotas, ranks and indicators see every unit).
inspections::EvidenceSet load_year_evidence(const rules::Rulebook& rulebook, const inspections::Store& store,
                                            const EvaluationRequest& request);

/// Run-wide warnings about the evidence read (docs/diagnostics.md): stored values that do not fit
/// the schema (W306), evidence of units that are not scored (W307), a year in which no inspection
/// counts for the basis (W308), and covered units without a counted inspection (W309).
std::vector<Warning> evidence_warnings(const rules::Rulebook& rulebook, const inspections::EvidenceSet& evidence,
                                       int year, Basis basis);

/// Whether two schemas read stored findings into the same layout (kinds, fields, types, enum
/// values, keys, combine), so one loaded evidence set serves rulebooks with either.
bool same_evidence_layout(const core::EvidenceSchema& a, const core::EvidenceSchema& b);

}  // namespace parscore::engine
