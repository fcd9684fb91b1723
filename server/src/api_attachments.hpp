#pragma once
// An inspection's attachments: uploading raw bytes, downloading them (api_attachments.cpp).
#include "api_internal.hpp"

namespace parscore::server {

/// PUT /api/v1/inspections/{id}/attachments/{name}
HttpResponse put_attachment(const Call& call);
/// GET /api/v1/inspections/{id}/attachments/{sha256}
HttpResponse get_attachment(const Call& call);

/// A Content-Disposition value for a download named `name`: a quoted ASCII stand-in and the
/// name itself percent-encoded (RFC 6266), so that no byte of the name can end or split the header.
std::string content_disposition(std::string_view name);

}  // namespace parscore::server
