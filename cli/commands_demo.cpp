// demo: build the sample province in --db PATH or ./parscore-demo.db and print its 2013 ranking.
// $PARSCORE_DB is ignored so the demo never lands in a real database (docs/demo.md).
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/app/demo.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/reports/report.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

// Printed first, so that no table of the demo is read as a judgement of a real agency.
constexpr const char* kFictional =
    "Fictional data: the inspections, people, violations and scores below are invented; the agencies' names are "
    "real and used for illustration only (docs/demo.md).";

void run_demo(Context& ctx) {
    auto request = ctx.request<app::DemoRequest>();
    request.database = ctx.db_option.empty() ? app::kDefaultDemoDatabase : ctx.db_option;
    const app::DemoResult result = app::demo(request);
    const rules::Rulebook& rulebook = result.rulebook.rulebook;
    const engine::demo::DemoOutcome& outcome = result.outcome;

    ctx.out << kFictional << "\n\n";
    ctx.out << engine::render_table(rulebook, outcome.ranking, true);
    ctx.out << "\n" << engine::render_summary_table(result.summary);
    print_warnings(ctx, outcome.ranking.warnings);

    const std::string path = request.database.string();
    const std::string rules = result.rulebook_path.empty() ? app::demo_rulebook_name() : result.rulebook_path;
    ctx.err << "demo database: " << path << " — " << core::count_of(outcome.ranking.units.size(), "unit") << ", "
            << core::count_of(outcome.inspections, "inspection") << "; " << engine::demo::kPreviousYear
            << " published as publication " << outcome.publication << "\n";
    ctx.err << "rulebook: " << (result.rulebook_path.empty() ? "the copy built into parscore of " + rules : rules)
            << "\n";
    ctx.err << "next: parscore explain --db " << path << " --rules " << rules << " --year " << engine::demo::kYear
            << " --unit huyen-da-bac\n";
}

}  // namespace

void add_demo_command(CLI::App& app, Context& ctx) {
    CLI::App* cmd = app.add_subcommand(
        "demo",
        i18n::tr(ctx.lang,
                 "Build a sample province ({province}) in --db PATH or ./parscore-demo.db and print its ranking",
                 {{"province", "Hòa Bình 2013"}}));
    cmd->callback([&ctx] { run_demo(ctx); });
}

}  // namespace parscore::cli
