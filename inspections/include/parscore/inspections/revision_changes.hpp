#pragma once
// What an amendment changed against the revision before it (docs/api.md, "Inspections"): the
// header's date, evaluation year, kind and team, and per evidence kind whether it was newly
// checked or is no longer listed, a fact's value, and the records added, removed or changed.
// Pure functions over the revisions Store::inspection reads (each with its findings).
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/datum.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::inspections {

/// A field of a record and its value (none: no value, or the field not recorded).
struct FieldValue {
    std::string field;
    std::optional<core::Datum> value;
    friend bool operator==(const FieldValue&, const FieldValue&) = default;
};

/// A field whose value changed.
struct FieldChange {
    std::string field;
    std::optional<core::Datum> before, after;
    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

struct RevisionChange {
    enum class Type {
        Date,           // the inspection's date
        Year,           // its evaluation year (given, else the date's)
        Kind,           // its inspection kind, by name ("surprise", …)
        Team,           // its team
        KindAdded,      // an evidence kind listed now and not before (newly checked)
        KindRemoved,    // an evidence kind listed before and no longer
        Fact,           // a fact's value
        RecordAdded,    // a record of a record kind that the revision before did not have
        RecordRemoved,  // a record the revision before had and this one has not
        RecordChanged,  // a record found in both by its key, with fields of other values
    };
    Type type = Type::Date;
    std::string kind;   // the evidence kind; empty for the header's changes
    bool fact = false;  // the evidence kind is a fact (Fact, and KindAdded or KindRemoved of one)
    /// Date, Year and Kind: the header's values (a date, an int, the kind's name); Fact, and a
    /// fact's KindAdded or KindRemoved: its value (none: checked, no value).
    std::optional<core::Datum> before, after;
    std::vector<std::string> team_before, team_after;  // Team
    /// RecordAdded and RecordRemoved: the record, in its revision's field order.
    std::vector<FieldValue> record;
    /// RecordChanged: the key that matched the two records, and the fields that differ.
    std::optional<FieldValue> key;
    std::vector<FieldChange> fields;

    friend bool operator==(const RevisionChange&, const RevisionChange&) = default;
};

/// What `current` changed against `previous`, two revisions of one inspection: the header's
/// changes first, then the evidence kinds by name. Within a kind: KindAdded or KindRemoved (a
/// record kind's records then follow as added or removed), a fact's change, then its records in
/// `current`'s order (added or changed), then those removed in `previous`'s order.
///
/// Records of a kind with a key in `schema` are matched by it when each revision holds its field
/// with distinct values; others (events such as violations have no identity) are matched whole,
/// so an edited one reads as removed and added.
std::vector<RevisionChange> revision_changes(const HistoryEntry& previous, const HistoryEntry& current,
                                             const core::EvidenceSchema& schema);

/// For each entry of `detail.history`: what it changed when it is a revision after the first (its
/// changes against the revision before it, keys from `detail.schema`), else nullopt.
std::vector<std::optional<std::vector<RevisionChange>>> history_changes(const InspectionDetail& detail);

}  // namespace parscore::inspections
