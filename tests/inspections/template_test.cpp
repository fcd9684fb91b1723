// `parscore template`: a report that records once its empty values are filled in.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "fixture.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::inspections::testing {
namespace {

class Template : public UnitsDatabase {};

/// Fills every empty value of a template for data/rulebook.yaml, as a team would.
std::string fill(std::string text) {
    static const std::vector<std::pair<std::string, std::string>> values = {{"posted: ,", "posted: true,"},
                                                                            {"online_level:  }", "online_level: 2 }"},
                                                                            {"kind: ,", "kind: late,"},
                                                                            {"person:  }", "person: \"An\" }"},
                                                                            {"name: ,", "name: \"Bình\","},
                                                                            {"qualified:  }", "qualified: true }"},
                                                                            {"held_on: ,", "held_on: 2014-01-05,"},
                                                                            {"score:  }", "score: 7.5 }"},
                                                                            {"code: ,", "code: \"TP-100\","},
                                                                            {"  website:  ", "  website: true "},
                                                                            {"  autonomy_rate:  ",
                                                                             "  autonomy_rate: 50% "}};
    for (const auto& [empty, value] : values) {
        for (auto at = text.find(empty); at != std::string::npos; at = text.find(empty, at + value.size())) {
            text.replace(at, empty.size(), value);
        }
    }
    return text;
}

/// The text without its comments.
std::string without_comments(const std::string& text) {
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) out += line.substr(0, line.find('#')) + "\n";
    return out;
}

/// The column of every trailing comment (a `#` after text on its line).
std::set<std::size_t> comment_columns(const std::string& text) {
    std::set<std::size_t> columns;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const auto first = line.find_first_not_of(' ');
        const auto hash = line.find("  # ");
        if (first != std::string::npos && line[first] != '#' && hash != std::string::npos) {
            columns.insert(core::display_width(line.substr(0, hash + 2)));
        }
    }
    return columns;
}

