// score and rank: one evaluation of a year, rendered as a table, JSON, CSV, HTML or Excel; explain:
// why a unit got its points.
#include <chrono>
#include <cstdio>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/app/analyses.hpp"
#include "parscore/app/error.hpp"
#include "parscore/app/evaluation.hpp"
#include "parscore/app/files.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/reports/report_html.hpp"
#include "parscore/reports/report_xlsx.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

struct EvaluationOptions {
    std::string rules;
    std::string year;
    std::string unit;
    std::string category;
    std::string basis = "all";
    app::Format format = app::Format::Table;
    std::string out;
    bool bom = false;
    bool timings = false;
    unsigned threads = 0;
};

void add_evaluation_options(CLI::App* cmd, EvaluationOptions& o) {
    add_rules_option(cmd, o.rules);
    add_year_option(cmd, o.year);
    add_category_option(cmd, o.category);
    add_basis_option(cmd, o.basis);
    using F = app::Format;
    add_format_option(cmd, o.format, {F::Table, F::Json, F::Csv, F::Html, F::Xlsx});
    add_out_option(cmd, o.out);
    add_bom_option(cmd, o.bom);
    cmd->add_flag("--timings", o.timings, i18n::tr(help_language(*cmd), "Print phase timings to stderr"));
    add_threads_option(cmd, o.threads, "Evaluation");
}

template <class R> R evaluation_request(const Context& ctx, const EvaluationOptions& o) {
    // The product's rules about outputs come before the year's text is read, as they always did.
    app::require_file_for_xlsx(o.format, given(o.out));
    app::refuse_bom_unless_csv(o.bom, o.format);
    auto r = ctx.request<R>();
    r.format = o.format;
    r.out = given(o.out);
    r.bom = o.bom;
    r.year = parse_year_option(o.year);
    r.rules = o.rules;
    r.basis = parse_basis_option(o.basis);
    r.category = given(o.category);
    r.threads = o.threads;
    return r;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The table has no room for each unit's warnings: it says how many units have some.
void print_unit_warning_count(Context& ctx, const engine::Evaluation& evaluation) {
    std::size_t units = 0;
    for (const engine::UnitResult& u : evaluation.units) units += u.warnings.empty() ? 0 : 1;
    if (units > 0) {
        ctx.err << i18n::trn(ctx.lang, "{n} unit has warnings; see explain", "{n} units have warnings; see explain",
                             units)
                << "\n";
    }
}

/// One writer per format.
void write_evaluation(Context& ctx, const app::EvaluationResult& r, const EvaluationOptions& o, bool ranking) {
    const rules::Rulebook& rulebook = r.rulebook.rulebook;
    switch (o.format) {
        case app::Format::Json:  // streamed: a country's results are tens of megabytes
            write_output_stream(ctx, o.out, [&](std::ostream& os) {
                engine::write_json(rulebook, r.evaluation, [&](std::string_view piece) {
                    os.write(piece.data(), static_cast<std::streamsize>(piece.size()));
                });
            });
            break;
        case app::Format::Csv: write_output(ctx, o.out, engine::render_csv(rulebook, r.evaluation, o.bom)); break;
        case app::Format::Html:
            write_output(ctx, o.out, engine::render_html(rulebook, r.evaluation, &*r.summary, ranking, ctx.lang));
            break;
        case app::Format::Xlsx:
            app::write_file_atomically(o.out, [&](const std::filesystem::path& tmp) {
                try {
                    engine::write_xlsx(rulebook, r.evaluation, &*r.summary, tmp, ctx.lang);
                } catch (const engine::WorkbookError& e) {
                    throw app::Error(app::ErrorKind::Io, e.text);
                }
            });
            break;
        default: write_output(ctx, o.out, engine::render_table(rulebook, r.evaluation, ranking, ctx.lang)); break;
    }
}

void run_evaluation(Context& ctx, const EvaluationOptions& o, bool ranking) {
    const app::EvaluationResult result = ranking ? app::rank(evaluation_request<app::RankRequest>(ctx, o)) : [&] {
        auto request = evaluation_request<app::ScoreRequest>(ctx, o);
        request.unit = given(o.unit);
        return app::score(request);
    }();
    const auto t_out = std::chrono::steady_clock::now();
    write_evaluation(ctx, result, o, ranking);
    ctx.out.flush();
    ctx.log->info("{} written in {:.1f} ms", app::format_name(o.format), ms_since(t_out));
    if (o.timings) {
        const engine::Timings& t = result.timings;
        char line[160];
        std::snprintf(line, sizeof line, "timings: load=%.1f evaluate=%.1f rank=%.1f output=%.1f\n", t.load_ms,
                      t.evaluate_ms, t.rank_ms, ms_since(t_out));
        ctx.err << line;
    }
    print_warnings(ctx, result.evaluation.warnings);
    if (o.format == app::Format::Table) print_unit_warning_count(ctx, result.evaluation);
}

struct ExplainOptions {
    std::string rules, year, unit, criterion, basis = "all", out;
    app::Format format = app::Format::Table;
};

void run_explain(Context& ctx, const ExplainOptions& o) {
    auto request = ctx.request<app::ExplainRequest>();
    request.year = parse_year_option(o.year);
    request.rules = o.rules;
    request.out = given(o.out);
    request.basis = parse_basis_option(o.basis);
    request.unit = o.unit;
    request.criterion = given(o.criterion);
    const app::ExplainResult result = app::explain(request);
    write_output(ctx, o.out,
                 o.format == app::Format::Json
                     ? engine::render_explanation_json(result.explanation)
                     : engine::render_explanation(result.rulebook.rulebook, result.explanation, ctx.lang));
    print_warnings(ctx, result.explanation.warnings);
}

void add_explain_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ExplainOptions>();
    CLI::App* explain = app.add_subcommand("explain", i18n::tr(ctx.lang, "Why a unit got its points, item by item"));
    add_rules_option(explain, o.rules);
    add_year_option(explain, o.year);
    explain->add_option("--unit", o.unit, i18n::tr(ctx.lang, "Unit id"))->required();
    explain->add_option("--criterion", o.criterion,
                        i18n::tr(ctx.lang,
                                 "Only this criterion (full id, e.g. tthc.niem_yet), deduction, bonus or band cap"));
    add_basis_option(explain, o.basis);
    add_format_option(explain, o.format, {app::Format::Table, app::Format::Json});
    add_out_option(explain, o.out);
    explain->callback([&ctx, &o] { run_explain(ctx, o); });
}

}  // namespace

void add_score_commands(CLI::App& app, Context& ctx) {
    auto& score_options = ctx.own<EvaluationOptions>();
    CLI::App* score = app.add_subcommand("score", i18n::tr(ctx.lang, "Score every unit of a year"));
    add_evaluation_options(score, score_options);
    score->add_option("--unit", score_options.unit, i18n::tr(ctx.lang, "Only this unit"));
    score->callback([&ctx, &score_options] { run_evaluation(ctx, score_options, false); });

    auto& rank_options = ctx.own<EvaluationOptions>();
    CLI::App* rank = app.add_subcommand("rank", i18n::tr(ctx.lang, "Rank the units of each category by total"));
    add_evaluation_options(rank, rank_options);
    rank->callback([&ctx, &rank_options] { run_evaluation(ctx, rank_options, true); });

    add_explain_command(app, ctx);
}

}  // namespace parscore::cli
