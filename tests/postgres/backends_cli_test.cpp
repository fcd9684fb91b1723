// The command line on PostgreSQL against SQLite: a database copied from one backend to the other
// and back answers every reading command with the same bytes, verifies, and re-scores its
// publications; a database URI that is missing, foreign, newer or empty is refused as a file
// would be; and the demo, recording, review and publishing work on PostgreSQL directly.
#include <gtest/gtest.h>

#include "pg_fixture.hpp"
#include "publication/cli_support.hpp"

namespace parscore::testing {
namespace {

using inspections::pg::testing::PgTest;

/// A test with a schema of its own on the cluster, named by a URI the program can open.
class Backends : public PgTest {
protected:
    /// The URI of this test's schema (search_path set through libpq's options).
    std::string uri() const { return uri_ + "&options=-csearch_path%3D" + schema_; }
    CliRun run(std::vector<std::string> args) { return parscore(args, dir_.path()); }
    std::string file(const std::string& name) const { return (dir_.path() / name).string(); }

    ScratchDir dir_;
};

/// Every command that reads, as an office would run them on the demo.
const std::vector<std::vector<std::string>> kReadingCommands = {
    {"rank", "--year", "2013", "--format", "json"},
    {"rank", "--year", "2013", "--lang", "vi"},
    {"rank", "--year", "2012"},
    {"score", "--year", "2013", "--format", "csv"},
    {"rank", "--year", "2013", "--format", "html"},
    {"explain", "--year", "2013", "--unit", "huyen-da-bac"},
    {"summary", "--year", "2013", "--format", "json"},
    {"gap", "--year", "2013", "--format", "csv"},
    {"report", "--year", "2013", "--format", "html", "--lang", "vi"},
    {"inspections", "--year", "2013"},
    {"units", "list"},
    {"rulebooks"},
    {"audit"},
    {"users", "list"},
    {"verify"},
};

TEST_F(Backends, ACopyAnswersWithTheSameBytesBothWays) {
    ASSERT_EQ(run({"demo", "--db", file("demo.db")}).code, 0);
    // An account's changes, so the audit log and its counter have rows to carry.
    ASSERT_EQ(run({"users", "add", "clerk", "--role", "office", "--name", "Văn thư", "--db", file("demo.db")}).code, 0);
    const CliRun published = run(
        {"--as", "clerk", "publish", "--year", "2013", "--allow-incomplete", "--db", file("demo.db")});
    ASSERT_EQ(published.code, 0) << published.err;

    const CliRun there = run({"copy", "--from", file("demo.db"), "--to", uri()});
    ASSERT_EQ(there.code, 0) << there.err;
    EXPECT_NE(there.out.find("copied"), std::string::npos);
    const CliRun back = run({"copy", "--from", uri(), "--to", file("back.db")});
    ASSERT_EQ(back.code, 0) << back.err;

    for (const auto& command : kReadingCommands) {
        std::vector<std::string> args = command;
        args.insert(args.end(), {"--db", file("demo.db")});
        const CliRun sqlite = run(args);
        ASSERT_EQ(sqlite.code, 0) << command.front() << "\n" << sqlite.err;
        for (const std::string& db : {uri(), file("back.db")}) {
            args.back() = db;
            const CliRun other = run(args);
            EXPECT_EQ(other.code, 0) << command.front() << " on " << db << "\n" << other.err;
            EXPECT_EQ(other.out, sqlite.out) << command.front() << " on " << db;
        }
    }
    // Workbooks, written to files: the same bytes from each database.
    for (const std::string command : {"rank", "score"}) {
        std::string first;
        for (const std::string& db : {file("demo.db"), uri(), file("back.db")}) {
            const std::string out = file(command + ".xlsx");
            const CliRun made = run({command, "--year", "2013", "--format", "xlsx", "--out", out, "--db", db});
            ASSERT_EQ(made.code, 0) << command << " on " << db << "\n" << made.err;
            const std::string bytes = read_file(out);
            EXPECT_FALSE(bytes.empty()) << command << " on " << db;
            if (first.empty()) first = bytes;
            EXPECT_EQ(bytes, first) << command << " --format xlsx on " << db;
            fs::remove(out);
        }
    }
    EXPECT_NE(run({"verify", "--db", uri()}).out.find("publication 2"), std::string::npos);
}

TEST_F(Backends, ACopyGoesIntoAnEmptyDatabaseOnly) {
    ASSERT_EQ(run({"demo", "--db", file("demo.db")}).code, 0);
    ASSERT_EQ(run({"copy", "--from", file("demo.db"), "--to", uri()}).code, 0);
    const CliRun again = run({"copy", "--from", file("demo.db"), "--to", uri()});
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.err.find("is not empty"), std::string::npos) << again.err;
    // Into an existing SQLite file that holds data: refused, and the file is as it was.
    const std::string before = read_file(file("demo.db"));
    ASSERT_EQ(run({"demo", "--db", file("other.db")}).code, 0);
    EXPECT_EQ(run({"copy", "--from", file("other.db"), "--to", file("demo.db")}).code, 1);
    EXPECT_EQ(read_file(file("demo.db")), before);
    EXPECT_EQ(run({"copy", "--from", file("demo.db"), "--to", file("demo.db")}).code, 1);
}

TEST_F(Backends, TheDemoRecordingReviewAndPublishingRunOnPostgresql) {
    const CliRun demo = run({"demo", "--db", uri()});
    ASSERT_EQ(demo.code, 0) << demo.err;
    EXPECT_NE(demo.out.find("Sở Tài chính"), std::string::npos);
    const CliRun again = run({"demo", "--db", uri()});
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.err.find("is not empty"), std::string::npos) << again.err;

