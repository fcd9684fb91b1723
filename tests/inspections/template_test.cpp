// `parscore template`: a report that records once its empty values are filled in.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

std::string replace_line(std::string text, const std::string& line, const std::string& with) {
    const auto at = text.find("\n" + line + "\n");
    EXPECT_NE(at, std::string::npos) << "no line '" << line << "' in\n" << text;
    if (at != std::string::npos) text.replace(at + 1, line.size(), with);
    return text;
}

class Template : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = (dir_ / "t.db").string();
        ASSERT_EQ(run({"units", "import", (kData / "data" / "units.csv").string()}).exit_code, 0);
    }
    RunResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return run_parscore(args, dir_.path());
    }
    TempDir dir_;
    std::string db_;
};

TEST_F(Template, AFilledTemplateRecordsWithoutStructuralEdits) {
    RunResult t = run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--date", "2014-03-02", "--kind", "self"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_NE(t.out.find("  date: 2014-03-02\n"), std::string::npos);
    EXPECT_NE(t.out.find("  kind: self"), std::string::npos);
    EXPECT_NE(t.out.find("one of: late | left_early | drunk | asleep"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("  procedure: []\n"), std::string::npos);
    // As printed, the empty facts make it invalid: null values, reported with positions.
    write_file(dir_ / "empty.yaml", t.out);
    RunResult unfilled = run({"record", "--rules", kRulebook.string(), (dir_ / "empty.yaml").string()});
    EXPECT_EQ(unfilled.exit_code, 1);
    EXPECT_NE(unfilled.err.find("error[E310]"), std::string::npos) << unfilled.err;
    // Filling the values in is enough.
    std::string filled = replace_line(t.out, "  website:", "  website: true");
    filled = replace_line(filled, "  autonomy_rate:", "  autonomy_rate: 45%");
    write_file(dir_ / "filled.yaml", filled);
    RunResult rec = run({"record", "--rules", kRulebook.string(), (dir_ / "filled.yaml").string()});
    EXPECT_EQ(rec.exit_code, 0) << rec.err << filled;
    EXPECT_EQ(rec.out.size(), 37u);  // a UUID and a line feed
}

TEST_F(Template, KeyedRecordsOfTheLatestCountedInspectionArePrefilled) {
    ASSERT_EQ(run({"record", "--rules", kRulebook.string(), (kData / "data" / "report.yaml").string()}).exit_code, 0);
    RunResult t = run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--date", "2014-03-02"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_NE(t.out.find("    - { code: \"TP-001\", posted: true, online_level: 2 }"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("    - { code: \"TP-002\", posted: false, online_level: 1 }"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("  violation: []"), std::string::npos) << "unkeyed kinds start empty\n" << t.out;
    std::string filled = replace_line(t.out, "  website:", "  website: false");
    filled = replace_line(filled, "  autonomy_rate:", "  autonomy_rate: 0.5");
    write_file(dir_ / "filled.yaml", filled);
    RunResult rec = run({"record", "--rules", kRulebook.string(), (dir_ / "filled.yaml").string()});
    EXPECT_EQ(rec.exit_code, 0) << rec.err;
}

TEST_F(Template, UnknownUnitAndBadDateAreRefused) {
    EXPECT_EQ(run({"template", "--rules", kRulebook.string(), "--unit", "nobody"}).exit_code, 1);
    // A malformed --date is a usage error, like a malformed --year.
    EXPECT_EQ(run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--date", "2014-02-30"}).exit_code, 2);
    EXPECT_EQ(run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--kind", "visit"}).exit_code, 2);
}

}  // namespace
}  // namespace parscore::inspections::testing
