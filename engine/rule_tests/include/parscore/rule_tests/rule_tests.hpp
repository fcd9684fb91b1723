#pragma once
// Rule tests (docs/reference/rulebook-format.md): `*.test.yaml` files whose cases give one unit's evidence and the
// scores expected for it. Each case is scored alone with the real scorer (band caps apply; quotas and ranks do not).
// Coverage tells which criteria, deductions, bonuses, steps arms and band caps no case reached.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/decimal.hpp"
#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/text.hpp"

namespace parscore::engine {

struct CaseDifference {
    std::string item;  // "criteria.tthc.posted", "total", "band", …
    std::string expected;
    std::string actual;
};

struct CaseOutcome {
    std::string file;  // the test file as given/found
    std::string name;
    core::Span span{};  // the case's `name` (or the case itself)
    enum class Result { Passed, Failed, Invalid } result = Result::Passed;
    std::vector<CaseDifference> differences;  // Failed
    core::Diagnostics problems;               // Invalid: why
    double seconds = 0;
};

struct CoverageItem {
    std::string rulebook;     // the rulebook file
    std::string description;  // "criterion tthc.posted", "steps arm '>= 80%' of tthc.posted", …
    std::optional<core::Span> span;
    bool reached = false;
    core::Text what;  // `description` to be shown in the reader's language
};

struct RuleTestRun {
    std::vector<CaseOutcome> cases;
    /// Problems with whole files (YAML errors, a missing rulebook, invalid rulebooks); each file
    /// with such a problem counts as one failure.
    core::Diagnostics diagnostics;
    std::size_t failed_files = 0;
    std::vector<CoverageItem> coverage;
    bool io_failure = false;              // a path named does not exist or cannot be read (exit 3)
    std::vector<core::Text> io_messages;  // shown in the reader's language
    bool no_test_files = false;           // a folder with no *.test.yaml (exit 1)
    std::vector<std::string> empty_folders;
    std::chrono::system_clock::time_point started;  // the JUnit timestamp

    std::size_t passed() const;
    std::size_t failed() const;  // failed and invalid cases, plus failed files
    /// Reached coverage items in percent (100 when there are none).
    core::Decimal coverage_percent() const;
};

/// Runs the test files named by `paths` (folders are searched recursively for *.test.yaml);
/// files run in byte order of their paths. Texts read are added to `sources`.
RuleTestRun run_rule_tests(const std::vector<std::filesystem::path>& paths, core::SourceSet& sources);

/// JUnit XML as CI servers read it (Jenkins, GitLab, GitHub reporters): one testsuite per file
/// with tests, failures, errors, skipped, time and timestamp; one testcase per case with its
/// time; a `failure` (message and text) for a case with unexpected results and an `error` for an
/// invalid case; files that could not run form a testsuite "files" of errors.
std::string junit_xml(const RuleTestRun& run, const core::SourceSet& sources);

}  // namespace parscore::engine
