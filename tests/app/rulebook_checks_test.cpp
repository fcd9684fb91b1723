// check and test called directly.
#include <gtest/gtest.h>

#include "parscore/app/rulebook_checks.hpp"
#include "scratch.hpp"

namespace parscore::testing {
namespace {

app::CheckResult check(const std::vector<std::string>& rulebooks, bool werror = false) {
    auto r = request_as<app::CheckRequest>("tester");
    r.rulebooks = rulebooks;
    r.werror = werror;
    return app::check(r);
}

TEST(CheckOp, AShippedRulebookPasses) {
    app::CheckResult result = check({kDemoRules});
    EXPECT_FALSE(result.failure.has_value());
    EXPECT_EQ(result.errors, 0u);
    ASSERT_EQ(result.rulebooks.size(), 1u);
    EXPECT_EQ(result.rulebooks[0].path, kDemoRules);
}

TEST(CheckOp, ErrorsAreInvalidAndAMissingFileIsIoWhateverComesFirst) {
    Scratch dir;
    write_text(dir / "bad.yaml", "id: [\n");
    app::CheckResult bad = check({(dir / "bad.yaml").string(), kDemoRules});
    EXPECT_EQ(bad.failure, app::ErrorKind::Invalid);
    EXPECT_GT(bad.errors, 0u);
    EXPECT_EQ(bad.rulebooks.size(), 2u);
    app::CheckResult missing = check({(dir / "bad.yaml").string(), (dir / "absent.yaml").string()});
    EXPECT_EQ(missing.failure, app::ErrorKind::Io);
}

app::TestRequest test_request(const std::vector<fs::path>& paths) {
    auto r = request_as<app::TestRequest>("tester");
    r.paths = paths;
    return r;
}

TEST(TestOp, TheScoringTestsPassWithFullCoverage) {
    auto r = test_request({kTestData / "scoring"});
    r.coverage_min = core::Decimal::from_int(100);
    app::TestResult result = app::test(r);
    EXPECT_FALSE(result.failure.has_value());
    EXPECT_FALSE(result.shortfall.has_value());
    EXPECT_GT(result.run.passed(), 0u);
    EXPECT_EQ(result.run.failed(), 0u);
}

TEST(TestOp, FailingCasesAreInvalidAndAMissingPathIsIo) {
    EXPECT_EQ(app::test(test_request({kTestData / "rule_test_runner" / "failing.test.yaml"})).failure,
              app::ErrorKind::Invalid);
    EXPECT_EQ(app::test(test_request({kTestData / "no-such-folder"})).failure, app::ErrorKind::Io);
}

TEST(TestOp, AJUnitReportOverAnInputIsRefusedButTheRunIsReported) {
    Scratch dir;
    const fs::path copy = dir / "rounding.yaml";
    fs::copy_file(kTestData / "scoring" / "rounding.yaml", copy);
    fs::copy_file(kTestData / "scoring" / "rounding.test.yaml", dir / "rounding.test.yaml");
    auto r = test_request({dir / "rounding.test.yaml"});
    r.junit = copy.string();
    app::TestResult result = app::test(r);
    ASSERT_TRUE(result.junit_error.has_value());
    EXPECT_EQ(result.junit_error->kind(), app::ErrorKind::BadRequest);
    EXPECT_GT(result.run.passed(), 0u);
    EXPECT_EQ(read_text(copy), read_text(kTestData / "scoring" / "rounding.yaml"));

    r.junit = (dir / "report.xml").string();
    result = app::test(r);
    EXPECT_FALSE(result.junit_error.has_value());
    EXPECT_NE(read_text(dir / "report.xml").find("<testsuites"), std::string::npos);
}

}  // namespace
}  // namespace parscore::testing
