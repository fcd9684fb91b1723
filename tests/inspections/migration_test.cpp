// Schema migrations, on a database made by the last parscore of schema version 1
// (data/schema-1/schema-1.db, built by data/schema-1/make.sh): read-only commands read it as it is
// and leave it byte-identical; the first command that writes migrates it in that command's
// transaction; its publication still verifies; a newer schema is refused.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <set>

#include "fixture.hpp"
#include "migrations.hpp"

namespace parscore::inspections::testing {
namespace {

const fs::path kSchema1 = kData / "data" / "schema-1";
const fs::path kSchema2 = kData / "data" / "schema-2";
const fs::path kSchema3 = kData / "data" / "schema-3";

/// One value of a query, as text ("" for NULL or no row).
std::string query(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

void raw_sql(const fs::path& db, const std::string& sql) {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(h);
    sqlite3_close(h);
}

/// The CREATE statements of a database, without the order they were made in.
std::multiset<std::string> schema_sql(const fs::path& db) {
    sqlite3* h = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h, "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL", -1, &s, nullptr);
    std::multiset<std::string> out;
    while (sqlite3_step(s) == SQLITE_ROW) out.insert(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    sqlite3_close(h);
    return out;
}

/// A copy of a committed database of an older schema, and commands run on it.
class OldDatabase : public ::testing::Test {
protected:
    void copy(const fs::path& file, const std::string& version) {
        fs::copy_file(file, db());
        ASSERT_EQ(query(db(), "PRAGMA user_version"), version);
    }
    fs::path db() const { return dir_ / "old.db"; }
    RunResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db().string()});
        return run_parscore(args, dir_.path());
    }
    std::string first_inspection() { return query(db(), "SELECT id FROM inspections ORDER BY stamp LIMIT 1"); }

    TempDir dir_;
    const std::string rules_ = kRulebook.string();
};

class Schema1 : public OldDatabase {
protected:
    void SetUp() override { copy(kSchema1 / "schema-1.db", "1"); }
};

TEST(Migrations, AreNumberedStepsEndingAtTheCurrentVersion) {
    const auto& steps = migrations();
    ASSERT_FALSE(steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i].version, static_cast<int>(i + 1));
    EXPECT_EQ(steps.back().version, kSchemaVersion);
    EXPECT_EQ(tables_of(1).size(), 9u);
    EXPECT_EQ(numbered_tables(1), (std::vector<std::string>{"revisions", "events"}));
    EXPECT_EQ(numbered_tables(2).back(), "unit_versions");
    EXPECT_EQ(tables_of(3), tables_of(2));  // step 3 adds a column, not a table
    EXPECT_EQ(numbered_tables(3).back(), "publications");
    EXPECT_EQ(numbered_tables(4).back(), "adoptions");
    for (const char* table : {"accounts", "tokens", "attachments", "adoptions", "adoption_files", "sessions",
                              "login_failures", "client_reports", "merges", "audit"}) {
        const auto all = tables_of(4);
        EXPECT_NE(std::find(all.begin(), all.end(), table), all.end()) << table;
    }
}

TEST_F(Schema1, ReadOnlyCommandsReadItWithoutChangingABit) {
    const std::string before = file_sha256(db());
    const std::string id = first_inspection();
    const std::vector<std::vector<std::string>> commands = {
        {"units", "list"},
        {"units", "list", "--format", "json"},
        {"inspections", "--format", "json"},
        {"show", id.substr(0, 30)},
        {"score", "--rules", rules_, "--year", "2013", "--format", "json"},
        {"rank", "--rules", rules_, "--year", "2013"},
        {"template", "--rules", rules_, "--unit", "so-tu-phap", "--date", "2014-01-10"},
        {"verify"},
    };
    for (const auto& command : commands) {
        RunResult r = run(command);
        EXPECT_EQ(r.exit_code, 0) << command[0] << ": " << r.err << r.out;
        EXPECT_EQ(file_sha256(db()), before) << command[0] << " changed the file";
    }
    RunResult units = run({"units", "list", "--format", "csv"});
    EXPECT_NE(units.out.find("so-noi-vu,Sở Nội vụ tỉnh Hòa Bình,department,,2010,\n"), std::string::npos) << units.out;
    RunResult verify = run({"verify"});
    EXPECT_NE(verify.out.find("publication 1 (store-tests 1, year 2013, basis all, revision 6): ok"), std::string::npos)
        << verify.out;
    EXPECT_EQ(query(db(), "PRAGMA user_version"), "1");
}

TEST_F(Schema1, AWriteThatChangesNothingLeavesItAsItWas) {
    const std::string before = file_sha256(db());
    // Refused before any transaction: an invalid report.
    write_file(dir_ / "bad.yaml",
               "inspection:\n  unit: so-tu-phap\n  date: 2014-13-01\n  kind: surprise\nfindings: {}\n");
    EXPECT_EQ(run({"record", "--rules", rules_, (dir_ / "bad.yaml").string()}).exit_code, 1);
    // Refused inside the write transaction: a report equal to a stored one, a move that is illegal.
    EXPECT_EQ(run({"record", "--rules", rules_, (kData / "data" / "report.yaml").string()}).exit_code, 1);
    EXPECT_EQ(run({"submit", first_inspection()}).exit_code, 1);
    // A write that finds nothing to do.
    RunResult same = run({"units", "import", (kSchema1 / "renamed.csv").string()});
    EXPECT_EQ(same.exit_code, 0) << same.err;
    EXPECT_EQ(file_sha256(db()), before);
    EXPECT_EQ(query(db(), "PRAGMA user_version"), "1");
}

