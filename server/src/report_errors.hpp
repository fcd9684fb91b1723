#pragma once
// Where an error in a report sent as JSON lies (api_reports.cpp): shared by the API's 422 answer
// and the recording form, which shows each error beside its input.
#include <string>

#include "json_report.hpp"
#include "parscore/core/diagnostic.hpp"

namespace parscore::server {

/// The JSON pointer of what a diagnostic (with a span) of the report written as `yaml` concerns;
/// a missing field points at the field inside its record.
std::string report_pointer(const core::Diagnostic& d, const ReportYaml& yaml);

}  // namespace parscore::server
