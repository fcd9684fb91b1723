#include "store_rows.hpp"

namespace parscore::inspections {

// The column lists, in one order for SELECT and INSERT; read() follows it.
#define PARSCORE_REVISION_COLUMNS                                                                           \
    "no, inspection, seq, unit, stamp, status, date, year, eval_year, kind, team, schema, digest, reason, " \
    "recorded_by, recorded_at, prev_hash, hash"
#define PARSCORE_EVENT_COLUMNS "no, inspection, seq, event, recorded_by, recorded_at, prev_hash, hash"
#define PARSCORE_EVENT_REVIEW_COLUMNS ", note, attachment, file_name"

const char* RevisionRow::select_sql() { return "SELECT " PARSCORE_REVISION_COLUMNS " FROM revisions"; }

const char* RevisionRow::insert_sql() {
    return "INSERT INTO revisions(" PARSCORE_REVISION_COLUMNS
           ") VALUES (:no, :inspection, :seq, :unit, :stamp, "
           ":status, :date, :year, :eval_year, :kind, :team, :schema, :digest, :reason, :recorded_by, :recorded_at, "
           ":prev_hash, :hash)";
}

const char* RevisionRow::columns() { return PARSCORE_REVISION_COLUMNS; }

RevisionRow RevisionRow::read(const sql::Statement& s) {
    RevisionRow r;
    r.no = s.int64(0);
    r.inspection = s.text(1);
    r.seq = s.int64(2);
    r.unit = s.text(3);
    r.stamp = s.int64(4);
    r.status = s.text(5);
    r.date = s.text(6);
    r.year = s.optional_int(7);
    r.eval_year = s.int64(8);
    r.kind = s.text(9);
    r.team = s.text(10);
    r.schema = s.int64(11);
    r.digest = s.text(12);
    r.reason = s.optional_text(13);
    r.recorded_by = s.text(14);
    r.recorded_at = s.text(15);
    r.prev_hash = s.text(16);
    r.hash = s.text(17);
    return r;
}

void RevisionRow::bind(sql::Statement& s) const {
    s.bind(":no", no).bind(":inspection", inspection).bind(":seq", seq).bind(":unit", unit).bind(":stamp", stamp);
    s.bind(":status", status).bind(":date", date).bind(":year", year).bind(":eval_year", eval_year);
    s.bind(":kind", kind).bind(":team", team).bind(":schema", schema).bind(":digest", digest).bind(":reason", reason);
    s.bind(":recorded_by", recorded_by).bind(":recorded_at", recorded_at).bind(":prev_hash", prev_hash);
    s.bind(":hash", hash);
}

void RevisionRow::add_to(sql::RowValues& row) const {
    row.add(no).add(inspection).add(seq).add(unit).add(stamp).add(status).add(date).add(year).add(eval_year);
    row.add(kind).add(team).add(schema).add(digest).add(reason).add(recorded_by).add(recorded_at).add(prev_hash);
    row.add(hash);
}

chain::RevisionContent RevisionRow::content(std::string_view schema_sha256) const {
    chain::RevisionContent c;
    c.inspection = inspection;
    c.seq = seq;
    c.prev_hash = prev_hash;
    c.unit = unit;
    c.stamp = stamp;
    c.initial_status = status;
    c.date = date;
    c.year = year;
    c.kind = kind;
    c.team_json = team;
    c.schema_sha256 = schema_sha256;
    if (reason) c.reason = *reason;
    c.recorded_by = recorded_by;
    c.recorded_at = recorded_at;
    c.findings_digest = digest;
    return c;
}

const char* EventRow::select_sql(std::int64_t schema) {
    return schema >= 4 ? "SELECT " PARSCORE_EVENT_COLUMNS PARSCORE_EVENT_REVIEW_COLUMNS " FROM events"
                       : "SELECT " PARSCORE_EVENT_COLUMNS ", NULL, NULL, NULL FROM events";
}

const char* EventRow::insert_sql() {
    return "INSERT INTO events(" PARSCORE_EVENT_COLUMNS PARSCORE_EVENT_REVIEW_COLUMNS
           ") VALUES (:no, :inspection, :seq, :event, :recorded_by, :recorded_at, :prev_hash, :hash, :note, "
           ":attachment, :file_name)";
}

EventRow EventRow::read(const sql::Statement& s) {
    return EventRow{s.int64(0), s.text(1), s.int64(2),         s.text(3),          s.text(4),          s.text(5),
                    s.text(6),  s.text(7), s.optional_text(8), s.optional_text(9), s.optional_text(10)};
}

void EventRow::bind(sql::Statement& s) const {
    s.bind(":no", no).bind(":inspection", inspection).bind(":seq", seq).bind(":event", event);
    s.bind(":recorded_by", recorded_by).bind(":recorded_at", recorded_at).bind(":prev_hash", prev_hash);
    s.bind(":hash", hash).bind(":note", note).bind(":attachment", attachment).bind(":file_name", file_name);
}

chain::EventContent EventRow::content() const {
    chain::EventContent c;
    c.inspection = inspection;
    c.seq = seq;
    c.prev_hash = prev_hash;
    c.event = event;
    c.recorded_by = recorded_by;
    c.recorded_at = recorded_at;
    if (note) c.note = *note;
    if (attachment) c.attachment = *attachment;
    if (file_name) c.file_name = *file_name;
    return c;
}

}  // namespace parscore::inspections
