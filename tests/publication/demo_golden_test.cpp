// The demo province's outputs against tests/golden/demo/: the demo's own output, the ranking as
// JSON, CSV, a table and an HTML report in English and Vietnamese, the yearly report's HTML in
// both languages, explanations of a few units in
// both languages, and summary, gap, diff and the demo itself in Vietnamese. Inspection ids and the
// evidence hash (random per run) are masked. UPDATE_GOLDEN=1 rewrites the files (and reports the
// tests as skipped). Below them: JSON and CSV are the same in both languages, and the Vietnamese
// workbook's sheets and heads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>

#include "cli_support.hpp"
#include "support/unzip.hpp"

namespace parscore::testing {
namespace {

const fs::path kGolden = kSourceDir / "tests" / "golden" / "demo";

struct GoldenCase {
    std::string file;               // in tests/golden/demo
    std::vector<std::string> args;  // parscore arguments; --db is added
};

// The demo rulebook with a higher minimum for "good" (written beside the database), so that diff
// has band moves to show.
const char* const kStricter = "stricter.yaml";

// Failure messages name the file rather than dumping the struct's bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.file; }

/// Units whose explanations are kept: a drunk official (a band cap), a department without a
/// one-stop desk, and the top district.
std::vector<GoldenCase> cases() {
    const std::string rules = kDemoRulebook.string();
    std::vector<GoldenCase> out = {
        {"demo.txt", {}},
        {"rank.json", {"rank", "--rules", rules, "--year", "2013", "--format", "json"}},
        {"rank.csv", {"rank", "--rules", rules, "--year", "2013", "--format", "csv"}},
        {"rank-en.txt", {"rank", "--rules", rules, "--year", "2013", "--lang", "en"}},
        {"rank-vi.txt", {"rank", "--rules", rules, "--year", "2013", "--lang", "vi"}},
        {"score-vi.txt", {"score", "--rules", rules, "--year", "2013", "--lang", "vi", "--category", "district"}},
        {"rank-en.html", {"rank", "--rules", rules, "--year", "2013", "--format", "html", "--lang", "en"}},
        {"rank-vi.html", {"rank", "--rules", rules, "--year", "2013", "--format", "html", "--lang", "vi"}},
        // The yearly report: in Vietnamese with the sample config, in English with blanks.
        {"yearly-vi.html",
         {"report", "--rules", rules, "--year", "2013", "--format", "html", "--lang", "vi", "--config",
          (kSourceDir / "docs" / "examples" / "report.yaml").string()}},
        {"yearly-en.html", {"report", "--rules", rules, "--year", "2013", "--format", "html", "--lang", "en"}},
    };
    for (const char* unit : {"huyen-da-bac", "thanh-tra-tinh", "tp-hoa-binh"}) {
        out.push_back(
            {std::string("explain-") + unit + ".txt", {"explain", "--rules", rules, "--year", "2013", "--unit", unit}});
        out.push_back({std::string("explain-") + unit + "-vi.txt",
                       {"explain", "--rules", rules, "--year", "2013", "--unit", unit, "--lang", "vi"}});
    }
    // The analyses and the demo itself in Vietnamese; the demo writes a database of its own.
    out.push_back({"summary-vi.txt", {"summary", "--rules", rules, "--year", "2013", "--lang", "vi"}});
    out.push_back(
        {"gap-vi.txt", {"gap", "--rules", rules, "--year", "2013", "--category", "district", "--lang", "vi"}});
    out.push_back({"diff-vi.txt", {"diff", "--rules", rules, "--with", kStricter, "--year", "2013", "--lang", "vi"}});
    out.push_back({"demo-vi.txt", {"--lang", "vi", "demo"}});
    return out;
}

class DemoGolden : public ::testing::TestWithParam<GoldenCase> {
protected:
    static void SetUpTestSuite() {
        dir_ = new ScratchDir();
        std::string stricter = read_file(kDemoRulebook);
        for (auto [from, to] : {std::pair<std::string, std::string>{"version: \"2013.2\"", "version: \"2013.3\""},
                                {"min: 80 }", "min: 85 }"}}) {
            const std::size_t at = stricter.find(from);
            if (at != std::string::npos) stricter.replace(at, from.size(), to);
        }
        write_file(dir_->path() / kStricter, stricter);
        CliRun demo = parscore({"demo", "--db", "demo.db"}, dir_->path());
        demo_out_ = new std::string(demo.code == 0 ? demo.out
                                                   : "demo failed (" + std::to_string(demo.code) + "): " + demo.err);
    }
    static void TearDownTestSuite() {
        delete dir_;
        delete demo_out_;
        dir_ = nullptr;
        demo_out_ = nullptr;
    }

