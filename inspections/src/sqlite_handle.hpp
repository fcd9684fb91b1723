#pragma once
// RAII over the store's two backends: a connection to SQLite (the C API) or to PostgreSQL
// (pg_connection.hpp), its prepared statements and its transactions. Statements are written once,
// in SQLite's dialect; on PostgreSQL they are rewritten (pg_sql.hpp) and the same calls bind and
// read them, so every query of the store runs on both. Private to the evidence store; every
// failure becomes a StoreError carrying the backend's message and the SQL that failed.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parscore/inspections/store_error.hpp"
#include "pg_connection.hpp"

namespace parscore::inspections::sql {

/// Throws StoreError{Database} (or {Busy} for SQLITE_BUSY/SQLITE_LOCKED) for a failed call.
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what);

class Statement;
struct StatementCache;

/// What a column of the current row holds, as stored (for copying rows between databases).
enum class ColumnType { Null = 0, Integer = 1, Text = 2, Blob = 3 };

/// What a PostgreSQL connection's statements report back to it.
struct PgState {
    std::int64_t last_changes = 0;  // rows the last statement changed
    int transactions = 0;           // open Transaction or ReadTransaction objects
};

/// A connection. Statements prepared through it are kept, once done with, for the next use of the
/// same SQL (up to a bound): a long-lived connection (the server's) then parses each query once.
class Database {
public:
    /// Opens with explicit flags (SQLITE_OPEN_READONLY, or READWRITE without CREATE unless asked).
    Database(const std::string& path, int flags);
    /// A connection to the PostgreSQL database at `uri` (postgresql://…).
    static Database postgres(const std::string& uri);
    Database() = default;  // closed
    ~Database() { close(); }
    Database(Database&& other) noexcept
        : db_(other.db_),
          cache_(std::move(other.cache_)),
          pg_(std::move(other.pg_)),
          pg_state_(std::move(other.pg_state_)) {
        other.db_ = nullptr;
    }
    /// Closes this connection and takes the other's.
    Database& operator=(Database&& other) noexcept {
        if (this != &other) {
            close();
            db_ = other.db_;
            cache_ = std::move(other.cache_);
            pg_ = std::move(other.pg_);
            pg_state_ = std::move(other.pg_state_);
            other.db_ = nullptr;
        }
        return *this;
    }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// The SQLite connection (null on PostgreSQL).
    sqlite3* get() const { return db_; }
    /// The PostgreSQL connection (null on SQLite).
    pg::Connection* pg() const { return pg_.get(); }
    bool is_postgres() const { return pg_ != nullptr; }
    /// Runs one or more statements without results (as written: no dialect rewriting).
    void exec(const std::string& sql);
    Statement prepare(std::string_view sql) const;
    /// SQLite only.
    std::int64_t pragma_int(const std::string& name) const;
    /// Rows the last statement inserted, updated or deleted.
    std::int64_t changes() const;
    /// Rows inserted, updated or deleted through this connection so far.
    std::int64_t total_changes() const;
    /// The id the last INSERT gave a row whose id it left out.
    std::int64_t last_insert_id() const;
    /// The schema version the database has now (SQLite's user_version, PostgreSQL's parscore_meta).
    std::int64_t schema_version() const;
    /// How long SQLite waits for another writer's lock (PostgreSQL waits on its lock row).
    void busy_timeout(int ms) const;
    /// Whether a transaction is open on this connection.
    bool in_transaction() const;
    /// The connection is lost (PostgreSQL): it cannot be used again.
    bool broken() const { return pg_ && pg_->broken(); }
    PgState* pg_state() const { return pg_state_.get(); }
    /// SQL giving the highest audit number ever given (SQLite's AUTOINCREMENT counter, kept by a
    /// trigger on PostgreSQL), above the last row when rows were deleted from the end.
    const char* audit_last_sql() const {
        return pg_ ? "SELECT value FROM parscore_meta WHERE key = 'audit_last'"
                   : "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit'), 0)";
    }

private:
    void close() noexcept;

    sqlite3* db_ = nullptr;
    std::shared_ptr<StatementCache> cache_;  // shared with the statements out of it
    std::unique_ptr<pg::Connection> pg_;
    std::shared_ptr<PgState> pg_state_;
};

class Statement {
public:
    /// Prepares `sql` afresh (Database::prepare reuses a kept one).
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept
        : db_(other.db_),
          stmt_(other.stmt_),
          cache_(std::move(other.cache_)),
          pg_(std::move(other.pg_)),
          pg_conn_(other.pg_conn_),
          pg_state_(std::move(other.pg_state_)) {
        other.stmt_ = nullptr;
    }
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Bind indexes are 1-based. Text and blobs are copied (SQLITE_TRANSIENT) unless `bind_static`.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind_null(int index);
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<int>& value);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind_blob(int index, std::string_view bytes);
    /// The buffer must outlive the next step.
    Statement& bind_static_blob(int index, std::string_view bytes);
    /// Binds a named parameter (":name"); a name the statement does not have is a bug and throws.
    template <typename T> Statement& bind(const char* name, const T& value) { return bind(parameter(name), value); }
    int parameter(const char* name) const;

    /// true: a row is available; false: done. Throws on errors.
    bool step();
    /// step() that must finish without a row.
    void run() {
        step();
        reset();
    }
    /// run() for a write whose outcome nothing reads before the next statement: on PostgreSQL it
    /// is sent without waiting for the answer (pg::Statement::queue), on SQLite it runs at once.
    void queue();
    void reset();

    // Column indexes are 0-based.
    bool is_null(int column) const {
        if (pg_) [[unlikely]]
            return pg_->is_null(column);
        return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
    }
    std::int64_t int64(int column) const {
        if (pg_) [[unlikely]]
            return pg_->int64(column);
        return sqlite3_column_int64(stmt_, column);
    }
    std::string text(int column) const;
    std::string_view text_view(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<int> optional_int(int column) const;
    std::string_view blob(int column) const;
    int column_count() const;
    ColumnType column_type(int column) const;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache)
        : db_(db), stmt_(stmt), cache_(std::move(cache)) {}
    Statement(pg::Statement statement, pg::Connection* connection, std::shared_ptr<PgState> state);

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::shared_ptr<StatementCache> cache_;  // where it goes back when done; none: finalized
    // On PostgreSQL: the statement, its connection, and where its changes are counted.
    std::unique_ptr<pg::Statement> pg_;
    pg::Connection* pg_conn_ = nullptr;
    std::shared_ptr<PgState> pg_state_;
};

/// BEGIN IMMEDIATE: takes the write lock up front (waiting for the busy timeout) so a writer never
/// fails half-way with SQLITE_BUSY. On PostgreSQL the same: a READ COMMITTED transaction that
/// first locks the database's lock row, so writers from every process take turns. Rolls back in
/// the destructor unless committed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    void end_postgres(bool commit);

    Database& db_;
    bool done_ = false;
};

/// A read transaction (BEGIN DEFERRED; on PostgreSQL REPEATABLE READ READ ONLY): several queries
/// see one snapshot.
class ReadTransaction {
public:
    /// On PostgreSQL, one opened inside another of the same connection joins it (its snapshot).
    explicit ReadTransaction(const Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    const Database& db_;
    bool joined_ = false;
};

}  // namespace parscore::inspections::sql
