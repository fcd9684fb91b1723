#pragma once
// The database a store, operations or API test works on, on either backend. CTest registers those
// suites twice (tests/CMakeLists.txt, parscore_on_postgres): once as they are, on SQLite files,
// and once named postgres.… with PARSCORE_TEST_DATABASE set to the test cluster's URI, where every
// TestDatabase is a fresh schema of its own, dropped with the object. The tests then read and
// tamper with either through the store's own connection (sql::Database, which rewrites `?N`
// parameters for PostgreSQL); their SQL must be valid on both.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>

#include "sqlite_handle.hpp"  // inspections/src: sql::Database, both backends

namespace parscore::testing {

/// The test cluster's URI when this run of a suite is on PostgreSQL; none on SQLite.
inline std::optional<std::string> postgres_test_cluster() {
    const char* uri = std::getenv("PARSCORE_TEST_DATABASE");
    if (!uri || !*uri) return std::nullopt;
    return std::string(uri);
}

/// Whether this run of a suite is on PostgreSQL.
inline bool on_postgres() { return postgres_test_cluster().has_value(); }

class TestDatabase {
public:
    /// A database no one has opened yet: `folder/name` on SQLite, a new empty schema on PostgreSQL.
    explicit TestDatabase(const std::filesystem::path& folder, const std::string& name = "t.db") {
        const std::optional<std::string> cluster = postgres_test_cluster();
        if (!cluster) {
            location_ = folder / name;
            return;
        }
        std::random_device random;
        schema_ = "t_" + std::to_string(random()) + "_" + std::to_string(random());
        cluster_ = *cluster;
        inspections::sql::Database::postgres(cluster_).exec("CREATE SCHEMA " + schema_ + ";" + group_concat(schema_));
        // libpq's options set the search path of every connection the program opens to it.
        location_ = cluster_ + (cluster_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
                    schema_;
    }
    ~TestDatabase() {
        if (schema_.empty()) return;
        try {
            inspections::sql::Database::postgres(cluster_).exec("DROP SCHEMA " + schema_ + " CASCADE");
        } catch (const std::exception& e) {
            ADD_FAILURE() << "cannot drop the test schema " << schema_ << ": " << e.what();
        }
    }
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    /// What --db and a request's `database` take: the file's path or the schema's URI.
    const std::filesystem::path& location() const { return location_; }
    std::string string() const { return location_.string(); }
    bool postgres() const { return !schema_.empty(); }

    /// A connection of the store's own kind (the database must exist: a store made it).
    inspections::sql::Database connect() const {
        if (postgres()) return inspections::sql::Database::postgres(location_.string());
        return inspections::sql::Database(location_.string(), SQLITE_OPEN_READWRITE);
    }

    /// The first column of the first row `sql` returns, as text ("" for none or NULL).
    std::string text(const std::string& sql) const {
        inspections::sql::Database db = connect();
        inspections::sql::Statement s = db.prepare(sql);
        return s.step() ? s.optional_text(0).value_or("") : "";
    }
    /// The same as a number (0 for none or NULL).
    std::int64_t number(const std::string& sql) const {
        inspections::sql::Database db = connect();
        inspections::sql::Statement s = db.prepare(sql);
        return s.step() ? s.int64(0) : 0;
    }
    /// Runs statements that return nothing, outside the store (a tampering test's edits).
    void exec(const std::string& sql) const { connect().exec(sql); }

private:
    /// SQLite's group_concat(X) and group_concat(X, SEPARATOR) for the tests' queries, in the test's
    /// schema only (functions, which the store's check for an empty database does not count).
    static std::string group_concat(const std::string& schema) {
        const std::string step = schema + ".group_concat_step";
        return "CREATE FUNCTION " + step +
               "(acc text, v anyelement, sep text) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
               " SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v::text ELSE acc || sep || v::text END $$;"
               "CREATE FUNCTION " +
               step +
               "(acc text, v anyelement) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
               " SELECT " +
               step +
               "(acc, v, ',') $$;"
               "CREATE AGGREGATE " +
               schema + ".group_concat(anyelement) (SFUNC = " + step +
               ", STYPE = text);"
               "CREATE AGGREGATE " +
               schema + ".group_concat(anyelement, text) (SFUNC = " + step + ", STYPE = text);";
    }

    std::filesystem::path location_;
    std::string cluster_;
    std::string schema_;
};

}  // namespace parscore::testing