TEST_F(Template, AnInspectedKindListsKnownKeysAndLeavesEveryValueEmpty) {
    ASSERT_EQ(run({"record", "--rules", kRulebook.string(), (kData / "data" / "report.yaml").string()}).exit_code, 0);
    // The unit's own claims: a self-assessment with one more procedure and full marks.
    write_file(dir_ / "self.yaml",
               "inspection:\n  unit: so-tu-phap\n  date: 2013-12-01\n  kind: self\nfindings:\n"
               "  procedure:\n    - { code: TP-009, posted: true, online_level: 4 }\n  website: true\n"
               "  autonomy_rate: 100%\n");
    ASSERT_EQ(run({"record", "--rules", kRulebook.string(), (dir_ / "self.yaml").string()}).exit_code, 0);
    RunResult t = run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--kind", "surprise",
                       "--date", "2014-01-20", "--year", "2013"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_NE(t.out.find("  date: 2014-01-20\n"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("  year: 2013 "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("  kind: surprise "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("    - { code: \"TP-009\", posted: , online_level:  }\n"
                         "    - { code: \"TP-001\", posted: , online_level:  }\n"
                         "    - { code: \"TP-002\", posted: , online_level:  }\n"),
              std::string::npos)
        << "the known codes, newest first\n"
        << t.out;
    EXPECT_NE(t.out.find("  violation:"), std::string::npos);
    EXPECT_NE(t.out.find("    - { kind: , person:  }\n"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("    - { name: , qualified:  }\n"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("    - { held_on: , score:  }\n"), std::string::npos) << t.out;
    EXPECT_EQ(t.out.find("[]\n"), std::string::npos) << "[] is written only by the team\n" << t.out;
    for (const char* claim : {"true", "100%", "Phạm Văn D", "online_level: 4", "7.5"}) {
        EXPECT_EQ(without_comments(t.out).find(std::string(": ") + claim), std::string::npos)
            << claim << " leaked into\n"
            << t.out;
    }
    EXPECT_EQ(comment_columns(t.out).size(), 1u) << t.out;

    // Recorded as it is, it is refused with a position for every empty value, and nothing is stored.
    write_file(dir_ / "unedited.yaml", t.out);
    const std::string before = fingerprint(database_);
    RunResult unedited = run({"record", "--rules", kRulebook.string(), (dir_ / "unedited.yaml").string()});
    EXPECT_EQ(unedited.exit_code, 1);
    EXPECT_EQ(unedited.out, "\n");
    EXPECT_NE(unedited.err.find("unedited.yaml:"), std::string::npos);
    EXPECT_NE(unedited.err.find(": error[E310]: field 'posted' has no value"), std::string::npos) << unedited.err;
    EXPECT_NE(unedited.err.find(": error[E310]: fact 'website' has no value"), std::string::npos) << unedited.err;
    EXPECT_EQ(fingerprint(database_), before);

    // Filled in, it records as it is, into the year it names.
    write_file(dir_ / "filled.yaml", fill(t.out));
    RunResult rec = run({"record", "--rules", kRulebook.string(), (dir_ / "filled.yaml").string()});
    ASSERT_EQ(rec.exit_code, 0) << rec.err << fill(t.out);
    RunResult listed = run({"inspections", "--year", "2013", "--unit", "so-tu-phap"});
    EXPECT_NE(listed.out.find(rec.out.substr(0, 36)), std::string::npos) << listed.out;
}

TEST_F(Template, ASelfAssessmentStartsFromTheLatestOne) {
    write_file(dir_ / "old.yaml",
               "inspection:\n  unit: so-tu-phap\n  date: 2013-03-01\n  kind: self\nfindings:\n"
               "  procedure:\n    - { code: TP-001, posted: false, online_level: 1 }\n  website: false\n");
    write_file(dir_ / "new.yaml",
               "inspection:\n  unit: so-tu-phap\n  date: 2013-12-01\n  kind: self\nfindings:\n"
               "  procedure:\n    - { code: TP-001, posted: true, online_level: 3 }\n  violation: []\n"
               "  autonomy_rate: 44.7%\n");
    ASSERT_EQ(run({"record", "--rules", kRulebook.string(), (dir_ / "new.yaml").string(), (dir_ / "old.yaml").string()})
                  .exit_code,
              0);
    RunResult t = run(
        {"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--kind", "self", "--date", "2014-12-01"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_NE(t.out.find("  year: 2014 "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("    - { code: \"TP-001\", posted: true, online_level: 3 }\n"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("  violation: []"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("  autonomy_rate: 0.447 "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("  website: "), std::string::npos);
    EXPECT_EQ(t.out.find("  website: false"), std::string::npos) << "only the latest self-assessment\n" << t.out;
    EXPECT_NE(t.out.find("    - { name: , qualified:  }\n"), std::string::npos) << "kinds it did not list\n" << t.out;
    EXPECT_EQ(comment_columns(t.out).size(), 1u) << t.out;
    write_file(dir_ / "filled.yaml", fill(t.out));
    RunResult rec = run({"record", "--rules", kRulebook.string(), (dir_ / "filled.yaml").string()});
    EXPECT_EQ(rec.exit_code, 0) << rec.err << fill(t.out);
}

TEST_F(Template, WithoutEvidenceEveryKindIsOneEmptyRecord) {
    RunResult t = run({"template", "--rules", kRulebook.string(), "--unit", "so-noi-vu", "--date", "2014-03-02"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_NE(t.out.find("  kind: scheduled "), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("    - { code: , posted: , online_level:  }\n"), std::string::npos) << t.out;
    EXPECT_NE(t.out.find("one of: late | left_early | drunk | asleep"), std::string::npos) << t.out;
    write_file(dir_ / "filled.yaml", fill(t.out));
    RunResult rec = run({"record", "--rules", kRulebook.string(), (dir_ / "filled.yaml").string()});
    EXPECT_EQ(rec.exit_code, 0) << rec.err << fill(t.out);
    EXPECT_EQ(rec.out.size(), 37u);  // a UUID and a line feed
}

/// Compares `actual` with tests/golden/template/`name`, or rewrites it under UPDATE_GOLDEN=1.
void expect_golden(const std::string& name, const std::string& actual) {
    const fs::path path = fs::path(PARSCORE_TEST_DATA) / "golden" / "template" / name;
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
        write_file(path, actual);
        return;
    }
    ASSERT_TRUE(fs::exists(path)) << "missing " << path << " (run with UPDATE_GOLDEN=1)";
    EXPECT_EQ(read_all(path), actual) << "differs from " << path;
}

// The comments follow --lang; keys and values are the same in both languages, so either records.
TEST_F(Template, CommentsFollowTheLanguage) {
    ASSERT_EQ(run({"record", "--rules", kRulebook.string(), (kData / "data" / "report.yaml").string()}).exit_code, 0);
    const std::vector<std::string> args = {"template",   "--rules", kRulebook.string(), "--unit",
                                           "so-tu-phap", "--date",  "2014-01-20"};
    RunResult en = run(args);
    std::vector<std::string> vi_args = args;
    vi_args.insert(vi_args.begin(), {"--lang", "vi"});
    RunResult vi = run(vi_args);
    ASSERT_EQ(en.exit_code, 0) << en.err;
    ASSERT_EQ(vi.exit_code, 0) << vi.err;
    expect_golden("template.yaml", en.out);
    expect_golden("template-vi.yaml", vi.out);
    EXPECT_EQ(without_comments(vi.out), without_comments(en.out));
    EXPECT_NE(vi.out.find("# Báo cáo kiểm tra của "), std::string::npos) << vi.out;
    EXPECT_EQ(comment_columns(vi.out).size(), 1u) << vi.out;
    write_file(dir_ / "filled.yaml", fill(vi.out));
    RunResult rec = run({"record", "--rules", kRulebook.string(), (dir_ / "filled.yaml").string()});
    EXPECT_EQ(rec.exit_code, 0) << rec.err << fill(vi.out);
}

TEST_F(Template, UnknownUnitAndBadDateAreRefused) {
    EXPECT_EQ(run({"template", "--rules", kRulebook.string(), "--unit", "nobody"}).exit_code, 1);
    // A malformed --date is a usage error, like a malformed --year.
    EXPECT_EQ(
        run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--date", "2014-02-30"}).exit_code, 2);
    EXPECT_EQ(run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--kind", "visit"}).exit_code, 2);
    EXPECT_EQ(run({"template", "--rules", kRulebook.string(), "--unit", "so-tu-phap", "--year", "x"}).exit_code, 2);
}

}  // namespace
}  // namespace parscore::inspections::testing
