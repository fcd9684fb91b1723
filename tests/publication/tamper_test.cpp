// `verify` against changes made behind the tool's back, with SQL on the database file: a finding,
// a publication's results, its stored rulebook, its revision number.
#include <gtest/gtest.h>

#include <regex>

#include "cli_support.hpp"
#include "sql_support.hpp"

namespace parscore::testing {
namespace {

class Tampering : public ::testing::Test {
protected:
    void SetUp() override {
        CliRun demo = parscore({"demo", "--db", "demo.db"}, dir_.path());
        ASSERT_EQ(demo.code, 0) << demo.err;
        CliRun published = parscore({"publish", "--db", "demo.db", "--rules", kDemoRulebook.string(), "--year", "2013"},
                                    dir_.path());
        ASSERT_EQ(published.code, 0) << published.err;
        CliRun clean = verify();
        ASSERT_EQ(clean.code, 0) << clean.out;
    }

    CliRun verify() { return parscore({"verify", "--db", "demo.db"}, dir_.path()); }
    fs::path db() const { return dir_ / "demo.db"; }

    ScratchDir dir_;
};

TEST_F(Tampering, ARemovedFindingBreaksItsInspectionsChain) {
    // The surprise visit that found a drunk official at Đà Bắc: its violations disappear.
    const std::string inspection = query(db(),
                                         "SELECT i.id FROM inspections i JOIN revisions r ON r.inspection = i.id "
                                         "WHERE i.unit = 'huyen-da-bac' AND r.kind = 'surprise'");
    ASSERT_FALSE(inspection.empty());
    tamper(db(),
           "DELETE FROM findings WHERE kind = 'violation' AND revision = "
           "(SELECT no FROM revisions WHERE inspection = '" +
               inspection + "')");
    CliRun r = verify();
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("inspection " + inspection + ": "), std::string::npos) << r.out;
    // The 2013 publication no longer re-scores either: its evidence changed under it.
    EXPECT_TRUE(
        std::regex_search(r.out,
                          std::regex("publication 2 \\(hoa-binh-cchc 2013.2, year 2013, [^)]*\\): [0-9]+ problem")))
        << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex("publication 1 \\(hoa-binh-cchc 2013.2, year 2012, [^)]*\\): ok")))
        << r.out;
}

TEST_F(Tampering, ChangedFindingValuesBreakTheChain) {
    // One inspection's desk staff are replaced by another's: well-formed findings, other values.
    const std::string revision = query(db(), "SELECT min(revision) FROM findings WHERE kind = 'desk_staff'");
    const std::string inspection = query(db(), "SELECT inspection FROM revisions WHERE no = " + revision);
    tamper(db(), "UPDATE findings SET data = (SELECT data FROM findings WHERE kind = 'desk_staff' AND revision != " +
                     revision + " LIMIT 1) WHERE kind = 'desk_staff' AND revision = " + revision);
    CliRun r = verify();
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("inspection " + inspection + ": "), std::string::npos) << r.out;
}

TEST_F(Tampering, AFindingsCountThatDisagreesWithItsBlobIsReportedNotTrusted) {
    // A row claiming fewer records than its blob holds would make the reader write past the
    // table it sized from the row; verify reports the damage instead and goes on.
    const std::string revision = query(db(),
                                       "SELECT min(revision) FROM findings WHERE kind = 'desk_staff' AND records > 1");
    ASSERT_FALSE(revision.empty());
    tamper(db(), "UPDATE findings SET records = records - 1 WHERE kind = 'desk_staff' AND revision = " + revision);
    CliRun r = verify();
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("evidence cannot be read"), std::string::npos) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex("publication 1 \\(hoa-binh-cchc [^)]*\\): "))) << r.out;
}

TEST_F(Tampering, AChangedPublishedTotalIsReported) {
    tamper(db(), "UPDATE publications SET results = json_set(results, '$.units[0].total', 99.5) WHERE id = 2");
    const std::string unit = query(db(),
                                   "SELECT json_extract(results, '$.units[0].unit') FROM publications WHERE id = 2");
    CliRun r = verify();
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("unit " + unit + ": total: published 99.5, re-scored "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("verify: 1 problem\n"), std::string::npos) << r.out;
}

TEST_F(Tampering, AChangedPublishedRankAndBandAreReported) {
    tamper(db(),
           "UPDATE publications SET results = json_set(results, '$.units[1].rank', 99, '$.units[1].band', 'lost') "
           "WHERE id = 1");
    const std::string unit = query(db(),
                                   "SELECT json_extract(results, '$.units[1].unit') FROM publications WHERE id = 1");
    CliRun r = verify();
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("unit " + unit + ": rank: published 99, re-scored "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("unit " + unit + ": band: published lost, re-scored "), std::string::npos) << r.out;
}

