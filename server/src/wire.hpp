#pragma once
// The listener's decisions that need no socket (docs/server.md, "Serving"): which headers every
// response gets, who the client is behind a proxy, what a log line says. Kept apart from
// listener.cpp so that they are tested directly and compile without the HTTP library.
#include <chrono>
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "parscore/core/text.hpp"
#include "parscore/server/http.hpp"

namespace parscore::server::wire {

/// The headers a response gets besides the API's own: security headers the API did not set,
/// and Strict-Transport-Security when this server speaks TLS itself.
std::vector<std::pair<std::string, std::string>> extra_headers(const HttpResponse& response, bool tls);

/// The client's address: the peer's, or behind a proxy the last hop of X-Forwarded-For (the
/// address the proxy itself saw; earlier hops are whatever the client claimed).
std::string client_address(const std::string& peer, std::optional<std::string_view> forwarded_for, bool behind_proxy);

/// An HTTP date, "Sun, 06 Dec 2026 17:00:00 GMT".
std::string http_date(std::time_t time);

/// What a request's log line says. Never the query, headers or body: they may carry secrets.
struct RequestRecord {
    std::optional<std::string> method;  // none: the request could not be read
    std::optional<std::string> path;    // without the query
    int status = 0;
    double milliseconds = 0;
    std::optional<std::string> account;  // the login that sent it
};

/// A log line's members after "time" and "level": "\"event\":\"request\",\"method\":…".
std::string request_fields(const RequestRecord& record);

/// A field of a log line: text or a count.
using LogValue = std::variant<std::string, std::int64_t>;
/// Members of a log line for `event` with the given fields, in order.
std::string event_fields(std::string_view event, const std::vector<std::pair<std::string, LogValue>>& fields);

/// The error an answer of the listener itself carries (503, 413, 431, 400, 500), as the API's.
HttpResponse error_answer(int status, std::string code, core::Text message, const HttpRequest& request);

}  // namespace parscore::server::wire
