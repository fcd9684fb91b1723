#include "parscore/web/assets.hpp"

#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include "parscore/core/sha256.hpp"

namespace parscore::web {

namespace detail {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();  // generated
}

namespace {

constexpr std::string_view kStatic = "static/";

struct Static {
    std::string url_name;  // "parscore.3f9a0c1d2e.css"
    std::string_view bytes;
    std::string content_type;
};

std::string content_type_of(std::string_view name) {
    static const std::pair<std::string_view, std::string_view> types[] = {{".css", "text/css; charset=utf-8"},
                                                                          {".js", "text/javascript; charset=utf-8"},
                                                                          {".svg", "image/svg+xml"},
                                                                          {".png", "image/png"},
                                                                          {".ico", "image/x-icon"},
                                                                          {".json", "application/json; charset=utf-8"},
                                                                          {".webmanifest",
                                                                           "application/manifest+json"}};
    for (const auto& [extension, type] : types) {
        if (name.ends_with(extension)) return std::string(type);
    }
    return "application/octet-stream";
}

/// Static files by their plain name, each with its fingerprinted one: made once.
const std::map<std::string, Static, std::less<>>& statics() {
    static const std::map<std::string, Static, std::less<>> all = [] {
        std::map<std::string, Static, std::less<>> out;
        for (const auto& [path, bytes] : detail::embedded_files()) {
            if (!path.starts_with(kStatic)) continue;
            const std::string name(path.substr(kStatic.size()));
            const std::size_t dot = name.find('.');
            const std::string print = core::sha256_hex(bytes).substr(0, 10);
            std::string url_name = dot == std::string::npos ? name + "." + print
                                                            : name.substr(0, dot) + "." + print + name.substr(dot);
            out.emplace(name, Static{std::move(url_name), bytes, content_type_of(name)});
        }
        return out;
    }();
    return all;
}

}  // namespace

std::optional<std::string_view> file(std::string_view path) {
    for (const auto& [name, bytes] : detail::embedded_files()) {
        if (name == path) return bytes;
    }
    return std::nullopt;
}

std::string static_url(std::string_view name) {
    const auto it = statics().find(name);
    if (it == statics().end()) throw std::logic_error("no static file " + std::string(name));
    return "/static/" + it->second.url_name;
}

std::optional<StaticFile> static_file(std::string_view fingerprinted_name) {
    for (const auto& [name, s] : statics()) {
        if (s.url_name == fingerprinted_name) return StaticFile{s.bytes, s.content_type};
    }
    return std::nullopt;
}

}  // namespace parscore::web
