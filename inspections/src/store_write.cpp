// Writing: units, new inspections (reports and CSV imports) and amendments; status moves are in
// store_status.cpp.
#include <algorithm>
#include <unordered_map>

#include "chain.hpp"
#include "findings_blob.hpp"
#include "parscore/core/sha256.hpp"
#include "schema_json.hpp"
#include "store_impl.hpp"
#include "store_rows.hpp"

namespace parscore::inspections {

namespace {

struct Blob {
    std::string kind;
    bool fact = false;
    std::int64_t records = 0;
    std::string_view bytes;
};

std::string digest_of(const std::vector<Blob>& blobs) {
    std::vector<chain::FindingPart> parts;
    parts.reserve(blobs.size());
    for (const Blob& b : blobs) parts.push_back({b.kind, b.fact, b.records, core::sha256_hex(b.bytes)});
    return chain::findings_digest(std::move(parts));
}

/// Inserts inspections, revisions and findings with statements prepared once.
class RevisionWriter {
public:
    explicit RevisionWriter(sql::Database& db)
        : inspection_(db.prepare("INSERT INTO inspections(id, unit, stamp, status, recorded_by, recorded_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?)")),
          revision_(db.prepare(RevisionRow::insert_sql())),
          finding_(db.prepare("INSERT INTO findings(revision, kind, fact, records, data) VALUES (?, ?, ?, ?, ?)")) {}

    void add_inspection(const std::string& id, const std::string& unit, std::int64_t stamp, Status status,
                        const std::string& who, const std::string& at) {
        inspection_.bind(1, id).bind(2, unit).bind(3, stamp).bind(4, status_name(status)).bind(5, who).bind(6, at);
        inspection_.queue();
    }

    struct Revision {
        std::int64_t no = 0;
        std::string_view inspection;
        std::int64_t seq = 1;
        std::string_view prev_hash;
        std::string_view unit;
        std::int64_t stamp = 0;
        std::string_view initial_status;
        const InspectionHeader* header = nullptr;
        std::int64_t schema_id = 0;
        std::string_view schema_sha256;
        std::optional<std::string_view> reason;
        std::string_view who, at;
    };

    /// Returns the new revision's hash.
    std::string add_revision(const Revision& r, const std::vector<Blob>& blobs) {
        const RevisionRow row = row_of(r, blobs);
        row.bind(revision_);
        revision_.queue();
        for (const Blob& b : blobs) {
            finding_.bind(1, r.no).bind(2, b.kind).bind(3, b.fact ? 1 : 0).bind(4, b.records);
            finding_.bind_static_blob(5, b.bytes);
            finding_.queue();
        }
        return row.hash;
    }

