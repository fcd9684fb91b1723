// The command line's own text in the run's language: --help (against tests/golden/cli/), CLI11's
// usage errors, the operations' errors and the store's listings. English reads as it always did;
// JSON and CSV are the same in both languages. UPDATE_GOLDEN=1 rewrites the golden files.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "../app/scratch.hpp"
#include "run_cli.hpp"

namespace parscore::testing {
namespace {

const fs::path kGolden = kSourceDir / "tests" / "golden" / "cli";

void expect_golden(const std::string& file, const std::string& actual) {
    const fs::path golden = kGolden / file;
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        fs::create_directories(kGolden);
        write_text(golden, actual);
        return;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with UPDATE_GOLDEN=1 to create it";
    EXPECT_EQ(read_text(golden), actual) << "differs from " << golden << " (UPDATE_GOLDEN=1 rewrites it)";
}

TEST(CliLanguage, HelpReadsInTheChosenLanguage) {
    expect_golden("help-en.txt", run({"--help"}).out);
    expect_golden("help-vi.txt", run({"--lang", "vi", "--help"}).out);
    expect_golden("rank-help-en.txt", run({"rank", "--help"}).out);
    expect_golden("rank-help-vi.txt", run({"rank", "--help", "--lang", "vi"}).out);
    expect_golden("lock-help-vi.txt", run({"lock", "--help", "--lang=vi"}).out);
    EXPECT_EQ(run({"rank", "--help", "--lang", "en"}).out, run({"rank", "--help"}).out);
}

TEST(CliLanguage, HelpFollowsParscoreLang) {
    ::setenv("PARSCORE_LANG", "vi", 1);
    const Outcome vi = run({"units", "--help"});
    ::unsetenv("PARSCORE_LANG");
    EXPECT_NE(vi.out.find("Cách dùng: parscore units [TÙY CHỌN] LỆNH"), std::string::npos) << vi.out;
    EXPECT_NE(vi.out.find("Liệt kê các đơn vị và thuộc tính, theo mã"), std::string::npos) << vi.out;
}

TEST(CliLanguage, UsageErrorsAreTranslatedWithTheSamePrefix) {
    const Outcome en = run({"rank", "--rules", "a"});
    EXPECT_EQ(en.code, 2);
    EXPECT_EQ(en.err, "parscore: error: --year is required (see 'parscore rank --help')\n");
    const Outcome vi = run({"rank", "--rules", "a", "--lang", "vi"});
    EXPECT_EQ(vi.code, 2);
    EXPECT_EQ(vi.err, "parscore: error: thiếu --year (xem 'parscore rank --help')\n");

    EXPECT_EQ(run({"inspections", "--year", "0", "--lang", "vi"}).err,
              "parscore: error: --year: giá trị 0 phải từ 1 đến 9999 (xem 'parscore inspections --help')\n");
    EXPECT_EQ(run({"rank", "--basis", "some", "--lang", "vi"}).err,
              "parscore: error: --basis: some phải là một trong {all,self,inspected} (xem 'parscore rank --help')\n");
    EXPECT_EQ(run({"lock", "--unit", "x", "--lang", "vi"}).err,
              "parscore: error: --unit chỉ dùng cùng với --year (xem 'parscore lock --help')\n");
    EXPECT_EQ(run({"rnk", "--lang", "vi"}).err,
              "parscore: error: không có lệnh 'rnk' (có phải là 'rank'?) (xem 'parscore --help')\n");
    EXPECT_EQ(run({"rnk"}).err,
              "parscore: error: unknown command 'rnk' (did you mean 'rank'?) (see 'parscore --help')\n");
    EXPECT_EQ(run({"--lang", "vi"}).err, "parscore: error: thiếu lệnh (xem 'parscore --help')\n");
    EXPECT_EQ(run({"rank", "extra", "--rules", "a", "--year", "1", "--lang", "vi"})
                  .err.rfind("parscore: error: đối số không hợp lệ: extra", 0),
              0u);
}

class CliStoreLanguage : public DemoCli {
protected:
    static Outcome run_db(std::vector<std::string> args) {
        args.insert(args.end(), {"--db", db()});
        return run(args);
    }
};

TEST_F(CliStoreLanguage, UnitsListHasVietnameseHeadsAndTheSameData) {
    const Outcome en = run_db({"units", "list"});
    EXPECT_EQ(en.out.rfind("id  ", 0), 0u) << en.out;
    EXPECT_NE(en.out.find("name  "), std::string::npos);
    const Outcome vi = run_db({"units", "list", "--lang", "vi"});
    ASSERT_EQ(vi.code, 0);
    expect_golden("units-list-vi.txt", vi.out);
    for (const char* format : {"csv", "json"})
        EXPECT_EQ(run_db({"units", "list", "--format", format, "--lang", "vi"}).out,
                  run_db({"units", "list", "--format", format}).out);
}

TEST_F(CliStoreLanguage, InspectionsListWritesDatesKindsAndStatusesForTheReader) {
    const Outcome en = run_db({"inspections", "--unit", "huyen-da-bac"});
    EXPECT_EQ(en.out.rfind("id  ", 0), 0u) << en.out;
    EXPECT_NE(en.out.find("2013-12-05  2013  self       submitted  1"), std::string::npos) << en.out;
    const Outcome vi = run_db({"inspections", "--unit", "huyen-da-bac", "--lang", "vi"});
    ASSERT_EQ(vi.code, 0);
    EXPECT_EQ(vi.out.rfind("Mã  ", 0), 0u) << vi.out;
    EXPECT_NE(vi.out.find("Đơn vị"), std::string::npos) << vi.out;
    EXPECT_NE(vi.out.find("Trạng thái"), std::string::npos) << vi.out;
    EXPECT_NE(vi.out.find("05/12/2013  2013  tự đánh giá  đã nộp"), std::string::npos) << vi.out;
    EXPECT_NE(vi.out.find("18/06/2013  2013  đột xuất     đã nộp"), std::string::npos) << vi.out;
    for (const char* format : {"csv", "json"})
        EXPECT_EQ(run_db({"inspections", "--format", format, "--lang", "vi"}).out,
                  run_db({"inspections", "--format", format}).out);
}

TEST_F(CliStoreLanguage, ShowLabelsTheInspectionInTheChosenLanguage) {
    const std::string csv = run_db({"inspections", "--unit", "huyen-da-bac", "--format", "csv"}).out;
    const std::string id = csv.substr(csv.find('\n') + 1, 36);
    const Outcome en = run_db({"show", id});
    EXPECT_NE(en.out.find("\n  unit:     huyen-da-bac ("), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("\n  date:     2013-12-05 (year 2013)\n"), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("\nhistory:\n"), std::string::npos) << en.out;
    const Outcome vi = run_db({"show", id, "--lang", "vi"});
    ASSERT_EQ(vi.code, 0);
    EXPECT_EQ(vi.out.rfind("cuộc kiểm tra " + id + "\n", 0), 0u) << vi.out;
    EXPECT_NE(vi.out.find("\n  ngày:          05/12/2013 (năm 2013)\n"), std::string::npos) << vi.out;
    EXPECT_NE(vi.out.find("\n  trạng thái:    đã nộp\n"), std::string::npos) << vi.out;
    EXPECT_NE(vi.out.find("\nlịch sử:\n"), std::string::npos) << vi.out;
    EXPECT_EQ(run_db({"show", id, "--format", "json", "--lang", "vi"}).out,
              run_db({"show", id, "--format", "json"}).out);
}

TEST_F(CliStoreLanguage, AnOperationsErrorIsTranslated) {
    const Outcome en = run_db({"show", "abcdefgh"});
    EXPECT_EQ(en.code, 1);
    EXPECT_EQ(en.err, "parscore: error: unknown inspection 'abcdefgh'\n");
    const Outcome vi = run_db({"show", "abcdefgh", "--lang", "vi"});
    EXPECT_EQ(vi.code, 1);
    EXPECT_EQ(vi.err, "parscore: error: không tìm thấy cuộc kiểm tra 'abcdefgh'\n");
    EXPECT_EQ(run_db({"submit", "abc", "--lang", "vi"}).err,
              "parscore: error: mã cuộc kiểm tra 'abc' quá ngắn: hãy nhập đủ mã hoặc ít nhất 8 ký tự đầu "
              "(xem 'parscore submit --help')\n");
}

TEST_F(CliStoreLanguage, ConfirmationsAreTranslated) {
    const Outcome en = run_db({"lock", "--year", "2000", "--unit", "huyen-da-bac"});
    EXPECT_EQ(en.err, "parscore: no submitted inspection of 2000 for unit huyen-da-bac to lock\n");
    const Outcome vi = run_db({"lock", "--year", "2000", "--lang", "vi"});
    EXPECT_EQ(vi.err, "parscore: không có cuộc kiểm tra đã nộp nào của năm 2000 để khóa\n");
    Scratch dir;
    write_text(dir / "units.csv", "id,name,category\nso-moi,Sở Mới,department\n");
    EXPECT_EQ(run_db({"units", "import", (dir / "units.csv").string(), "--lang", "vi"}).out,
              "đơn vị: thêm 1, cập nhật 0, giữ nguyên 0\n");
    EXPECT_EQ(run_db({"units", "import", (dir / "units.csv").string()}).out,
              "units: 0 added, 0 updated, 1 unchanged\n");
}

}  // namespace
}  // namespace parscore::testing
