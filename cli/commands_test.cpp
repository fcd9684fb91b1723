// parscore test: rule tests (docs/rule-authoring.md). Prints each failing case with expected vs actual, the
// coverage report on request, then "N passed, M failed". Never opens a database.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "failure.hpp"
#include "parscore/app/rulebook_checks.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/format.hpp"
#include "parscore/i18n/translate.hpp"

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

/// "80", "80%" or "72.5": a percentage from 0 to 100.
std::optional<core::Decimal> parse_percentage(const std::string& option) {
    if (option.empty()) return std::nullopt;
    std::string text = option;
    if (text.back() == '%') text.pop_back();
    std::optional<core::Decimal> minimum = core::Decimal::parse(text);
    if (!minimum || minimum->is_negative() || *minimum > *core::Decimal::from_int(100)) {
        throw CliError(kUsage, core::T_("--coverage-min: expected a percentage from 0 to 100, found '{value}'",
                                        {{"value", core::sanitize_utf8(option)}}));
    }
    return minimum;
}

void write_case(Context& ctx, const core::SourceSet& sources, const engine::CaseOutcome& c) {
    const i18n::Args where = {{"position", position(sources, c.span)}, {"name", c.name}};
    ctx.out << (c.result == engine::CaseOutcome::Result::Invalid
                    ? i18n::tr(ctx.lang, "FAIL {position}: {name} (invalid case)", where)
                    : i18n::tr(ctx.lang, "FAIL {position}: {name}", where))
            << "\n";
    for (const auto& d : c.differences) {
        ctx.out << "  "
                << i18n::tr(ctx.lang, "{item}: expected {expected}, got {actual}",
                            {{"item", d.item}, {"expected", d.expected}, {"actual", d.actual}})
                << "\n";
    }
    if (!c.problems.empty()) ctx.err << core::render_all(c.problems, sources, i18n::localizer(ctx.lang));
}

void write_failures(Context& ctx, const app::TestResult& result) {
    const engine::RuleTestRun& run = result.run;
    for (const core::Text& m : run.io_messages) ctx.err << "parscore: error: " << i18n::localize(ctx.lang, m) << "\n";
    for (const std::string& f : run.empty_folders) {
        ctx.err << "parscore: error: " << i18n::tr(ctx.lang, "no *.test.yaml files in '{folder}'", {{"folder", f}})
                << "\n";
    }
    ctx.err << core::render_all(run.diagnostics, result.sources, i18n::localizer(ctx.lang));
    for (const engine::CaseOutcome& c : run.cases) {
        if (c.result != engine::CaseOutcome::Result::Passed) write_case(ctx, result.sources, c);
    }
}

// The items no case reached (with --coverage), then the share reached.
void write_coverage(Context& ctx, const app::TestResult& result, bool list) {
    std::size_t unreached = 0;
    for (const engine::CoverageItem& item : result.run.coverage) {
        if (item.reached) continue;
        if (list) {
            ctx.out << i18n::tr(ctx.lang, "not reached: {rulebook}: {item} ({position})",
                                {{"rulebook", item.rulebook},
                                 {"item", i18n::localize(ctx.lang, item.what)},
                                 {"position", position(result.sources, item.span)}})
                    << "\n";
        }
        ++unreached;
    }
    const std::size_t items = result.run.coverage.size();
    ctx.out << i18n::trn(ctx.lang, "coverage: {percent} ({reached} of {n} item reached)",
                         "coverage: {percent} ({reached} of {n} items reached)", items,
                         {{"percent", i18n::localize_number(ctx.lang, result.run.coverage_percent().to_string()) + "%"},
                          {"reached", std::to_string(items - unreached)}})
            << "\n";
}

void run_test(Context& ctx, const TestOptions& o) {
    auto request = ctx.request<app::TestRequest>();
    request.coverage_min = parse_percentage(o.coverage_min);
    request.paths.assign(o.paths.begin(), o.paths.end());
    if (!o.junit.empty()) request.junit = o.junit;
    const app::TestResult result = app::test(request);
    write_failures(ctx, result);
    if (o.coverage || request.coverage_min) write_coverage(ctx, result, o.coverage);
    if (result.junit_error) throw *result.junit_error;
    ctx.out << i18n::tr(ctx.lang, "{passed} passed, {failed} failed",
                        {{"passed", std::to_string(result.run.passed())},
                         {"failed", std::to_string(result.run.failed())}})
            << "\n";
    if (result.failure) ctx.exit_code = exit_code(*result.failure);
    if (result.shortfall) throw *result.shortfall;
}

}  // namespace

void add_test_command(CLI::App& app, Context& ctx) {
    auto& options = ctx.own<TestOptions>();
    CLI::App* test = app.add_subcommand("test",
                                        i18n::tr(ctx.lang, "Run rule tests (*.test.yaml files; folders are searched)"));
    test->add_option("PATH", options.paths, i18n::tr(ctx.lang, "Test files or folders"))->required();
    test->add_option("--junit", options.junit, i18n::tr(ctx.lang, "Also write JUnit XML to FILE"));
    test->add_flag("--coverage", options.coverage,
                   i18n::tr(ctx.lang, "List criteria, deductions, bonuses, band caps and steps arms no case reached"));
    test->add_option("--coverage-min", options.coverage_min,
                     i18n::tr(ctx.lang, "Fail when coverage is below P percent"));
    test->callback([&options, &ctx] { run_test(ctx, options); });
}

}  // namespace parscore::cli
