// The year's units, revisions and events as plain rows. The memory a read touches costs as much
// as the work on it (every fresh page is a fault), so revisions are kept as compact rows whose
// texts are copied into blocks, and filtered as they are read.
#include "evidence_scan.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "parscore/core/parallel.hpp"
#include "text_index.hpp"

namespace parscore::inspections {

namespace {

using selection::RevisionRow;

/// Lets unordered maps keyed by std::string be searched with a string_view.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using AmendmentMap = std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>>;

/// Below this many revisions in the year, one thread reads them all.
constexpr std::int64_t kSplitRevisions = 16'384;

/// Amendments (seq > 1, a partial index) say which revision of an inspection is the latest. One
/// unit's are found through its inspections: the whole database's would cost a server's update
/// after one write more than everything else it does.
AmendmentMap latest_amendments(const sql::Database& db, std::int64_t as_of, const std::optional<std::string>& unit) {
    AmendmentMap out;
    sql::Statement s = db.prepare(
        unit ? "SELECT inspection, max(no) FROM revisions WHERE inspection IN (SELECT id FROM inspections WHERE "
               "unit = ?2) AND +seq > 1 AND +no <= ?1 GROUP BY inspection"
             : "SELECT inspection, max(no) FROM revisions WHERE seq > 1 AND no <= ?1 GROUP BY inspection");
    s.bind(1, as_of);
    if (unit) s.bind(2, *unit);
    while (s.step()) out.emplace(s.text(0), s.int64(1));
    return out;
}

/// Revisions of a part of the year as compact rows.
struct RevisionRows {
    std::vector<RevisionRow> rows;
    core::Arena texts{kCopyBlock};
    std::int64_t events_from = std::numeric_limits<std::int64_t>::max();  // first revision number of an inspection
};

/// Reads revisions of the query's year that may count (the filters of evidence_selection.hpp).
/// A revision carries its inspection's unit, stamp and first status, so the inspections table
/// is not read.
struct RevisionScan {
    const EvidenceQuery& q;
    const TextIndex& units;
    const AmendmentMap& latest_amendment;
    bool dense;  // scan the table over the range of numbers rather than the year index

