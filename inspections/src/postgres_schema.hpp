#pragma once
// The schema of a PostgreSQL database (docs/store.md, "PostgreSQL"): the same tables, columns
// and constraints as SQLite's at the same version, in PostgreSQL's types, with what SQLite gives
// by itself made explicit: text compared byte by byte (COLLATE "C", as SQLite's BINARY), ids
// numbered one above the largest (never a sequence, whose numbers a rolled-back transaction
// would lose), the audit log's highest number kept, and a lock row every writer takes first.
#include <cstdint>
#include <string>

namespace parscore::inspections::postgres {

/// The table of database-wide facts: key 'application_id', 'schema_version', 'audit_last'; its
/// row 'lock' is what every writing transaction locks first, so writers take turns as on SQLite.
inline constexpr const char* kMetaTable = "parscore_meta";

/// Creates every table of schema `version` in an empty database (inside the caller's
/// transaction). Only the current version can be created; later versions add their steps here.
std::string create_sql(std::int64_t version);

/// The statement a writing transaction runs first: it waits for the lock row.
inline constexpr const char* kTakeWriteLock = "SELECT 1 FROM parscore_meta WHERE key = 'lock' FOR UPDATE";

}  // namespace parscore::inspections::postgres
