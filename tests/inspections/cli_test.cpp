// The store's commands as a user runs them: output lines, exit codes and status moves.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        RunResult u = run({"units", "import", (kData / "data" / "units.csv").string()});
        ASSERT_EQ(u.exit_code, 0) << u.err;
        EXPECT_EQ(u.out, "units: 4 added, 0 updated, 0 unchanged\n");
    }
    RunResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return run_parscore(args, dir_.path());
    }
    std::string report_file(const std::string& name, const std::string& unit, const std::string& date,
                            const std::string& extra = "", const std::string& findings = "  website: true\n") {
        const fs::path p = dir_ / name;
        write_file(p, "inspection:\n  unit: " + unit + "\n  date: " + date + "\n  kind: scheduled\n" + extra +
                          "findings:\n" + findings);
        return p.string();
    }
    static std::vector<std::string> lines(const std::string& text) {
        std::vector<std::string> out;
        std::istringstream s(text);
        for (std::string l; std::getline(s, l);) out.push_back(l);
        return out;
    }

    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::string db_ = database_.string();
    const std::string rules_ = kRulebook.string();
};

TEST_F(Cli, RecordPrintsOneLinePerArgumentInOrder) {
    const std::string a = report_file("a.yaml", "so-tu-phap", "2013-05-01");
    const std::string bad = report_file("bad.yaml", "nobody", "2013-05-01");
    const std::string b = report_file("b.yaml", "so-noi-vu", "2013-05-01");
    RunResult r = run({"record", "--rules", rules_, a, bad, b, (dir_ / "missing.yaml").string()});
    EXPECT_EQ(r.exit_code, 3);  // a missing file is an I/O error, and it wins over the invalid report
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0].size(), 36u);
    EXPECT_EQ(out[1], "");
    EXPECT_EQ(out[2].size(), 36u);
    EXPECT_EQ(out[3], "");
    RunResult list = run({"inspections", "--format", "csv"});
    EXPECT_EQ(lines(list.out).size(), 3u);  // header and the two recorded
}

TEST_F(Cli, AnEqualReportIsRefusedUnlessAgain) {
    const std::string a = report_file("a.yaml", "so-tu-phap", "2013-05-01");
    ASSERT_EQ(run({"record", "--rules", rules_, a}).exit_code, 0);
    RunResult again = run({"record", "--rules", rules_, a});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_EQ(again.out, "\n");
    EXPECT_NE(again.err.find("--again"), std::string::npos);
    RunResult forced = run({"record", "--rules", rules_, "--again", a});
    EXPECT_EQ(forced.exit_code, 0);
    // A different date is not a duplicate.
    EXPECT_EQ(run({"record", "--rules", rules_, report_file("c.yaml", "so-tu-phap", "2013-05-02")}).exit_code, 0);
}

