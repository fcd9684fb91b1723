#include "parscore/app/rulebook_checks.hpp"

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/files.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::app {

CheckResult check(const CheckRequest& request) {
    require_without_store(request, Action::DraftRules);
    CheckResult result;
    bool io_failure = false;
    auto add = [&result](CheckResult::Checked checked) {
        result.errors += checked.diagnostics.error_count();
        result.warnings += checked.diagnostics.warning_count();
        result.rulebooks.push_back(std::move(checked));
    };
    if (request.draft) {
        // A draft is read from memory: it has no file to fail to read.
        const DraftRulebook draft = normalised_draft(*request.draft);
        CheckResult::Checked checked{draft.front().path, {}};
        const rules::LoadOutcome outcome = load_draft(draft, result.sources, checked.diagnostics);
        if (outcome.rulebook) refuse_unused_files(draft, *outcome.rulebook);
        add(std::move(checked));
    }
    // Each rulebook is loaded on its own (a shared parent is checked with each child); rulebooks
    // keep their argument order.
    for (const std::string& path : request.rulebooks) {
        CheckResult::Checked checked{path, {}};
        io_failure = rules::load_rulebook(path, result.sources, checked.diagnostics).io_failure || io_failure;
        add(std::move(checked));
    }
    if (io_failure) {
        result.failure = ErrorKind::Io;
    } else if (result.errors > 0 || (request.werror && result.warnings > 0)) {
        result.failure = ErrorKind::Invalid;
    }
    log_info(request, "{} checked", core::count_of(result.rulebooks.size(), "rulebook"));
    return result;
}

namespace {

std::optional<Error> write_junit(const TestRequest& request, const TestResult& result) {
    try {
        refuse_output_over_inputs("--junit", request.junit, {&result.sources}, nullptr);
        write_text_atomically(*request.junit, engine::junit_xml(result.run, result.sources));
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

}  // namespace

TestResult test(const TestRequest& request) {
    require_without_store(request, Action::DraftRules);
    TestResult result;
    result.run = engine::run_rule_tests(request.paths, result.sources);
    const engine::RuleTestRun& run = result.run;
    if (request.junit) result.junit_error = write_junit(request, result);
    if (run.io_failure) {
        result.failure = ErrorKind::Io;
    } else if (run.failed() > 0 || run.no_test_files) {
        result.failure = ErrorKind::Invalid;
    } else if (request.coverage_min && run.coverage_percent() < *request.coverage_min) {
        result.shortfall = Error(ErrorKind::Invalid, core::T_("coverage {coverage}% is below the required {min}%",
                                                              {{"coverage", run.coverage_percent().to_string()},
                                                               {"min", request.coverage_min->to_string()}}));
    }
    log_info(request, "{} passed, {} failed", run.passed(), run.failed());
    return result;
}

}  // namespace parscore::app
