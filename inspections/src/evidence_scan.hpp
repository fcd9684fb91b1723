#pragma once
// The SQL side of reading a year's evidence (Store::load_evidence): the units, the revisions
// that may count, with their status events, and the findings blobs, read into plain
// rows for the selection (evidence_selection.hpp) and the assembler (evidence_assemble.hpp).
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "evidence_selection.hpp"
#include "parscore/core/evidence.hpp"
#include "parscore/core/schema.hpp"
#include "store_constants.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

/// A unit of the database, covered by the query or not.
struct UnitSlot {
    std::string id;
    std::int64_t covered = -1;  // index among the covered units; -1: not covered
    std::string category;
    bool inactive = false;  // not active in the year
};

struct YearUnits {
    std::vector<UnitSlot> all;      // every unit (or the query's one), by id
    std::vector<UnitInfo> covered;  // active in the year and of a covered category, by id
};

/// The units as of revision `as_of` (`last`: the database's last revision).
YearUnits scan_units(Store::Impl& store, const EvidenceQuery& q, std::int64_t as_of, std::int64_t last);

struct YearRevisions {
    std::vector<selection::RevisionRow> rows;
    core::Arena texts{kCopyBlock};  // the rows' texts
};

/// The year's revisions that may count as of `as_of`: each inspection's latest, of the query's
/// basis, of a unit in `units` (RevisionRow::unit is its position there), with their status
/// events (submit, return, lock) applied.
YearRevisions scan_revisions(Store::Impl& store, const EvidenceQuery& q, std::int64_t as_of,
                             const std::vector<UnitSlot>& units);

/// A findings blob of the year (kind as the schema's index).
struct RawFinding {
    std::int64_t revision;
    std::uint32_t kind;
    bool fact;
    std::uint32_t records;
    std::string_view data;  // in YearFindings::storage
};

struct YearFindings {
    std::deque<RawFinding> rows;  // grows without moving what it holds
    core::Arena storage{kCopyBlock};
};

/// Every findings blob of the year's revisions up to `as_of`, of the schema's kinds, read on a
/// connection of its own so that it can run beside the other scans. Nothing is updated in
/// place and the assembler keeps only the revisions the selection counted, so this second
/// snapshot cannot disagree with the first.
YearFindings scan_findings(const Store::Impl& store, const core::EvidenceSchema& schema, const EvidenceQuery& q,
                           std::int64_t as_of);

}  // namespace parscore::inspections
