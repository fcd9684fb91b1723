#pragma once
// Private parts of Store shared by its implementation files.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "migrations.hpp"
#include "parscore/inspections/store.hpp"
#include "sqlite_handle.hpp"

namespace parscore::inspections {

struct EventRow;

struct Store::Impl {
    std::filesystem::path path;  // the file on disk (while a new database is pending: its temporary name)
    sql::Database db;
    /// The schema version the database has as this connection sees it: older than kSchemaVersion
    /// until the first write transaction brings it forward. Reads follow it.
    std::int64_t schema = 0;
    bool immutable = false;                       // opened read-only with SQLite's immutable mode
    std::optional<std::filesystem::path> target;  // OpenMode::CreateOnCommit: where commit_creation links it
    std::optional<AuditContext> auditor;          // Store::audit_as: whom changes are audited as

    Impl(std::filesystem::path p, sql::Database d, std::int64_t version)
        : path(std::move(p)), db(std::move(d)), schema(version) {}
    ~Impl();

    /// Another read-only connection to the same file, opened the way `db` was (for reader threads).
    sql::Database reader() const;

    /// Runs `work` in one IMMEDIATE transaction and commits. An older database is migrated first,
    /// in the same transaction, and only kept when `work` changed something: a write that is
    /// refused or finds nothing to do leaves the file as it was. The busy timeout already waits at
    /// least 60 s for the write lock; should SQLite still answer BUSY, the whole transaction is
    /// retried.
    template <typename Work> auto write(Work&& work) {
        for (int attempt = 0;; ++attempt) {
            const std::int64_t before = schema;
            try {
                sql::Transaction tx(db);
                const bool migrated = bring_forward();
                const std::int64_t changes = db.total_changes();
                auto finish = [&] {
                    if (!migrated || db.total_changes() != changes) tx.commit();
                    else schema = before;  // rolled back with the transaction
                };
                if constexpr (std::is_void_v<decltype(work())>) {
                    work();
                    finish();
                    return;
                } else {
                    auto result = work();
                    finish();
                    return result;
                }
            } catch (const StoreError& e) {
                schema = before;
                if (e.kind() != StoreError::Kind::Busy || attempt >= 5) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
            } catch (...) {
                schema = before;
                throw;
            }
        }
    }

    /// Inside a write transaction: migrates an older database to kSchemaVersion; whether it did.
    bool bring_forward();

    /// Inside a write transaction: the next number of the database-wide change counter.
    std::int64_t next_revision();
    /// Inside a write transaction: a recording stamp (UTC µs) above every stored stamp.
    std::int64_t next_stamp();
    /// Inside a write transaction: the id of a stored schema (added when new).
    std::int64_t schema_id(const std::string& json, const std::string& sha256);
    /// The id of a stored schema, if stored; needs no transaction (schemas are never removed).
    std::optional<std::int64_t> find_schema(const std::string& sha256);

    /// Inside a write transaction: appends an audit row for a change when changes are audited
    /// (Store::audit_as); `revision` is the change's number when it took one.
    void audit(std::string_view action, std::string_view object, std::optional<std::int64_t> revision = std::nullopt);
    /// The same for `count` changes at once (an import's inspections): the i-th is `objects(i)`,
    /// numbered first_revision + i. One read of the log's end and one bulk insert.
    void audit_many(std::string_view action, std::size_t count,
                    const std::function<std::string_view(std::size_t)>& objects, std::int64_t first_revision);

    /// The state of one inspection's chain.
    struct ChainHead {
        std::string unit;
        std::int64_t stamp = 0;
        std::string initial_status;
        Status status = Status::Draft;
        std::int64_t last_seq = 0;
        std::string last_hash;
    };
    std::optional<ChainHead> chain_head(std::string_view id);

    /// Inside a write transaction: appends `row` (its number, inspection, kind, who, when and any
    /// text or attachment filled) to the chain whose head is `head`: sets its position, the link
    /// to the previous entry and its hash, and inserts it. `head` then describes the new end.
    void append_event(ChainHead& head, EventRow& row);
};

/// Inside a write transaction: adds or changes units, recording each version as a numbered
/// change, with statements prepared once.
class UnitWriter {
public:
    explicit UnitWriter(sql::Database& db);
    void write(const UnitInfo& unit, bool is_new, std::int64_t no, const std::string& who, const std::string& at);

private:
    sql::Statement insert_, update_, version_;
};

/// Schema 2 on: every unit as it was at revision ?1 (its latest version numbered up to it), by
/// id; ?2, when not NULL, keeps only that unit. Units added after the revision are absent.
inline const char* units_as_of_sql() {
    return "SELECT v.unit, v.name, v.category, v.parent, v.active_from, v.active_to FROM unit_versions v "
           "WHERE (?2 IS NULL OR v.unit = ?2) AND "
           "v.no = (SELECT max(w.no) FROM unit_versions w WHERE w.unit = v.unit AND w.no <= ?1) ORDER BY v.unit";
}

/// SQL giving the last status event ('submit', 'return' or 'lock') of inspection `i` in its
/// chain's order, NULL when it has none. Comments and attachments are not status events.
#define PARSCORE_LAST_STATUS_EVENT                                                                 \
    "(SELECT event FROM events WHERE inspection = i.id AND event IN ('submit', 'return', 'lock') " \
    "ORDER BY seq DESC LIMIT 1)"

/// An inspection's status: decided by its last status event, else the status it was recorded with.
inline Status status_after(std::optional<std::string_view> last_event, std::string_view first_status) {
    if (!last_event) return first_status == "submitted" ? Status::Submitted : Status::Draft;
    if (*last_event == "lock") return Status::Locked;
    if (*last_event == "return") return Status::Returned;
    return Status::Submitted;
}

/// "2025-06-15T10:11:12.123456Z".
std::string utc_now();
/// The name a write is recorded under: the one given, else the login name.
inline std::string who_or_user(const std::string& who) { return who.empty() ? current_user() : who; }
/// Ends a write the store refuses (the transaction rolls back).
[[noreturn]] inline void refuse(core::Text message) { throw StoreError(StoreError::Kind::Refused, std::move(message)); }
/// A return's or a comment's text, checked: refused (naming `what`) when it is blank, not UTF-8 or
/// longer than kMaxNoteChars code points.
std::string checked_note(std::string_view text, const core::Text& what);
/// An id or unit as refusals name it: `{name}` filled with `'value'`.
inline core::TextArg quoted(std::string name, std::string_view value) {
    return {std::move(name), "'" + std::string(value) + "'"};
}
/// A time-ordered (version 7) UUID in lower-case hex.
std::string new_uuid();

/// The refusal of a database written by a newer parscore (`path` as messages show it).
StoreError newer_schema(core::TextArg path, std::int64_t version);

/// Reads application_id and user_version through a read-only connection (the file is never
/// written); throws NotParscore or NewerSchema. Returns the schema version.
std::int64_t inspect_database(const std::filesystem::path& path);

/// A read-only connection that leaves no side files behind where it can: a file without -wal
/// and -shm (or with an empty -wal it cannot share) is opened immutable; otherwise plainly read-only.
/// `immutable` tells which.
sql::Database open_read_only(const std::filesystem::path& path, bool* immutable = nullptr);

/// Takes back the connection of a Store lent by a StorePool, when it is fit to lend again.
void give_back(StorePoolState& pool, std::unique_ptr<Store::Impl> impl);

/// Verifies the chains of the database behind `db` (shared by Store::verify_chains and merge).
std::vector<ChainProblem> verify_database(const sql::Database& db);

}  // namespace parscore::inspections
