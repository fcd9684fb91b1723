#pragma once
// The inspections as JSON, the same for the command line and the server (docs/store.md).
#include <string>
#include <vector>

#include "parscore/inspections/store.hpp"

namespace parscore::engine {

/// `parscore inspections --format json`: an array of summaries, in the order given.
std::string inspections_json(const std::vector<inspections::InspectionSummary>& rows);

/// `parscore show --format json`: one inspection with its findings, history, comments and
/// attachments.
std::string inspection_json(const inspections::InspectionDetail& detail);

}  // namespace parscore::engine
