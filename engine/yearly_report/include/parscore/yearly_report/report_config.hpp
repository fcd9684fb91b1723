#pragma once
// The yearly report's config file (docs/reports.md, "The report's config"): who issues the
// report, its number, place and date, who signs it and whom it is sent to. None of these is
// ever invented: what the file leaves out is printed as a blank to fill by hand. Strict YAML;
// every problem is reported with its position (E6xx, docs/diagnostics.md).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"

namespace parscore::engine::yearly {

struct ReportConfig {
    std::string parent_body;              // issuer.parent: "UBND TỈNH HÒA BÌNH" (optional)
    std::string issuing_body;             // issuer.name: "SỞ NỘI VỤ" (required)
    std::string number;                   // "125/BC-SNV" (optional: a blank)
    std::string place;                    // "Hòa Bình" (optional: a blank)
    std::optional<core::Date> date;       // optional: a blank
    std::string authority;                // signer.authority: "KT. GIÁM ĐỐC" (optional)
    std::string signer_title;             // signer.title: "PHÓ GIÁM ĐỐC" (required)
    std::string signer_name;              // signer.name (required)
    std::vector<std::string> recipients;  // in order, as written
};

/// Reads the config file `file` of `sources`. Returns nullopt when `diags` holds an error for it.
std::optional<ReportConfig> parse_report_config(const core::SourceSet& sources, core::FileId file,
                                                core::Diagnostics& diags);

/// Reads and parses the file at `path` (at most 16 MiB of UTF-8). A file that cannot be read sets
/// `io_failure` (the command exits 3); one too large or not UTF-8 is an E604 error at the file.
std::optional<ReportConfig> read_report_config(const std::filesystem::path& path, core::SourceSet& sources,
                                               core::Diagnostics& diags, bool& io_failure);

}  // namespace parscore::engine::yearly
