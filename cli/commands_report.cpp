// summary, gap and diff: the province's indicators, self-assessment against inspection, and a
// what-if under another rulebook.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/analyses/diff.hpp"
#include "parscore/analyses/gap.hpp"
#include "parscore/analyses/summary.hpp"
#include "parscore/reports/report_xlsx.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

struct ReportOptions {
    std::string rules, with, year, category, basis = "all", format = "table", out;
    bool bom = false;
};

void add_common(CLI::App* cmd, ReportOptions& o, const std::vector<std::string>& formats) {
    add_rules_option(cmd, o.rules);
    add_year_option(cmd, o.year);
    add_format_option(cmd, o.format, formats);
    add_out_option(cmd, o.out);
}

engine::EvaluationRequest request_for(const ReportOptions& o) {
    engine::EvaluationRequest request;
    request.year = parse_year_option(o.year);
    request.basis = *engine::parse_basis(o.basis);
    if (!o.category.empty()) request.category = o.category;
    request.compare_previous = false;
    return request;
}

int run_summary(Context& ctx, const ReportOptions& o) {
    if (o.format == "xlsx" && o.out.empty()) {
        throw CliError(kUsage, "--format xlsx: expected --out FILE (a workbook is not written to stdout)");
    }
    engine::EvaluationRequest request = request_for(o);  // a malformed year is a usage error, found first
    core::SourceSet sources;
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    inspections::Store store = open_store(ctx, inspections::OpenMode::ReadOnly);
    engine::Summary summary = engine::summarize(rulebook, store, request);
    if (o.format == "xlsx") {
        try {
            engine::write_summary_xlsx(rulebook, summary, o.out);
        } catch (const engine::WorkbookError& e) {
            throw CliError(kIo, e.what());
        }
    } else {
        write_output(ctx, o.out, o.format == "json"  ? engine::render_summary_json(summary)
                                 : o.format == "csv" ? engine::render_summary_csv(summary, o.bom)
                                                     : engine::render_summary_table(summary));
    }
    print_warnings(ctx, summary.warnings);
    return kOk;
}

int run_gap(Context& ctx, const ReportOptions& o) {
    refuse_bom_unless_csv(o.bom, o.format);
    engine::EvaluationRequest request = request_for(o);  // a malformed year is a usage error, found first
    core::SourceSet sources;
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    inspections::Store store = open_store(ctx, inspections::OpenMode::ReadOnly);
    engine::GapReport report;
    try {
        report = engine::gap(rulebook, store, request);
    } catch (const engine::NotCovered& e) {
        throw CliError(kInvalid, e.what());
    }
    std::string text = o.format == "json"  ? engine::render_gap_json(report)
                       : o.format == "csv" ? engine::render_gap_csv(report, o.bom)
                                           : engine::render_gap_table(rulebook, report);
    write_output(ctx, o.out, text);
    print_warnings(ctx, report.warnings);
    return kOk;
}

int run_diff(Context& ctx, const ReportOptions& o) {
    engine::EvaluationRequest request = request_for(o);
    core::SourceSet sources;  // both rulebooks' files: their spans point into it
    rules::Rulebook before = load_rules(o.rules, ctx, sources);
    rules::Rulebook after = load_rules(o.with, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    inspections::Store store = open_store(ctx, inspections::OpenMode::ReadOnly);
    engine::RulebookDiff diff;
    try {
        diff = engine::diff_rulebooks(before, after, store, request);
    } catch (const engine::NotCovered& e) {
        throw CliError(kInvalid, e.what());
    }
    write_output(ctx, o.out, o.format == "json" ? engine::render_diff_json(diff) : engine::render_diff_table(before, after, diff));
    print_warnings(ctx, diff.warnings);
    return kOk;
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
    auto& summary_options = ctx.own<ReportOptions>();
    auto& gap_options = ctx.own<ReportOptions>();
    auto& diff_options = ctx.own<ReportOptions>();

    CLI::App* summary = app.add_subcommand("summary", "The rulebook's indicators per category and overall");
    add_common(summary, summary_options, {"table", "json", "csv", "xlsx"});
    add_basis_option(summary, summary_options.basis);
    add_bom_option(summary, summary_options.bom);
    summary->callback([&ctx, &summary_options] { ctx.exit_code = run_summary(ctx, summary_options); });

    CLI::App* gap = app.add_subcommand("gap", "Self-assessed against inspected points, unit by criterion");
    add_common(gap, gap_options, {"table", "json", "csv"});
    add_category_option(gap, gap_options.category);
    add_bom_option(gap, gap_options.bom);
    gap->callback([&ctx, &gap_options] { ctx.exit_code = run_gap(ctx, gap_options); });

    CLI::App* diff = app.add_subcommand("diff", "What-if: the same evidence scored under another rulebook");
    add_common(diff, diff_options, {"table", "json"});
    diff->add_option("--with", diff_options.with, "The other rulebook")->required();
    add_category_option(diff, diff_options.category);
    add_basis_option(diff, diff_options.basis);
    diff->callback([&ctx, &diff_options] { ctx.exit_code = run_diff(ctx, diff_options); });
}

}  // namespace parscore::cli
