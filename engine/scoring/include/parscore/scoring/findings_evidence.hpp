#pragma once
// The evidence of a single inspection's findings, laid out for evaluation: what a rule-test case
// gives ("one submitted scheduled inspection", docs/reference/rulebook-format.md).
#include <deque>
#include <string>

#include "parscore/core/evidence.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/model.hpp"

namespace parscore::engine {

/// UnitEvidence plus the text its values point into. Not copyable: the views would dangle.
struct OwnedEvidence {
    core::UnitEvidence evidence;
    std::deque<std::string> texts;

    OwnedEvidence() = default;
    OwnedEvidence(const OwnedEvidence&) = delete;
    OwnedEvidence& operator=(const OwnedEvidence&) = delete;
};

/// Fills `out` from findings validated against `schema` (every listed kind counts as checked).
void findings_to_evidence(const inspections::Findings& findings, const core::EvidenceSchema& schema,
                          OwnedEvidence& out);

}  // namespace parscore::engine
