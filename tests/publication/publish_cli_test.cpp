// `parscore publish` and `parscore verify` as a user runs them: output, refusals and exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_support.hpp"

namespace parscore::testing {
namespace {

constexpr const char* kRulebook = R"(parscore: 1
id: cli-pub
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
        max: 8
        points: |
          steps share(procedure, posted) {
            >= 100%: 8
            >= 50%: 4
            else: 0
          }
      - id: web
        max: 2
        on_missing: error
        points: if website then 2 else 0
bands:
  - { id: good, min: 80 }
  - { id: done, min: 0 }
)";

std::string report(const std::string& unit, const std::string& date, bool p1, bool p2, const std::string& website) {
    std::string text = "inspection:\n  unit: " + unit + "\n  date: " + date +
                       "\n  kind: scheduled\nfindings:\n  procedure:\n" +
                       "    - { code: P1, posted: " + (p1 ? "true" : "false") + " }\n" +
                       "    - { code: P2, posted: " + (p2 ? "true" : "false") + " }\n";
    if (!website.empty()) text += "  website: " + website + "\n";
    return text;
}

class PublishCli : public ::testing::Test {
protected:
    void SetUp() override {
        write_file(dir_ / "rules.yaml", kRulebook);
        write_file(dir_ / "units.csv", "id,name,category\na,Sở A,department\nb,Sở B,department\n");
        ASSERT_EQ(run({"units", "import", "units.csv"}).code, 0);
    }

    CliRun run(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", "test.db"});
        return parscore(args, dir_.path(), {{"PARSCORE_DB", ""}});
    }

    void record(const std::string& name, const std::string& text) {
        write_file(dir_ / name, text);
        CliRun r = run({"record", "--rules", "rules.yaml", name});
        ASSERT_EQ(r.code, 0) << r.err;
    }

    CliRun publish(std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"publish", "--rules", "rules.yaml", "--year", "2013"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run(args);
    }

    static std::string evidence_hash(const CliRun& r) {
        std::smatch m;
        static const std::regex line("evidence hash: ([0-9a-f]{64})\n");
        return std::regex_search(r.out, m, line) ? m[1].str() : "";
    }

    ScratchDir dir_;
};

TEST_F(PublishCli, RefusesIncompleteUnitsUnlessAllowed) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    record("b.yaml", report("b", "2013-05-03", true, false, ""));
    CliRun refused = publish();
    EXPECT_EQ(refused.code, 1);
    EXPECT_EQ(refused.out, "");
    EXPECT_NE(refused.err.find("incomplete: b: "), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("--allow-incomplete"), std::string::npos) << refused.err;
    // In Vietnamese, the unit's reason too reads in Vietnamese.
    CliRun vi = publish({"--lang", "vi"});
    EXPECT_NE(vi.err.find("chưa đủ dữ liệu: b: tiêu chí "), std::string::npos) << vi.err;

    CliRun allowed = publish({"--allow-incomplete"});
    EXPECT_EQ(allowed.code, 0) << allowed.err;
    EXPECT_NE(allowed.out.find("published: publication 1 (cli-pub, year 2013, basis all"), std::string::npos)
        << allowed.out;
    EXPECT_EQ(evidence_hash(allowed).size(), 64u) << allowed.out;
}

TEST_F(PublishCli, RepublishingTheSameResultsChangesNothing) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    record("b.yaml", report("b", "2013-05-03", true, false, "true"));
    CliRun first = publish();
    ASSERT_EQ(first.code, 0) << first.err;
    CliRun again = publish();
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("unchanged: publication 1 already holds these results"), std::string::npos) << again.out;
    EXPECT_EQ(evidence_hash(again), evidence_hash(first));
    CliRun verify = run({"verify", "--format", "json"});
    ASSERT_EQ(verify.code, 0) << verify.out;
    EXPECT_EQ(nlohmann::json::parse(verify.out)["publications"].size(), 1u);
}

TEST_F(PublishCli, RefusesDifferentResultsUnlessSuperseded) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    record("b.yaml", report("b", "2013-05-03", true, false, "true"));
    ASSERT_EQ(publish().code, 0);
    record("a2.yaml", report("a", "2013-09-02", false, false, "true"));

    CliRun refused = publish();
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("the results differ from publication 1"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("unit a: total: published 100, now 20"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("--supersede REASON"), std::string::npos) << refused.err;

    CliRun superseded = publish({"--supersede", "second visit found the lists removed"});
    EXPECT_EQ(superseded.code, 0) << superseded.err;
    EXPECT_NE(superseded.out.find("published: publication 2"), std::string::npos) << superseded.out;
    EXPECT_NE(superseded.out.find("superseding publication 1"), std::string::npos) << superseded.out;

    CliRun verify = run({"verify"});
    EXPECT_EQ(verify.code, 0) << verify.out;
    EXPECT_NE(verify.out.find("verify: no problems"), std::string::npos) << verify.out;
}

TEST_F(PublishCli, UsageAndDatabaseErrors) {
    EXPECT_EQ(publish({"--supersede", " "}).code, 2);
    EXPECT_EQ(run({"publish", "--rules", "rules.yaml", "--year", "20x3"}).code, 2);
    EXPECT_EQ(run({"publish", "--rules", "rules.yaml"}).code, 2);
    EXPECT_EQ(run({"publish", "--year", "2013"}).code, 1);  // no --rules and no rulebook adopted for 2013
    EXPECT_EQ(publish({"--basis", "others"}).code, 2);
    EXPECT_EQ(run({"verify", "--format", "csv"}).code, 2);
    EXPECT_EQ(run({"verify", "--evidence-hash", "abc"}).code, 2);
    EXPECT_EQ(parscore({"verify", "--db", "absent.db"}, dir_.path()).code, 3);
    EXPECT_EQ(parscore({"publish", "--rules", "rules.yaml", "--year", "2013", "--db", "absent.db"}, dir_.path()).code,
              3);
    EXPECT_FALSE(fs::exists(dir_ / "absent.db"));
    EXPECT_EQ(run({"publish", "--rules", "missing.yaml", "--year", "2013"}).code, 3);
}