    write_file(dir_.path() / "report.yaml",
               "inspection:\n  unit: so-y-te\n  date: 2013-11-20\n  kind: surprise\n  team: [Trần Văn Bình]\n"
               "  status: submitted\nfindings:\n  violation:\n    - { kind: late, person: Nguyễn Văn C }\n");
    const CliRun recorded = run({"record", "--rules", kDemoRulebook.string(), "--db", uri(), file("report.yaml")});
    ASSERT_EQ(recorded.code, 0) << recorded.err;
    const std::string id = recorded.out.substr(0, recorded.out.find('\n'));
    EXPECT_EQ(run({"return", id, "--comment", "Thiếu chữ ký của trưởng đoàn", "--db", uri()}).code, 0);
    const CliRun amended = run({"amend", id, file("report.yaml"), "--reason", "Bổ sung chữ ký", "--rules",
                                kDemoRulebook.string(), "--db", uri()});
    EXPECT_EQ(amended.code, 0) << amended.err;
    EXPECT_EQ(run({"submit", id, "--db", uri()}).code, 0);
    EXPECT_EQ(run({"lock", id, "--db", uri()}).code, 0);
    const CliRun shown = run({"show", id, "--db", uri()});
    EXPECT_NE(shown.out.find("Thiếu chữ ký của trưởng đoàn"), std::string::npos) << shown.out;
    const CliRun published = run({"publish", "--year", "2013", "--allow-incomplete", "--db", uri()});
    EXPECT_EQ(published.code, 0) << published.err;
    const CliRun verified = run({"verify", "--db", uri()});
    EXPECT_EQ(verified.code, 0) << verified.out << verified.err;
    EXPECT_NE(verified.out.find("verify: no problems"), std::string::npos) << verified.out;
}

