#pragma once
// Reading a CSV file of one evidence kind (docs/reference/database.md): a header row naming `unit`, `date`, every
// field of the kind (a fact: `value`) and optionally `year`; the rows sharing a unit, a date and a
// year form one inspection. Problems are diagnostics with the physical line and code-point column
// of the cell (codes E4xx); a file with any error yields nothing.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/source.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::inspections {

/// Called now and then with the bytes read so far and the file's size.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

/// At most this many errors are reported per file; a last one says that more were left out.
inline constexpr std::size_t kMaxCsvErrors = 1000;

/// A units file names at most this many units (E419); a province has a few hundred, a country some
/// ten thousand.
inline constexpr std::size_t kMaxUnitsPerImport = 100'000;

/// `kind` must name a kind of `schema`. `units` holds the stored unit ids. The batch's `path` and
/// `file_sha256` are left for the caller.
std::optional<ImportBatch> read_evidence_csv(const core::SourceSet& sources, core::FileId file,
                                             const core::EvidenceSchema& schema, std::string_view kind,
                                             const std::vector<std::string>& units, core::Diagnostics& diags,
                                             const Progress& progress = {});

/// Reading a units CSV: `id`, `name`, `category`, optionally `parent`, `active_from`,
/// `active_to` (docs/reference/database.md). `stored` is every unit already in the database.
std::optional<UnitsUpdate> read_units_csv(const core::SourceSet& sources, core::FileId file,
                                          const std::vector<UnitInfo>& stored, core::Diagnostics& diags);

}  // namespace parscore::inspections
