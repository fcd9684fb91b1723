#pragma once
// What pg::Connection and its statements share: the libpq connection, the statements prepared on
// it, its change count, and the way a failure becomes a pg::Error.
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pg_connection.hpp"

namespace parscore::inspections::pg {

struct Prepared {
    std::string name;                // on the server
    std::string sql;                 // as PostgreSQL runs it, for messages
    std::vector<std::string> names;  // names[N - 1]: the ":name" of $N, or ""
    std::vector<Oid> types;          // what the server expects for each parameter
    bool kept = true;                // in the connection's cache; else deallocated with its statement
};

struct Session {
    static constexpr std::size_t kKept = 256;  // distinct statements kept prepared; SQL built per call goes past it

    explicit Session(PGconn* c) : conn(c) {}
    ~Session() { close(); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    void close() noexcept {
        if (conn) PQfinish(conn);
        conn = nullptr;
        prepared.clear();
    }
    /// The connection, or a StoreError{Io} once it is closed. The answers to statements sent ahead
    /// (Statement::queue) are read first, and the first failure among them thrown.
    PGconn* live();
    /// The connection as live() gives it, without reading those answers: to send one more.
    PGconn* sending() const;
    /// Reads the answers to the statements sent ahead and leaves pipeline mode; throws the first
    /// failure.
    void settle();

    PGconn* conn;
    std::unordered_map<std::string, std::shared_ptr<const Prepared>> prepared;  // by the SQLite text
    /// Statements sent in pipeline mode whose answers are still unread, in order (null: a COMMIT).
    std::vector<std::shared_ptr<const Prepared>> queued;
    std::int64_t changes = 0;
    std::uint64_t next_name = 0;
};

/// Throws the pg::Error for a failed result (or, with none, for the connection's last error).
[[noreturn]] void fail(PGconn* conn, const PGresult* result, std::string_view what);
/// Adds the rows an INSERT, UPDATE, DELETE, MERGE or COPY affected to the session's count.
void count_changes(Session& session, const PGresult* result);

}  // namespace parscore::inspections::pg
