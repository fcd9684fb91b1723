#pragma once
// Matching a request's path against a route's pattern (docs/server.md, "Paths").
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parscore::server {

using PathParams = std::vector<std::pair<std::string, std::string>>;

/// The path's segments, each percent-decoded; nothing when the path is not absolute, a
/// percent-escape is malformed, or a decoded segment is empty, "." or "..", or holds a '/', a
/// '\\' or a control character (an encoded slash or traversal never reaches a handler).
std::optional<std::vector<std::string>> path_segments(std::string_view path);

/// The pattern's parameters when the segments match it, else nothing.
std::optional<PathParams> match_pattern(std::string_view pattern, const std::vector<std::string>& segments);

}  // namespace parscore::server
