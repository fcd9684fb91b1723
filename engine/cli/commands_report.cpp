// summary, gap and diff: the province's indicators, self-assessment against inspection, and a
// what-if under another rulebook.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/engine/diff.hpp"
#include "parscore/engine/gap.hpp"
#include "parscore/engine/report_xlsx.hpp"
#include "parscore/engine/summary.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

struct ReportOptions {
    std::string rules, with, year, category, basis = "all", format = "table", out;
    bool bom = false;
};

void add_common(CLI::App* cmd, ReportOptions& o, const std::vector<std::string>& formats) {
    cmd->add_option("--rules", o.rules, "rulebook file")->required();
    cmd->add_option("--year", o.year, "evaluation year")->required();
    cmd->add_option("--format", o.format, "output format")->check(CLI::IsMember(formats));
    cmd->add_option("--out", o.out, "write to FILE instead of stdout");
}

void add_basis(CLI::App* cmd, ReportOptions& o) {
    cmd->add_option("--basis", o.basis, "all | self | inspected (default all)")
        ->check(CLI::IsMember({"all", "self", "inspected"}));
}

engine::EvaluationRequest request_for(const ReportOptions& o) {
    engine::EvaluationRequest request;
    request.year = parse_year_option(o.year);
    request.basis = *engine::parse_basis(o.basis);
    if (!o.category.empty()) request.category = o.category;
    request.compare_previous = false;
    return request;
}

void print_warnings(Context& ctx, const std::vector<engine::Warning>& warnings) {
    for (const auto& w : warnings) ctx.err << "warning[" << w.code << "]: " << w.message << "\n";
}

int run_summary(Context& ctx, const ReportOptions& o) {
    if (o.format == "xlsx" && o.out.empty()) throw CliError(kUsage, "--format xlsx writes a file: give --out FILE");
    core::SourceSet sources;
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    engine::EvaluationRequest request = request_for(o);
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
    core::SourceSet sources;
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    engine::EvaluationRequest request = request_for(o);
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
    return kOk;
}

int run_diff(Context& ctx, const ReportOptions& o) {
    core::SourceSet sources;  // both rulebooks' files: their spans point into it
    rules::Rulebook before = load_rules(o.rules, ctx, sources);
    rules::Rulebook after = load_rules(o.with, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    engine::EvaluationRequest request = request_for(o);
    inspections::Store store = open_store(ctx, inspections::OpenMode::ReadOnly);
    engine::RulebookDiff diff;
    try {
        diff = engine::diff_rulebooks(before, after, store, request);
    } catch (const engine::NotCovered& e) {
        throw CliError(kInvalid, e.what());
    }
    write_output(ctx, o.out, o.format == "json" ? engine::render_diff_json(diff) : engine::render_diff_table(diff));
    print_warnings(ctx, diff.warnings);
    return kOk;
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
    static ReportOptions summary_options, gap_options, diff_options;

    CLI::App* summary = app.add_subcommand("summary", "the rulebook's indicators per category and overall (SPEC §4.6)");
    add_common(summary, summary_options, {"table", "json", "csv", "xlsx"});
    add_basis(summary, summary_options);
    summary->add_flag("--bom", summary_options.bom, "CSV: start with a UTF-8 byte-order mark");
    summary->callback([&ctx] { ctx.exit_code = run_summary(ctx, summary_options); });

    CLI::App* gap = app.add_subcommand("gap", "self-assessed against inspected points, unit by criterion");
    add_common(gap, gap_options, {"table", "json", "csv"});
    gap->add_option("--category", gap_options.category, "only this category");
    gap->add_flag("--bom", gap_options.bom, "CSV: start with a UTF-8 byte-order mark");
    gap->callback([&ctx] { ctx.exit_code = run_gap(ctx, gap_options); });

    CLI::App* diff = app.add_subcommand("diff", "what-if: the same evidence scored under another rulebook");
    add_common(diff, diff_options, {"table", "json"});
    diff->add_option("--with", diff_options.with, "the other rulebook")->required();
    diff->add_option("--category", diff_options.category, "only this category");
    add_basis(diff, diff_options);
    diff->callback([&ctx] { ctx.exit_code = run_diff(ctx, diff_options); });
}

}  // namespace parscore::cli
