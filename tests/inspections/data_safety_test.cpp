// Data safety as a user meets it (docs/reliability.md): a failed command leaves no new database
// and no side files, merge leaves nothing beside the other database, an archived read-only copy
// can be read but not written, and an output file is either complete or untouched.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <set>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

/// The names in a folder.
std::set<std::string> listing(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.insert(e.path().filename().string());
    return names;
}

/// Root ignores file modes: commands on a read-only copy run as an unprivileged user.
std::string unprivileged() { return ::geteuid() == 0 ? "runuser -u nobody -- " : ""; }

class DataSafety : public ::testing::Test {
protected:
    RunResult run(const fs::path& db, std::vector<std::string> args, const std::string& prefix = "") {
        args.insert(args.begin(), {"--db", db.string()});
        return run_parscore(args, dir_.path(), prefix);
    }
    /// A database in its own folder with the test units and one recorded report; returns its id.
    std::string make_database(const fs::path& db) {
        fs::create_directories(db.parent_path());
        EXPECT_EQ(run(db, {"units", "import", (kData / "data" / "units.csv").string()}).exit_code, 0);
        RunResult r = run(db, {"record", "--rules", kRulebook.string(), (kData / "data" / "report.yaml").string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out.substr(0, r.out.find('\n'));
    }
    TempDir dir_;
};

TEST_F(DataSafety, FailedWritingCommandsLeaveNoDatabaseBehind) {
    const fs::path folder = dir_ / "work";
    fs::create_directories(folder);
    const TestDatabase database(folder);  // on PostgreSQL an empty schema: no tables may be left in it
    const fs::path db = database.location();
    const fs::path bad_units = dir_ / "units.csv", bad_csv = dir_ / "procedure.csv", foreign = dir_ / "foreign.db";
    write_file(bad_units, "id,name,category\nso-tu-phap,,department\n");
    write_file(bad_csv, "unit,date,code,posted,online_level\nso-tu-phap,2013-10-15,TP-1,true,1\n");
    write_file(foreign, "not a database");
    const std::string rules = kRulebook.string();
    const std::vector<std::vector<std::string>> commands = {
        {"units", "import", bad_units.string()},
        {"record", "--rules", rules, (kData / "data" / "report.yaml").string()},  // unknown unit in an empty database
        {"import", "--rules", rules, "--kind", "procedure", bad_csv.string()},
        {"merge", foreign.string()},
    };
    for (const auto& args : commands) {
        RunResult r = run(db, args);
        EXPECT_NE(r.exit_code, 0) << args[0];
        EXPECT_FALSE(created(database)) << args[0];
        EXPECT_TRUE(listing(folder).empty()) << args[0] << " left " << *listing(folder).begin();
    }
    // The same units file, corrected, creates the database, and only it.
    write_file(bad_units, "id,name,category\nso-tu-phap,Sở Tư pháp,department\n");
    ASSERT_EQ(run(db, {"units", "import", bad_units.string()}).exit_code, 0);
    EXPECT_TRUE(created(database));
    EXPECT_EQ(listing(folder), on_postgres() ? std::set<std::string>{} : std::set<std::string>{"t.db"});
    EXPECT_EQ(run(db, {"inspections"}).exit_code, 0);
}

TEST_F(DataSafety, MergeLeavesNothingBesideTheOtherDatabase) {
    const fs::path other = dir_ / "other" / "o.db";  // merge reads a SQLite file
    make_database(other);
    const std::set<std::string> before = listing(other.parent_path());
    const std::string sha = file_sha256(other);
    const fs::path here = dir_ / "here";
    fs::create_directories(here);
    const TestDatabase db(here);
    RunResult r = run(db.location(), {"merge", other.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(listing(other.parent_path()), before);
    EXPECT_EQ(file_sha256(other), sha);
    if (on_postgres()) return;  // the rest is about the files beside a SQLite database
    EXPECT_EQ(listing(here), std::set<std::string>{"t.db"});
}

TEST_F(DataSafety, AnArchivedReadOnlyCopyIsReadButNotWritten) {
    const fs::path db = dir_ / "archive" / "t.db";
    const std::string id = make_database(db);
    const fs::path report = dir_ / "r.yaml";
    write_file(report,
               "inspection:\n  unit: so-noi-vu\n  date: 2013-05-01\n  kind: scheduled\nfindings:\n  website: true\n");
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(db.parent_path(),
                    fs::perms::all & ~(fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write));
    const std::set<std::string> before = listing(db.parent_path());
    const std::string sha = file_sha256(db);
    const std::string rules = kRulebook.string(), as = unprivileged();
    const std::vector<std::vector<std::string>> reads = {
        {"inspections"},
        {"show", id},
        {"verify"},
        {"score", "--rules", rules, "--year", "2013"},
        {"rank", "--rules", rules, "--year", "2013", "--format", "csv"},
        {"explain", "--rules", rules, "--year", "2013", "--unit", "so-tu-phap"},
        {"summary", "--rules", rules, "--year", "2013"},
        {"gap", "--rules", rules, "--year", "2013"},
        {"diff", "--rules", rules, "--with", rules, "--year", "2013"},
        {"template", "--rules", rules, "--unit", "so-tu-phap"},
    };
    for (const auto& args : reads) {
        RunResult r = run(db, args, as);
        EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
        EXPECT_EQ(listing(db.parent_path()), before) << args[0];
    }
    const std::vector<std::vector<std::string>> writes = {
        {"record", "--rules", rules, report.string()},
        {"units", "import", (kData / "data" / "units.csv").string()},
        {"submit", id},
    };
    for (const auto& args : writes) {
        RunResult r = run(db, args, as);
        EXPECT_EQ(r.exit_code, 3) << args[0];
        EXPECT_NE(r.err.find("parscore: error: the database '" + db.string() + "' is read-only"), std::string::npos)
            << r.err;
        EXPECT_EQ(r.err.find("SQLite"), std::string::npos) << r.err;
    }
    EXPECT_EQ(listing(db.parent_path()), before);
    EXPECT_EQ(file_sha256(db), sha);
    fs::permissions(db.parent_path(), fs::perms::owner_all, fs::perm_options::add);
}

TEST_F(DataSafety, AnArchivedCopyWithChangesInItsLogIsReadWithThem) {
    // A copy taken while a writer held changes in the write-ahead log: with its -shm file the log
    // is read (read-only); without it, in a read-only folder, it is refused in plain words rather
    // than read as an older database.
    const fs::path live = dir_ / "live" / "t.db";
    make_database(live);
    sqlite3* writer = nullptr;
    ASSERT_EQ(sqlite3_open(live.c_str(), &writer), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(writer,
                           "PRAGMA wal_autocheckpoint=0; UPDATE units SET name = 'Logged' WHERE id = 'so-tu-phap'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    const fs::path archive = dir_ / "archive";
    fs::create_directories(archive);
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::copy_file(live.string() + suffix, archive / (std::string("t.db") + suffix));
    sqlite3_close(writer);
    const fs::path db = archive / "t.db";
    const auto read_only = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::permissions(db.string() + suffix, read_only);
    fs::permissions(archive, read_only | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec);

    RunResult r = run(db, {"rank", "--rules", kRulebook.string(), "--year", "2013", "--format", "csv"}, unprivileged());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Logged"), std::string::npos) << r.out;

    fs::permissions(archive, fs::perms::owner_write, fs::perm_options::add);
    fs::remove(db.string() + "-shm");
    fs::permissions(archive, fs::perms::owner_write, fs::perm_options::remove);
    r = run(db, {"inspections"}, unprivileged());
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("cannot be read without '" + db.string() + "-shm' in a read-only folder"), std::string::npos)
        << r.err;
    EXPECT_EQ(listing(archive), (std::set<std::string>{"t.db", "t.db-wal"}));
    fs::permissions(archive, fs::perms::owner_all, fs::perm_options::add);
}

TEST_F(DataSafety, AWriteThatFailsLeavesTheEarlierFileWhole) {
    // At most 512 bytes per file written, and writing past it an error rather than a signal: the
    // JUnit report of the scoring tests is larger, so writing it fails half-way.
    const fs::path junit = dir_ / "junit.xml";
    write_file(junit, "earlier report\n");
    const fs::path scoring = fs::path(PARSCORE_TEST_DATA) / "scoring";
    RunResult r = run_parscore({"test", "--junit", junit.string(), scoring.string()}, dir_.path(),
                               "trap '' XFSZ; ulimit -f 1; ");
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("cannot write '" + junit.string() + "'"), std::string::npos) << r.err;
    EXPECT_EQ(read_all(junit), "earlier report\n");
    EXPECT_EQ(listing(dir_.path()), (std::set<std::string>{".err", ".out", "junit.xml"}));
    // Without the limit the whole report replaces it.
    ASSERT_EQ(run_parscore({"test", "--junit", junit.string(), scoring.string()}, dir_.path()).exit_code, 0);
    EXPECT_NE(read_all(junit).find("<testsuites"), std::string::npos);
}

TEST_F(DataSafety, JunitIsNeverWrittenOverATestFileOrItsRulebook) {
    const fs::path runner = dir_ / "runner", scoring = dir_ / "scoring";
    fs::create_directories(runner);
    fs::copy(fs::path(PARSCORE_TEST_DATA) / "scoring", scoring);
    fs::copy(fs::path(PARSCORE_TEST_DATA) / "rule_test_runner" / "failing.test.yaml", runner / "failing.test.yaml");
    const fs::path test = runner / "failing.test.yaml", rulebook = scoring / "rulebook.yaml";
    for (const fs::path& target : {test, rulebook, runner / ".." / "scoring" / "rulebook.yaml"}) {
        const std::string sha = file_sha256(target);
        RunResult r = run_parscore({"test", "--junit", target.string(), test.string()}, dir_.path());
        EXPECT_EQ(r.exit_code, 2) << target;
        EXPECT_NE(r.err.find("a file this command reads"), std::string::npos) << r.err;
        EXPECT_EQ(file_sha256(target), sha) << target;
    }
}

}  // namespace
}  // namespace parscore::inspections::testing
