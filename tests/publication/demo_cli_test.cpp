// `parscore demo`: deterministic output, the databases it may replace, and the ones it must not.
#include <gtest/gtest.h>

#include <chrono>

#include "cli_support.hpp"

namespace parscore::testing {
namespace {

CliRun rank_json(const ScratchDir& dir, const std::string& db) {
    return parscore({"rank", "--db", db, "--rules", kDemoRulebook.string(), "--year", "2013", "--format", "json"},
                    dir.path());
}

TEST(DemoCli, TwoRunsGiveTheSameRankingAndResults) {
    ScratchDir dir;
    const auto start = std::chrono::steady_clock::now();
    CliRun first = parscore({"demo", "--db", "one.db"}, dir.path());
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CliRun second = parscore({"demo", "--db", "two.db"}, dir.path());
    ASSERT_EQ(first.code, 0) << first.err;
    ASSERT_EQ(second.code, 0) << second.err;
    EXPECT_EQ(first.out, second.out);  // byte for byte
    EXPECT_LT(seconds, 20.0);          // a few seconds; generous for a loaded debug build

    CliRun json_one = rank_json(dir, "one.db");
    CliRun json_two = rank_json(dir, "two.db");
    ASSERT_EQ(json_one.code, 0) << json_one.err;
    // Only the evidence hash differs: it covers inspection ids, which are random per recording.
    EXPECT_NE(json_one.out, json_two.out);
    EXPECT_EQ(mask_random_ids(json_one.out), mask_random_ids(json_two.out));
}

TEST(DemoCli, SummaryInEveryFormat) {
    ScratchDir dir;
    ASSERT_EQ(parscore({"demo", "--db", "d.db"}, dir.path()).code, 0);
    auto summary = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"summary", "--db", "d.db", "--rules", kDemoRulebook.string(),
                                         "--year",  "2013"};
        args.insert(args.end(), extra.begin(), extra.end());
        return parscore(args, dir.path());
    };
    CliRun json = summary({"--format", "json"});
    ASSERT_EQ(json.code, 0) << json.err;
    EXPECT_EQ(json.out.rfind("{\n  \"year\": 2013,\n  \"basis\": \"all\",\n  \"warnings\": [", 0), 0u) << json.out;
    EXPECT_NE(json.out.find("\"category\": \"department\""), std::string::npos);  // ids, not labels
    CliRun csv = summary({"--format", "csv"});
    ASSERT_EQ(csv.code, 0) << csv.err;
    EXPECT_EQ(
        csv.out.rfind("indicator,title,type,format,category,holds,sum,mean,ratio,of_sum,over_sum,with_value,no_value\n"
                      "websites,Cơ quan có trang thông tin điện tử,bool,,,12,,,,,,30,0\n"
                      "websites,Cơ quan có trang thông tin điện tử,bool,,department,8,,,,,,19,0\n",
                      0),
        0u)
        << csv.out;
    CliRun table = summary({});
    ASSERT_EQ(table.code, 0) << table.err;
    EXPECT_EQ(table.out.rfind(
                  "Cơ quan có trang thông tin điện tử: 8/19 Khối sở, ban, ngành; 4/11 Khối UBND các huyện, thành phố",
                  0),
              0u)
        << table.out;
    EXPECT_EQ(summary({"--format", "xlsx"}).code, 2);  // a workbook needs --out
    CliRun xlsx = summary({"--format", "xlsx", "--out", "s.xlsx"});
    ASSERT_EQ(xlsx.code, 0) << xlsx.err;
    EXPECT_TRUE(fs::exists(dir / "s.xlsx"));
    EXPECT_EQ(summary({"--format", "html"}).code, 2);
}

