// The SQLite-to-PostgreSQL rewrite of the store's statements: parameters numbered as SQLite numbers
// them, nothing touched inside literals, identifiers or comments, and INSERT OR IGNORE.
#include <gtest/gtest.h>

#include "pg_connection.hpp"
#include "pg_sql.hpp"

namespace parscore::inspections::pg {
namespace {

struct Case {
    const char* sqlite;
    const char* postgres;
    std::vector<std::string> names;  // one per parameter number, "" for an unnamed one
};

void check(const Case& c) {
    SCOPED_TRACE(c.sqlite);
    std::vector<std::string> names{"left over"};
    EXPECT_EQ(to_postgres_sql(c.sqlite, &names), c.postgres);
    EXPECT_EQ(names, c.names);
    EXPECT_EQ(to_postgres_sql(c.sqlite), c.postgres);  // names are optional
}

const Case kParameters[] = {
    {"SELECT 1", "SELECT 1", {}},
    {"SELECT a FROM t WHERE b = ?1 AND c = ?2", "SELECT a FROM t WHERE b = $1 AND c = $2", {"", ""}},
    {"VALUES (?2, ?1, ?2)", "VALUES ($2, $1, $2)", {"", ""}},
    {"VALUES (?, ?, ?)", "VALUES ($1, $2, $3)", {"", "", ""}},
    // A bare ? is one more than the largest number so far, as in SQLite.
    {"VALUES (?3, ?)", "VALUES ($3, $4)", {"", "", "", ""}},
    {"VALUES (?, ?5, ?, ?2)", "VALUES ($1, $5, $6, $2)", {"", "", "", "", "", ""}},
    {"VALUES (?10)", "VALUES ($10)", std::vector<std::string>(10)},
    {"WHERE a = :unit AND (:year IS NULL OR y = :year) AND b = :unit",
     "WHERE a = $1 AND ($2 IS NULL OR y = $2) AND b = $1",
     {":unit", ":year"}},
    {"WHERE a = ?1 AND b = :name", "WHERE a = $1 AND b = $2", {"", ":name"}},
    {"WHERE a = :a_1 OR a = :B2", "WHERE a = $1 OR a = $2", {":a_1", ":B2"}},
    {"WHERE (?2 IS NULL OR unit = ?2)", "WHERE ($2 IS NULL OR unit = $2)", {"", ""}},
    // Casts and slices are not parameters.
    {"SELECT x::bigint, y :: text FROM t", "SELECT x::bigint, y :: text FROM t", {}},
    {"SELECT :v::int8 + ?::text", "SELECT $1::int8 + $2::text", {":v", ""}},
    {"SELECT a[1:2], b[:3]", "SELECT a[1:2], b[:3]", {}},
    // Literals, quoted identifiers and comments are copied as they are.
    {"SELECT '?', ':name', ?", "SELECT '?', ':name', $1", {""}},
    {"SELECT 'it''s ?1 :x' || ?", "SELECT 'it''s ?1 :x' || $1", {""}},
    {"SELECT '' || ?", "SELECT '' || $1", {""}},
    {"SELECT \"odd?\", \"a\"\"b:c\" FROM t WHERE x = ?", "SELECT \"odd?\", \"a\"\"b:c\" FROM t WHERE x = $1", {""}},
    {"SELECT 1 -- why? :because\nWHERE x = ?", "SELECT 1 -- why? :because\nWHERE x = $1", {""}},
    {"SELECT /* ?1 :x */ :y", "SELECT /* ?1 :x */ $1", {":y"}},
    {"SELECT $$ ? :x $$, $q$ ?' $q$, ?", "SELECT $$ ? :x $$, $q$ ?' $q$, $1", {""}},
    {"SELECT $1", "SELECT $1", {}},
    {"SELECT 'Thừa Thiên Huế: ?' WHERE tên = ?", "SELECT 'Thừa Thiên Huế: ?' WHERE tên = $1", {""}},
    {"SELECT 'unterminated ?", "SELECT 'unterminated ?", {}},
};
TEST(PgSql, ParametersAreNumberedAsSqliteNumbersThem) {
    for (const Case& c : kParameters) check(c);
}

const Case kInsertOrIgnore[] = {
    {"INSERT OR IGNORE INTO t (a) VALUES (?1)", "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING", {""}},
    {"insert or ignore into t(a) values(?)", "insert into t(a) values($1) ON CONFLICT DO NOTHING", {""}},
    {"INSERT  OR\n  IGNORE INTO t VALUES (1);\n", "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;\n", {}},
    {"INSERT OR IGNORE INTO t VALUES (1) -- kept once\n",
     "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING -- kept once\n",
     {}},
    {"INSERT OR IGNORE INTO t (a) VALUES (:a) RETURNING id",
     "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id",
     {":a"}},
    {"INSERT OR IGNORE INTO t (a) SELECT b FROM u WHERE c = 'RETURNING'",
     "INSERT INTO t (a) SELECT b FROM u WHERE c = 'RETURNING' ON CONFLICT DO NOTHING",
     {}},
    {"INSERT OR IGNORE INTO t (a) VALUES (')')", "INSERT INTO t (a) VALUES (')') ON CONFLICT DO NOTHING", {}},
    // Not an INSERT OR IGNORE: left alone.
    {"INSERT INTO t VALUES ('INSERT OR IGNORE')", "INSERT INTO t VALUES ('INSERT OR IGNORE')", {}},
    {"INSERT INTO t (\"or\", ignore) VALUES (1, 2)", "INSERT INTO t (\"or\", ignore) VALUES (1, 2)", {}},
    {"INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = excluded.b",
     "INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = excluded.b",
     {}},
    {"SELECT ignore FROM t WHERE insert_or = 1", "SELECT ignore FROM t WHERE insert_or = 1", {}},
};
TEST(PgSql, InsertOrIgnoreBecomesOnConflictDoNothing) {
    for (const Case& c : kInsertOrIgnore) check(c);
}

TEST(PgSql, NullTestsAreSetAsideForOneParameter) {
    const struct {
        const char* sql;
        int number;
        const char* expected;
    } cases[] = {
        {"WHERE ($1 IS NULL OR unit = $1)", 1, "WHERE (NULL IS NULL OR unit = $1)"},
        {"WHERE ($1 is not  null AND $1 <> '') OR $1\nIS\nNULL", 1,
         "WHERE (NULL is not  null AND $1 <> '') OR NULL\nIS\nNULL"},
        {"WHERE $1 IS NULL OR $12 IS NULL", 1, "WHERE NULL IS NULL OR $12 IS NULL"},
        {"WHERE $12 IS NULL OR $1 IS NULL", 12, "WHERE NULL IS NULL OR $1 IS NULL"},
        {"WHERE $1 IS NULLS OR $1 ISNULL OR $1 IS DISTINCT FROM x", 1,
         "WHERE $1 IS NULLS OR $1 ISNULL OR $1 IS DISTINCT FROM x"},
        {"WHERE $2 IS NULL", 1, "WHERE $2 IS NULL"},
        {"SELECT $1 IS NULL", 1, "SELECT NULL IS NULL"},
    };
    for (const auto& c : cases) EXPECT_EQ(without_null_tests(c.sql, c.number), c.expected) << c.sql;
}

TEST(ErrorKind, RetryableFailuresAreBusyAndLostConnectionsIo) {
    using Kind = StoreError::Kind;
    const std::pair<const char*, Kind> cases[] = {
        {"40001", Kind::Busy},     {"40P01", Kind::Busy},     {"55P03", Kind::Busy},     {"08006", Kind::Io},
        {"08001", Kind::Io},       {"57P01", Kind::Io},       {"57P03", Kind::Io},       {"53100", Kind::Io},
        {"53300", Kind::Io},       {"58030", Kind::Io},       {"3D000", Kind::Missing},  {"23505", Kind::Database},
        {"42601", Kind::Database}, {"42P01", Kind::Database}, {"57014", Kind::Database}, {"", Kind::Database},
    };
    for (const auto& [state, kind] : cases) EXPECT_EQ(error_kind(state), kind) << state;
}

}  // namespace
}  // namespace parscore::inspections::pg
