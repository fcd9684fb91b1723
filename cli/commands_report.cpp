// summary, gap, diff and report: the province's indicators, self-assessment against inspection,
// a what-if under another rulebook, and the yearly report.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/app/analyses.hpp"
#include "parscore/app/error.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/app/yearly_report.hpp"
#include "parscore/reports/report_xlsx.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

struct ReportOptions {
    std::string rules, with, year, category, basis = "all", out, config;
    app::Format format = app::Format::Table;
    bool bom = false;
};

void add_common(CLI::App* cmd, ReportOptions& o, const std::vector<app::Format>& formats) {
    add_rules_option(cmd, o.rules);
    add_year_option(cmd, o.year);
    add_format_option(cmd, o.format, formats);
    add_out_option(cmd, o.out);
}

template <class R> R report_request(const Context& ctx, const ReportOptions& o) {
    auto request = ctx.request<R>();
    request.rules = o.rules;
    request.year = parse_year_option(o.year);
    request.basis = parse_basis_option(o.basis);
    request.out = given(o.out);
    return request;
}

void run_summary(Context& ctx, const ReportOptions& o) {
    app::require_file_for_xlsx(o.format, given(o.out));  // before the year's text is read, as always
    auto request = report_request<app::SummaryRequest>(ctx, o);
    request.format = o.format;
    request.bom = o.bom;
    const app::SummaryResult result = app::summary(request);
    const engine::Summary& summary = result.summary;
    switch (o.format) {
        case app::Format::Xlsx: try { engine::write_summary_xlsx(result.rulebook.rulebook, summary, o.out, ctx.lang);
            } catch (const engine::WorkbookError& e) {
                throw app::Error(app::ErrorKind::Io, e.text);
            }
            break;
        case app::Format::Json: write_output(ctx, o.out, engine::render_summary_json(summary)); break;
        case app::Format::Csv: write_output(ctx, o.out, engine::render_summary_csv(summary, o.bom)); break;
        default: write_output(ctx, o.out, engine::render_summary_table(summary, ctx.lang)); break;
    }
    print_warnings(ctx, summary.warnings);
}

void run_gap(Context& ctx, const ReportOptions& o) {
    app::refuse_bom_unless_csv(o.bom, o.format);  // before the year's text is read, as always
    auto request = report_request<app::GapRequest>(ctx, o);
    request.category = given(o.category);
    request.format = o.format;
    request.bom = o.bom;
    const app::GapResult result = app::gap(request);
    switch (o.format) {
        case app::Format::Json: write_output(ctx, o.out, engine::render_gap_json(result.report)); break;
        case app::Format::Csv: write_output(ctx, o.out, engine::render_gap_csv(result.report, o.bom)); break;
        default:
            write_output(ctx, o.out, engine::render_gap_table(result.rulebook.rulebook, result.report, ctx.lang));
            break;
    }
    print_warnings(ctx, result.report.warnings);
}

void run_diff(Context& ctx, const ReportOptions& o) {
    auto request = report_request<app::DiffRequest>(ctx, o);
    request.with = o.with;
    request.category = given(o.category);
    const app::DiffResult result = app::diff(request);
    write_output(ctx, o.out,
                 o.format == app::Format::Json
                     ? engine::render_diff_json(result.diff)
                     : engine::render_diff_table(result.before.rulebook, result.after.rulebook, result.diff, ctx.lang));
    print_warnings(ctx, result.diff.warnings);
}

void run_yearly_report(Context& ctx, const ReportOptions& o) {
    auto request = ctx.request<app::YearlyReportRequest>();
    request.rules = o.rules;
    request.year = parse_year_option(o.year);
    request.basis = parse_basis_option(o.basis);
    request.format = o.format;
    request.lang = ctx.lang;
    request.config = given(o.config);
    request.out = given(o.out);
    const app::YearlyReport report = app::yearly_report(request);
    write_output(ctx, o.out, report.bytes);
    print_warnings(ctx, report.warnings);
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
    using F = app::Format;
    auto& summary_options = ctx.own<ReportOptions>();
    CLI::App* summary = app.add_subcommand("summary",
                                           i18n::tr(ctx.lang, "The rulebook's indicators per category and overall"));
    add_common(summary, summary_options, {F::Table, F::Json, F::Csv, F::Xlsx});
    add_basis_option(summary, summary_options.basis);
    add_bom_option(summary, summary_options.bom);
    summary->callback([&ctx, &summary_options] { run_summary(ctx, summary_options); });

    auto& gap_options = ctx.own<ReportOptions>();
    CLI::App* gap = app.add_subcommand("gap",
                                       i18n::tr(ctx.lang, "Self-assessed against inspected points, unit by criterion"));
    add_common(gap, gap_options, {F::Table, F::Json, F::Csv});
    add_category_option(gap, gap_options.category);
    add_bom_option(gap, gap_options.bom);
    gap->callback([&ctx, &gap_options] { run_gap(ctx, gap_options); });

    auto& diff_options = ctx.own<ReportOptions>();
    CLI::App* diff = app.add_subcommand("diff",
                                        i18n::tr(ctx.lang, "What-if: the same evidence scored under another rulebook"));
    add_common(diff, diff_options, {F::Table, F::Json});
    diff->add_option("--with", diff_options.with, i18n::tr(ctx.lang, "The other rulebook"))->required();
    add_category_option(diff, diff_options.category);
    add_basis_option(diff, diff_options.basis);
    diff->callback([&ctx, &diff_options] { run_diff(ctx, diff_options); });

    auto& yearly_options = ctx.own<ReportOptions>();
    CLI::App* yearly =
        app.add_subcommand("report",
                           i18n::tr(ctx.lang, "The province's yearly report, drafted from the evidence (HTML or PDF)"));
    add_common(yearly, yearly_options, {F::Html, F::Pdf});
    add_basis_option(yearly, yearly_options.basis);
    yearly->add_option("--config", yearly_options.config,
                       i18n::tr(ctx.lang,
                                "The report's config: issuing body, number, place, date, signer, recipients"));
    yearly->callback([&ctx, &yearly_options] { run_yearly_report(ctx, yearly_options); });
}

}  // namespace parscore::cli
