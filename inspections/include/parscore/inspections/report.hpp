#pragma once
// Reading an inspection report (docs/reference/database.md) against an evidence schema: every problem is reported
// with its position (codes E3xx, docs/diagnostics.md) and a file with any error yields nothing.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/inspections/model.hpp"

namespace parscore::inspections {

/// A report holds at most this many records, all kinds together (E314).
inline constexpr std::size_t kMaxReportRecords = 100'000;

/// A file named on the command line, read for the store.
struct InputFile {
    std::optional<core::FileId> file;  // in the SourceSet; absent when it could not be read at all
    bool io_failure = false;           // not found, a directory, unreadable (exit 3)
    core::Text io_message;             // for io_failure
    std::string raw_sha256;            // of the bytes on disk
};

/// Reads a text file into `sources`. An oversized file (over `max_bytes`) and invalid UTF-8 are
/// diagnostics (E301, E302) positioned in the file; nothing else about the content is checked.
InputFile read_input_file(const std::filesystem::path& path, std::size_t max_bytes, core::SourceSet& sources,
                          core::Diagnostics& diags);
/// The same for a text already in memory (a report sent to the server), named `name`.
InputFile input_text(const std::string& name, std::string bytes, std::size_t max_bytes, core::SourceSet& sources,
                     core::Diagnostics& diags);

/// The evaluation year a report's `inspection` block gives (its `year`, else its date's), read
/// with the same checks as read_report; nothing, with the block's errors in `diags`, when it has
/// any. Lets a front end pick the year's evidence schema before the findings are read.
std::optional<int> read_report_year(const core::SourceSet& sources, core::FileId file,
                                    const std::vector<std::string>& units, core::Diagnostics& diags);

/// Validates a report. `units` holds the stored unit ids in byte order. Returns the report when
/// there was no error. With `expected_unit` (amend), a report naming another unit is an error.
std::optional<Report> read_report(const core::SourceSet& sources, core::FileId file, const core::EvidenceSchema& schema,
                                  const std::vector<std::string>& units, core::Diagnostics& diags,
                                  const std::optional<std::string>& expected_unit = std::nullopt);

/// Validates a `findings` map alone (the same rules as in a report): rule-test cases give their
/// evidence this way. Returns the findings when there was no error.
std::optional<Findings> read_findings(const core::YamlNode& findings, const core::EvidenceSchema& schema,
                                      core::Diagnostics& diags);

}  // namespace parscore::inspections
