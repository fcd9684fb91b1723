#pragma once
// Which evidence counts for a year and basis (docs/reference/scoring.md, "Which evidence
// counts"), as pure functions over plain rows: no SQLite and no store, so every rule is tested
// on hand-written rows. The scan (evidence_scan.hpp) reads the rows and applies the row filters
// below as it reads; the assembler (evidence_assemble.hpp) builds each unit's evidence from the
// choices made here.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/evidence_set.hpp"
#include "parscore/inspections/model.hpp"

namespace parscore::inspections::selection {

/// A status event as the selection sees it; comments and attachments are not status events.
enum class StatusEvent : std::uint8_t { None, Submit, Return, Lock };

/// One revision of the year as read; its texts live in the reader's storage.
struct RevisionRow {
    std::string_view id, team, hash;
    std::int64_t revision = 0, stamp = 0;  // the revision's number; the inspection's recording order
    std::uint32_t unit = 0;                // the unit's position among all units (by id)
    core::Date date;
    InspectionKind kind = InspectionKind::Scheduled;
    bool initially_submitted = false;            // recorded as submitted rather than as a draft
    StatusEvent last_event = StatusEvent::None;  // the inspection's last status event so far
    std::uint32_t last_event_seq = 0;            // its position in the chain
};

/// Applies a status event ("submit", "return" or "lock") at chain position `seq`: the one latest
/// in the chain decides, whatever order the events are read in.
void apply_status_event(RevisionRow& row, std::string_view event, std::int64_t seq);

// --- Row filters, applied while scanning -------------------------------------------------

/// Amended inspections count in their latest revision only: whether revision `no`, the `seq`-th
/// of its inspection, is that one, given the number of the inspection's latest amendment
/// (none: it was never amended).
bool is_latest_revision(std::int64_t no, std::int64_t seq, std::optional<std::int64_t> latest_amendment);

/// Whether an inspection of `kind` counts under `basis`.
bool counts_under(Basis basis, InspectionKind kind);

/// Submitted or locked counts; a draft or a returned inspection never does.
bool is_counted(const RevisionRow& row);
/// A counted inspection's status.
Status counted_status(const RevisionRow& row);

// --- Counted inspections -----------------------------------------------------------------

/// A counted inspection: its covered unit, date and stamp (its sort key), its row.
struct Counted {
    std::uint32_t unit;  // index among the covered units
    std::int32_t date;
    std::int64_t stamp;
    std::uint32_t row;  // in the rows given to count_inspections
};

struct CountedInspections {
    std::vector<Counted> counted;          // by covered unit, then date, stamp and id
    std::vector<std::uint32_t> uncovered;  // units (positions among all) with counted rows but not covered, ascending
};

/// The counted rows (not drafts) of covered units, each unit's chronological: by date, then
/// recording stamp, then id (equal stamps only after a merge). `covered[u]` is unit u's index
/// among the covered units, or -1 when it is not covered.
CountedInspections count_inspections(const std::vector<RevisionRow>& rows, const std::vector<std::int64_t>& covered);

// --- Choosing among a unit's findings of one kind ----------------------------------------

/// A counted inspection's findings of one kind, for one unit.
struct Candidate {
    std::uint32_t inspection;  // the inspection's index in chronological order (Counted order)
    bool inspected;            // of the inspected class, which beats self-assessment (basis all)
    bool fact;                 // stored as a fact, else as records
    std::uint32_t records;
};

/// Whether the inspected class beats self-assessment for a kind under `basis`: only under `all`
/// are there two classes.
bool inspected_class(Basis basis, InspectionKind kind);

/// Priority: an inspected value beats a self-assessed one, then the later inspection wins.
bool beats(const Candidate& a, const Candidate& b);

/// What a kind is, as far as choosing goes.
struct KindShape {
    bool is_fact = false;
    core::Combine combine = core::Combine::Union;
};

/// The candidates a unit's evidence of one kind is built from, as positions in the group.
struct KindChoice {
    /// A fact or `combine: latest`: the winner (none when no candidate fits). A union (keyed or
    /// not): every candidate of the kind's shape, chronologically.
    std::vector<std::uint32_t> take;
    /// Records stored with the other shape (a fact as records or records as a fact): they do not fit.
    std::uint64_t misshapen = 0;
};

/// `group`: the unit's candidates for the kind, chronologically. A fact is taken from the
/// winning candidate that has a value; `latest` from the winning one that listed the kind.
KindChoice choose(const KindShape& shape, const std::vector<Candidate>& group);

/// A record's key value (keys are text, int, enum or date).
struct RecordKey {
    int tag = 0;
    std::int64_t number = 0;
    std::string_view text;
    bool operator==(const RecordKey& o) const { return tag == o.tag && number == o.number && text == o.text; }
};
struct RecordKeyHash {
    std::size_t operator()(const RecordKey& k) const {
        return std::hash<std::string_view>()(k.text) ^ (std::hash<std::int64_t>()(k.number) * 31) ^
               static_cast<std::size_t>(k.tag);
    }
};

/// Keyed union: for each key value, the record of the highest-priority candidate that has it;
/// records whose key is missing are all kept. Buffers are reused from one group to the next.
class KeyedUnion {
public:
    /// `take` as chosen for the group; `key_at(position, row)` gives a record's key, nullopt when
    /// missing. Sets keep[position][row] for the candidates taken (keep is sized to the group)
    /// and returns how many records are kept.
    template <typename KeyAt> std::uint32_t select(const std::vector<Candidate>& group,
                                                   const std::vector<std::uint32_t>& take, KeyAt&& key_at,
                                                   std::vector<std::vector<unsigned char>>& keep) {
        order_.assign(take.begin(), take.end());
        std::sort(order_.begin(), order_.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return beats(group[a], group[b]); });
        seen_.clear();
        keep.resize(group.size());
        std::uint32_t total = 0;
        for (std::uint32_t at : order_) {
            keep[at].assign(group[at].records, 0);
            for (std::uint32_t row = 0; row < group[at].records; ++row) {
                const std::optional<RecordKey> key = key_at(at, row);
                if (!key || seen_.insert(*key).second) {
                    keep[at][row] = 1;
                    ++total;
                }
            }
        }
        return total;
    }

private:
    std::vector<std::uint32_t> order_;
    std::unordered_set<RecordKey, RecordKeyHash> seen_;
};

}  // namespace parscore::inspections::selection