TEST_F(PublishCli, VerifyChecksTheEvidenceHashKeptOutside) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    record("b.yaml", report("b", "2013-05-03", true, true, "true"));
    CliRun published = publish();
    const std::string hash = evidence_hash(published);
    ASSERT_EQ(hash.size(), 64u);

    CliRun same = run({"verify", "--evidence-hash", hash});
    EXPECT_EQ(same.code, 0) << same.out;
    EXPECT_NE(same.out.find("as expected"), std::string::npos) << same.out;

    std::string upper = hash;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(run({"verify", "--evidence-hash", upper}).code, 0);

    std::string other = hash;
    other[0] = other[0] == '0' ? '1' : '0';
    CliRun wrong = run({"verify", "--evidence-hash", other, "--format", "json"});
    EXPECT_EQ(wrong.code, 1);
    auto doc = nlohmann::json::parse(wrong.out);
    EXPECT_FALSE(doc["ok"].get<bool>());
    EXPECT_EQ(doc["evidence_hash"]["published"], hash);
    EXPECT_EQ(doc["evidence_hash"]["expected"], other);
}

TEST_F(PublishCli, VerifyPrintsItsTextInTheRunsLanguage) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    CliRun nothing = run({"verify", "--lang", "vi"});
    EXPECT_EQ(nothing.code, 0) << nothing.out;
    EXPECT_EQ(nothing.out,
              "chuỗi băm: 1 cuộc kiểm tra, phiên bản dữ liệu cuối 3: đạt\nbản công bố: không có\n"
              "xác minh: không có vấn đề nào\n");
    record("b.yaml", report("b", "2013-05-03", true, true, "true"));
    const std::string hash = evidence_hash(publish());
    std::string other = hash;
    other[0] = other[0] == '0' ? '1' : '0';
    CliRun wrong = run({"verify", "--lang", "vi", "--evidence-hash", other});
    EXPECT_EQ(wrong.code, 1);
    EXPECT_NE(wrong.out.find("căn cứ: tất cả các cuộc kiểm tra"), std::string::npos) << wrong.out;
    EXPECT_NE(wrong.out.find("mã băm tài liệu kiểm chứng: bản công bố 1 có mã " + hash + ", mong đợi " + other),
              std::string::npos)
        << wrong.out;
    EXPECT_NE(wrong.out.find("xác minh: 1 vấn đề\n"), std::string::npos) << wrong.out;
    // JSON is the same in both languages.
    EXPECT_EQ(run({"verify", "--lang", "vi", "--format", "json"}).out, run({"verify", "--format", "json"}).out);
}

TEST_F(PublishCli, VerifyChecksTheEvidenceHashOfThePublicationItNames) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    record("b.yaml", report("b", "2013-05-03", true, true, "true"));
    const std::string first = evidence_hash(publish());
    record("c.yaml", report("a", "2013-06-02", true, false, "true"));
    const std::string second = evidence_hash(publish({"--supersede", "procedure P2 rechecked"}));
    ASSERT_EQ(first.size(), 64u);
    ASSERT_NE(first, second);

    CliRun named = run({"verify", "--evidence-hash", first, "--publication", "1"});
    EXPECT_EQ(named.code, 0) << named.out;
    EXPECT_NE(named.out.find("evidence hash: publication 1 has " + first + ", as expected"), std::string::npos)
        << named.out;
    CliRun latest = run({"verify", "--evidence-hash", first});  // compared with publication 2
    EXPECT_EQ(latest.code, 1);
    EXPECT_NE(latest.out.find("publication 2 has " + second + ", expected " + first), std::string::npos) << latest.out;
    EXPECT_EQ(run({"verify", "--evidence-hash", second, "--publication", "2"}).code, 0);
    EXPECT_EQ(run({"verify", "--evidence-hash", second, "--publication", "1"}).code, 1);

    CliRun unknown = run({"verify", "--evidence-hash", first, "--publication", "7"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_NE(unknown.err.find("unknown publication 7"), std::string::npos) << unknown.err;
    EXPECT_EQ(run({"verify", "--publication", "1"}).code, 2);  // names whose evidence hash? none given
    EXPECT_EQ(run({"verify", "--evidence-hash", first, "--publication", "x"}).code, 2);
}

TEST_F(PublishCli, APublicationStillVerifiesAfterItsUnitsChange) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    record("b.yaml", report("b", "2013-05-03", true, false, "true"));
    ASSERT_EQ(publish().code, 0);
    // Unit b leaves the rulebook's categories and a is renamed: re-scoring the publication takes
    // the units as they were at its revision.
    write_file(dir_ / "changed.csv", "id,name,category\na,Sở A mới,department\nb,Sở B,district\n");
    ASSERT_EQ(run({"units", "import", "changed.csv"}).code, 0);
    CliRun verify = run({"verify"});
    EXPECT_EQ(verify.code, 0) << verify.out;
    CliRun now = run({"score", "--rules", "rules.yaml", "--year", "2013", "--format", "csv"});
    EXPECT_EQ(now.out.find(",b,"), std::string::npos) << now.out;  // today b is not scored
}

TEST_F(PublishCli, VerifyWithNothingPublishedChecksTheChains) {
    record("a.yaml", report("a", "2013-05-02", true, true, "true"));
    CliRun r = run({"verify"});
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("hash chains: 1 inspection, last revision 3: ok"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("publications: none"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace parscore::testing
