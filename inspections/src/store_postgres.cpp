// Opening a PostgreSQL database (docs/store.md, "PostgreSQL"): a URI names an existing database;
// an empty one is given parscore's schema by the commands that would create a SQLite file, one
// holding other tables is refused, as is one of a newer schema.
#include "store_postgres.hpp"

#include <vector>

#include "postgres_schema.hpp"

namespace parscore::inspections {

namespace {

/// The URI as messages show it: the password, if any, is never shown.
std::string shown(std::string_view uri) {
    std::string out(uri);
    // postgresql://user:password@host/…
    const std::size_t scheme = out.find("://");
    if (scheme != std::string::npos) {
        const std::size_t at = out.find('@', scheme + 3);
        const std::size_t slash = out.find('/', scheme + 3);
        const std::size_t colon = out.find(':', scheme + 3);
        if (at != std::string::npos && (slash == std::string::npos || at < slash) && colon != std::string::npos &&
            colon < at)
            out.replace(colon + 1, at - colon - 1, "****");
    }
    // …?password=… or …&password=…
    for (std::size_t from = 0;;) {
        const std::size_t found = out.find("password=", from);
        if (found == std::string::npos) break;
        const std::size_t value = found + 9;
        const std::size_t end = out.find('&', value);
        if (found == 0 || out[found - 1] == '?' || out[found - 1] == '&')
            out.replace(value, (end == std::string::npos ? out.size() : end) - value, "****");
        from = value;
    }
    return out;
}

core::TextArg named(std::string_view uri) { return {"path", "'" + shown(uri) + "'"}; }

/// 0 for a database without any table in its schema; else its parscore schema version.
std::int64_t schema_of(const sql::Database& db, std::string_view uri) {
    sql::Statement meta = db.prepare("SELECT to_regclass('parscore_meta') IS NOT NULL");
    meta.step();
    if (meta.int64(0) == 0) {
        sql::Statement tables = db.prepare(
            "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
        tables.step();
        if (tables.int64(0) == 0) return 0;
        throw StoreError(StoreError::Kind::NotParscore,
                         core::T_("{path} is not a parscore database (it holds other tables)", {named(uri)}));
    }
    sql::Statement read = db.prepare(
        "SELECT (SELECT value FROM parscore_meta WHERE key = 'application_id'), "
        "(SELECT value FROM parscore_meta WHERE key = 'schema_version')");
    read.step();
    if (read.is_null(0) || read.int64(0) != kApplicationId) {
        throw StoreError(StoreError::Kind::NotParscore,
                         core::T_("{path} is not a parscore database (it belongs to another application)",
                                  {named(uri)}));
    }
    const std::int64_t version = read.int64(1);
    if (version > kSchemaVersion) throw newer_schema(named(uri), version);
    return version;
}

/// Takes the lock under which a schema is made or dropped, until the transaction ends.
void lock_schema_changes(sql::Database& db) {
    db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kApplicationId) + ")");
}

/// Gives an empty database the current schema, in one transaction; whether it made it. Two
/// commands doing so at once take turns on an advisory lock; the second finds the schema made.
bool initialise(sql::Database& db, std::string_view uri) {
    db.pg()->begin_write();
    try {
        lock_schema_changes(db);
        const bool made = schema_of(db, uri) == 0;
        if (made) db.exec(postgres::create_sql(kSchemaVersion));
        db.pg()->commit();
        return made;
    } catch (...) {
        try {
            db.pg()->rollback();
        } catch (...) {  // a lost connection has rolled back by itself
        }
        throw;
    }
}

}  // namespace

bool is_postgres_uri(std::string_view path) {
    return path.starts_with("postgresql://") || path.starts_with("postgres://");
}

std::string shown_database(const std::filesystem::path& path) {
    return is_postgres_uri(path.string()) ? shown(path.string()) : path.string();
}

std::unique_ptr<Store::Impl> open_postgres(const std::string& uri, OpenMode mode) {
    sql::Database db = sql::Database::postgres(uri);
    std::int64_t version = schema_of(db, uri);
    if (version == 0) {
        if (mode == OpenMode::Existing || mode == OpenMode::ReadOnly) {
            throw StoreError(StoreError::Kind::Missing,
                             core::T_("database {path} holds no parscore data yet (a command that records or "
                                      "imports gives it the schema)",
                                      {named(uri)}));
        }
        if (initialise(db, uri) && mode == OpenMode::CreateOnCommit) {
            auto impl = std::make_unique<Store::Impl>(uri, std::move(db), kSchemaVersion);
            impl->target = uri;
            return impl;
        }
        version = kSchemaVersion;
    }
    return std::make_unique<Store::Impl>(uri, std::move(db), version);
}

void drop_uncommitted_schema(sql::Database& db) noexcept {
    try {
        db.pg()->begin_write();
        lock_schema_changes(db);
        std::vector<std::string> tables;
        sql::Statement list = db.prepare(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
        while (list.step()) tables.push_back(list.text(0));
        // parscore_meta holds the schema's own rows; any other row is data someone recorded.
        std::string written = "SELECT false";
        std::string drop;
        for (const std::string& table : tables) {
            if (table != "parscore_meta") written += " OR EXISTS (SELECT 1 FROM \"" + table + "\")";
            drop += "DROP TABLE \"" + table + "\" CASCADE; ";
        }
        sql::Statement any = db.prepare(written);
        if (any.step() && any.int64(0) == 0) {
            db.exec(drop +
                    "DROP FUNCTION IF EXISTS parscore_next_id(), parscore_audit_append_only(), "
                    "parscore_audit_last()");
        }
        db.pg()->commit();
    } catch (...) {  // left as it is: a later command finds the schema made and uses it
        try {
            db.pg()->rollback();
        } catch (...) {}
    }
}

}  // namespace parscore::inspections