    /// Those numbered `from` to `to`; `expected` rows are reserved.
    RevisionRows read(const sql::Database& db, std::int64_t from, std::int64_t to, std::size_t expected) const {
        RevisionRows out;
        out.rows.reserve(expected);
        // One unit's revisions are found through its inspections (an index on each; the `+`s keep
        // the planner off the year's index), not among the whole year's.
        sql::Statement s = db.prepare(
            dense    ? "SELECT inspection, no, seq, unit, stamp, status, date, kind, team, hash FROM revisions "
                       "WHERE no BETWEEN ?4 AND ?5 AND +eval_year = ?1"
            : q.unit ? "SELECT inspection, no, seq, unit, stamp, status, date, kind, team, hash FROM revisions "
                       "WHERE inspection IN (SELECT id FROM inspections WHERE unit = ?3) AND +eval_year = ?1 "
                       "AND +no BETWEEN ?4 AND ?5"
                     : "SELECT inspection, no, seq, unit, stamp, status, date, kind, team, hash FROM revisions "
                       "WHERE eval_year = ?1 AND no BETWEEN ?4 AND ?5");
        s.bind(1, q.year).bind(4, from).bind(5, to);
        if (q.unit && !dense) s.bind(3, q.unit);
        while (s.step()) {
            if (auto row = take(s, out)) out.rows.push_back(*row);
        }
        return out;
    }

private:
    std::optional<RevisionRow> take(const sql::Statement& s, RevisionRows& out) const {
        const std::string_view inspection = s.text_view(0);
        const std::int64_t no = s.int64(1), seq = s.int64(2);
        if (seq == 1) out.events_from = std::min(out.events_from, no);
        auto amended = latest_amendment.find(inspection);
        const std::optional<std::int64_t> latest = amended == latest_amendment.end()
                                                       ? std::nullopt
                                                       : std::optional<std::int64_t>(amended->second);
        if (!selection::is_latest_revision(no, seq, latest)) return std::nullopt;
        if (seq != 1) out.events_from = 0;  // its first revision may lie outside the year: read every event
        const InspectionKind kind = parse_inspection_kind(s.text_view(7)).value_or(InspectionKind::Other);
        if (!selection::counts_under(q.basis, kind)) return std::nullopt;
        const std::uint32_t at = units.find(s.text_view(3));
        if (at == TextIndex::kNone) return std::nullopt;
        auto date = core::parse_date(s.text_view(6));
        if (!date) throw StoreError(StoreError::Kind::Database, core::T_("a stored inspection date is malformed"));
        RevisionRow p;
        p.id = out.texts.copy(inspection);
        const std::string_view team = s.text_view(8);
        p.team = team == "[]" ? std::string_view("[]") : out.texts.copy(team);
        p.hash = out.texts.copy(s.text_view(9));
        p.revision = no;
        p.stamp = s.int64(4);
        p.unit = at;
        p.date = *date;
        p.kind = kind;
        p.initially_submitted = s.text_view(5) == "submitted";
        return p;
    }
};

// The year index says how many revisions there are and where: when they fill at least half of
// their range of numbers (a year recorded in its year, the usual case), scanning the table over
// that range costs less than a table lookup per index entry. A large range is read in two
// halves, the second on a connection of its own, together.
RevisionRows read_revisions(Store::Impl& store, const EvidenceQuery& q, std::int64_t as_of, const TextIndex& units,
                            const AmendmentMap& latest_amendment) {
    if (q.unit) {
        const RevisionScan scan{q, units, latest_amendment, false};
        return scan.read(store.db, 0, as_of, 0);
    }
    sql::Statement range = store.db.prepare(
        "SELECT count(*), min(no), max(no) FROM revisions WHERE eval_year = ?1 AND no <= ?2");
    range.bind(1, q.year).bind(2, as_of);
    if (!range.step() || range.int64(0) == 0) return {};
    const std::int64_t count = range.int64(0), first = range.int64(1), last = range.int64(2);
    const RevisionScan scan{q, units, latest_amendment, count * 2 >= last - first + 1};
    if (count < kSplitRevisions) return scan.read(store.db, first, last, static_cast<std::size_t>(count));
    const std::int64_t middle = first + (last - first) / 2;
    RevisionRows rows, second;
    core::run_together({[&] { rows = scan.read(store.db, first, middle, static_cast<std::size_t>(count)); },
                        [&] {
                            sql::Database conn = store.reader();
                            conn.busy_timeout(kBusyTimeoutMs);
                            second = scan.read(conn, middle + 1, last, static_cast<std::size_t>(count / 2));
                        }});
    rows.rows.insert(rows.rows.end(), second.rows.begin(), second.rows.end());
    rows.texts.adopt(std::move(second.texts));
    rows.events_from = std::min(rows.events_from, second.events_from);
    return rows;
}

/// Applies the status events (submit, return, lock) up to `as_of` to their rows, in one pass in
/// the order of their numbers; each row keeps the one latest in its chain. An inspection's events
/// come after its first revision. The index by id is built when the first event shows up: imports
/// record submitted inspections and no events.
void apply_events(const sql::Database& db, std::vector<RevisionRow>& rows, std::int64_t events_from, std::int64_t as_of,
                  const std::optional<std::string>& unit) {
    std::unordered_map<std::string_view, std::size_t> by_id;
    // One unit's events are found through its inspections, not among every event numbered since
    // its first one.
    sql::Statement s = db.prepare(
        unit ? "SELECT inspection, event, seq FROM events WHERE inspection IN (SELECT id FROM inspections WHERE "
               "unit = ?3) AND +no >= ?1 AND +no <= ?2 AND event IN ('submit', 'return', 'lock')"
             : "SELECT inspection, event, seq FROM events WHERE no >= ?1 AND no <= ?2 AND event IN ('submit', "
               "'return', 'lock')");
    s.bind(1, events_from == std::numeric_limits<std::int64_t>::max() ? 0 : events_from).bind(2, as_of);
    if (unit) s.bind(3, *unit);
    while (s.step()) {
        if (by_id.empty()) {
            by_id.reserve(rows.size() * 2);
            for (std::size_t i = 0; i < rows.size(); ++i) by_id.emplace(rows[i].id, i);
        }
        auto it = by_id.find(s.text_view(0));
        if (it == by_id.end()) continue;
        selection::apply_status_event(rows[it->second], s.text_view(1), s.int64(2));
    }
}

}  // namespace

YearUnits scan_units(Store::Impl& store, const EvidenceQuery& q, std::int64_t as_of, std::int64_t last) {
    YearUnits out;
    sql::Statement count = store.db.prepare(q.unit ? "SELECT count(*) FROM units WHERE id = ?1"
                                                   : "SELECT count(*) FROM units WHERE CAST(?1 AS TEXT) IS NULL");
    count.bind(1, q.unit);
    if (count.step()) {
        out.all.reserve(static_cast<std::size_t>(count.int64(0)));
        out.covered.reserve(static_cast<std::size_t>(count.int64(0)));
    }
    // Re-scoring as of an earlier revision takes the units as they were then; today's units are
    // the latest versions, read from `units` directly.
    const bool earlier = store.schema >= 2 && as_of < last;
    sql::Statement s = earlier ? store.db.prepare(units_as_of_sql())
                               : store.db.prepare(
                                     q.unit ? "SELECT id, name, category, parent, active_from, active_to FROM units "
                                              "WHERE id = ?2"
                                            : "SELECT id, name, category, parent, active_from, active_to FROM units "
                                              "WHERE CAST(?2 AS TEXT) IS NULL ORDER BY id");
    if (earlier) s.bind(1, as_of);
    s.bind(2, q.unit);
    while (s.step()) {
        UnitInfo u{s.text(0), s.text(1), s.text(2), s.optional_text(3), s.optional_int(4), s.optional_int(5)};
        UnitSlot slot{u.id, -1, u.category, !u.active_in(q.year)};
        const bool category_ok = q.categories.empty() ||
                                 std::find(q.categories.begin(), q.categories.end(), u.category) != q.categories.end();
        if (!slot.inactive && category_ok) {
            slot.covered = static_cast<std::int64_t>(out.covered.size());
            out.covered.push_back(std::move(u));
        }
        out.all.push_back(std::move(slot));
    }
    return out;
}

YearRevisions scan_revisions(Store::Impl& store, const EvidenceQuery& q, std::int64_t as_of,
                             const std::vector<UnitSlot>& units) {
    std::vector<std::string_view> ids;
    ids.reserve(units.size());
    for (const UnitSlot& slot : units) ids.push_back(slot.id);
    const TextIndex unit_index(std::move(ids));
    const AmendmentMap latest_amendment = latest_amendments(store.db, as_of, q.unit);
    RevisionRows rows = read_revisions(store, q, as_of, unit_index, latest_amendment);
    if (!rows.rows.empty()) apply_events(store.db, rows.rows, rows.events_from, as_of, q.unit);
    YearRevisions out;
    out.rows = std::move(rows.rows);
    out.texts = std::move(rows.texts);
    return out;
}

YearFindings scan_findings(const Store::Impl& store, const core::EvidenceSchema& schema, const EvidenceQuery& q,
                           std::int64_t as_of) {
    std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> kind_index;
    for (std::size_t k = 0; k < schema.kinds.size(); ++k)
        kind_index.emplace(schema.kinds[k].name, static_cast<std::uint32_t>(k));
    YearFindings out;
    // A year's blobs are read on a connection of their own, beside the revisions; one unit's are
    // few, and a connection costs more to open than they take to read.
    sql::Database own;
    if (!q.unit) {
        own = store.reader();
        own.busy_timeout(kBusyTimeoutMs);
    }
    const sql::Database& conn = q.unit ? store.db : own;
    sql::Statement s = conn.prepare(
        q.unit ? "SELECT revision, kind, fact, records, data FROM findings WHERE revision IN "
                 "(SELECT no FROM revisions WHERE inspection IN (SELECT id FROM inspections WHERE unit = ?3) "
                 "AND +eval_year = ?1 AND +no <= ?2)"
               : "SELECT revision, kind, fact, records, data FROM findings WHERE revision IN "
                 "(SELECT no FROM revisions WHERE eval_year = ?1 AND no <= ?2)");
    s.bind(1, q.year).bind(2, as_of);
    if (q.unit) s.bind(3, q.unit);
    while (s.step()) {
        auto kind = kind_index.find(s.text_view(1));
        if (kind == kind_index.end()) continue;
        out.rows.push_back(RawFinding{s.int64(0), kind->second, s.int64(2) != 0, static_cast<std::uint32_t>(s.int64(3)),
                                      out.storage.copy(s.blob(4))});
    }
    return out;
}

}  // namespace parscore::inspections