    /// The revisions row of `r`, its hash computed.
    static RevisionRow row_of(const Revision& r, const std::vector<Blob>& blobs) {
        RevisionRow row;
        row.no = r.no;
        row.inspection = r.inspection;
        row.seq = r.seq;
        row.unit = r.unit;
        row.stamp = r.stamp;
        row.status = r.initial_status;
        row.date = core::format_date(r.header->date);
        row.year = r.header->year;
        row.eval_year = r.header->evaluation_year();
        row.kind = kind_name(r.header->kind);
        row.team = team_to_json(r.header->team);
        row.schema = r.schema_id;
        row.digest = digest_of(blobs);
        if (r.reason) row.reason = std::string(*r.reason);
        row.recorded_by = r.who;
        row.recorded_at = r.at;
        row.prev_hash = r.prev_hash;
        row.hash = chain::revision_hash(row.content(r.schema_sha256));
        return row;
    }

private:
    sql::Statement inspection_, revision_, finding_;
};

struct EncodedFindings {
    std::vector<std::string> storage;
    std::vector<Blob> blobs;
};

EncodedFindings encode_findings(const Findings& findings) {
    EncodedFindings out;
    out.storage.reserve(findings.size());
    for (const KindFindings& k : findings) out.storage.push_back(blob::encode(k));
    for (std::size_t i = 0; i < findings.size(); ++i) {
        out.blobs.push_back(
            Blob{findings[i].kind, findings[i].fact, static_cast<std::int64_t>(findings[i].rows()), out.storage[i]});
    }
    return out;
}

/// What a client sent, for recognising a resend: the whole report as read (its status too, which
/// the revision does not keep) over the findings' digest.
std::string report_digest(const Report& report, const std::string& findings_digest) {
    const InspectionHeader& h = report.header;
    return core::sha256_hex(h.unit + "\n" + core::format_date(h.date) + "\n" + (h.year ? std::to_string(*h.year) : "") +
                            "\n" + std::string(kind_name(h.kind)) + "\n" + team_to_json(h.team) + "\n" +
                            std::string(status_name(h.status)) + "\n" + findings_digest);
}

/// Inside a write transaction: the inspection a client id was recorded as, when the same report
/// was sent with it; refused when another report was.
std::optional<RecordOutcome> client_report(sql::Database& db, const std::string& client_id, const std::string& digest) {
    sql::Statement s = db.prepare("SELECT inspection, digest FROM client_reports WHERE client_id = ?");
    s.bind(1, client_id);
    if (!s.step()) return std::nullopt;
    if (s.text(1) != digest) {
        refuse(core::T_("client id {id} was sent before with another report", {quoted("id", client_id)}));
    }
    return RecordOutcome{s.text(0), {}, true};
}

}  // namespace

// ---- units ------------------------------------------------------------------------------------

namespace {

constexpr const char* kUnitColumns = "id, name, category, parent, active_from, active_to";

UnitInfo unit_from(const sql::Statement& s) {
    return UnitInfo{s.text(0), s.text(1), s.text(2), s.optional_text(3), s.optional_int(4), s.optional_int(5)};
}

}  // namespace

std::vector<UnitInfo> Store::units() const {
    std::vector<UnitInfo> out;
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kUnitColumns + " FROM units ORDER BY id");
    while (s.step()) out.push_back(unit_from(s));
    return out;
}

