// demo: build the sample province in --db PATH or ./parscore-demo.db and print its 2013 ranking.
// $PARSCORE_DB is ignored so the demo never lands in a real database (docs/demo.md).
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/app/demo.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/reports/report.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

// Where the demo went and what to try next, on stderr so that stdout is the ranking alone.
void print_next_steps(Context& ctx, const app::DemoRequest& request, const app::DemoResult& result) {
    const engine::demo::DemoOutcome& outcome = result.outcome;
    const std::string path = request.database.string();
    const std::string rules = result.rulebook_path.empty() ? app::demo_rulebook_name() : result.rulebook_path;
    ctx.err << i18n::tr(ctx.lang,
                        "demo database: {path} — {units}, {inspections}; {year} published as publication "
                        "{publication}",
                        {{"path", path},
                         {"units", i18n::trn(ctx.lang, "{n} unit", "{n} units", outcome.ranking.units.size())},
                         {"inspections", i18n::trn(ctx.lang, "{n} inspection", "{n} inspections", outcome.inspections)},
                         {"year", std::to_string(engine::demo::kPreviousYear)},
                         {"publication", std::to_string(outcome.publication)}})
            << "\n";
    ctx.err << (result.rulebook_path.empty()
                    ? i18n::tr(ctx.lang, "rulebook: the copy built into parscore of {rulebook}", {{"rulebook", rules}})
                    : i18n::trc(ctx.lang, "demo", "rulebook: {rulebook}", {{"rulebook", rules}}))
            << "\n";
    // The command suggested speaks the language the demo spoke.
    const std::string lang = ctx.lang == i18n::Language::en ? ""
                                                            : " --lang " + std::string(i18n::language_code(ctx.lang));
    ctx.err << i18n::trc(ctx.lang, "demo", "next: {command}",
                         {{"command", "parscore explain --db " + path + " --rules " + rules + " --year " +
                                          std::to_string(engine::demo::kYear) + " --unit huyen-da-bac" + lang}})
            << "\n";
}

void run_demo(Context& ctx) {
    auto request = ctx.request<app::DemoRequest>();
    request.database = ctx.db_option.empty() ? app::kDefaultDemoDatabase : ctx.db_option;
    const app::DemoResult result = app::demo(request);
    const rules::Rulebook& rulebook = result.rulebook.rulebook;
    const engine::demo::DemoOutcome& outcome = result.outcome;

    // Printed first, so that no table of the demo is read as a judgement of a real agency.
    ctx.out << i18n::tr(ctx.lang,
                        "Fictional data: the inspections, people, violations and scores below are invented; the "
                        "agencies' names are real and used for illustration only (docs/demo.md).")
            << "\n\n";
    ctx.out << engine::render_table(rulebook, outcome.ranking, true, ctx.lang);
    ctx.out << "\n" << engine::render_summary_table(result.summary, ctx.lang);
    print_warnings(ctx, outcome.ranking.warnings);
    print_next_steps(ctx, request, result);
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
