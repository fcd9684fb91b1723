#pragma once
// The schema versions of a parscore database and the steps between them (docs/store.md). A new
// database runs every step; an older one is brought forward by the first write transaction that
// opens on it (Store::Impl::write), inside that transaction, so a command that writes nothing
// (and a read-only command) leaves the file as it was.
#include <cstdint>
#include <string>
#include <vector>

#include "sqlite_handle.hpp"

namespace parscore::inspections {

/// One step: the SQL that turns a database of version `version - 1` into `version`.
struct Migration {
    int version = 0;
    const char* purpose = "";
    const char* sql = "";
    std::vector<const char*> tables;    // tables this step adds: a complete database of the version has them
    std::vector<const char*> numbered;  // of those, the ones whose rows take revision numbers (column `no`)
};

/// Every step, in order: migrations()[i].version == i + 1, the last is kSchemaVersion.
const std::vector<Migration>& migrations();

/// Applies the steps after version `from` and sets user_version after each. The caller holds the
/// transaction, so a failure leaves the database at `from`.
void migrate(sql::Database& db, std::int64_t from);

/// The tables a complete database of `version` has.
std::vector<std::string> tables_of(std::int64_t version);
/// The tables whose rows take the database's revision numbers, in `version`.
std::vector<std::string> numbered_tables(std::int64_t version);
/// One row, one column: the largest revision number used in a database of `version` (0 if none).
std::string last_revision_sql(std::int64_t version);

}  // namespace parscore::inspections
