// adopt and rulebooks, and the --rules fallback: a year's adopted rulebook, stored with every file
// it extends, gives what the files gave; without one, a command names the year.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "sql_support.hpp"

namespace parscore::testing {
namespace {

// A parent and a child that extends it: adopting the child must keep both.
constexpr const char* kBase = R"(parscore: 1
id: adopt-base
version: "1"
units: [department]
evidence:
  procedure:
    key: code
    fields: { code: text, posted: bool }
  website: { fact: bool }
groups:
  - id: g
    criteria:
      - id: posted
        max: 6
        points: 6 * share(procedure, posted)
      - id: web
        max: 4
        points: if website then 4 else 0
bands:
  - { id: good, min: 50 }
  - { id: done, min: 0 }
)";

constexpr const char* kChild = R"(parscore: 1
id: adopt-test
version: "1"
extends: base/base.yaml
groups:
  - id: g
    criteria:
      - id: web
        max: 4
        points: if website then 3 else 0
)";

constexpr const char* kReport = R"(inspection: { unit: a, date: 2013-05-02, kind: scheduled }
findings:
  procedure:
    - { code: P1, posted: true }
    - { code: P2, posted: false }
  website: true
)";

class Adoption : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(dir_ / "rules" / "base");
        write_file(dir_ / "rules" / "base" / "base.yaml", kBase);
        write_file(dir_ / "rules" / "child.yaml", kChild);
        write_file(dir_ / "units.csv", "id,name,category\na,Sở A,department\nb,Sở B,department\n");
        write_file(dir_ / "a.yaml", kReport);
        ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
        CliRun r = run({"record", "--rules", "rules/child.yaml", "a.yaml"});
        ASSERT_EQ(r.code, 0) << r.err;
    }

    CliRun run(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", "test.db"});
        return parscore(args, dir_.path(), {{"PARSCORE_DB", ""}});
    }
    CliRun adopt(const std::string& rules, const std::string& year) {
        return run({"adopt", "--rules", rules, "--year", year});
    }
    /// The database file's bytes (every command checkpoints its log when it ends).
    std::string db_hash() const { return read_file(dir_ / "test.db"); }
    nlohmann::json rulebooks() {
        CliRun r = run({"rulebooks", "--format", "json"});
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }

    ScratchDir dir_;
};

TEST_F(Adoption, ScoreRankAndPublishUseTheAdoptedRulebookAsIfGivenByFile) {
    CliRun adopted = adopt("rules/child.yaml", "2013");
    ASSERT_EQ(adopted.code, 0) << adopted.err;
    EXPECT_EQ(adopted.out, "adopted adopt-test 1 for 2013 (change 4)\n");
    for (const std::string command : {"score", "rank"}) {
        for (const std::string format : {"json", "table", "csv"}) {
            CliRun given = run({command, "--rules", "rules/child.yaml", "--year", "2013", "--format", format});
            ASSERT_EQ(given.code, 0) << given.err;
            // The files on disk change; the adopted rulebook is the database's copy.
            write_file(dir_ / "rules" / "base" / "base.yaml", "broken: [");
            CliRun fallback = run({command, "--year", "2013", "--format", format});
            write_file(dir_ / "rules" / "base" / "base.yaml", kBase);
            EXPECT_EQ(fallback.code, 0) << fallback.err;
            EXPECT_EQ(fallback.out, given.out) << command << " " << format;
        }
    }
    CliRun explain = run({"explain", "--year", "2013", "--unit", "a"});
    EXPECT_EQ(explain.code, 0) << explain.err;
    EXPECT_EQ(explain.out, run({"explain", "--rules", "rules/child.yaml", "--year", "2013", "--unit", "a"}).out);

    CliRun published = run({"publish", "--year", "2013", "--allow-incomplete"});
    ASSERT_EQ(published.code, 0) << published.err;
    // The same rulebook from the files: the same publication, so nothing new.
    CliRun again = run({"publish", "--rules", "rules/child.yaml", "--year", "2013", "--allow-incomplete"});
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;
    EXPECT_EQ(run({"verify"}).code, 0);
}

