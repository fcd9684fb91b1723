// `parscore test` as CI runs it: results on stdout, diagnostics on stderr, and JUnit XML with what
// Jenkins, GitLab and GitHub reporters read.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "cli_support.hpp"

namespace parscore::testing {
namespace {

const fs::path kFailing = kSourceDir / "tests" / "rule_test_runner" / "failing.test.yaml";
const fs::path kPassing = kSourceDir / "tests" / "scoring";

struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;  // for failure and error: the element's text
};

/// The elements of `xml` in document order, checking that every opened element is closed in
/// order (the document is well formed as far as these tests need).
std::vector<Element> elements(const std::string& xml, std::string& problem) {
    static const std::regex tag(R"(<(/?)([A-Za-z]+)((?:\s+[a-z_]+="[^"<]*")*)\s*(/?)>)");
    static const std::regex attribute(R"re(([a-z_]+)="([^"]*)")re");
    std::vector<Element> out;
    std::vector<std::string> open;
    std::size_t text_from = 0;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), tag); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        if (m[1] == "/") {
            if (open.empty() || open.back() != m[2]) problem = "</" + m[2].str() + "> does not close its element";
            if (!open.empty()) open.pop_back();
            if (m[2] == "failure" || m[2] == "error") {
                out.back().text = xml.substr(text_from, static_cast<std::size_t>(m.position()) - text_from);
            }
            continue;
        }
        Element e{m[2], {}, ""};
        std::string attrs = m[3];
        for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), attribute); a != std::sregex_iterator(); ++a) {
            e.attributes[(*a)[1]] = (*a)[2];
        }
        out.push_back(std::move(e));
        if (m[4] != "/") open.push_back(m[2]);
        text_from = static_cast<std::size_t>(m.position() + m.length());
    }
    if (!open.empty()) problem = "<" + open.back() + "> is never closed";
    return out;
}

TEST(RuleTestCli, ResultsGoToStdoutAndDiagnosticsToStderr) {
    ScratchDir dir;
    CliRun r = parscore({"test", kFailing.string()}, dir.path());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("FAIL "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 passed, 5 failed\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("error["), std::string::npos) << "diagnostics belong on stderr\n" << r.out;
    EXPECT_NE(r.err.find("error[E504]: unknown criterion 'a.postd'"), std::string::npos) << r.err;
}

TEST(RuleTestCli, ResultsReadInTheRunsLanguage) {
    ScratchDir dir;
    CliRun r = parscore({"--lang", "vi", "test", "--coverage", kFailing.string()}, dir.path());
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("KHÔNG ĐẠT "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(": mong đợi "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("chưa được kiểm thử: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("độ bao phủ: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 đạt, 5 không đạt\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("passed"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("expected"), std::string::npos) << r.out;

    CliRun en = parscore({"test", "--coverage", kFailing.string()}, dir.path());
    EXPECT_NE(en.out.find("not reached: "), std::string::npos) << en.out;
    EXPECT_NE(en.out.find(" items reached)\n"), std::string::npos) << en.out;
}

TEST(RuleTestCli, JunitCarriesWhatCiServersRead) {
    ScratchDir dir;
    CliRun r = parscore({"test", kFailing.string(), kPassing.string(), "--junit", "report.xml"}, dir.path());
    EXPECT_EQ(r.code, 1) << r.err;
    const std::string xml = read_file(dir / "report.xml");
    ASSERT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ", 0), 0u) << xml;
    if (std::system("xmllint --version >/dev/null 2>&1") == 0) {
        EXPECT_EQ(std::system(("xmllint --noout " + shell_quote((dir / "report.xml").string())).c_str()), 0) << xml;
    }
    std::string problem;
    std::vector<Element> all = elements(xml, problem);
    EXPECT_EQ(problem, "") << xml;

    static const std::regex number(R"(\d+)"), seconds(R"(\d+\.\d{3})");
    static const std::regex timestamp(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})");
    std::size_t suites = 0, cases = 0, failures = 0, errors = 0;
    std::map<std::string, std::size_t> in_suite;  // counts of the current suite's children
    const Element* suite = nullptr;
    auto close_suite = [&] {
        if (!suite) return;
        EXPECT_EQ(suite->attributes.at("tests"), std::to_string(in_suite["testcase"])) << suite->attributes.at("name");
        EXPECT_EQ(suite->attributes.at("failures"), std::to_string(in_suite["failure"]))
            << suite->attributes.at("name");
        EXPECT_EQ(suite->attributes.at("errors"), std::to_string(in_suite["error"])) << suite->attributes.at("name");
        in_suite.clear();
    };
    for (const Element& e : all) {
        if (e.name == "testsuite") {
            close_suite();
            suite = &e;
            ++suites;
            for (const char* a : {"name", "tests", "failures", "errors", "skipped", "time", "timestamp"}) {
                ASSERT_TRUE(e.attributes.count(a)) << "testsuite without " << a;
            }
            for (const char* a : {"tests", "failures", "errors", "skipped"}) {
                EXPECT_TRUE(std::regex_match(e.attributes.at(a), number)) << a;
            }
            EXPECT_TRUE(std::regex_match(e.attributes.at("time"), seconds)) << e.attributes.at("time");
            EXPECT_TRUE(std::regex_match(e.attributes.at("timestamp"), timestamp)) << e.attributes.at("timestamp");
        } else if (e.name == "testcase") {
            ++cases;
            ++in_suite["testcase"];
            EXPECT_TRUE(e.attributes.count("name") && e.attributes.count("classname"));
            ASSERT_TRUE(e.attributes.count("time")) << "testcase without time";
            EXPECT_TRUE(std::regex_match(e.attributes.at("time"), seconds)) << e.attributes.at("time");
        } else if (e.name == "failure" || e.name == "error") {
            (e.name == "failure" ? failures : errors) += 1;
            ++in_suite[e.name];
            ASSERT_TRUE(e.attributes.count("message")) << e.name << " without a message";
            EXPECT_FALSE(e.attributes.at("message").empty());
            EXPECT_FALSE(e.text.empty()) << e.name << " without text";
        }
    }
    close_suite();
    // failing.test.yaml: one wrong result, four invalid cases, one passing case; the scoring
    // folder's files all pass.
    EXPECT_GE(suites, 2u);
    EXPECT_EQ(failures, 1u);
    EXPECT_EQ(errors, 4u);
    const Element& root = all.front();
    EXPECT_EQ(root.name, "testsuites");
    EXPECT_EQ(root.attributes.at("tests"), std::to_string(cases));
    EXPECT_EQ(root.attributes.at("failures"), "1");
    EXPECT_EQ(root.attributes.at("errors"), "4");
    EXPECT_NE(xml.find("<failure message=\"criteria.a.posted: expected 2, got 4; "), std::string::npos) << xml;
    EXPECT_NE(xml.find("<error message=\"unknown criterion &apos;a.postd&apos;"), std::string::npos) << xml;
}

}  // namespace
}  // namespace parscore::testing