TEST_F(Backends, DatabasesThatAreNotParscoresAreRefusedWithExit3) {
    // Empty: nothing to read, and reading commands say so.
    const CliRun empty = run({"rank", "--year", "2013", "--db", uri()});
    EXPECT_EQ(empty.code, 3) << empty.err;
    EXPECT_NE(empty.err.find("holds no parscore data"), std::string::npos) << empty.err;
    // Another application's tables.
    db_.exec("CREATE TABLE customers(id integer)");
    const CliRun foreign = run({"demo", "--db", uri()});
    EXPECT_EQ(foreign.code, 3) << foreign.err;
    EXPECT_NE(foreign.err.find("not a parscore database"), std::string::npos) << foreign.err;
    EXPECT_EQ(count("customers"), 0);
    // A database that does not exist on the server.
    std::string missing = uri_;
    missing.replace(missing.find("parscore_test"), 13, "no_such_database");
    const CliRun absent = run({"rank", "--year", "2013", "--db", missing});
    EXPECT_EQ(absent.code, 3) << absent.err;
}

TEST_F(Backends, ANewerSchemaIsRefusedAndAPasswordIsNeverShown) {
    ASSERT_EQ(run({"demo", "--db", uri()}).code, 0);
    db_.exec("UPDATE parscore_meta SET value = 99 WHERE key = 'schema_version'");
    const CliRun newer = run({"rank", "--year", "2013", "--db", uri()});
    EXPECT_EQ(newer.code, 3);
    EXPECT_NE(newer.err.find("schema version 99"), std::string::npos) << newer.err;
    // A URI with a password the server does not ask for (trust): messages never repeat it.
    std::string with_password = uri();
    with_password.replace(with_password.find("user=postgres"), 13, "user=postgres&password=s3cret-Pw");
    const CliRun shown = run({"rank", "--year", "2013", "--db", with_password});
    EXPECT_EQ(shown.code, 3);
    EXPECT_EQ(shown.err.find("s3cret-Pw"), std::string::npos) << shown.err;
    EXPECT_NE(shown.err.find("password=****"), std::string::npos) << shown.err;
}

TEST_F(Backends, MergeTakesAPostgresqlDatabaseAsTheOtherOne) {
    const std::string data = std::string(PARSCORE_TEST_DATA) + "/inspections/data/";
    ASSERT_EQ(run({"units", "import", data + "units.csv", "--db", uri()}).code, 0);
    const CliRun recorded = run({"record", "--rules", data + "rulebook.yaml", data + "report.yaml", "--db", uri()});
    ASSERT_EQ(recorded.code, 0) << recorded.err;
    // A URI with a password the server does not ask for (trust): the merge never repeats it.
    std::string other = uri();
    other.replace(other.find("user=postgres"), 13, "user=postgres&password=s3cret-Pw");

    const CliRun merged = run({"merge", other, "--db", file("office.db")});
    ASSERT_EQ(merged.code, 0) << merged.err;
    EXPECT_NE(merged.out.find("4 units, 1 inspection"), std::string::npos) << merged.out;
    EXPECT_EQ(merged.out.find("s3cret-Pw"), std::string::npos) << merged.out;
    const CliRun listed = run({"inspections", "--db", file("office.db")});
    EXPECT_NE(listed.out.find(recorded.out.substr(0, recorded.out.find('\n'))), std::string::npos) << listed.out;
    EXPECT_EQ(run({"verify", "--db", file("office.db")}).code, 0);
    const CliRun audit = run({"audit", "--db", file("office.db")});
    EXPECT_EQ(audit.out.find("s3cret-Pw"), std::string::npos) << audit.out;

    const CliRun again = run({"merge", other, "--db", file("office.db")});
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("nothing new in"), std::string::npos) << again.out;
    EXPECT_EQ(again.out.find("s3cret-Pw"), std::string::npos) << again.out;

    // An empty database (a schema without tables) has nothing to merge and is refused as such.
    std::string empty = uri_ + "&options=-csearch_path%3Dno_such_schema";
    const CliRun nothing = run({"merge", empty, "--db", file("office.db")});
    EXPECT_EQ(nothing.code, 3) << nothing.err;
    EXPECT_NE(nothing.err.find("holds no parscore data"), std::string::npos) << nothing.err;
}

}  // namespace
}  // namespace parscore::testing
