#pragma once
// A ready-to-fill report for a unit (api_template.cpp).
#include "api_internal.hpp"

namespace parscore::server {

/// GET /api/v1/years/{year}/template?unit=U&kind=K&date=D
HttpResponse report_template(const Call& call);

}  // namespace parscore::server
