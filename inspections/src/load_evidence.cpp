// The scorer's read path (docs/reference/scoring.md, "Which evidence counts"), in four phases:
// the scan reads the year's units, revisions and findings blobs into plain rows
// (evidence_scan.hpp); the selection decides which inspections count and which of their
// findings each unit gets (evidence_selection.hpp); the evidence hash names what was counted
// (evidence_hash.hpp); the assembler decodes the chosen blobs straight into typed columns
// (evidence_assemble.hpp). Blobs are copied once into storage the EvidenceSet owns; text values
// point into them, so decoding allocates nothing per value and a year's evidence is freed in a
// few dozen blocks.
//
// Work that can overlap runs together through core/parallel.hpp: the blobs are read on a
// second connection while the first reads units and revisions and the selection runs; the
// hash is taken while the counted inspections are built; decoding runs on as many threads as
// cores. A failure anywhere reaches the caller as the exception it was.
#include <algorithm>

#include "evidence_assemble.hpp"
#include "evidence_hash.hpp"
#include "evidence_scan.hpp"
#include "evidence_selection.hpp"
#include "parscore/core/parallel.hpp"
#include "schema_json.hpp"
#include "store_constants.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

/// The year's rows are read once, front to back: a small page cache recycles its buffers
/// instead of keeping every page read (the connection's usual cache is sized for imports).
class SmallCache {
public:
    explicit SmallCache(sql::Database& db) : db_(db), before_(db.is_postgres() ? 0 : db.pragma_int("cache_size")) {
        if (!db_.is_postgres()) db_.exec("PRAGMA cache_size=" + std::to_string(kEvidenceCacheKiB));
    }
    ~SmallCache() {
        if (db_.is_postgres()) return;  // the server keeps its own cache
        try {
            db_.exec("PRAGMA cache_size=" + std::to_string(before_));
        } catch (...) {  // only a cache size: nothing to recover
        }
    }
    SmallCache(const SmallCache&) = delete;
    SmallCache& operator=(const SmallCache&) = delete;

private:
    sql::Database& db_;
    std::int64_t before_;
};

/// The counted inspections and the units left out, selected from the scanned rows.
struct Selected {
    YearUnits units;
    YearRevisions revisions;
    selection::CountedInspections counted;
};

Selected select_year(Store::Impl& store, const EvidenceQuery& q, std::int64_t as_of, std::int64_t last) {
    Selected out;
    out.units = scan_units(store, q, as_of, last);
    out.revisions = scan_revisions(store, q, as_of, out.units.all);
    std::vector<std::int64_t> covered;
    covered.reserve(out.units.all.size());
    for (const UnitSlot& slot : out.units.all) covered.push_back(slot.covered);
    out.counted = selection::count_inspections(out.revisions.rows, covered);
    return out;
}

/// EvidenceSet::inspections in counted order, and the assembler's view of them.
void add_inspections(const Selected& s, const EvidenceQuery& q, EvidenceSet& out,
                     std::vector<CountedRevision>& assembly) {
    out.inspections.resize(s.counted.counted.size());
    assembly.resize(s.counted.counted.size());
    for (std::size_t i = 0; i < s.counted.counted.size(); ++i) {
        const selection::Counted& c = s.counted.counted[i];
        const selection::RevisionRow& p = s.revisions.rows[c.row];
        assembly[i] = CountedRevision{c.unit, p.revision, selection::inspected_class(q.basis, p.kind)};
        InspectionRef& ref = out.inspections[i];
        ref.id = std::string(p.id);
        ref.unit = s.units.all[p.unit].id;
        ref.date = p.date;
        ref.year = q.year;
        ref.kind = p.kind;
        ref.team = team_from_json(p.team);
        ref.status = selection::counted_status(p);
        ref.revision = p.revision;
        ref.stamp = p.stamp;
        ref.hash = std::string(p.hash);
    }
}

}  // namespace

EvidenceSet Store::load_evidence(const core::EvidenceSchema& schema, const EvidenceQuery& q) const {
    std::optional<SmallCache> small_cache;  // one unit's rows are few: keep what the cache holds
    if (!q.unit) small_cache.emplace(impl_->db);
    sql::ReadTransaction snapshot(impl_->db);
    EvidenceSet out;
    const std::int64_t last = last_revision();
    const std::int64_t as_of = q.as_of_revision ? std::min(*q.as_of_revision, last) : last;
    out.revision = as_of;

    YearFindings findings;
    Selected selected;
    std::vector<CountedRevision> assembly;
    auto hash = [&] { out.evidence_sha256 = evidence_hash(selected.revisions.rows, selected.counted.counted); };
    auto inspections = [&] { add_inspections(selected, q, out, assembly); };
    if (q.unit) {
        // One unit's rows: on this connection, one after the other (threads would cost more).
        findings = scan_findings(*impl_, schema, q, as_of);
        selected = select_year(*impl_, q, as_of, last);
        hash();
        inspections();
    } else {
        core::run_together({[&] { findings = scan_findings(*impl_, schema, q, as_of); },
                            [&] {
                                selected = select_year(*impl_, q, as_of, last);
                                core::run_together({hash, inspections});
                            }});
    }
    for (std::uint32_t at : selected.counted.uncovered) {
        const UnitSlot& slot = selected.units.all[at];
        out.uncovered.push_back(UncoveredUnit{slot.id, slot.category, slot.inactive});
    }
    out.units = std::move(selected.units.covered);
    out.evidence.resize(out.units.size());
    for (core::UnitEvidence& e : out.evidence) e.reset(schema.kinds.size());
    out.arenas.push_back(std::make_unique<core::Arena>(std::move(findings.storage)));
    out.misfits = assemble_evidence(schema, assembly, findings.rows, out.evidence, out.arenas);
    return out;
}

}  // namespace parscore::inspections
