#pragma once
// The scorer's view of the evidence: one query reads, for a year and a basis, the covered units and
// their evidence already selected by the rules of docs/reference/scoring.md#which-evidence-counts and fitted to a
// rulebook's evidence schema, in the columnar layout the rule language evaluates (core::UnitEvidence).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/evidence.hpp"
#include "parscore/inspections/model.hpp"

namespace parscore::inspections {

/// Which inspection kinds count (docs/reference/scoring.md#which-evidence-counts): every kind, only `self`, or every
/// kind but `self`.
enum class Basis { All, Self, Inspected };
const char* basis_name(Basis b);  // "all", "self", "inspected"
std::optional<Basis> parse_basis(std::string_view text);

struct EvidenceQuery {
    int year = 0;
    Basis basis = Basis::All;
    std::vector<std::string> categories;  // units of these categories are covered; empty: every category
    std::optional<std::string> unit;      // only this unit (when it is covered)
    /// Only changes numbered up to this revision count (re-scoring a publication); none: all.
    std::optional<std::int64_t> as_of_revision;
};

/// A counted inspection that evidence rows refer to (by index, through `origin`).
struct InspectionRef {
    std::string id;
    std::string unit;
    core::Date date;
    int year = 0;  // evaluation year
    InspectionKind kind = InspectionKind::Scheduled;
    std::vector<std::string> team;
    Status status = Status::Submitted;
    std::int64_t revision = 0;  // the revision number read
    std::int64_t stamp = 0;     // recording order
    std::string hash;           // the chain hash of the revision read (its line of the evidence hash)
};

/// Stored values of a declared field that read as missing, for one run-wide warning per kind and
/// field (docs/reference/scoring.md#which-evidence-counts, docs/reference/outputs.md): values whose type or enum does
/// not fit, and records lacking the field.
struct FieldMisfit {
    std::size_t kind = 0;   // schema kind index
    std::size_t field = 0;  // field index in the kind
    std::uint64_t not_fitting = 0;
    std::uint64_t lacking = 0;
};

/// A unit with counted evidence in the year that the query does not cover.
struct UncoveredUnit {
    std::string id;
    std::string category;
    bool inactive = false;  // not active in the year (else: its category is not covered)
};

/// Owns the bytes that text values in `evidence` point into: move it, never copy it.
class EvidenceSet {
public:
    EvidenceSet() = default;
    EvidenceSet(EvidenceSet&&) noexcept = default;
    EvidenceSet& operator=(EvidenceSet&&) noexcept = default;
    EvidenceSet(const EvidenceSet&) = delete;
    EvidenceSet& operator=(const EvidenceSet&) = delete;

    std::vector<UnitInfo> units;               // covered units, by id (byte order)
    std::vector<core::UnitEvidence> evidence;  // parallel to `units`, sized to the schema's kinds
    std::vector<InspectionRef> inspections;    // counted inspections of covered units
    std::vector<FieldMisfit> misfits;          // only entries with a non-zero count
    std::vector<UncoveredUnit> uncovered;      // by id
    /// SHA-256 (hex) over the counted inspections' ids and latest revision hashes, sorted by id:
    /// for each, "<id> <hash>\n".
    std::string evidence_sha256;
    /// The last revision number the set reflects (the database's, or as_of_revision).
    std::int64_t revision = 0;

    /// Index of a covered unit, or nullopt.
    std::optional<std::size_t> unit_index(std::string_view id) const;

    // Storage for the blob bytes text values point into, and for the columns' values; internal.
    std::vector<std::unique_ptr<core::Arena>> arenas;
};

}  // namespace parscore::inspections
