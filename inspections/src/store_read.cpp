// Reading inspections for listing and display, and publications.
#include <algorithm>
#include <functional>

#include "findings_blob.hpp"
#include "schema_json.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

constexpr const char* kSummarySelect =
    "SELECT i.id, i.unit, i.stamp, i.status, i.recorded_by, i.recorded_at, r.no, r.date, r.year, r.kind, r.team, "
    " (SELECT count(*) FROM revisions WHERE inspection = i.id), "
    " " PARSCORE_LAST_STATUS_EVENT
    ", "
    " (SELECT coalesce(sum(records), 0) FROM findings WHERE revision = r.no), r.schema "
    "FROM inspections i JOIN revisions r ON r.inspection = i.id "
    "WHERE r.seq = (SELECT max(seq) FROM revisions WHERE inspection = i.id) ";

core::Date stored_date(std::string_view text) {
    auto d = core::parse_date(text);
    if (!d)
        throw StoreError(StoreError::Kind::Database,
                         core::T_("stored date {date} is malformed", {{"date", "'" + std::string(text) + "'"}}));
    return *d;
}

InspectionKind stored_kind(std::string_view text) {
    return parse_inspection_kind(text).value_or(InspectionKind::Other);
}

InspectionSummary summary_from(const sql::Statement& s) {
    InspectionSummary r;
    r.id = s.text(0);
    r.unit = s.text(1);
    r.stamp = s.int64(2);
    r.recorded_by = s.text(4);
    r.recorded_at = s.text(5);
    r.revision = s.int64(6);
    r.date = stored_date(s.text_view(7));
    r.year_given = s.optional_int(8);
    r.year = r.year_given ? *r.year_given : core::year_of(r.date);
    r.kind = stored_kind(s.text_view(9));
    r.team = team_from_json(s.text_view(10));
    r.revisions = static_cast<int>(s.int64(11));
    r.status = status_after(s.optional_text(12), s.text_view(3));
    r.records = static_cast<std::size_t>(s.int64(13));
    return r;
}

HistoryEntry::Type event_type(std::string_view event) {
    if (event == "lock") return HistoryEntry::Type::Lock;
    if (event == "return") return HistoryEntry::Type::Return;
    if (event == "comment") return HistoryEntry::Type::Comment;
    if (event == "attach") return HistoryEntry::Type::Attach;
    return HistoryEntry::Type::Submit;
}

/// Returns, comments and attachments as the detail lists them besides the history.
void add_review(const HistoryEntry& e, std::string media_type, std::int64_t size, InspectionDetail& d) {
    if (e.type == HistoryEntry::Type::Return || e.type == HistoryEntry::Type::Comment) {
        const auto kind = e.type == HistoryEntry::Type::Return ? ReviewNote::Kind::Return : ReviewNote::Kind::Comment;
        d.notes.push_back(ReviewNote{kind, e.no, e.note.value_or(""), e.recorded_by, e.recorded_at});
    } else if (e.type == HistoryEntry::Type::Attach) {
        d.attachments.push_back(AttachmentInfo{e.no, e.attachment.value_or(""), e.file_name.value_or(""),
                                               std::move(media_type), size, e.recorded_by, e.recorded_at});
    }
}

/// The inspection's events into its history, and its returns, comments and attachments (schema 4
/// on; an attachment missing from its table reads with no type and size 0, and verify names it).
void read_events(const sql::Database& db, std::int64_t schema, std::string_view id, InspectionDetail& d) {
    sql::Statement events = db.prepare(
        schema >= 4 ? "SELECT e.no, e.seq, e.recorded_by, e.recorded_at, e.hash, e.prev_hash, e.event, e.note, "
                      "e.attachment, e.file_name, a.media_type, a.size FROM events e "
                      "LEFT JOIN attachments a ON a.sha256 = e.attachment WHERE e.inspection = ? ORDER BY e.seq"
                    : "SELECT no, seq, recorded_by, recorded_at, hash, prev_hash, event, NULL, NULL, NULL, NULL, NULL "
                      "FROM events WHERE inspection = ? ORDER BY seq");
    events.bind(1, id);
    while (events.step()) {
        HistoryEntry e;
        e.type = event_type(events.text_view(6));
        e.no = events.int64(0);
        e.seq = static_cast<int>(events.int64(1));
        e.recorded_by = events.text(2);
        e.recorded_at = events.text(3);
        e.hash = events.text(4);
        e.prev_hash = events.text(5);
        e.note = events.optional_text(7);
        e.attachment = events.optional_text(8);
        e.file_name = events.optional_text(9);
        add_review(e, events.optional_text(10).value_or(""), events.optional_int(11).value_or(0), d);
        d.history.push_back(std::move(e));
    }
}

