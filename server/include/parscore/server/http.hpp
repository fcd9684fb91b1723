#pragma once
// An HTTP request and response as the API sees them (docs/server.md): plain values, with no type of
// the HTTP library, so that every route, permission and error can be tested by calling
// Api::handle directly. The listener turns the wire into these and back.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parscore/core/shared_bytes.hpp"

namespace parscore::server {

struct HttpRequest {
    std::string method;                                      // "GET", "POST", …
    std::string path;                                        // as sent (percent-encoded), without the query
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
    std::map<std::string, std::string> headers;              // names in lower case
    std::string body;
    std::string client_address;  // the peer, or X-Forwarded-For's last hop behind a proxy

    /// The header's value, or nothing.
    std::optional<std::string_view> header(std::string_view name) const;
    /// The first query parameter of that name, or nothing.
    std::optional<std::string_view> param(std::string_view name) const;
    /// A cookie sent in the Cookie header, or nothing.
    std::optional<std::string> cookie(std::string_view name) const;
    /// A field of an HTML form's body (application/x-www-form-urlencoded or multipart/form-data),
    /// decoded, or nothing. A file is no field.
    std::optional<std::string> form_field(std::string_view name) const;
};

/// One field or file of an HTML form's body (form_data.cpp).
struct FormPart {
    std::string name;
    std::optional<std::string> file_name;  // a file's name as the browser sent it
    std::string content_type;              // a file's declared type (never trusted)
    std::string value;                     // decoded text, or a file's bytes
};

/// The parts of an HTML form's body, in order: application/x-www-form-urlencoded (fields only) or
/// multipart/form-data (RFC 7578). Nothing when the body is not a form or is malformed. Without
/// `with_files`, files are checked but left out.
std::optional<std::vector<FormPart>> form_parts(const HttpRequest& request, bool with_files = true);

/// Decodes "%XX" escapes (and "+" as a space in a query's or a form's component); nothing when an
/// escape is malformed.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// Instead of `body`: a cached document's pieces, sent as they are (a ranking of tens of
    /// megabytes is neither joined nor copied for each request).
    std::optional<core::SharedBytes> shared;
    /// The login of the account that sent the request, for the listener's log line; never sent.
    std::optional<std::string> account;

    void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
    std::size_t body_size() const { return shared ? shared->size() : body.size(); }
    /// The body as one string, `shared` joined (for in-process clients: tests, the fuzzer).
    std::string body_text() const { return shared ? shared->joined() : body; }
    std::optional<std::string_view> header(std::string_view name) const;
};

}  // namespace parscore::server
