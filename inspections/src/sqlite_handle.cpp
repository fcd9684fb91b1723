#include "sqlite_handle.hpp"

#include <stdexcept>
#include <unordered_map>

#include "postgres_schema.hpp"

namespace parscore::inspections::sql {

void fail(sqlite3* db, int rc, std::string_view what) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int primary = rc & 0xFF;
    StoreError::Kind kind = StoreError::Kind::Database;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) kind = StoreError::Kind::Busy;
    if (primary == SQLITE_NOTADB) kind = StoreError::Kind::NotParscore;
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR || primary == SQLITE_READONLY || primary == SQLITE_PERM ||
        primary == SQLITE_FULL) {
        kind = StoreError::Kind::Io;
    }
    const core::TextArg error{"error", message}, code{"code", std::to_string(rc)};
    if (what.empty()) throw StoreError(kind, core::T_("{error} (SQLite code {code})", {error, code}), rc);
    throw StoreError(kind,
                     core::T_("{error} (SQLite code {code}) in: {statement}",
                              {error, code, {"statement", std::string(what.substr(0, 200))}}),
                     rc);
}

Database::Database(const std::string& path, int flags) {
    // SQLite counts the memory it uses under one global lock by default, which every thread of a
    // server then takes for each allocation; nothing here reads those counts. Set before SQLite's
    // first use (later it is refused, harmlessly).
    static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)configured;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3* db = db_;
        db_ = nullptr;
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        throw StoreError(StoreError::Kind::Io,
                         core::T_("cannot open database {path}: {reason}",
                                  {{"path", "'" + path + "'"}, {"reason", message}}),
                         rc);
    }
    sqlite3_extended_result_codes(db_, 1);
    cache_ = std::make_shared<StatementCache>();
}

/// A connection's prepared statements not in use, by their SQL.
struct StatementCache {
    static constexpr std::size_t kLimit = 128;  // distinct queries kept; a query built per call is finalized past it
    std::unordered_map<std::string, sqlite3_stmt*> idle;
    bool open = true;  // false once the connection closes: statements still out are finalized

    sqlite3_stmt* take(std::string_view sql) {
        const auto it = idle.find(std::string(sql));
        if (it == idle.end()) return nullptr;
        sqlite3_stmt* stmt = it->second;
        idle.erase(it);
        return stmt;
    }
    /// Keeps a statement done with, reset so that it holds no lock and no bound buffer.
    void give_back(sqlite3_stmt* stmt) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        if (open && idle.size() < kLimit && idle.emplace(sqlite3_sql(stmt), stmt).second) return;
        sqlite3_finalize(stmt);
    }
    void finalize_all() {
        for (const auto& [sql, stmt] : idle) sqlite3_finalize(stmt);
        idle.clear();
        open = false;
    }
};

Database Database::postgres(const std::string& uri) {
    Database db;
    db.pg_ = std::make_unique<pg::Connection>(pg::Connection::open(uri));
    db.pg_state_ = std::make_shared<PgState>();
    return db;
}

void Database::close() noexcept {
    if (cache_) cache_->finalize_all();
    cache_.reset();
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
    pg_.reset();
    pg_state_.reset();
}

std::int64_t Database::changes() const { return pg_ ? pg_state_->last_changes : sqlite3_changes64(db_); }

std::int64_t Database::total_changes() const { return pg_ ? pg_->total_changes() : sqlite3_total_changes64(db_); }

std::int64_t Database::last_insert_id() const {
    if (!pg_) return sqlite3_last_insert_rowid(db_);
    // Set by the tables' id trigger (postgres_schema.cpp) for this transaction.
    Statement s = prepare("SELECT current_setting('parscore.last_id')::bigint");
    s.step();
    return s.int64(0);
}

std::int64_t Database::schema_version() const {
    if (!pg_) return pragma_int("user_version");
    Statement s = prepare("SELECT value FROM parscore_meta WHERE key = 'schema_version'");
    return s.step() ? s.int64(0) : 0;
}

void Database::busy_timeout(int ms) const {
    if (db_) sqlite3_busy_timeout(db_, ms);
}

bool Database::in_transaction() const { return pg_ ? pg_state_->transactions > 0 : !sqlite3_get_autocommit(db_); }

void Database::exec(const std::string& sql) {
    if (pg_) {
        pg_->exec(sql);
        return;
    }
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        sqlite3_free(error);
        fail(db_, rc, sql);
    }
}

Statement Database::prepare(std::string_view sql) const {
    if (pg_) return Statement(pg_->prepare(sql), pg_.get(), pg_state_);
    if (!cache_) return Statement(db_, sql);
    if (sqlite3_stmt* kept = cache_->take(sql)) return Statement(db_, kept, cache_);
    Statement fresh(db_, sql);
    fresh.cache_ = cache_;
    return fresh;
}

std::int64_t Database::pragma_int(const std::string& name) const {
    Statement s(db_, "PRAGMA " + name);
    if (!s.step()) return 0;
    return s.int64(0);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                                      nullptr);
    if (rc != SQLITE_OK) fail(db, rc, sql);
}

Statement::Statement(pg::Statement statement, pg::Connection* connection, std::shared_ptr<PgState> state)
    : pg_(std::make_unique<pg::Statement>(std::move(statement))), pg_conn_(connection), pg_state_(std::move(state)) {}

