// score and rank: one evaluation of a year, rendered as a table, JSON, CSV, HTML or Excel.
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/engine/evaluation.hpp"
#include "parscore/engine/explain.hpp"
#include "parscore/engine/report.hpp"
#include "parscore/engine/report_html.hpp"
#include "parscore/engine/report_xlsx.hpp"
#include "parscore/engine/summary.hpp"
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
    cmd->add_option("--rules", o.rules, "rulebook file")->required();
    cmd->add_option("--year", o.year, "evaluation year")->required();
    cmd->add_option("--category", o.category, "only this category");
    cmd->add_option("--basis", o.basis, "all | self | inspected (default all)")
        ->check(CLI::IsMember({"all", "self", "inspected"}));
    cmd->add_option("--format", o.format, "output format")->check(CLI::IsMember(formats));
    cmd->add_option("--out", o.out, "write to FILE instead of stdout");
    cmd->add_flag("--bom", o.bom, "CSV: start with a UTF-8 byte-order mark");
    cmd->add_flag("--timings", o.timings, "print phase timings to stderr");
    cmd->add_option("--threads", o.threads, "evaluation threads (default: all cores)");
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int run_evaluation(Context& ctx, const EvaluationOptions& o, bool ranking) {
    if (o.format == "xlsx" && o.out.empty()) throw CliError(kUsage, "--format xlsx writes a file: give --out FILE");
    refuse_bom_unless_csv(o.bom, o.format);
    core::SourceSet sources;
    auto start = std::chrono::steady_clock::now();
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    engine::EvaluationRequest request;
    request.year = parse_year_option(o.year);
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
    for (const auto& w : evaluation.warnings) ctx.err << "warning[" << w.code << "]: " << w.message << "\n";
    return kOk;
}

struct ExplainOptions {
    std::string rules, year, unit, criterion, basis = "all", format = "table", out;
};

int run_explain(Context& ctx, const ExplainOptions& o) {
    core::SourceSet sources;
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    refuse_output_over_inputs(ctx, "--out", o.out, sources);
    engine::EvaluationRequest request;
    request.year = parse_year_option(o.year);
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
    write_output(ctx, o.out, o.format == "json" ? engine::render_explanation_json(e) : engine::render_explanation(e));
    return kOk;
}

}  // namespace

void add_score_commands(CLI::App& app, Context& ctx) {
    static EvaluationOptions score_options, rank_options;

    CLI::App* score = app.add_subcommand("score", "score every unit of a year (SPEC §4)");
    add_evaluation_options(score, score_options, {"table", "json", "csv", "html", "xlsx"});
    score->add_option("--unit", score_options.unit, "only this unit");
    score->callback([&ctx] { ctx.exit_code = run_evaluation(ctx, score_options, false); });

    CLI::App* rank = app.add_subcommand("rank", "rank the units of each category by total");
    add_evaluation_options(rank, rank_options, {"table", "json", "csv", "html", "xlsx"});
    rank->callback([&ctx] { ctx.exit_code = run_evaluation(ctx, rank_options, true); });

    static ExplainOptions explain_options;
    CLI::App* explain = app.add_subcommand("explain", "why a unit got its points, criterion by criterion");
    explain->add_option("--rules", explain_options.rules, "rulebook file")->required();
    explain->add_option("--year", explain_options.year, "evaluation year")->required();
    explain->add_option("--unit", explain_options.unit, "the unit")->required();
    explain->add_option("--criterion", explain_options.criterion, "only this criterion (full id, e.g. tthc.niem_yet)");
    explain->add_option("--basis", explain_options.basis, "all | self | inspected (default all)")
        ->check(CLI::IsMember({"all", "self", "inspected"}));
    explain->add_option("--format", explain_options.format, "table or json")->check(CLI::IsMember({"table", "json"}));
    explain->add_option("--out", explain_options.out, "write to FILE instead of stdout");
    explain->callback([&ctx] { ctx.exit_code = run_explain(ctx, explain_options); });
}

}  // namespace parscore::cli
