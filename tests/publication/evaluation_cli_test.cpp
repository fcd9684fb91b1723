// What score, rank, explain, summary, gap, diff and publish tell a user as the program runs: an
// empty (mistyped) year, units without evidence, units with warnings, numbers as people read
// them, explain of one item, and the command line's usage messages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace parscore::testing {
namespace {

// `posted` gives 3 × 1/3 = 0.999999999 points for one posted procedure of three, so a total of
// 59.99999998 % shows as 60.00. `no-web` is missing for a unit without a website value: a
// per-unit warning.
constexpr const char* kRulebook = R"(parscore: 1
id: cli-out
version: "1"
units: [department]
evidence:
  procedure:
    key: code
    fields: { code: text, posted: bool }
  violation:
    fields: { kind: text }
  website: { fact: bool }
groups:
  - id: g
    criteria:
      - id: posted
        max: 3
        points: 3 * share(procedure, posted)
      - id: web
        max: 2
        points: if website then 2 else 0
deductions:
  - id: discipline
    points: count(violation)
    cap: 1
band_caps:
  - id: no-web
    when: not website
    at_most: done
bands:
  - { id: good, min: 80 }
  - { id: done, min: 0 }
)";

constexpr const char* kReportA = R"(inspection: { unit: a, date: 2013-05-02, kind: scheduled }
findings:
  procedure:
    - { code: P1, posted: true }
    - { code: P2, posted: false }
    - { code: P3, posted: false }
  violation: []
  website: true
)";

class EvaluationCli : public ::testing::Test {
protected:
    void SetUp() override {
        write_file(dir_ / "rules.yaml", kRulebook);
        write_file(dir_ / "units.csv", "id,name,category\na,Sở A,department\nb,Sở B,department\n");
        write_file(dir_ / "a.yaml", kReportA);
        ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
        CliRun r = run({"record", "--rules", "rules.yaml", "a.yaml"});
        ASSERT_EQ(r.code, 0) << r.err;
    }

    CliRun run(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", "test.db"});
        return parscore(args, dir_.path(), {{"PARSCORE_DB", ""}});
    }

    /// `command --rules rules.yaml --year YEAR` plus `extra`.
    CliRun evaluate(const std::string& command, const std::string& year, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {command, "--rules", "rules.yaml", "--year", year};
        args.insert(args.end(), extra.begin(), extra.end());
        return run(args);
    }

    static std::vector<std::string> codes(const nlohmann::json& doc) {
        std::vector<std::string> out;
        for (const auto& w : doc["warnings"]) out.push_back(w["code"].get<std::string>());
        return out;
    }

    ScratchDir dir_;
};

TEST_F(EvaluationCli, AnEmptyYearIsReportedByEveryEvaluation) {
    write_file(dir_ / "rules2.yaml", kRulebook);
    const std::vector<std::vector<std::string>> commands = {{"score", "--format", "json"},
                                                            {"rank", "--format", "json"},
                                                            {"summary", "--format", "json"},
                                                            {"gap", "--format", "json"},
                                                            {"explain", "--unit", "a", "--format", "json"},
                                                            {"diff", "--with", "rules2.yaml", "--format", "json"}};
    for (const auto& c : commands) {
        std::vector<std::string> extra(c.begin() + 1, c.end());
        CliRun r = evaluate(c[0], "2099", extra);
        ASSERT_EQ(r.code, 0) << c[0] << ": " << r.err;
        auto doc = nlohmann::json::parse(r.out);
        auto found = codes(doc);
        EXPECT_NE(std::find(found.begin(), found.end(), "W308"), found.end()) << c[0] << ": " << r.out;
        EXPECT_NE(r.err.find("warning[W308]: no inspection counts for 2099 (basis "), std::string::npos)
            << c[0] << ": " << r.err;
    }
    // The table says it on stderr too, and names the units without evidence once.
    CliRun table = evaluate("rank", "2099");
    EXPECT_EQ(table.code, 0);
    EXPECT_NE(table.err.find("warning[W309]: 2 units have no counted inspection in 2099 (basis all): a, b\n"),
              std::string::npos)
        << table.err;
}