TEST_F(Adoption, WithoutAnAdoptionACommandNamesTheYearAndChangesNothing) {
    ASSERT_EQ(adopt("rules/child.yaml", "2013").code, 0);
    const std::string before = db_hash();
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"score", "--year", "2012"},
                                               {"rank", "--year", "2012"},
                                               {"summary", "--year", "2012"},
                                               {"gap", "--year", "2012"},
                                               {"diff", "--year", "2012", "--with", "rules/child.yaml"},
                                               {"publish", "--year", "2012"}}) {
        CliRun r = run(args);
        EXPECT_EQ(r.code, 1) << args[0];
        EXPECT_EQ(r.err, "parscore: error: no rulebook adopted for 2012; give --rules or adopt one\n") << args[0];
    }
    EXPECT_EQ(db_hash(), before);
}

TEST_F(Adoption, ANewAdoptionReplacesTheOldOneAndKeepsItsHistory) {
    ASSERT_EQ(adopt("rules/child.yaml", "2013").code, 0);
    std::string v2 = kChild;
    v2.replace(v2.find("version: \"1\""), 12, "version: \"2\"");
    v2.replace(v2.find("then 3"), 6, "then 1");
    write_file(dir_ / "rules" / "v2.yaml", v2);
    CliRun second = adopt("rules/v2.yaml", "2013");
    ASSERT_EQ(second.code, 0) << second.err;
    EXPECT_EQ(second.out, "adopted adopt-test 2 for 2013 (change 5)\n");

    const nlohmann::json list = rulebooks();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["no"], 4);
    EXPECT_EQ(list[0]["rulebook"]["version"], "1");
    EXPECT_EQ(list[0]["in_force"], false);
    EXPECT_EQ(list[1]["no"], 5);
    EXPECT_EQ(list[1]["rulebook"]["version"], "2");
    EXPECT_EQ(list[1]["in_force"], true);
    EXPECT_EQ(run({"score", "--year", "2013", "--format", "json"}).out,
              run({"score", "--rules", "rules/v2.yaml", "--year", "2013", "--format", "json"}).out);
}

TEST_F(Adoption, AdoptingTheRulebookInForceAgainChangesNothing) {
    ASSERT_EQ(adopt("rules/child.yaml", "2013").code, 0);
    const std::string before = db_hash();
    CliRun again = adopt("rules/child.yaml", "2013");
    EXPECT_EQ(again.code, 0);
    EXPECT_EQ(again.out, "adopt-test 1 is already the rulebook in force for 2013 (change 4); nothing changed\n");
    EXPECT_EQ(db_hash(), before);
    // Another year is another adoption.
    EXPECT_EQ(adopt("rules/child.yaml", "2014").out, "adopted adopt-test 1 for 2014 (change 5)\n");
}

