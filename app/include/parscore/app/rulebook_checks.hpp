#pragma once
// Checking rulebooks (check) and running their rule tests (test, docs/rule-authoring.md). Neither
// opens a database. Both report what they found in the result rather than throwing: the front end
// shows every diagnostic and failing case, then `failure` says how the run ended.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/draft_rulebook.hpp"
#include "parscore/app/error.hpp"
#include "parscore/app/request.hpp"
#include "parscore/core/decimal.hpp"
#include "parscore/rule_tests/rule_tests.hpp"

namespace parscore::app {

// check and test read no database; acting as an account (--as), they open `database` only to
// read its rights.
struct CheckRequest : StoreRequest {
    std::vector<std::string> rulebooks;  // each checked on its own, with the files it extends
    std::optional<DraftRulebook> draft;  // instead of `rulebooks`: one rulebook sent as text
    bool werror = false;                 // warnings fail the check
};

struct CheckResult {
    struct Checked {
        std::string path;
        core::Diagnostics diagnostics;  // sorted
    };
    std::vector<Checked> rulebooks;  // in the request's order
    core::SourceSet sources;         // every file read; the diagnostics point into it
    std::size_t errors = 0, warnings = 0;
    /// Io when a rulebook cannot be read, Invalid for errors (or warnings with werror).
    std::optional<ErrorKind> failure;
};

CheckResult check(const CheckRequest& request);

/// `check --format json`: one array of {file, line, column, end_line, end_column, code, severity,
/// message}, every rulebook's diagnostics in order, indented by 2, with a final line feed.
std::string check_json(const CheckResult& result);

/// An Error's diagnostics (a rulebook that does not load) as check_json gives them; `path` names
/// a diagnostic without a position.
std::string problems_json(const Problems& problems, const std::string& path);

struct TestRequest : StoreRequest {
    std::vector<std::filesystem::path> paths;   // test files or folders
    std::optional<std::string> junit;           // also write JUnit XML to this file
    std::optional<core::Decimal> coverage_min;  // percent, 0–100
};

struct TestResult {
    engine::RuleTestRun run;
    core::SourceSet sources;  // every file read; spans point into it
    /// Why the JUnit report was not written (over an input, or an I/O failure); the run's own
    /// report is still complete.
    std::optional<Error> junit_error;
    /// Io when a path cannot be read, Invalid for a failing case or a folder without tests.
    std::optional<ErrorKind> failure;
    /// Coverage below coverage_min (checked only when nothing else failed).
    std::optional<Error> shortfall;
};

TestResult test(const TestRequest& request);

}  // namespace parscore::app
