#pragma once
// The evidence schema reports and CSV files are validated against: the `evidence` section of a
// rulebook (docs/store.md).
#include <string>

#include "parscore/app/error.hpp"
#include "parscore/core/schema.hpp"

namespace parscore::app {

/// The schema of the rulebook at `path`. A rulebook with errors is an Error of kind Invalid
/// carrying its errors and notes (its warnings are no concern of recording); Io, with no
/// diagnostics, when a file cannot be read.
core::EvidenceSchema load_evidence_schema(const std::string& path);

}  // namespace parscore::app
