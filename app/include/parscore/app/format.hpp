#pragma once
// The output formats, named once. A command accepts a subset; each front end has one writer per
// format (docs/reference/outputs.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parscore::app {

enum class Format { Table, Json, Csv, Html, Xlsx, Junit, Pdf };

/// "table", "json", "csv", "html", "xlsx", "junit", "pdf".
std::string_view format_name(Format format);
std::optional<Format> parse_format(std::string_view name);
std::vector<std::string> format_names(const std::vector<Format>& formats);

}  // namespace parscore::app