std::vector<std::string> Store::unit_ids() const {
    std::vector<std::string> out;
    sql::Statement s = impl_->db.prepare("SELECT id FROM units ORDER BY id");
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::size_t Store::unit_count() const {
    sql::Statement s = impl_->db.prepare("SELECT count(*) FROM units");
    s.step();
    return static_cast<std::size_t>(s.int64(0));
}

std::vector<UnitInfo> Store::units_as_of(std::int64_t revision) const {
    // Before versioning, units had no history: they count as valid from revision 0.
    if (impl_->schema < 2) return units();
    std::vector<UnitInfo> out;
    sql::Statement s = impl_->db.prepare(units_as_of_sql());
    s.bind(1, revision);
    while (s.step()) out.push_back(unit_from(s));
    return out;
}

std::optional<UnitInfo> Store::find_unit(std::string_view id) const {
    sql::Statement s = impl_->db.prepare(std::string("SELECT ") + kUnitColumns + " FROM units WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return unit_from(s);
}

UnitWriter::UnitWriter(sql::Database& db)
    : insert_(db.prepare(
          "INSERT INTO units(id, name, category, parent, active_from, active_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
      update_(db.prepare(
          "UPDATE units SET name = ?2, category = ?3, parent = ?4, active_from = ?5, active_to = ?6 WHERE id = ?1")),
      version_(db.prepare(
          "INSERT INTO unit_versions(no, unit, name, category, parent, active_from, active_to, recorded_by, recorded_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}

void UnitWriter::write(const UnitInfo& u, bool is_new, std::int64_t no, const std::string& who, const std::string& at) {
    sql::Statement& s = is_new ? insert_ : update_;
    s.bind(1, u.id).bind(2, u.name).bind(3, u.category).bind(4, u.parent).bind(5, u.active_from).bind(6, u.active_to);
    s.run();
    version_.bind(1, no).bind(2, u.id).bind(3, u.name).bind(4, u.category).bind(5, u.parent).bind(6, u.active_from);
    version_.bind(7, u.active_to).bind(8, who).bind(9, at);
    version_.run();
}

UnitsOutcome Store::update_units(const UnitsUpdate& update) {
    const std::string who = who_or_user(update.recorded_by);
    return impl_->write([&] {
        UnitsOutcome outcome;
        sql::Statement find = impl_->db.prepare(std::string("SELECT ") + kUnitColumns + " FROM units WHERE id = ?");
        UnitWriter writer(impl_->db);
        std::int64_t no = impl_->next_revision();
        const std::string at = utc_now();
        for (const UnitInfo& u : update.units) {
            find.bind(1, u.id);
            std::optional<UnitInfo> stored;
            if (find.step()) stored = unit_from(find);
            find.reset();
            UnitInfo next = u;
            if (stored) {
                if (!update.has_parent) next.parent = stored->parent;
                if (!update.has_active_from) next.active_from = stored->active_from;
                if (!update.has_active_to) next.active_to = stored->active_to;
                if (next == *stored) {
                    ++outcome.unchanged;
                    continue;
                }
            }
            impl_->audit(stored ? "unit change" : "unit add", next.id, no);
            writer.write(next, !stored, no++, who, at);
            ++(stored ? outcome.updated : outcome.added);
        }
        return outcome;
    });
}

// ---- recording --------------------------------------------------------------------------------

RecordOutcome Store::record(const Report& report, const core::EvidenceSchema& schema, const RecordOptions& options) {
    EncodedFindings encoded = encode_findings(report.findings);
    const std::string schema_json = schema_to_json(schema);
    const std::string schema_sha = core::sha256_hex(schema_json);
    const std::string who = who_or_user(options.recorded_by);
    const std::string digest = digest_of(encoded.blobs);
    const std::string sent_digest = report_digest(report, digest);
    // What needs no turn on the write lock is read before taking it, so that the turn is short:
    // units and schemas are never removed, so what is found now is still there at the commit.
    if (!find_unit(report.header.unit)) refuse(core::T_("unknown unit {unit}", {quoted("unit", report.header.unit)}));
    const std::optional<std::int64_t> stored_schema = impl_->find_schema(schema_sha);

    return impl_->write([&]() -> RecordOutcome {
        if (options.client_id) {
            if (auto earlier = client_report(impl_->db, *options.client_id, sent_digest)) return *earlier;
        }
        if (!options.again) {
            sql::Statement dup = impl_->db.prepare(
                "SELECT i.id FROM inspections i JOIN revisions r ON r.inspection = i.id "
                "WHERE i.unit = ?1 AND r.date = ?2 AND r.kind = ?3 AND r.digest = ?4 "
                "AND r.seq = (SELECT max(seq) FROM revisions WHERE inspection = i.id) LIMIT 1");
            dup.bind(1, report.header.unit).bind(2, core::format_date(report.header.date));
            dup.bind(3, kind_name(report.header.kind)).bind(4, digest);
            if (dup.step()) return RecordOutcome{{}, dup.text(0)};
        }
        const std::int64_t schema_id = stored_schema ? *stored_schema : impl_->schema_id(schema_json, schema_sha);
        const std::int64_t no = impl_->next_revision();
        const std::int64_t stamp = impl_->next_stamp();
        const std::string id = new_uuid();
        const std::string at = utc_now();
        const Status status = report.header.status == Status::Draft ? Status::Draft : Status::Submitted;
        // Audited first: its read of the log's end is the last statement that waits for an answer,
        // and the inserts that follow go to PostgreSQL together with the commit.
        impl_->audit("record", id, no);
        RevisionWriter writer(impl_->db);
        writer.add_inspection(id, report.header.unit, stamp, status, who, at);
        RevisionWriter::Revision r;
        r.no = no;
        r.inspection = id;
        r.unit = report.header.unit;
        r.stamp = stamp;
        r.initial_status = status_name(status);
        r.header = &report.header;
        r.schema_id = schema_id;
        r.schema_sha256 = schema_sha;
        r.who = who;
        r.at = at;
        writer.add_revision(r, encoded.blobs);
        if (options.client_id) {
            sql::Statement client = impl_->db.prepare(
                "INSERT INTO client_reports(client_id, inspection, digest) VALUES (?, ?, ?)");
            client.bind(1, *options.client_id).bind(2, id).bind(3, sent_digest);
            client.queue();
        }
        return RecordOutcome{id, {}, false};
    });
}

std::optional<std::string> Store::imported_before(std::string_view sha256) const {
    sql::Statement s = impl_->db.prepare("SELECT imported_at FROM imports WHERE sha256 = ? ORDER BY id LIMIT 1");
    s.bind(1, sha256);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

ImportOutcome Store::import_batch(const ImportBatch& batch, const core::EvidenceSchema& schema,
                                  const ImportOptions& options) {
    const std::string schema_json = schema_to_json(schema);
    const std::string schema_sha = core::sha256_hex(schema_json);
    const std::string who = who_or_user(options.recorded_by);
    return impl_->write([&]() -> ImportOutcome {
        ImportOutcome outcome;
        if (!options.again) {
            if (auto when = imported_before(batch.file_sha256)) {
                outcome.refused = true;
                outcome.previous_import_at = *when;
                return outcome;
            }
        }
        const std::int64_t schema_id = impl_->schema_id(schema_json, schema_sha);
        const std::int64_t first_no = impl_->next_revision();
        const std::int64_t first_stamp = impl_->next_stamp();
        const std::string at = utc_now();
        const std::size_t count = batch.inspections.size();
        std::vector<std::string> ids(count);
        for (std::string& id : ids) id = new_uuid();
        // One bulk insert per table, in the order the foreign keys need: inspections, their
        // revisions, the revisions' findings, then the audit rows.
        std::size_t i = 0;
        sql::insert_rows(impl_->db, "inspections", "id, unit, stamp, status, recorded_by, recorded_at",
                         [&](sql::RowValues& row) {
                             if (i == count) return false;
                             row.add(ids[i]).add(batch.inspections[i].unit);
                             row.add(first_stamp + static_cast<std::int64_t>(i)).add("submitted").add(who).add(at);
                             ++i;
                             return true;
                         });
        InspectionHeader header;
        header.kind = options.kind;
        std::vector<Blob> blobs(1);
        blobs[0].kind = batch.kind;
        blobs[0].fact = batch.fact;
        const auto finding_of = [&](std::size_t n) {
            blobs[0].records = static_cast<std::int64_t>(batch.inspections[n].records);
            blobs[0].bytes = batch.inspections[n].blob;
        };
        i = 0;
        sql::insert_rows(impl_->db, "revisions", RevisionRow::columns(), [&](sql::RowValues& row) {
            if (i == count) return false;
            const ImportBatch::Inspection& in = batch.inspections[i];
            header.unit = in.unit;
            header.date = in.date;
            header.year = in.year;
            finding_of(i);
            RevisionWriter::Revision r;
            r.no = first_no + static_cast<std::int64_t>(i);
            r.inspection = ids[i];
            r.unit = in.unit;
            r.stamp = first_stamp + static_cast<std::int64_t>(i);
            r.initial_status = "submitted";
            r.header = &header;
            r.schema_id = schema_id;
            r.schema_sha256 = schema_sha;
            r.who = who;
            r.at = at;
            RevisionWriter::row_of(r, blobs).add_to(row);
            ++i;
            return true;
        });
        i = 0;
        sql::insert_rows(impl_->db, "findings", "revision, kind, fact, records, data", [&](sql::RowValues& row) {
            if (i == count) return false;
            finding_of(i);
            row.add(first_no + static_cast<std::int64_t>(i)).add(blobs[0].kind).add(std::int64_t{blobs[0].fact});
            row.add(blobs[0].records).add_blob(blobs[0].bytes);
            ++i;
            return true;
        });
        impl_->audit_many(
            "import", count, [&](std::size_t n) { return std::string_view(ids[n]); }, first_no);
        outcome.inspections = batch.inspections.size();
        outcome.first_revision = batch.inspections.empty() ? 0 : first_no;
        outcome.last_revision = batch.inspections.empty()
                                    ? 0
                                    : first_no + static_cast<std::int64_t>(outcome.inspections) - 1;
        sql::Statement record = impl_->db.prepare(
            "INSERT INTO imports(sha256, path, kind, rows, inspections, first_no, last_no, imported_by, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        record.bind(1, batch.file_sha256).bind(2, batch.path).bind(3, batch.kind);
        record.bind(4, static_cast<std::int64_t>(batch.rows)).bind(5, static_cast<std::int64_t>(outcome.inspections));
        if (outcome.inspections) record.bind(6, outcome.first_revision).bind(7, outcome.last_revision);
        record.bind(8, who).bind(9, at);
        record.run();
        return outcome;
    });
}

// ---- amendments ------------------------------------------------------------------------------

namespace {

/// The number of the inspection's latest revision when its date, year, kind, team and findings
/// equal the report's (an amendment that would change nothing).
std::optional<std::int64_t> identical_revision(sql::Database& db, std::string_view id, const InspectionHeader& h,
                                               const std::string& digest) {
    sql::Statement s = db.prepare(
        "SELECT no FROM revisions WHERE inspection = ?1 AND seq = (SELECT max(seq) FROM revisions WHERE inspection = ?1) "
        "AND date = ?2 AND year IS NOT DISTINCT FROM ?3 AND kind = ?4 AND team = ?5 AND digest = ?6");
    s.bind(1, id).bind(2, core::format_date(h.date)).bind(3, h.year).bind(4, kind_name(h.kind));
    s.bind(5, team_to_json(h.team)).bind(6, digest);
    if (!s.step()) return std::nullopt;
    return s.int64(0);
}

}  // namespace

AmendOutcome Store::amend(std::string_view id, const Report& report, const core::EvidenceSchema& schema,
                          const std::string& reason, const std::string& who_given) {
    EncodedFindings encoded = encode_findings(report.findings);
    const std::string digest = digest_of(encoded.blobs);
    const std::string schema_json = schema_to_json(schema);
    const std::string schema_sha = core::sha256_hex(schema_json);
    const std::string who = who_or_user(who_given);
    return impl_->write([&]() -> AmendOutcome {
        auto head = impl_->chain_head(id);
        if (!head) refuse(core::T_("unknown inspection {id}", {quoted("id", id)}));
        if (head->status == Status::Locked) refuse(core::T_("inspection {id} is locked", {{"id", std::string(id)}}));
        if (head->unit != report.header.unit) {
            refuse(
                core::T_("the amended report names unit {unit} but inspection {id} is of unit {stored}",
                         {quoted("unit", report.header.unit), {"id", std::string(id)}, quoted("stored", head->unit)}));
        }
        if (auto same = identical_revision(impl_->db, id, report.header, digest)) return AmendOutcome{*same, true};
        const std::int64_t schema_id = impl_->schema_id(schema_json, schema_sha);
        const std::int64_t no = impl_->next_revision();
        const std::string at = utc_now();
        RevisionWriter writer(impl_->db);
        RevisionWriter::Revision r;
        r.no = no;
        r.inspection = id;
        r.seq = head->last_seq + 1;
        r.prev_hash = head->last_hash;
        r.unit = head->unit;
        r.stamp = head->stamp;
        r.initial_status = head->initial_status;
        r.header = &report.header;
        r.schema_id = schema_id;
        r.schema_sha256 = schema_sha;
        r.reason = reason;
        r.who = who;
        r.at = at;
        writer.add_revision(r, encoded.blobs);
        impl_->audit("amend", id, no);
        return AmendOutcome{no, false};
    });
}

}  // namespace parscore::inspections
