#pragma once
// RAII over the SQLite C API: a connection, prepared statements and IMMEDIATE transactions.
// Private to the evidence store; every failure becomes a StoreError carrying SQLite's message,
// its extended result code and the SQL that failed.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parscore/inspections/store_error.hpp"

namespace parscore::inspections::sql {

/// Throws StoreError{Database} (or {Busy} for SQLITE_BUSY/SQLITE_LOCKED) for a failed call.
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what);

class Statement;
struct StatementCache;

/// A connection. Statements prepared through it are kept, once done with, for the next use of the
/// same SQL (up to a bound): a long-lived connection (the server's) then parses each query once.
class Database {
public:
    /// Opens with explicit flags (SQLITE_OPEN_READONLY, or READWRITE without CREATE unless asked).
    Database(const std::string& path, int flags);
    Database() = default;  // closed
    ~Database() { close(); }
    Database(Database&& other) noexcept : db_(other.db_), cache_(std::move(other.cache_)) { other.db_ = nullptr; }
    /// Closes this connection and takes the other's.
    Database& operator=(Database&& other) noexcept {
        if (this != &other) {
            close();
            db_ = other.db_;
            cache_ = std::move(other.cache_);
            other.db_ = nullptr;
        }
        return *this;
    }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* get() const { return db_; }
    /// Runs one or more statements without results.
    void exec(const std::string& sql);
    Statement prepare(std::string_view sql) const;
    std::int64_t pragma_int(const std::string& name) const;
    std::int64_t changes() const { return sqlite3_changes64(db_); }

private:
    void close() noexcept;

    sqlite3* db_ = nullptr;
    std::shared_ptr<StatementCache> cache_;  // shared with the statements out of it
};

class Statement {
public:
    /// Prepares `sql` afresh (Database::prepare reuses a kept one).
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_), cache_(std::move(other.cache_)) {
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
    void reset();

    // Column indexes are 0-based.
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string text(int column) const;
    std::string_view text_view(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<int> optional_int(int column) const;
    std::string_view blob(int column) const;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::shared_ptr<StatementCache> cache)
        : db_(db), stmt_(stmt), cache_(std::move(cache)) {}

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::shared_ptr<StatementCache> cache_;  // where it goes back when done; none: finalized
};

/// BEGIN IMMEDIATE: takes the write lock up front (waiting for the busy timeout) so a writer never
/// fails half-way with SQLITE_BUSY. Rolls back in the destructor unless committed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

/// A read transaction (BEGIN DEFERRED): several queries see one snapshot.
class ReadTransaction {
public:
    explicit ReadTransaction(const Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    const Database& db_;
};

}  // namespace parscore::inspections::sql