TEST(DemoCli, PrintsTheRankingWithChangesAndTheSummary) {
    ScratchDir dir;
    CliRun r = parscore({"demo"}, dir.path(), {{"PARSCORE_DB", ""}});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir / "parscore-demo.db"));
    // The notice that the data is fictional comes first, then the ranking, by category labels.
    EXPECT_EQ(r.out.rfind("Fictional data: the inspections, people, violations and scores below are invented; "
                          "the agencies' names are real and used for illustration only",
                          0),
              0u)
        << r.out;
    EXPECT_NE(r.out.find("\n\nKhối sở, ban, ngành (19 units)\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Khối UBND các huyện, thành phố (11 units)\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("change"), std::string::npos);
    EXPECT_NE(r.out.find("Sở Tư pháp"), std::string::npos);
    EXPECT_NE(r.out.find("UBND huyện Đà Bắc"), std::string::npos);
    EXPECT_NE(r.out.find(": 8/19 Khối sở, ban, ngành; 4/11 Khối UBND các huyện, thành phố (12/30 overall)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.err.find("2012 published as publication 1"), std::string::npos) << r.err;
}

// stdout is in tests/golden/demo/demo-vi.txt; here what goes to stderr and a refusal.
TEST(DemoCli, SpeaksVietnameseOnStderrToo) {
    ScratchDir dir;
    CliRun r = parscore({"demo", "--db", "d.db"}, dir.path(), {{"PARSCORE_LANG", "vi"}});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Dữ liệu giả định: ", 0), 0u) << r.out;
    EXPECT_NE(r.err.find("cơ sở dữ liệu mẫu: d.db — 30 đơn vị, 129 cuộc kiểm tra; kết quả năm 2012 đã công bố thành "
                         "bản công bố 1\n"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("bước tiếp theo: parscore explain --db d.db "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(" --unit huyen-da-bac --lang vi\n"), std::string::npos) << r.err;

    write_file(dir / "notes.db", "not a database");
    CliRun refused = parscore({"demo", "--lang", "vi", "--db", "notes.db"}, dir.path());
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.err.find("'notes.db' không phải là cơ sở dữ liệu mẫu tạo trước đây"), std::string::npos)
        << refused.err;
}

TEST(DemoCli, IgnoresParscoreDb) {
    ScratchDir dir;
    write_file(dir / "real.db", "precious");
    CliRun r = parscore({"demo"}, dir.path(), {{"PARSCORE_DB", (dir / "real.db").string()}});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(read_file(dir / "real.db"), "precious");
    EXPECT_TRUE(fs::exists(dir / "parscore-demo.db"));
}

TEST(DemoCli, ReplacesAnEarlierDemoDatabase) {
    ScratchDir dir;
    ASSERT_EQ(parscore({"demo", "--db", "d.db"}, dir.path()).code, 0);
    // Publications do not make it someone's data: they can be made again from the evidence.
    ASSERT_EQ(
        parscore({"publish", "--db", "d.db", "--rules", kDemoRulebook.string(), "--year", "2013"}, dir.path()).code, 0);
    CliRun again = parscore({"demo", "--db", "d.db"}, dir.path());
    EXPECT_EQ(again.code, 0) << again.err;
    CliRun verify = parscore({"verify", "--db", "d.db"}, dir.path());
    EXPECT_EQ(verify.code, 0) << verify.out;
    EXPECT_NE(verify.out.find("publication 1 "), std::string::npos);
    EXPECT_EQ(verify.out.find("publication 2 "), std::string::npos) << verify.out;  // a fresh database
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find(".building-"), std::string::npos) << entry.path();
    }
}

TEST(DemoCli, RefusesToReplaceAnyOtherFile) {
    ScratchDir dir;
    write_file(dir / "notes.db", "not a database");
    CliRun text = parscore({"demo", "--db", "notes.db"}, dir.path());
    EXPECT_EQ(text.code, 1);
    EXPECT_NE(text.err.find("is not an earlier demo database"), std::string::npos) << text.err;
    EXPECT_EQ(read_file(dir / "notes.db"), "not a database");

    fs::create_directory(dir / "folder.db");
    EXPECT_EQ(parscore({"demo", "--db", "folder.db"}, dir.path()).code, 1);
    EXPECT_TRUE(fs::is_directory(dir / "folder.db"));
}

TEST(DemoCli, RefusesToReplaceADatabaseWithSomeoneElsesInspections) {
    ScratchDir dir;
    ASSERT_EQ(parscore({"demo", "--db", "d.db"}, dir.path()).code, 0);
    write_file(dir / "visit.yaml",
               "inspection:\n  unit: so-tu-phap\n  date: 2013-12-20\n  kind: other\nfindings:\n  website: true\n");
    CliRun recorded = parscore({"record", "--db", "d.db", "--rules", kDemoRulebook.string(), "visit.yaml"}, dir.path(),
                               {{"USER", "nguyen.van.a"}});
    ASSERT_EQ(recorded.code, 0) << recorded.err;
    const std::string before = read_file(dir / "d.db");
    CliRun r = parscore({"demo", "--db", "d.db"}, dir.path());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("inspections the demo did not record"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(dir / "d.db"), before);
}

TEST(DemoCli, RefusesAParscoreDatabaseWithOtherUnits) {
    ScratchDir dir;
    write_file(dir / "units.csv", "id,name,category\nx,X,department\n");
    ASSERT_EQ(parscore({"units", "import", "units.csv", "--db", "mine.db"}, dir.path()).code, 0);
    EXPECT_EQ(parscore({"demo", "--db", "mine.db"}, dir.path()).code, 1);
}

TEST(DemoCli, AMissingFolderIsAnIoError) {
    ScratchDir dir;
    CliRun r = parscore({"demo", "--db", "no/such/folder/d.db"}, dir.path());
    EXPECT_EQ(r.code, 3);
    EXPECT_FALSE(fs::exists(dir / "no"));
}

TEST(DemoCli, PublicationsVerifyAfterAUnitChangesCategory) {
    ScratchDir dir;
    ASSERT_EQ(parscore({"demo", "--db", "d.db"}, dir.path()).code, 0);
    ASSERT_EQ(
        parscore({"publish", "--db", "d.db", "--rules", kDemoRulebook.string(), "--year", "2013"}, dir.path()).code, 0);
    write_file(dir / "moved.csv", "id,name,category\nso-tu-phap,Sở Tư pháp,district\n");
    CliRun moved = parscore({"units", "import", "--db", "d.db", "moved.csv"}, dir.path());
    ASSERT_EQ(moved.code, 0) << moved.err;
    EXPECT_EQ(moved.out, "units: 0 added, 1 updated, 0 unchanged\n");
    CliRun verify = parscore({"verify", "--db", "d.db"}, dir.path());
    EXPECT_EQ(verify.code, 0) << verify.out;  // both years' publications, as the units were then
    CliRun listed = parscore({"units", "list", "--db", "d.db", "--format", "csv"}, dir.path());
    EXPECT_NE(listed.out.find("\nso-tu-phap,Sở Tư pháp,district,,,\n"), std::string::npos) << listed.out;
}

}  // namespace
}  // namespace parscore::testing
