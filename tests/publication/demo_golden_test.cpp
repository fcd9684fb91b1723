// The demo province's outputs against tests/golden/demo/: the demo's own output, the ranking as
// JSON, CSV and a table in English and Vietnamese, explanations of a few units in both languages,
// and summary, gap, diff and the demo itself in Vietnamese. Inspection ids and the evidence
// hash (random per run) are masked. UPDATE_GOLDEN=1 rewrites the files (and reports the tests as skipped).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "cli_support.hpp"

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

}  // namespace
}  // namespace parscore::testing