TEST_F(Cli, StatusMovesOnlyForward) {
    const std::string draft = report_file("d.yaml", "so-tu-phap", "2013-05-01", "  status: draft\n");
    RunResult r = run({"record", "--rules", rules_, draft});
    ASSERT_EQ(r.exit_code, 0);
    const std::string id = lines(r.out).at(0);
    EXPECT_EQ(run({"lock", id}).exit_code, 1);  // draft → locked skips a step
    const std::string fix = report_file("fix.yaml", "so-tu-phap", "2013-05-03", "", "  website: false\n");
    RunResult amended = run({"amend", id, fix, "--reason", "website checked again"});
    EXPECT_EQ(amended.exit_code, 0) << amended.err;
    EXPECT_EQ(run({"submit", id}).exit_code, 0);
    EXPECT_EQ(run({"submit", id}).exit_code, 1);
    EXPECT_EQ(run({"lock", id}).exit_code, 0);
    RunResult locked = run({"amend", id, fix, "--reason", "again"});
    EXPECT_EQ(locked.exit_code, 1);
    EXPECT_NE(locked.err.find("locked"), std::string::npos);
    EXPECT_EQ(run({"submit", "no-such-id"}).exit_code, 1);
    EXPECT_EQ(run({"show", "no-such-id"}).exit_code, 1);

    RunResult show = run({"show", id, "--format", "json"});
    ASSERT_EQ(show.exit_code, 0);
    EXPECT_NE(show.out.find("\"status\": \"locked\""), std::string::npos) << show.out;
    EXPECT_NE(show.out.find("\"website\": false"), std::string::npos);
    EXPECT_NE(show.out.find("\"reason\": \"website checked again\""), std::string::npos);
    EXPECT_NE(show.out.find("\"date\": \"2013-05-03\""), std::string::npos);
    RunResult table = run({"show", id});
    EXPECT_NE(table.out.find("amended: website checked again"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("locked"), std::string::npos);
}

TEST_F(Cli, ListingsFilterAndFormat) {
    ASSERT_EQ(run({"record", "--rules", rules_, report_file("a.yaml", "so-tu-phap", "2013-05-01"),
                   report_file("b.yaml", "so-noi-vu", "2014-05-01")})
                  .exit_code,
              0);
    EXPECT_EQ(lines(run({"inspections"}).out).size(), 3u);
    EXPECT_EQ(lines(run({"inspections", "--year", "2014"}).out).size(), 2u);
    RunResult json = run({"inspections", "--unit", "so-tu-phap", "--format", "json"});
    EXPECT_NE(json.out.find("\"unit\": \"so-tu-phap\""), std::string::npos);
    EXPECT_EQ(json.out.find("so-noi-vu"), std::string::npos);
    EXPECT_EQ(run({"inspections", "--unit", "nobody"}).exit_code, 1);
    EXPECT_EQ(run({"inspections", "--format", "xml"}).exit_code, 2);
    EXPECT_EQ(run({"inspections", "--year", "x"}).exit_code, 2);
}

TEST_F(Cli, ImportsAreAllOrNothingAndNotRepeated) {
    const fs::path csv = dir_ / "p.csv";
    write_file(csv,
               "unit,date,code,posted,online_level\nso-tu-phap,2013-05-01,A,true,1\nso-noi-vu,2013-05-01,A,false,2\n");
    RunResult r = run(
        {"import", "--rules", rules_, "--kind", "procedure", "--inspection-kind", "thematic", csv.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "imported 2 rows of procedure as 2 inspections (revisions 5–6)\n");  // after the 4 units
    EXPECT_EQ(r.err.find('\r'), std::string::npos);  // no progress bar when stderr is not a terminal
    EXPECT_NE(run({"inspections"}).out.find("thematic"), std::string::npos);
    RunResult again = run({"import", "--rules", rules_, "--kind", "procedure", csv.string()});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("error[E416]"), std::string::npos);
    EXPECT_EQ(run({"import", "--rules", rules_, "--kind", "procedure", "--again", csv.string()}).exit_code, 0);
    RunResult kind = run({"import", "--rules", rules_, "--kind", "procedures", csv.string()});
    EXPECT_EQ(kind.exit_code, 1);
    EXPECT_NE(kind.err.find("did you mean 'procedure'"), std::string::npos);
    EXPECT_EQ(
        run({"import", "--rules", rules_, "--kind", "procedure", "--inspection-kind", "visit", csv.string()}).exit_code,
        2);
    EXPECT_EQ(run({"import", "--rules", rules_, "--kind", "procedure", (dir_ / "none.csv").string()}).exit_code, 3);
    EXPECT_EQ(lines(run({"inspections"}).out).size(), 5u);
}

TEST_F(Cli, UnitsImportIsIdempotent) {
    RunResult again = run({"units", "import", (kData / "data" / "units.csv").string()});
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_EQ(again.out, "units: 0 added, 0 updated, 4 unchanged\n");
}

TEST_F(Cli, MergeFromTheCommandLine) {
    ASSERT_EQ(run({"record", "--rules", rules_, report_file("a.yaml", "so-tu-phap", "2013-05-01")}).exit_code, 0);
    const std::string other = (dir_ / "other.db").string();  // merge reads a SQLite file
    ASSERT_EQ(run_parscore({"--db", other, "units", "import", (kData / "data" / "units.csv").string()}, dir_.path())
                  .exit_code,
              0);
    ASSERT_EQ(run_parscore({"--db", other, "record", "--rules", rules_,
                            report_file("b.yaml", "so-noi-vu", "2013-06-01")},
                           dir_.path())
                  .exit_code,
              0);
    RunResult m = run({"merge", other});
    EXPECT_EQ(m.exit_code, 0) << m.err;
    EXPECT_NE(m.out.find(": 0 units, 1 inspection, 0 revisions and events of known inspections\n"), std::string::npos)
        << m.out;
    RunResult again = run({"merge", other});
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_NE(again.out.find("nothing new"), std::string::npos);
    EXPECT_EQ(run({"merge", (kData / "bad" / "other_app.db").string()}).exit_code, 3);
    EXPECT_EQ(run({"merge", (dir_ / "absent.db").string()}).exit_code, 3);
}

}  // namespace
}  // namespace parscore::inspections::testing
