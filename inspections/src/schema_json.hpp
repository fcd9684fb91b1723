#pragma once
// Canonical JSON for what the store keeps as text: the evidence schema a report was validated
// with, and an inspection team.
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/schema.hpp"

namespace parscore::inspections {

/// Deterministic JSON of a schema (declaration order kept): equal schemas give equal text.
std::string schema_to_json(const core::EvidenceSchema& schema);
/// Throws StoreError{Database} when the text is not such JSON.
core::EvidenceSchema schema_from_json(std::string_view json);

std::string team_to_json(const std::vector<std::string>& team);
std::vector<std::string> team_from_json(std::string_view json);

}  // namespace parscore::inspections