Statement::~Statement() {
    if (!stmt_) return;
    if (cache_) cache_->give_back(stmt_);
    else sqlite3_finalize(stmt_);
}

namespace {
void check_bind(sqlite3* db, sqlite3_stmt* stmt, int rc) {
    if (rc != SQLITE_OK) fail(db, rc, sqlite3_sql(stmt) ? sqlite3_sql(stmt) : "");
}
}  // namespace

int Statement::parameter(const char* name) const {
    if (pg_) return pg_->parameter(name);
    const int index = sqlite3_bind_parameter_index(stmt_, name);
    if (index == 0) throw std::logic_error(std::string("statement has no parameter ") + name);
    return index;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (pg_) {
        pg_->bind(index, value);
        return *this;
    }
    check_bind(db_, stmt_, sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (pg_) {
        pg_->bind(index, text);
        return *this;
    }
    // A null pointer would bind SQL NULL; an empty view is the empty string.
    const char* data = text.data() ? text.data() : "";
    check_bind(db_, stmt_, sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (pg_) {
        pg_->bind_null(index);
        return *this;
    }
    check_bind(db_, stmt_, sqlite3_bind_null(stmt_, index));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<int>& value) {
    return value ? bind(index, static_cast<std::int64_t>(*value)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    if (pg_) {
        pg_->bind_blob(index, bytes);
        return *this;
    }
    check_bind(db_, stmt_,
               sqlite3_bind_blob64(stmt_, index, bytes.data() ? bytes.data() : "", bytes.size(), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind_static_blob(int index, std::string_view bytes) {
    if (pg_) {
        pg_->bind_static_blob(index, bytes);
        return *this;
    }
    check_bind(db_, stmt_,
               sqlite3_bind_blob64(stmt_, index, bytes.data() ? bytes.data() : "", bytes.size(), SQLITE_STATIC));
    return *this;
}

bool Statement::step() {
    if (pg_) {
        const std::int64_t before = pg_conn_->total_changes();
        const bool row = pg_->step();
        pg_state_->last_changes = pg_conn_->total_changes() - before;
        return row;
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
    sqlite3_reset(stmt_);
    fail(db_, rc, sql);
}

void Statement::queue() {
    if (pg_) [[unlikely]]
        return pg_->queue();
    run();
}

void Statement::reset() {
    if (pg_) {
        pg_->reset();
        return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const { return std::string(text_view(column)); }

std::string_view Statement::text_view(int column) const {
    if (pg_) return pg_->text_view(column);
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

std::optional<int> Statement::optional_int(int column) const {
    if (is_null(column)) return std::nullopt;
    return static_cast<int>(int64(column));
}

std::string_view Statement::blob(int column) const {
    if (pg_) return pg_->blob(column);
    const void* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    if (!p) return {};
    return {static_cast<const char*>(p), static_cast<std::size_t>(n)};
}

int Statement::column_count() const { return pg_ ? pg_->column_count() : sqlite3_column_count(stmt_); }

ColumnType Statement::column_type(int column) const {
    if (pg_) return static_cast<ColumnType>(pg_->column_kind(column));
    switch (sqlite3_column_type(stmt_, column)) {
        case SQLITE_NULL: return ColumnType::Null;
        case SQLITE_INTEGER: return ColumnType::Integer;
        case SQLITE_BLOB: return ColumnType::Blob;
        default: return ColumnType::Text;  // no column of the store holds a float
    }
}

Transaction::Transaction(Database& db) : db_(db) {
    if (pg::Connection* pg = db_.pg()) {
        ++db_.pg_state()->transactions;
        try {
            // One round trip for both: a writer waits for the lock row at once.
            pg->exec(std::string("BEGIN ISOLATION LEVEL READ COMMITTED; ") + postgres::kTakeWriteLock);
        } catch (...) {
            try {
                end_postgres(false);
            } catch (...) {  // the first failure is the one to report
            }
            throw;
        }
        return;
    }
    db_.exec("BEGIN IMMEDIATE");
}

void Transaction::end_postgres(bool commit) {
    --db_.pg_state()->transactions;
    done_ = true;
    if (commit) db_.pg()->commit();
    else db_.pg()->rollback();
}

Transaction::~Transaction() {
    if (done_) return;
    if (db_.is_postgres()) {
        try {
            end_postgres(false);
        } catch (...) {  // a lost connection rolls back by itself
        }
        return;
    }
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    if (db_.is_postgres()) {
        end_postgres(true);
        return;
    }
    db_.exec("COMMIT");
    done_ = true;
}

ReadTransaction::ReadTransaction(const Database& db) : db_(db) {
    if (pg::Connection* pg = db_.pg()) {
        joined_ = db_.pg_state()->transactions > 0;
        if (!joined_) pg->begin_read();
        ++db_.pg_state()->transactions;
        return;
    }
    const int rc = sqlite3_exec(db_.get(), "BEGIN", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(db_.get(), rc, "BEGIN");
}

ReadTransaction::~ReadTransaction() {
    if (pg::Connection* pg = db_.pg()) {
        --db_.pg_state()->transactions;
        if (joined_) return;
        try {
            pg->commit();
        } catch (...) {  // nothing was written; a lost connection ends the transaction by itself
        }
        return;
    }
    sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace parscore::inspections::sql
