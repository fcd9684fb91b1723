#pragma once
// Steps the evidence-store operations share: reading an input file, the stored unit ids, and
// checking what a request names (a unit, inspection ids) before the store is asked.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "parscore/app/error.hpp"
#include "parscore/inspections/report.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

/// CSV files have no 16 MiB limit; positions are 32-bit byte offsets.
inline constexpr std::size_t kMaxCsvBytes = std::numeric_limits<std::uint32_t>::max() - 1;

/// Reads a file into `problems.sources` (an oversized file or bad encoding becomes a diagnostic);
/// an Error of kind Io when it cannot be read at all.
inspections::InputFile read_input(const std::string& path, std::size_t limit, Problems& problems);

/// Stored unit ids in byte order.
std::vector<std::string> unit_ids(const inspections::Store& store);

/// The unit `id` as it is today; Invalid "unknown unit" when the store has none.
inspections::UnitInfo require_unit(const inspections::Store& store, const std::string& id);

/// BadRequest naming the first id shorter than inspections::kMinIdPrefix characters.
void check_id_lengths(const std::vector<std::string>& ids);

}  // namespace parscore::app
