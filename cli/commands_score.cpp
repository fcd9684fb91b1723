// score and rank: one evaluation of a year, rendered as a table, JSON, CSV, HTML or Excel.
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/analyses/explain.hpp"
#include "parscore/analyses/summary.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/reports/report_html.hpp"
#include "parscore/reports/report_xlsx.hpp"
#include "parscore/scoring/evaluation.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

struct EvaluationOptions {
    std::string rules;
    std::string year;
    std::string unit;
    std::string category;
    std::string basis = "all";
    std::string format = "table";
    std::string out;
    bool bom = false;
    bool timings = false;
    unsigned threads = 0;
};

void add_evaluation_options(CLI::App* cmd, EvaluationOptions& o, const std::vector<std::string>& formats) {
    add_rules_option(cmd, o.rules);
    add_year_option(cmd, o.year);
    add_category_option(cmd, o.category);
    add_basis_option(cmd, o.basis);
    add_format_option(cmd, o.format, formats);
    add_out_option(cmd, o.out);
    add_bom_option(cmd, o.bom);
    cmd->add_flag("--timings", o.timings, "Print phase timings to stderr");
    cmd->add_option("--threads", o.threads, "Evaluation threads (default: all cores)");
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The table has no room for each unit's warnings: it says how many units have some.
void print_unit_warning_count(Context& ctx, const engine::Evaluation& evaluation) {
    std::size_t units = 0;
    for (const engine::UnitResult& u : evaluation.units) units += u.warnings.empty() ? 0 : 1;
    if (units > 0) {
        ctx.err << core::count_of(units, "unit") << (units == 1 ? " has" : " have") << " warnings; see explain\n";
    }
}

int run_evaluation(Context& ctx, const EvaluationOptions& o, bool ranking) {
    if (o.format == "xlsx" && o.out.empty()) {
        throw CliError(kUsage, "--format xlsx: expected --out FILE (a workbook is not written to stdout)");
    }
    refuse_bom_unless_csv(o.bom, o.format);
    engine::EvaluationRequest request;
    request.year = parse_year_option(o.year);
    core::SourceSet sources;
    auto start = std::chrono::steady_clock::now();
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    request.basis = *engine::parse_basis(o.basis);
    if (!o.unit.empty()) request.unit = o.unit;
    if (!o.category.empty()) request.category = o.category;
    request.by_rank = ranking;
    request.threads = o.threads;
    inspections::Store store = open_store(ctx, inspections::OpenMode::ReadOnly);

    engine::Timings timings;
    engine::Evaluation evaluation;
    try {
        evaluation = engine::evaluate(rulebook, store, request, &timings);
    } catch (const engine::NotCovered& e) {
        throw CliError(kInvalid, e.what());
    }
    timings.load_ms += ms_since(start) - timings.load_ms - timings.evaluate_ms - timings.rank_ms;

    auto t_out = std::chrono::steady_clock::now();
    std::string text;
    if (o.format == "json") {
        // Streamed: a country's results are tens of megabytes.
        write_output_stream(ctx, o.out, [&](std::ostream& os) {
            engine::write_json(rulebook, evaluation, [&](std::string_view piece) {
                os.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            });
        });
    } else if (o.format == "csv") {
        text = engine::render_csv(rulebook, evaluation, o.bom);
    } else if (o.format == "html" || o.format == "xlsx") {
        // Both carry the province-wide indicators beside the results.
        engine::Summary summary = engine::summarize(rulebook, store, request);
        if (o.format == "html") {
            text = engine::render_html(rulebook, evaluation, &summary, ranking);
        } else {
            write_file_atomically(o.out, [&](const std::filesystem::path& tmp) {
                try {
                    engine::write_xlsx(rulebook, evaluation, &summary, tmp);
                } catch (const engine::WorkbookError& e) {
                    throw CliError(kIo, e.what());
                }
            });
        }
    } else {
        text = engine::render_table(rulebook, evaluation, ranking);
    }
    if (o.format != "xlsx" && o.format != "json") write_output(ctx, o.out, text);
    ctx.out.flush();
    if (o.timings) {
        char line[160];
        std::snprintf(line, sizeof line, "timings: load=%.1f evaluate=%.1f rank=%.1f output=%.1f\n", timings.load_ms,
                      timings.evaluate_ms, timings.rank_ms, ms_since(t_out));
        ctx.err << line;
    }
    print_warnings(ctx, evaluation.warnings);
    if (o.format == "table") print_unit_warning_count(ctx, evaluation);
    return kOk;
}

struct ExplainOptions {
    std::string rules, year, unit, criterion, basis = "all", format = "table", out;
};

int run_explain(Context& ctx, const ExplainOptions& o) {
    engine::EvaluationRequest request;
    request.year = parse_year_option(o.year);
    core::SourceSet sources;
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    request.basis = *engine::parse_basis(o.basis);
    request.unit = o.unit;
    inspections::Store store = open_store(ctx, inspections::OpenMode::ReadOnly);
    std::optional<std::string> criterion;
    if (!o.criterion.empty()) criterion = o.criterion;
    engine::Explanation e;
    try {
        e = engine::explain(rulebook, sources, store, request, criterion);
    } catch (const engine::NotCovered& error) {
        throw CliError(kInvalid, error.what());
    }
    write_output(ctx, o.out, o.format == "json" ? engine::render_explanation_json(e) : engine::render_explanation(rulebook, e));
    print_warnings(ctx, e.warnings);
    return kOk;
}

}  // namespace

void add_score_commands(CLI::App& app, Context& ctx) {
    auto& score_options = ctx.own<EvaluationOptions>();
    auto& rank_options = ctx.own<EvaluationOptions>();

    CLI::App* score = app.add_subcommand("score", "Score every unit of a year");
    add_evaluation_options(score, score_options, {"table", "json", "csv", "html", "xlsx"});
    score->add_option("--unit", score_options.unit, "Only this unit");
    score->callback([&ctx, &score_options] { ctx.exit_code = run_evaluation(ctx, score_options, false); });

    CLI::App* rank = app.add_subcommand("rank", "Rank the units of each category by total");
    add_evaluation_options(rank, rank_options, {"table", "json", "csv", "html", "xlsx"});
    rank->callback([&ctx, &rank_options] { ctx.exit_code = run_evaluation(ctx, rank_options, true); });

    auto& explain_options = ctx.own<ExplainOptions>();
    CLI::App* explain = app.add_subcommand("explain", "Why a unit got its points, item by item");
    add_rules_option(explain, explain_options.rules);
    add_year_option(explain, explain_options.year);
    explain->add_option("--unit", explain_options.unit, "Unit id")->required();
    explain->add_option("--criterion", explain_options.criterion,
                        "Only this criterion (full id, e.g. tthc.niem_yet), deduction, bonus or band cap");
    add_basis_option(explain, explain_options.basis);
    add_format_option(explain, explain_options.format, {"table", "json"});
    add_out_option(explain, explain_options.out);
    explain->callback([&ctx, &explain_options] { ctx.exit_code = run_explain(ctx, explain_options); });
}

}  // namespace parscore::cli
