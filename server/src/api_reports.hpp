#pragma once
// The routes that take a report: recording one and amending an inspection (api_reports.cpp).
#include "api_internal.hpp"

namespace parscore::server {

/// POST /api/v1/inspections
HttpResponse record_inspection(const Call& call);
/// POST /api/v1/inspections/{id}/amend
HttpResponse amend_inspection(const Call& call);

}  // namespace parscore::server
