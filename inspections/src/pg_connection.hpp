#pragma once
// RAII over libpq: a connection to PostgreSQL, its prepared statements, transactions and COPY.
// The statements take the store's SQL as written for SQLite (to_postgres_sql rewrites it) and the
// same binding and reading calls as sql::Statement, so the store can run either backend.
// Every failure becomes a StoreError (a pg::Error, which also keeps the server's SQLSTATE).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/inspections/store_error.hpp"

// libpq's handles, declared as libpq-fe.h declares them: its headers stay out of the includers'
// paths (libpq is linked privately).
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace parscore::inspections::pg {

/// A failure the server (or libpq) reported, with its SQLSTATE ("" when there was none, e.g. a
/// connection that could not be made).
class Error : public StoreError {
public:
    Error(Kind kind, core::Text message, std::string sqlstate)
        : StoreError(kind, std::move(message)), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

/// The kind of StoreError a SQLSTATE is: Busy for what a retry may cure (serialization failure,
/// deadlock, lock not available), Io for a lost or refused connection and the server's resources
/// (classes 08, 53, 57P01–57P03, 58), Missing for a database that does not exist, else Database.
StoreError::Kind error_kind(std::string_view sqlstate);

struct Session;   // a connection's state, shared with its statements
struct Prepared;  // a statement prepared on the server

class Statement {
public:
    ~Statement();
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Bind indexes are 1-based; every value is copied but bind_static_blob's. Each value is sent
    // in the type the server expects for that parameter (an int to a text parameter as its digits,
    // bytes to a bytea parameter as binary).
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

    /// The first call runs the statement and keeps all its rows; each call then moves to the next.
    /// true: a row is available; false: done (the next call runs the statement again).
    bool step();
    /// step() that must finish without a row.
    void run() {
        step();
        reset();
    }
    /// run() without waiting for the answer: the statement is sent in pipeline mode and its answer
    /// read with the connection's next statement or commit, where a failure is then thrown.
    /// For writes whose outcome nothing reads in between (an inspection's inserts).
    void queue();
    /// Forgets the rows and the bound values.
    void reset();

    // Column indexes are 0-based. A NULL reads as 0, "" or no bytes.
    bool is_null(int column) const;
    /// int2/int4/int8, a boolean (1 or 0) or a number's text (truncated).
    std::int64_t int64(int column) const;
    std::string text(int column) const { return std::string(text_view(column)); }
    /// Points into the rows, valid until the next step or reset.
    std::string_view text_view(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::optional<int> optional_int(int column) const;
    /// A bytea's bytes, decoded; valid until the next step or reset.
    std::string_view blob(int column) const;
    /// Columns of the result (after the first step).
    int column_count() const;
    /// What the current row holds at `column`: 0 NULL, 1 an integer, 2 text, 3 bytes (the
    /// values of sql::ColumnType).
    int column_kind(int column) const;

private:
    friend class Connection;
    Statement(std::shared_ptr<Session> session, std::shared_ptr<const Prepared> prepared);

    struct Param {
        enum class Kind { Null, Int, Text, Bytes } kind = Kind::Null;
        std::int64_t number = 0;
        std::string owned;
        const char* borrowed = nullptr;  // bind_static_blob's buffer, instead of `owned`
        std::size_t size = 0;
        std::string_view bytes() const { return borrowed ? std::string_view(borrowed, size) : owned; }
    };
    struct ResultFree {
        void operator()(PGresult* result) const noexcept;
    };
    struct Decoded {
        int column;
        std::shared_ptr<unsigned char> bytes;
        std::size_t size;
    };

    Param& slot(int index);
    /// The bound values as PQexecPrepared takes them; `storage` holds the ones made here.
    struct Wire {
        std::vector<std::string> storage;
        std::vector<const char*> values;
        std::vector<int> lengths, formats;
    };
    Wire wire() const;
    void execute();
    const char* value(int column) const;  // nullptr: NULL, or no such row or column

    std::shared_ptr<Session> session_;
    std::shared_ptr<const Prepared> prepared_;
    std::vector<Param> params_;
    std::unique_ptr<PGresult, ResultFree> result_;
    int row_ = -1, rows_ = 0;
    mutable std::vector<Decoded> decoded_;  // blob()'s bytes for the current row
};

/// A connection. Statements are prepared on the server once per distinct SQL and kept for the
/// connection's life (up to a bound), as the SQLite connection keeps its statements.
class Connection {
public:
    /// Connects to a libpq URI or key=value string and sets UTF-8, UTC and standard strings.
    /// Throws StoreError{Missing} when the database does not exist, {Io} when the server cannot be
    /// reached or refuses the connection.
    static Connection open(const std::string& uri);
    Connection() = default;  // closed
    ~Connection();
    Connection(Connection&& other) noexcept = default;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more statements without parameters, discarding any rows.
    void exec(const std::string& sql);
    Statement prepare(std::string_view sqlite_sql);

    /// READ COMMITTED: a writer serializes itself on a lock row of its own choosing.
    void begin_write();
    /// One snapshot for several queries.
    void begin_read();
    void commit();
    void rollback();

    /// Runs `COPY … FROM STDIN` (text format) with the rows next_row gives, one line each (a final
    /// newline is added when missing), until it returns false. A throw from next_row cancels the COPY.
    void copy_in(const std::string& copy_sql, const std::function<bool(std::string&)>& next_row);

    /// Rows inserted, updated, deleted or copied in through this connection so far.
    std::int64_t total_changes() const;
    /// The connection is lost: nothing more can run on it.
    bool broken() const;
    PGconn* get() const;

private:
    explicit Connection(std::shared_ptr<Session> session) : session_(std::move(session)) {}
    void close() noexcept;

    std::shared_ptr<Session> session_;
};

}  // namespace parscore::inspections::pg
