#include "parscore/app/format.hpp"

#include <array>
#include <utility>

namespace parscore::app {

namespace {
constexpr std::array<std::pair<Format, std::string_view>, 7> kNames{{
    {Format::Table, "table"},
    {Format::Json, "json"},
    {Format::Csv, "csv"},
    {Format::Html, "html"},
    {Format::Xlsx, "xlsx"},
    {Format::Junit, "junit"},
    {Format::Pdf, "pdf"},
}};
}  // namespace

std::string_view format_name(Format format) {
    for (const auto& [f, name] : kNames) {
        if (f == format) return name;
    }
    return "table";
}

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& [f, n] : kNames) {
        if (n == name) return f;
    }
    return std::nullopt;
}

std::vector<std::string> format_names(const std::vector<Format>& formats) {
    std::vector<std::string> out;
    out.reserve(formats.size());
    for (Format f : formats) out.emplace_back(format_name(f));
    return out;
}

}  // namespace parscore::app