TEST_F(Schema1, TheFirstWriteMigratesItAndItsPublicationStillVerifies) {
    // A unit changes category after the publication: as of its revision, it was still a department.
    write_file(dir_ / "moved.csv", "id,name,category\nso-tu-phap,Sở Tư pháp,district\n");
    RunResult moved = run({"units", "import", (dir_ / "moved.csv").string()});
    ASSERT_EQ(moved.exit_code, 0) << moved.err;
    EXPECT_EQ(query(db(), "PRAGMA user_version"), std::to_string(kSchemaVersion));
    EXPECT_EQ(query(db(), "SELECT count(*) FROM unit_versions WHERE no = 0"), "4");  // valid from revision 0
    EXPECT_EQ(query(db(), "SELECT no || ' ' || category FROM unit_versions WHERE no > 0"), "7 district");
    RunResult verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_NE(verify.out.find("last revision 7: ok"), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("publication 1 (store-tests 1, year 2013, basis all, revision 6): ok"), std::string::npos)
        << verify.out;
    RunResult units = run({"units", "list", "--format", "json"});
    EXPECT_NE(units.out.find("{\"id\": \"so-tu-phap\", \"name\": \"Sở Tư pháp\", \"category\": \"district\", "
                             "\"parent\": null, \"active_from\": null, \"active_to\": null}"),
              std::string::npos)
        << units.out;
}

TEST_F(Schema1, AMigrationThatFailsLeavesNothingBehind) {
    // A table in the way of step 2 makes the migration fail half-way through its command.
    raw_sql(db(), "CREATE TABLE unit_versions(x INTEGER)");
    const std::string before = file_sha256(db());
    write_file(dir_ / "moved.csv", "id,name,category\nso-tu-phap,Sở Tư pháp,district\n");
    RunResult r = run({"units", "import", (dir_ / "moved.csv").string()});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(file_sha256(db()), before);
    EXPECT_EQ(query(db(), "PRAGMA user_version"), "1");
    EXPECT_EQ(query(db(), "SELECT category FROM units WHERE id = 'so-tu-phap'"), "department");
}

TEST_F(Schema1, MigratingGivesTheSchemaOfANewDatabase) {
    write_file(dir_ / "new-unit.csv", "id,name,category\nso-y-te,Sở Y tế,department\n");
    ASSERT_EQ(run({"units", "import", (dir_ / "new-unit.csv").string()}).exit_code, 0);
    const fs::path fresh = dir_ / "fresh.db";
    ASSERT_EQ(run_parscore({"--db", fresh.string(), "units", "import", (dir_ / "new-unit.csv").string()}, dir_.path())
                  .exit_code,
              0);
    EXPECT_EQ(schema_sql(db()), schema_sql(fresh));
}

TEST_F(Schema1, ANewerSchemaIsRefusedAndLeftUnchanged) {
    raw_sql(db(), "PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    const std::string before = file_sha256(db());
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"inspections"}, {"units", "import", (kData / "data" / "units.csv").string()}}) {
        RunResult r = run(command);
        EXPECT_EQ(r.exit_code, 3) << command[0];
        EXPECT_NE(r.err.find("has schema version " + std::to_string(kSchemaVersion + 1)), std::string::npos) << r.err;
        EXPECT_EQ(file_sha256(db()), before);
    }
}

TEST_F(Schema1, MergesIntoANewDatabaseWithoutBeingChanged) {
    const std::string before = file_sha256(db());
    const TestDatabase here(dir_.path(), "here.db");  // a new database on either backend
    RunResult r = run_parscore({"--db", here.string(), "merge", db().string()}, dir_.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(": 4 units, 4 inspections"), std::string::npos) << r.out;
    EXPECT_EQ(file_sha256(db()), before);
    EXPECT_EQ(run_parscore({"--db", here.string(), "verify"}, dir_.path()).exit_code, 0);
}

// A database of schema 2 (data/schema-2/schema-2.db, built by data/schema-2/make.sh): its
// publication took no revision number; after migrating, the next one does.
class Schema2 : public OldDatabase {
protected:
    void SetUp() override { copy(kSchema2 / "schema-2.db", "2"); }
};

TEST_F(Schema2, VerifyReadsItWithoutChangingABit) {
    const std::string before = file_sha256(db());
    RunResult verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_NE(verify.out.find("last revision 11: ok"), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("publication 1 (store-tests 1, year 2013, basis all, revision 10): ok"),
              std::string::npos)
        << verify.out;
    EXPECT_EQ(file_sha256(db()), before);
}

