// parscore test: rule tests (docs/rule-authoring.md). Prints each failing case with expected vs actual, the
// coverage report on request, then "N passed, M failed". Never opens a database.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/rule_tests/rule_tests.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

struct TestOptions {
    std::vector<std::string> paths;
    std::string junit;
    bool coverage = false;
    std::string coverage_min;
};

std::string position(const core::SourceSet& sources, const std::optional<core::Span>& span) {
    if (!span) return "";
    const auto& file = sources.file(span->file);
    auto at = file.location(span->begin);
    return file.name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

int run_test(const TestOptions& o, Context& ctx) {
    std::optional<core::Decimal> minimum;
    if (!o.coverage_min.empty()) {
        std::string text = o.coverage_min;
        if (text.back() == '%') text.pop_back();
        minimum = core::Decimal::parse(text);
        if (!minimum || minimum->is_negative() || *minimum > *core::Decimal::from_int(100)) {
            throw CliError(kUsage, "--coverage-min: expected a percentage from 0 to 100, found '" +
                                       core::sanitize_utf8(o.coverage_min) + "'");
        }
    }
    std::vector<std::filesystem::path> paths(o.paths.begin(), o.paths.end());
    core::SourceSet sources;
    engine::RuleTestRun run = engine::run_rule_tests(paths, sources);

    for (const std::string& m : run.io_messages) ctx.err << "parscore: error: " << m << "\n";
    for (const std::string& f : run.empty_folders) ctx.err << "parscore: error: no *.test.yaml files in '" << f << "'\n";
    ctx.err << core::render_all(run.diagnostics, sources);
    for (const engine::CaseOutcome& c : run.cases) {
        if (c.result == engine::CaseOutcome::Result::Passed) continue;
        ctx.out << "FAIL " << position(sources, c.span) << ": " << c.name
                << (c.result == engine::CaseOutcome::Result::Invalid ? " (invalid case)" : "") << "\n";
        for (const auto& d : c.differences) {
            ctx.out << "  " << d.item << ": expected " << d.expected << ", got " << d.actual << "\n";
        }
        if (!c.problems.empty()) ctx.err << core::render_all(c.problems, sources);
    }
    if (o.coverage || minimum) {
        std::size_t unreached = 0;
        for (const engine::CoverageItem& item : run.coverage) {
            if (item.reached) continue;
            if (o.coverage) {
                ctx.out << "not reached: " << item.rulebook << ": " << item.description << " (" << position(sources, item.span)
                        << ")\n";
            }
            ++unreached;
        }
        ctx.out << "coverage: " << run.coverage_percent().to_string() << "% (" << run.coverage.size() - unreached << " of "
                << core::count_of(run.coverage.size(), "item") << " reached)\n";
    }
    if (!o.junit.empty()) {
        refuse_output_over_inputs(ctx, "--junit", o.junit, sources, false);
        write_output(ctx, o.junit, engine::junit_xml(run, sources));
    }
    ctx.out << run.passed() << " passed, " << run.failed() << " failed\n";
    if (run.io_failure) return kIo;
    if (run.failed() > 0 || run.no_test_files) return kInvalid;
    if (minimum && run.coverage_percent() < *minimum) {
        ctx.err << "parscore: error: coverage " << run.coverage_percent().to_string() << "% is below the required "
                << minimum->to_string() << "%\n";
        return kInvalid;
    }
    return kOk;
}

}  // namespace

void add_test_command(CLI::App& app, Context& ctx) {
    auto options = std::make_shared<TestOptions>();
    CLI::App* test = app.add_subcommand("test", "Run rule tests (*.test.yaml files; folders are searched)");
    test->add_option("PATH", options->paths, "Test files or folders")->required();
    test->add_option("--junit", options->junit, "Also write JUnit XML to FILE");
    test->add_flag("--coverage", options->coverage, "List criteria, deductions, bonuses, band caps and steps arms no case reached");
    test->add_option("--coverage-min", options->coverage_min, "Fail when coverage is below P percent");
    test->callback([options, &ctx]() { ctx.exit_code = run_test(*options, ctx); });
}

}  // namespace parscore::cli