/// Every revision's findings in one query (what an amendment changed is told from them), into
/// the revisions already in the history; the latest revision's are the detail's findings.
void read_revision_findings(const sql::Database& db, std::string_view id, InspectionDetail& d) {
    sql::Statement f = db.prepare(
        "SELECT f.revision, f.kind, f.fact, f.data FROM revisions r JOIN findings f ON f.revision = r.no "
        "WHERE r.inspection = ? ORDER BY f.revision, f.kind");
    f.bind(1, id);
    auto entry = d.history.begin();
    while (f.step()) {
        const std::int64_t no = f.int64(0);
        if (entry == d.history.end() || entry->no != no)
            entry = std::find_if(d.history.begin(), d.history.end(), [&](const HistoryEntry& e) { return e.no == no; });
        if (entry == d.history.end()) continue;  // not reachable: the revisions were read in the same snapshot
        entry->findings.push_back(blob::decode(f.text_view(1), f.int64(2) != 0, f.blob(3)));
    }
    for (const HistoryEntry& e : d.history)
        if (e.no == d.summary.revision) d.findings = e.findings;
}

}  // namespace

std::vector<InspectionSummary> Store::inspections(const InspectionFilter& filter) const {
    sql::ReadTransaction snapshot(impl_->db);
    sql::Statement s = impl_->db.prepare(
        std::string(kSummarySelect) + "AND (?1 IS NULL OR i.unit = ?1) ORDER BY r.date DESC, i.stamp DESC, i.id DESC");
    s.bind(1, filter.unit);
    std::vector<InspectionSummary> out;
    while (s.step()) {
        InspectionSummary r = summary_from(s);
        if (filter.year && r.year != *filter.year) continue;
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<InspectionDetail> Store::inspection(std::string_view id) const {
    sql::ReadTransaction snapshot(impl_->db);
    sql::Statement s = impl_->db.prepare(std::string(kSummarySelect) + "AND i.id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    InspectionDetail d;
    d.summary = summary_from(s);
    const std::int64_t schema_id = s.int64(14);

    sql::Statement schema = impl_->db.prepare("SELECT body FROM schemas WHERE id = ?");
    schema.bind(1, schema_id);
    if (schema.step()) d.schema = schema_from_json(schema.text_view(0));

    sql::Statement revisions = impl_->db.prepare(
        "SELECT no, seq, recorded_by, recorded_at, hash, prev_hash, reason, date, year, kind, team "
        "FROM revisions WHERE inspection = ?");
    revisions.bind(1, id);
    while (revisions.step()) {
        HistoryEntry e;
        e.type = HistoryEntry::Type::Revision;
        e.no = revisions.int64(0);
        e.seq = static_cast<int>(revisions.int64(1));
        e.recorded_by = revisions.text(2);
        e.recorded_at = revisions.text(3);
        e.hash = revisions.text(4);
        e.prev_hash = revisions.text(5);
        e.reason = revisions.optional_text(6);
        e.date = stored_date(revisions.text_view(7));
        e.year = revisions.optional_int(8);
        e.kind = stored_kind(revisions.text_view(9));
        e.team = team_from_json(revisions.text_view(10));
        d.history.push_back(std::move(e));
    }
    read_revision_findings(impl_->db, id, d);
    read_events(impl_->db, impl_->schema, id, d);
    std::sort(d.history.begin(), d.history.end(),
              [](const HistoryEntry& a, const HistoryEntry& b) { return a.seq < b.seq; });
    return d;
}

// ---- publications -------------------------------------------------------------------------------

std::int64_t Store::add_publication(const Publication& p) {
    return impl_->write([&] {
        // A publication is a change like any other: it takes the next number, which is above every
        // change it saw (last_revision), so re-scoring it never counts itself or anything later.
        sql::Statement s = impl_->db.prepare(
            "INSERT INTO publications(no, year, basis, rulebook_id, rulebook_version, rulebook_sha256, "
            "evidence_sha256, results, last_revision, supersede_reason, published_by, published_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        const std::int64_t no = impl_->next_revision();
        s.bind(1, no);
        s.bind(2, p.year).bind(3, basis_name(p.basis)).bind(4, p.rulebook_id).bind(5, p.rulebook_version);
        s.bind(6, p.rulebook_sha256).bind(7, p.evidence_sha256).bind(8, p.results).bind(9, p.last_revision);
        s.bind(10, p.supersede_reason);
        s.bind(11, p.published_by.empty() ? current_user() : p.published_by);
        s.bind(12, p.published_at.empty() ? utc_now() : p.published_at);
        s.run();
        const std::int64_t id = impl_->db.last_insert_id();
        sql::Statement f = impl_->db.prepare(
            "INSERT INTO publication_files(publication, position, path, sha256, text) VALUES (?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < p.rulebook_files.size(); ++i) {
            const PublishedFile& file = p.rulebook_files[i];
            f.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, file.path).bind(4, file.sha256);
            f.bind(5, file.text);
            f.run();
        }
        impl_->audit("publish", std::to_string(p.year) + " " + basis_name(p.basis) + " " + p.rulebook_id, no);
        return id;
    });
}

namespace {

std::vector<Publication> read_publications(const sql::Database& db, std::int64_t schema, const std::string& where,
                                           const std::function<void(sql::Statement&)>& bind) {
    sql::ReadTransaction snapshot(db);
    // Before schema 3 publications had no number of their own.
    const std::string no = schema >= 3 ? "no" : "NULL";
    sql::Statement s = db.prepare(
        "SELECT id, year, basis, rulebook_id, rulebook_version, rulebook_sha256, evidence_sha256, results, "
        "last_revision, supersede_reason, published_by, published_at, " +
        no + " FROM publications " + where);
    bind(s);
    std::vector<Publication> out;
    while (s.step()) {
        Publication p;
        p.id = s.int64(0);
        p.year = static_cast<int>(s.int64(1));
        p.basis = parse_basis(s.text_view(2)).value_or(Basis::All);
        p.rulebook_id = s.text(3);
        p.rulebook_version = s.text(4);
        p.rulebook_sha256 = s.text(5);
        p.evidence_sha256 = s.text(6);
        p.results = s.text(7);
        p.last_revision = s.int64(8);
        p.supersede_reason = s.optional_text(9);
        p.published_by = s.text(10);
        p.published_at = s.text(11);
        if (!s.is_null(12)) p.no = s.int64(12);
        out.push_back(std::move(p));
    }
    sql::Statement f = db.prepare(
        "SELECT path, sha256, text FROM publication_files WHERE publication = ? ORDER BY position");
    for (Publication& p : out) {
        f.bind(1, p.id);
        while (f.step()) p.rulebook_files.push_back(PublishedFile{f.text(0), f.text(1), f.text(2)});
        f.reset();
    }
    return out;
}

}  // namespace

std::vector<Publication> Store::publications() const {
    return read_publications(impl_->db, impl_->schema, "ORDER BY id", [](sql::Statement&) {});
}

std::optional<Publication> Store::latest_publication(std::string_view rulebook_id, int year, Basis basis) const {
    auto list = read_publications(impl_->db, impl_->schema,
                                  "WHERE rulebook_id = ?1 AND year = ?2 AND basis = ?3 ORDER BY id DESC LIMIT 1",
                                  [&](sql::Statement& s) {
                                      s.bind(1, rulebook_id).bind(2, year).bind(3, basis_name(basis));
                                  });
    if (list.empty()) return std::nullopt;
    return std::move(list.front());
}

}  // namespace parscore::inspections
