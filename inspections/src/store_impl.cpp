// What every write asks of an open store: the schema brought forward, the next revision and
// stamp, a schema's row and the head of an inspection's chain (docs/store.md).
#include <algorithm>
#include <chrono>

#include "store_impl.hpp"

namespace parscore::inspections {

bool Store::Impl::bring_forward() {
    if (schema >= kSchemaVersion) return false;
    const std::int64_t now = db.schema_version();  // another process may have migrated
    schema = kSchemaVersion;
    if (now >= kSchemaVersion) return false;
    migrate(db, now);
    return true;
}

std::int64_t Store::Impl::next_revision() {
    sql::Statement s = db.prepare(last_revision_sql(schema));
    s.step();
    return s.int64(0) + 1;
}

std::int64_t Store::Impl::next_stamp() {
    using namespace std::chrono;
    const std::int64_t now = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    sql::Statement s = db.prepare("SELECT coalesce(max(stamp), 0) FROM inspections");
    s.step();
    return std::max(now, s.int64(0) + 1);
}

std::optional<std::int64_t> Store::Impl::find_schema(const std::string& sha256) {
    sql::Statement find = db.prepare("SELECT id FROM schemas WHERE sha256 = ?");
    find.bind(1, sha256);
    if (find.step()) return find.int64(0);
    return std::nullopt;
}

std::int64_t Store::Impl::schema_id(const std::string& json, const std::string& sha256) {
    if (const std::optional<std::int64_t> id = find_schema(sha256)) return *id;
    sql::Statement add = db.prepare("INSERT INTO schemas(sha256, body) VALUES (?, ?)");
    add.bind(1, sha256).bind(2, json).run();
    return db.last_insert_id();
}

std::optional<Store::Impl::ChainHead> Store::Impl::chain_head(std::string_view id) {
    sql::Statement s = db.prepare("SELECT unit, stamp, status, " PARSCORE_LAST_STATUS_EVENT
                                  " FROM inspections i WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    ChainHead head;
    head.unit = s.text(0);
    head.stamp = s.int64(1);
    head.initial_status = s.text(2);
    head.status = status_after(s.optional_text(3), head.initial_status);
    sql::Statement last = db.prepare(
        "SELECT seq, hash FROM (SELECT seq, hash FROM revisions WHERE inspection = ?1 "
        "UNION ALL SELECT seq, hash FROM events WHERE inspection = ?1) AS entries ORDER BY seq DESC LIMIT 1");
    last.bind(1, id);
    if (last.step()) {
        head.last_seq = last.int64(0);
        head.last_hash = last.text(1);
    }
    return head;
}

std::int64_t Store::last_revision() const {
    sql::Statement s = impl_->db.prepare(last_revision_sql(impl_->schema));
    s.step();
    return s.int64(0);
}

}  // namespace parscore::inspections