TEST_F(Schema2, AfterMigratingAPublicationTakesTheNextNumber) {
    write_file(dir_ / "moved.csv", "id,name,category\nso-tu-phap,Sở Tư pháp,district\n");
    ASSERT_EQ(run({"units", "import", (dir_ / "moved.csv").string()}).exit_code, 0);
    EXPECT_EQ(query(db(), "PRAGMA user_version"), std::to_string(kSchemaVersion));
    EXPECT_EQ(query(db(), "SELECT count(*) FROM publications WHERE no IS NULL"), "1");  // took none then
    EXPECT_EQ(query(db(), "SELECT max(no) FROM unit_versions"), "12");
    RunResult published = run({"publish", "--rules", rules_, "--year", "2013", "--supersede", "moved"});
    ASSERT_EQ(published.exit_code, 0) << published.err << published.out;
    EXPECT_EQ(query(db(), "SELECT no || ' ' || last_revision FROM publications WHERE id = 2"), "13 12");
    RunResult verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_NE(verify.out.find("last revision 13: ok"), std::string::npos) << verify.out;
    EXPECT_NE(verify.out.find("publication 1 (store-tests 1, year 2013, basis all, revision 10): ok"),
              std::string::npos)
        << verify.out;
    EXPECT_NE(verify.out.find("publication 2 (store-tests 1, year 2013, basis all, revision 12): ok"),
              std::string::npos)
        << verify.out;
}

// A database of schema 3 (data/schema-3/schema-3.db, built by data/schema-3/make.sh): two
// numbered publications, the second superseding the first after a unit was renamed.
class Schema3 : public OldDatabase {
protected:
    void SetUp() override { copy(kSchema3 / "schema-3.db", "3"); }
};

TEST_F(Schema3, VerifyReadsItWithoutChangingABit) {
    const std::string before = file_sha256(db());
    RunResult verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_NE(verify.out.find("publication 1 (store-tests 1, year 2013, basis all, revision 9): ok"), std::string::npos)
        << verify.out;
    EXPECT_NE(verify.out.find("publication 2 (store-tests 1, year 2013, basis all, revision 12): ok"),
              std::string::npos)
        << verify.out;
    EXPECT_EQ(file_sha256(db()), before);
}

TEST_F(Schema3, TheFirstWriteMigratesItAndItsPublicationsStillVerify) {
    ASSERT_EQ(run({"lock", first_inspection()}).exit_code, 0);
    EXPECT_EQ(query(db(), "PRAGMA user_version"), std::to_string(kSchemaVersion));
    RunResult verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    EXPECT_NE(verify.out.find("publication 2 (store-tests 1, year 2013, basis all, revision 12): ok"),
              std::string::npos)
        << verify.out;
}

// Schema 4 loosens the events' CHECK by editing its stored definition: the migrated file must be
// sound, take the new kinds, still refuse others, and keep the audit log append-only.
TEST_F(Schema3, Version4TakesTheNewEventKindsAndTheAuditLogIsAppendOnly) {
    ASSERT_EQ(run({"lock", first_inspection()}).exit_code, 0);
    EXPECT_EQ(query(db(), "PRAGMA integrity_check"), "ok");
    EXPECT_NE(query(db(), "SELECT sql FROM sqlite_schema WHERE name = 'events'")
                  .find("CHECK (event IN ('submit', 'lock', 'return', 'comment', 'attach'))"),
              std::string::npos);
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db().c_str(), &h), SQLITE_OK);
    auto exec = [&](const std::string& sql) { return sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr); };
    const std::string id = first_inspection();
    EXPECT_EQ(exec("INSERT INTO events(no, inspection, seq, event, recorded_by, recorded_at, prev_hash, hash, note) "
                   "VALUES (1000, '" +
                   id + "', 99, 'comment', 'a', 't', 'p', 'h', 'x')"),
              SQLITE_OK);
    EXPECT_EQ(exec("INSERT INTO events(no, inspection, seq, event, recorded_by, recorded_at, prev_hash, hash) "
                   "VALUES (1001, '" +
                   id + "', 100, 'delete', 'a', 't', 'p', 'h')"),
              SQLITE_CONSTRAINT);
    EXPECT_EQ(exec("INSERT INTO audit(time, account, address, action, target, prev_hash, hash) "
                   "VALUES ('t', 'a', 'local', 'x', 'y', '', 'h')"),
              SQLITE_OK);
    EXPECT_EQ(exec("UPDATE audit SET action = 'z'"), SQLITE_CONSTRAINT);
    EXPECT_EQ(exec("DELETE FROM audit"), SQLITE_CONSTRAINT);
    sqlite3_close(h);
}

// Every earlier version reaches version 4 with the same definitions as a new database.
TEST_F(Schema3, MigratingGivesTheSchemaOfANewDatabase) {
    ASSERT_EQ(run({"lock", first_inspection()}).exit_code, 0);
    const fs::path fresh = dir_ / "fresh.db";
    ASSERT_EQ(run_parscore({"--db", fresh.string(), "units", "import", (kData / "data" / "units.csv").string()},
                           dir_.path())
                  .exit_code,
              0);
    EXPECT_EQ(schema_sql(db()), schema_sql(fresh));
}

}  // namespace
}  // namespace parscore::inspections::testing
