#pragma once
// Reading an inspection report (docs/reference/database.md) against an evidence schema: every problem is reported
// with its position (codes E3xx, docs/diagnostics.md) and a file with any error yields nothing.
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <functional>
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

/// The units a report may name. A list in byte order, or — where reading every id for each report
/// would cost more than the report (a server recording for a country) — a lookup of one id, with
/// the whole list read only to suggest a name for an unknown one.
class KnownUnits {
public:
    KnownUnits(const std::vector<std::string>& sorted)  // NOLINT(google-explicit-constructor): a list is the usual case
        : sorted_(&sorted) {}
    KnownUnits(std::function<bool(std::string_view)> has, std::function<std::vector<std::string>()> all)
        : has_(std::move(has)), all_(std::move(all)) {}

    bool has(std::string_view id) const {
        return sorted_ ? std::binary_search(sorted_->begin(), sorted_->end(), id) : has_(id);
    }
    std::vector<std::string> all() const { return sorted_ ? *sorted_ : all_(); }

private:
    const std::vector<std::string>* sorted_ = nullptr;
    std::function<bool(std::string_view)> has_;
    std::function<std::vector<std::string>()> all_;
};

/// The evaluation year a report's `inspection` block gives (its `year`, else its date's), read
/// with the same checks as read_report; nothing, with the block's errors in `diags`, when it has
/// any. Lets a front end pick the year's evidence schema before the findings are read.
std::optional<int> read_report_year(const core::SourceSet& sources, core::FileId file, const KnownUnits& units,
                                    core::Diagnostics& diags);

/// Validates a report against the stored units. Returns the report when
/// there was no error. With `expected_unit` (amend), a report naming another unit is an error.
std::optional<Report> read_report(const core::SourceSet& sources, core::FileId file, const core::EvidenceSchema& schema,
                                  const KnownUnits& units, core::Diagnostics& diags,
                                  const std::optional<std::string>& expected_unit = std::nullopt);

/// Validates a `findings` map alone (the same rules as in a report): rule-test cases give their
/// evidence this way. Returns the findings when there was no error.
std::optional<Findings> read_findings(const core::YamlNode& findings, const core::EvidenceSchema& schema,
                                      core::Diagnostics& diags);

}  // namespace parscore::inspections