    static ScratchDir* dir_;
    static std::string* demo_out_;
};

ScratchDir* DemoGolden::dir_ = nullptr;
std::string* DemoGolden::demo_out_ = nullptr;

TEST_P(DemoGolden, MatchesTheGoldenFile) {
    const GoldenCase& c = GetParam();
    std::string actual;
    if (c.args.empty()) {
        actual = *demo_out_;
    } else {
        std::vector<std::string> args = c.args;
        const bool demo = std::find(args.begin(), args.end(), "demo") != args.end();
        args.insert(args.end(), {"--db", demo ? "demo-again.db" : "demo.db"});
        CliRun r = parscore(args, dir_->path());
        ASSERT_EQ(r.code, 0) << r.err;
        actual = r.out;
    }
    actual = mask_random_ids(actual);
    if (c.file.ends_with(".html")) {
        // The page's footer gives the evidence hash (random per run, as its inspection ids are).
        static const std::regex evidence("(sha256|SHA-256)([^<]*<code>)[0-9a-f]{64}(</code> · )");
        actual = std::regex_replace(actual, evidence, "$1$2<evidence>$3");
        // The yearly report's closing note quotes the evidence hash's first 16 digits.
        static const std::regex quoted("(evidence |dữ liệu )[0-9a-f]{16}…");
        actual = std::regex_replace(actual, quoted, "$1<evidence>…");
    }
    const fs::path golden = kGolden / c.file;
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        fs::create_directories(kGolden);
        write_file(golden, actual);
        GTEST_SKIP() << "rewrote " << golden;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with UPDATE_GOLDEN=1 to create it";
    EXPECT_EQ(read_file(golden), actual) << "differs from " << golden << " (UPDATE_GOLDEN=1 rewrites it)";
}

std::string case_name(const ::testing::TestParamInfo<GoldenCase>& info) {
    std::string name;
    for (char ch : info.param.file) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Demo, DemoGolden, ::testing::ValuesIn(cases()), case_name);

// What the language changes and what it does not, on the demo's database.
class DemoLanguages : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new ScratchDir();
        demo_code_ = parscore({"demo", "--db", "demo.db"}, dir_->path()).code;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    CliRun rank(std::vector<std::string> args) {
        args.insert(args.begin(), {"rank", "--rules", kDemoRulebook.string(), "--year", "2013", "--db", "demo.db"});
        return parscore(args, dir_->path());
    }

    static ScratchDir* dir_;
    static int demo_code_;
};

ScratchDir* DemoLanguages::dir_ = nullptr;
int DemoLanguages::demo_code_ = -1;

TEST_F(DemoLanguages, JsonAndCsvAreTheSameInBothLanguages) {
    ASSERT_EQ(demo_code_, 0);
    for (const char* format : {"json", "csv"}) {
        CliRun en = rank({"--format", format, "--lang", "en"});
        CliRun vi = rank({"--format", format, "--lang", "vi"});
        ASSERT_EQ(en.code, 0) << en.err;
        ASSERT_EQ(vi.code, 0) << vi.err;
        EXPECT_EQ(en.out, vi.out) << format;
    }
}

TEST_F(DemoLanguages, VietnameseWorkbookHasVietnameseSheetsAndHeads) {
    if (!unzip_available()) GTEST_SKIP() << "the unzip program is not installed";
    ASSERT_EQ(demo_code_, 0);
    CliRun vi = rank({"--format", "xlsx", "--lang", "vi", "--out", "vi.xlsx"});
    ASSERT_EQ(vi.code, 0) << vi.err;
    const fs::path file = dir_->path() / "vi.xlsx";
    const std::string workbook = unzip_part(file, "xl/workbook.xml");
    EXPECT_NE(workbook.find("<sheet name=\"Xếp hạng\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("<sheet name=\"Tiêu chí\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("<sheet name=\"Chỉ tiêu tổng hợp\""), std::string::npos) << workbook;
    const std::string strings = unzip_part(file, "xl/sharedStrings.xml");
    for (const char* head : {"Khối", "Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Xếp loại", "Trạng thái",
                             "Khối sở, ban, ngành", "Hoàn thành tốt nhiệm vụ", "Sở Tài chính", "Toàn tỉnh"}) {
        EXPECT_NE(strings.find("<t>" + std::string(head) + "</t>"), std::string::npos) << head;
    }
    CliRun summary = parscore({"summary", "--rules", kDemoRulebook.string(), "--year", "2013", "--db", "demo.db",
                               "--format", "xlsx", "--lang", "vi", "--out", "summary.xlsx"},
                              dir_->path());
    ASSERT_EQ(summary.code, 0) << summary.err;
    EXPECT_NE(unzip_part(dir_->path() / "summary.xlsx", "xl/workbook.xml").find("<sheet name=\"Chỉ tiêu tổng hợp\""),
              std::string::npos);

    CliRun en = rank({"--format", "xlsx", "--lang", "en", "--out", "en.xlsx"});
    ASSERT_EQ(en.code, 0) << en.err;
    EXPECT_NE(unzip_part(dir_->path() / "en.xlsx", "xl/workbook.xml").find("<sheet name=\"Ranking\""),
              std::string::npos);
}

}  // namespace
}  // namespace parscore::testing
