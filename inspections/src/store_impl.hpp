#pragma once
// Private parts of Store shared by its implementation files.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "parscore/inspections/store.hpp"
#include "sqlite_handle.hpp"

namespace parscore::inspections {

struct Store::Impl {
    std::filesystem::path path;  // the file on disk (while a new database is pending: its temporary name)
    sql::Database db;
    bool immutable = false;                       // opened read-only with SQLite's immutable mode
    std::optional<std::filesystem::path> target;  // OpenMode::CreateOnCommit: where commit_creation links it

    Impl(std::filesystem::path p, sql::Database d) : path(std::move(p)), db(std::move(d)) {}
    ~Impl();

    /// Another read-only connection to the same file, opened the way `db` was (for reader threads).
    sql::Database reader() const;

    /// Runs `work` in one IMMEDIATE transaction and commits. The busy timeout already waits at least
    /// 60 s for the write lock; should SQLite still answer BUSY, the whole transaction is retried.
    template <typename Work>
    auto write(Work&& work) {
        for (int attempt = 0;; ++attempt) {
            try {
                sql::Transaction tx(db);
                if constexpr (std::is_void_v<decltype(work())>) {
                    work();
                    tx.commit();
                    return;
                } else {
                    auto result = work();
                    tx.commit();
                    return result;
                }
            } catch (const StoreError& e) {
                if (e.kind() != StoreError::Kind::Busy || attempt >= 5) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
            }
        }
    }

    /// Inside a write transaction: the next number of the database-wide change counter.
    std::int64_t next_revision();
    /// Inside a write transaction: a recording stamp (UTC µs) above every stored stamp.
    std::int64_t next_stamp();
    /// Inside a write transaction: the id of a stored schema (added when new).
    std::int64_t schema_id(const std::string& json, const std::string& sha256);

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
};

/// The SQL that creates or migrates to each schema version, in order (migrations[0] → version 1).
const std::vector<const char*>& migrations();

/// "2025-06-15T10:11:12.123456Z".
std::string utc_now();
/// A time-ordered (version 7) UUID in lower-case hex.
std::string new_uuid();

/// Reads application_id and user_version through a read-only connection (the file is never
/// written); throws NotParscore or NewerSchema. Returns the schema version.
std::int64_t inspect_database(const std::filesystem::path& path);

/// A read-only connection that leaves no side files behind where it can: a file without -wal
/// and -shm (or with an empty -wal it cannot share) is opened immutable; otherwise plainly read-only.
/// `immutable` tells which.
sql::Database open_read_only(const std::filesystem::path& path, bool* immutable = nullptr);

/// Verifies the chains of the database behind `db` (shared by Store::verify_chains and merge).
std::vector<ChainProblem> verify_database(const sql::Database& db);

}  // namespace parscore::inspections
