// Opening a PostgreSQL database (docs/store.md, "PostgreSQL"): a URI names an existing database;
// an empty one is given parscore's schema by the commands that would create a SQLite file, one
// holding other tables is refused, as is one of a newer schema.
#include "store_postgres.hpp"

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

/// Gives an empty database the current schema, in one transaction. Two commands doing so at once
/// take turns on an advisory lock; the second finds the schema made.
std::int64_t initialise(sql::Database& db, std::string_view uri) {
    db.pg()->begin_write();
    try {
        db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kApplicationId) + ")");
        std::int64_t version = schema_of(db, uri);
        if (version == 0) {
            db.exec(postgres::create_sql(kSchemaVersion));
            version = kSchemaVersion;
        }
        db.pg()->commit();
        return version;
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
        version = initialise(db, uri);
    }
    return std::make_unique<Store::Impl>(uri, std::move(db), version);
}

}  // namespace parscore::inspections