TEST_F(Tampering, AnEditedStoredRulebookIsReported) {
    tamper(db(), "UPDATE publication_files SET text = replace(text, 'max: 8', 'max: 9') WHERE publication = 2");
    CliRun r = verify();
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("stored rulebook file "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("rulebook hash of the stored files "), std::string::npos) << r.out;
}

TEST_F(Tampering, AnEvidenceHashRewrittenWithTheResultsIsCaughtByTheCopyKeptOutside) {
    // Someone deletes an inspection's findings and rewrites the publication's evidence hash to
    // match; only a hash kept elsewhere notices the rewrite of the hash itself.
    const std::string kept = query(db(), "SELECT evidence_sha256 FROM publications WHERE id = 2");
    tamper(db(), "UPDATE publications SET evidence_sha256 = '" + std::string(64, 'e') +
                     "', "
                     "results = json_set(results, '$.evidence_sha256', '" +
                     std::string(64, 'e') + "') WHERE id = 2");
    CliRun r = parscore({"verify", "--db", "demo.db", "--evidence-hash", kept}, dir_.path());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("evidence hash: publication 2 has " + std::string(64, 'e') + ", expected " + kept),
              std::string::npos)
        << r.out;
}

TEST_F(Tampering, ARevisionNumberBeyondTheDatabaseIsReported) {
    tamper(db(), "UPDATE publications SET last_revision = 500 WHERE id = 1");
    CliRun r = verify();
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("it was made at revision 500, but the database's last revision is "), std::string::npos)
        << r.out;
}

TEST_F(Tampering, APublicationNumberedAmongTheChangesItSawIsReported) {
    // Re-scoring it would count itself: its number must be above its last revision.
    tamper(db(), "UPDATE publications SET last_revision = no WHERE id = 2");
    CliRun r = verify();
    EXPECT_EQ(r.code, 1);
    const std::string no = query(db(), "SELECT no FROM publications WHERE id = 2");
    EXPECT_NE(r.out.find("publication 2 is numbered " + no + ", not after the last change it saw (" + no + ")"),
              std::string::npos)
        << r.out;
}

TEST_F(Tampering, ADeletedPublicationLeavesAGapInTheRevisionNumbers) {
    // The demo's own publication, followed by the one made above.
    const std::string no = query(db(), "SELECT no FROM publications WHERE id = 1");
    tamper(db(), "DELETE FROM publication_files WHERE publication = 1");
    tamper(db(), "DELETE FROM publications WHERE id = 1");
    CliRun r = verify();
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("revision numbers " + no + " are missing"), std::string::npos) << r.out;
}

TEST_F(Tampering, ProblemsReadInTheRunsLanguageAndJsonStaysEnglish) {
    tamper(db(), "UPDATE publication_files SET text = replace(text, 'max: 8', 'max: 9') WHERE publication = 2");
    tamper(db(), "UPDATE publications SET last_revision = no WHERE id = 2");
    tamper(db(), "UPDATE publications SET last_revision = 500 WHERE id = 1");
    const std::string no = query(db(), "SELECT no FROM publications WHERE id = 2");
    CliRun vi = parscore({"verify", "--db", "demo.db", "--lang", "vi"}, dir_.path());
    EXPECT_EQ(vi.code, 1);
    for (const std::string& text :
         std::vector<std::string>{"  tệp bộ tiêu chí đã lưu ", "  mã băm bộ tiêu chí của các tệp đã lưu là ",
                                  "  bản công bố được lập ở phiên bản 500, nhưng phiên bản cuối của cơ sở dữ liệu là ",
                                  "bản công bố 2 mang số " + no + ", không lớn hơn số của thay đổi cuối cùng"}) {
        EXPECT_NE(vi.out.find(text), std::string::npos) << text << "\n" << vi.out;
    }
    for (const char* english : {"stored rulebook file", "rulebook hash of", "it was made at", "is numbered"}) {
        EXPECT_EQ(vi.out.find(english), std::string::npos) << english << "\n" << vi.out;
    }
    // English reads as the checks wrote it; JSON is the same in both languages.
    EXPECT_NE(verify().out.find("  it was made at revision 500, but the database's last revision is "),
              std::string::npos);
    EXPECT_EQ(parscore({"verify", "--db", "demo.db", "--format", "json", "--lang", "vi"}, dir_.path()).out,
              parscore({"verify", "--db", "demo.db", "--format", "json"}, dir_.path()).out);
}

}  // namespace
}  // namespace parscore::testing