TEST_F(EvaluationCli, UnitsWithoutEvidenceAreNamedInAYearThatHasSome) {
    CliRun r = evaluate("score", "2013", {"--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(codes(doc), std::vector<std::string>{"W309"}) << r.out;
    EXPECT_EQ(doc["warnings"][0]["message"], "1 unit has no counted inspection in 2013 (basis all): b");
    EXPECT_NE(r.err.find("warning[W309]: 1 unit has"), std::string::npos) << r.err;
}

TEST_F(EvaluationCli, WarningsAndUnknownUnitsReadInTheRunsLanguage) {
    CliRun vi = evaluate("rank", "2099", {"--lang", "vi"});
    EXPECT_EQ(vi.code, 0);
    EXPECT_NE(vi.err.find("warning[W309]: 2 đơn vị không có cuộc kiểm tra nào được tính trong năm 2099 (cơ sở all): "
                          "a, b\n"),
              std::string::npos)
        << vi.err;
    EXPECT_EQ(vi.err.find("no counted inspection"), std::string::npos) << vi.err;
    CliRun unknown = evaluate("explain", "2013", {"--unit", "zz", "--lang", "vi"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_EQ(unknown.err, "parscore: error: không tìm thấy đơn vị 'zz'\n");
    EXPECT_EQ(evaluate("explain", "2013", {"--unit", "zz"}).err, "parscore: error: unknown unit 'zz'\n");
    // JSON reads the same in both languages.
    EXPECT_EQ(evaluate("rank", "2099", {"--format", "json", "--lang", "vi"}).out,
              evaluate("rank", "2099", {"--format", "json"}).out);
}

TEST_F(EvaluationCli, PublishRefusesAnEmptyYearUnlessAllowed) {
    CliRun refused = run({"publish", "--rules", "rules.yaml", "--year", "2099"});
    EXPECT_EQ(refused.code, 1);
    EXPECT_EQ(refused.out, "");
    EXPECT_NE(refused.err.find("parscore: error: no inspection counts for 2099 (basis all); nothing was published "
                               "(--allow-empty publishes anyway)"),
              std::string::npos)
        << refused.err;
    CliRun verify = run({"verify", "--format", "json"});
    EXPECT_EQ(nlohmann::json::parse(verify.out)["publications"].size(), 0u) << verify.out;

    CliRun allowed = run({"publish", "--rules", "rules.yaml", "--year", "2099", "--allow-empty"});
    EXPECT_EQ(allowed.code, 0) << allowed.err;
    EXPECT_NE(allowed.out.find("published: publication 1"), std::string::npos) << allowed.out;
    EXPECT_EQ(run({"publish", "--rules", "rules.yaml", "--year", "2013"}).code, 0);
}

TEST_F(EvaluationCli, TablesCountTheUnitsWithWarnings) {
    CliRun one = evaluate("score", "2013");
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_NE(one.err.find("\n1 unit has warnings; see explain\n"), std::string::npos) << one.err;
    CliRun two = evaluate("rank", "2099");
    EXPECT_NE(two.err.find("\n2 units have warnings; see explain\n"), std::string::npos) << two.err;
    CliRun vi = evaluate("rank", "2099", {"--lang", "vi"});
    EXPECT_NE(vi.err.find("\n2 đơn vị có cảnh báo; xem lệnh explain\n"), std::string::npos) << vi.err;
    EXPECT_EQ(evaluate("score", "2013", {"--format", "json"}).err.find("see explain"), std::string::npos);

    // The HTML report lists each unit's warnings.
    CliRun html = evaluate("score", "2013", {"--format", "html"});
    EXPECT_NE(html.out.find(
                  "<li><code>W305</code> <code>b</code> (Sở B), <code>no-web</code>: the condition of band cap "),
              std::string::npos)
        << html.out;
}

TEST_F(EvaluationCli, PeopleReadTwoDecimalsAndJsonKeepsExactValues) {
    // a: 0.999999999 + 2 of 5 points, total 59.99999998 % → 60.
    CliRun table = evaluate("score", "2013");
    EXPECT_NE(table.out.find("a     Sở A       3    5  60.00  done     1\n"), std::string::npos) << table.out;
    EXPECT_EQ(table.out.find("0.999999999"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("department (2 units)"), std::string::npos) << table.out;

    auto doc = nlohmann::json::parse(evaluate("score", "2013", {"--format", "json"}).out);
    EXPECT_EQ(doc["units"][0]["points"].dump(), "2.999999999");
    EXPECT_EQ(doc["units"][0]["total"].dump(), "60");
    EXPECT_EQ(doc["units"][0]["criteria"][0]["points"].dump(), "0.999999999");
    EXPECT_NE(evaluate("score", "2013", {"--format", "csv"}).out.find(",0.999999999,"), std::string::npos);

    CliRun html = evaluate("rank", "2013", {"--format", "html"});
    EXPECT_NE(html.out.find("<td class=\"num\">60.00</td>"), std::string::npos) << html.out;
    EXPECT_EQ(html.out.find("0.999999999"), std::string::npos);

    CliRun explain = evaluate("explain", "2013", {"--unit", "a"});
    EXPECT_NE(explain.out.find("total 60.00 (3 of 5 points: criteria 3, bonus 0, deductions 0)"), std::string::npos)
        << explain.out;
    EXPECT_NE(explain.out.find("    1 of 3 (scored)\n"), std::string::npos) << explain.out;
    EXPECT_NE(evaluate("explain", "2013", {"--unit", "a", "--format", "json"}).out.find("\"points\": \"0.999999999\""),
              std::string::npos);
}

TEST_F(EvaluationCli, ExplainShowsOneItemOfAnyKind) {
    CliRun deduction = evaluate("explain", "2013", {"--unit", "b", "--criterion", "discipline"});
    ASSERT_EQ(deduction.code, 0) << deduction.err;
    EXPECT_NE(deduction.out.find("\ndeductions\n  discipline\n"), std::string::npos) << deduction.out;
    EXPECT_EQ(deduction.out.find("criteria\n"), std::string::npos) << deduction.out;
    EXPECT_EQ(deduction.out.find("band caps"), std::string::npos) << deduction.out;

    CliRun cap = evaluate("explain", "2013", {"--unit", "a", "--criterion", "no-web"});
    ASSERT_EQ(cap.code, 0) << cap.err;
    EXPECT_NE(cap.out.find("\nband caps\n  no-web\n"), std::string::npos) << cap.out;
    EXPECT_EQ(cap.out.find("\ndeductions\n"), std::string::npos) << cap.out;

    CliRun criterion = evaluate("explain", "2013", {"--unit", "a", "--criterion", "g.web"});
    EXPECT_NE(criterion.out.find("\ncriteria\n  g.web\n"), std::string::npos) << criterion.out;
    EXPECT_EQ(criterion.out.find("g.posted"), std::string::npos) << criterion.out;

    CliRun unknown = evaluate("explain", "2013", {"--unit", "a", "--criterion", "disciplin"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_EQ(unknown.err,
              "parscore: error: rulebook 'cli-out' has no criterion, deduction, bonus or band cap "
              "'disciplin' (did you mean 'discipline'?)\n");
    CliRun category = evaluate("score", "2013", {"--category", "departmnt"});
    EXPECT_EQ(category.code, 1);
    EXPECT_NE(category.err.find("(did you mean 'department'?)"), std::string::npos) << category.err;
}

TEST_F(EvaluationCli, UsageErrorsReadAlikeAndExitTwo) {
    CliRun unknown = run({"frobnicate"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_EQ(unknown.err, "parscore: error: unknown command 'frobnicate' (see 'parscore --help')\n");
    CliRun typo = run({"scroe", "--rules", "rules.yaml"});
    EXPECT_EQ(typo.code, 2);
    EXPECT_NE(typo.err.find("unknown command 'scroe' (did you mean 'score'?)"), std::string::npos) << typo.err;
    CliRun nested = run({"units", "imprt", "units.csv"});
    EXPECT_EQ(nested.code, 2);
    EXPECT_EQ(nested.err,
              "parscore: error: unknown command 'units imprt' (did you mean 'import'?) (see 'parscore units "
              "--help')\n");

    // Found by the option parser, or by a command: the same form either way.
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"score", "--rules", "rules.yaml"}, "parscore: error: --year is required (see 'parscore score --help')\n"},
        {{"score", "--rules", "rules.yaml", "--year", "20x3"},
         "parscore: error: --year: expected a year from 1 to 9999, found '20x3' (see 'parscore score --help')\n"},
        {{"rank", "--rules", "missing.yaml", "--year", "20x3"},
         "parscore: error: --year: expected a year from 1 to 9999, found '20x3' (see 'parscore rank --help')\n"},
        {{"template", "--rules", "rules.yaml", "--unit", "a", "--date", "2013-02-30"},
         "parscore: error: --date: expected a date YYYY-MM-DD that exists, found '2013-02-30' (see 'parscore template "
         "--help')\n"},
        {{"units"}, "parscore: error: a subcommand is required (see 'parscore units --help')\n"},
        {{"score", "--rules", "rules.yaml", "--year", "2013", "--frob"},
         "parscore: error: the following argument was not expected: --frob (see 'parscore score --help')\n"},
    };
    for (const auto& [args, message] : cases) {
        CliRun r = run(args);
        EXPECT_EQ(r.code, 2) << args[0];
        EXPECT_EQ(r.err, message);
    }
}

TEST_F(EvaluationCli, CountsAreWordedForOneAndForMany) {
    write_file(dir_ / "one.csv", "unit,date,code,posted\nb,2013-06-01,P1,true\n");
    CliRun one = run({"import", "--rules", "rules.yaml", "--kind", "procedure", "one.csv"});
    EXPECT_EQ(one.code, 0) << one.err;
    EXPECT_EQ(one.out.rfind("imported 1 row of procedure as 1 inspection (revisions ", 0), 0u) << one.out;
    CliRun table = evaluate("score", "2013", {"--unit", "a"});
    EXPECT_EQ(table.out.rfind("department (1 unit)\n", 0), 0u) << table.out;
}

TEST_F(EvaluationCli, HelpListsTheDatabaseOptionAndNeverCitesTheSpecification) {
    for (const char* command :
         {"score", "rank", "explain", "summary", "gap", "diff", "publish", "verify", "record", "inspections", "show",
          "template", "submit", "lock", "merge", "amend", "import", "demo"}) {
        CliRun help = parscore({command, "--help"}, dir_.path());
        EXPECT_EQ(help.code, 0) << command;
        EXPECT_NE(help.out.find("  --db "), std::string::npos) << command << "\n" << help.out;
        EXPECT_EQ(help.out.find("SPEC"), std::string::npos) << command << "\n" << help.out;
        EXPECT_EQ(help.out.find("(default "), std::string::npos) << "defaults read '(default: X)'\n" << help.out;
    }
    CliRun top = parscore({"--help"}, dir_.path());
    EXPECT_EQ(top.out.find("SPEC"), std::string::npos) << top.out;
    CliRun check = parscore({"check", "--help"}, dir_.path());
    EXPECT_EQ(check.out.find("--db"), std::string::npos) << "check never opens a database\n" << check.out;
}

}  // namespace
}  // namespace parscore::testing