TEST_F(Adoption, ARulebookWithErrorsIsRefusedWithItsDiagnostics) {
    std::string broken = kChild;
    broken.replace(broken.find("then 3"), 6, "then nope");
    write_file(dir_ / "rules" / "broken.yaml", broken);
    const std::string before = db_hash();
    CliRun r = adopt("rules/broken.yaml", "2013");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("rules/broken.yaml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("error["), std::string::npos) << r.err;
    EXPECT_EQ(db_hash(), before);
    EXPECT_EQ(query(dir_ / "test.db", "SELECT count(*) FROM adoptions"), "0");

    EXPECT_EQ(adopt("rules/missing.yaml", "2013").code, 3);
    EXPECT_EQ(adopt("rules/child.yaml", "0").code, 2);
    EXPECT_EQ(db_hash(), before);
}

TEST_F(Adoption, AnAdoptedRulebookChangedBehindTheToolsBackDoesNotLoad) {
    ASSERT_EQ(adopt("rules/child.yaml", "2013").code, 0);
    tamper(dir_ / "test.db", "UPDATE adoption_files SET text = text || '#' WHERE adoption = 4 AND position = 0");
    CliRun r = run({"score", "--year", "2013"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err.rfind("parscore: error: the rulebook adopted for 2013 (change 4) does not load: stored rulebook "
                          "file rules/base/base.yaml: SHA-256 ",
                          0),
              0u)
        << r.err;
}

TEST_F(Adoption, VerifyFindsAnAdoptedFileChangedBehindTheToolsBack) {
    ASSERT_EQ(adopt("rules/child.yaml", "2013").code, 0);
    ASSERT_EQ(run({"verify"}).code, 0);
    tamper(dir_ / "test.db", "UPDATE adoption_files SET text = text || '#' WHERE adoption = 4 AND position = 1");
    CliRun r = run({"verify"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("adoption 4: file "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" does not match its SHA-256"), std::string::npos) << r.out;
}

TEST_F(Adoption, RulebooksListsEveryAdoptionAsATableOrJson) {
    CliRun empty = run({"rulebooks"});
    EXPECT_EQ(empty.code, 0);
    EXPECT_EQ(empty.out, "no  year  rulebook  version  sha256  adopted by  adopted at  in force\n");
    EXPECT_EQ(run({"rulebooks", "--format", "json"}).out, "[]\n");
    ASSERT_EQ(adopt("rules/child.yaml", "2013").code, 0);
    ASSERT_EQ(adopt("rules/base/base.yaml", "2014").code, 0);
    const nlohmann::json list = rulebooks();
    ASSERT_EQ(list.size(), 2u);
    const std::string sha = list[0]["rulebook"]["sha256"];
    EXPECT_EQ(sha.size(), 64u);
    EXPECT_EQ(list[0]["year"], 2013);
    EXPECT_EQ(list[1]["rulebook"]["id"], "adopt-base");
    EXPECT_EQ(list[1]["in_force"], true);
    for (const char* key : {"no", "year", "rulebook", "adopted_by", "adopted_at", "in_force"})
        EXPECT_TRUE(list[0].contains(key)) << key;

    const CliRun table = run({"rulebooks"});
    EXPECT_NE(table.out.find("4   2013  adopt-test  1        " + sha.substr(0, 12)), std::string::npos) << table.out;
    const CliRun vi = run({"rulebooks", "--lang", "vi"});
    EXPECT_EQ(vi.out.rfind("số  năm   bộ tiêu chí", 0), 0u) << vi.out;
    EXPECT_NE(vi.out.find("đang áp dụng"), std::string::npos);
}

TEST_F(Adoption, OnlyAdministeringAccountsMayAdopt) {
    tamper(dir_ / "test.db",
           "INSERT INTO accounts(login, name, role, lang, password_hash, must_change, disabled, created_at, "
           "changed_at) VALUES ('insp', 'Thanh tra', 'inspector', 'vi', 'x', 0, 0, 't', 't')");
    tamper(dir_ / "test.db",
           "INSERT INTO accounts(login, name, role, scope, lang, password_hash, must_change, disabled, created_at, "
           "changed_at) VALUES ('vp-a', 'Văn phòng A', 'office', 'a', 'vi', 'x', 0, 0, 't', 't')");
    const std::string before = db_hash();
    CliRun r = run({"adopt", "--rules", "rules/child.yaml", "--year", "2013", "--as", "insp"});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("may not"), std::string::npos) << r.err;
    // A year's rulebook judges every unit: an account with a scope may not choose it.
    CliRun scoped = run({"adopt", "--rules", "rules/child.yaml", "--year", "2013", "--as", "vp-a"});
    EXPECT_EQ(scoped.code, 1);
    EXPECT_NE(scoped.err.find("needs an account without a scope"), std::string::npos) << scoped.err;
    EXPECT_EQ(db_hash(), before);
    // Every role reads the adopted rulebooks.
    EXPECT_EQ(run({"rulebooks", "--as", "insp"}).code, 0);
}

TEST(DemoAdoption, TheDemoAdoptsItsRulebookForBothYears) {
    ScratchDir dir;
    ASSERT_EQ(parscore({"demo", "--db", "demo.db"}, dir.path()).code, 0);
    CliRun list = parscore({"rulebooks", "--db", "demo.db", "--format", "json"}, dir.path());
    ASSERT_EQ(list.code, 0) << list.err;
    const nlohmann::json adoptions = nlohmann::json::parse(list.out);
    ASSERT_EQ(adoptions.size(), 2u);
    EXPECT_EQ(adoptions[0]["year"], 2012);
    EXPECT_EQ(adoptions[1]["year"], 2013);
    for (const auto& a : adoptions) {
        EXPECT_EQ(a["rulebook"]["id"], "hoa-binh-cchc");
        EXPECT_EQ(a["in_force"], true);
        EXPECT_EQ(a["adopted_by"], "parscore demo");
    }
    const CliRun fallback = parscore({"rank", "--db", "demo.db", "--year", "2013"}, dir.path());
    EXPECT_EQ(fallback.code, 0) << fallback.err;
    EXPECT_EQ(
        fallback.out,
        parscore({"rank", "--db", "demo.db", "--rules", kDemoRulebook.string(), "--year", "2013"}, dir.path()).out);
}

}  // namespace
}  // namespace parscore::testing
