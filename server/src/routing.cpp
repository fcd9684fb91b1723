#include "routing.hpp"

#include "parscore/server/http.hpp"

namespace parscore::server {

namespace {

std::optional<std::string> decode_segment(std::string_view raw) {
    auto decoded = percent_decode(raw, false);
    if (!decoded) return std::nullopt;
    const std::string& out = *decoded;
    if (out.empty() || out == "." || out == "..") return std::nullopt;
    for (const char c : out) {
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    }
    return decoded;
}

}  // namespace

std::optional<std::vector<std::string>> path_segments(std::string_view path) {
    if (path.empty() || path.front() != '/') return std::nullopt;
    std::vector<std::string> segments;
    path.remove_prefix(1);
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        auto segment = decode_segment(path.substr(0, slash));
        if (!segment) return std::nullopt;
        segments.push_back(std::move(*segment));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
        if (path.empty()) return std::nullopt;  // a trailing slash names nothing
    }
    return segments;
}

std::optional<PathParams> match_pattern(std::string_view pattern, const std::vector<std::string>& segments) {
    PathParams params;
    std::size_t index = 0;
    pattern.remove_prefix(1);
    while (!pattern.empty()) {
        const std::size_t slash = pattern.find('/');
        const std::string_view part = pattern.substr(0, slash);
        if (index == segments.size()) return std::nullopt;
        const std::string& segment = segments[index++];
        const std::size_t brace = part.find('{');
        if (brace == std::string_view::npos) {
            if (segment != part) return std::nullopt;
        } else {
            const std::string_view prefix = part.substr(0, brace);
            if (segment.size() <= prefix.size() || !segment.starts_with(prefix)) return std::nullopt;
            const std::string_view name = part.substr(brace + 1, part.size() - brace - 2);
            params.emplace_back(std::string(name), segment.substr(prefix.size()));
        }
        if (slash == std::string_view::npos) break;
        pattern.remove_prefix(slash + 1);
    }
    if (index != segments.size()) return std::nullopt;
    return params;
}

}  // namespace parscore::server
