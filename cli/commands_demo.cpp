// demo: build the sample province in --db PATH or ./parscore-demo.db and print its 2013 ranking;
// with --serve, add one account per role and serve it on this machine instead (docs/demo.md).
// $PARSCORE_DB is ignored so the demo never lands in a real database.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/accounts/password.hpp"
#include "parscore/app/accounts.hpp"
#include "parscore/app/demo.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/server/listener.hpp"
#include "serve_cli.hpp"
#include "shared.hpp"
#include "store_cli.hpp"

namespace parscore::cli {

namespace {

// Where the demo went and what to try next, on stderr so that stdout is the ranking alone.
void print_next_steps(Context& ctx, const app::DemoRequest& request, const app::DemoResult& result) {
    const engine::demo::DemoOutcome& outcome = result.outcome;
    const std::string path = inspections::shown_database(request.database);
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

/// The notice printed before anything of the demo, so that nothing is read as a judgement of a
/// real agency.
void print_fiction_notice(Context& ctx) {
    ctx.out << i18n::tr(ctx.lang,
                        "Fictional data: the inspections, people, violations and scores below are invented; the "
                        "agencies' names are real and used for illustration only (docs/demo.md).")
            << "\n\n";
}

void run_demo(Context& ctx) {
    auto request = ctx.request<app::DemoRequest>();
    request.database = ctx.db_option.empty() ? app::kDefaultDemoDatabase : ctx.db_option;
    const app::DemoResult result = app::demo(request);
    const rules::Rulebook& rulebook = result.rulebook.rulebook;
    const engine::demo::DemoOutcome& outcome = result.outcome;

    print_fiction_notice(ctx);
    ctx.out << engine::render_table(rulebook, outcome.ranking, true, ctx.lang);
    ctx.out << "\n" << engine::render_summary_table(result.summary, ctx.lang);
    print_warnings(ctx, outcome.ranking.warnings);
    print_next_steps(ctx, request, result);
}

/// One account per role, the agency's scoped to one department; the passwords are generated and
/// need no change, so that each works at once. Returns rows of login, role, scope, password.
std::vector<std::vector<std::string>> add_demo_accounts(Context& ctx, const std::filesystem::path& database) {
    struct Role {
        const char* login;
        std::optional<std::string> scope;
    };
    const Role roles[] = {{"admin", {}}, {"office", {}}, {"author", {}}, {"inspector", {}}, {"agency", "so-tu-phap"}};
    std::vector<std::vector<std::string>> rows;
    for (const Role& role : roles) {
        auto r = ctx.request<app::UserAddRequest>();
        r.database = database;
        r.login = role.login;
        r.role = role.login;
        r.scope = role.scope;
        r.lang = std::string(i18n::language_code(ctx.lang));
        r.password = accounts::generate_password();
        app::add_user(r);
        rows.push_back({r.login, r.role, role.scope.value_or("—"), *r.password});
    }
    return rows;
}

void run_demo_serve(Context& ctx, const ServeOptions& o) {
    if (!server::is_loopback(listen_options(o).host))
        throw CliError(kUsage, core::T_("demo --serve: --listen must be an address of this machine, such as "
                                        "127.0.0.1:8080"));
    auto request = ctx.request<app::DemoRequest>();
    request.database = ctx.db_option.empty() ? app::kDefaultDemoDatabase : ctx.db_option;
    app::demo(request);
    const auto rows = add_demo_accounts(ctx, request.database);
    print_fiction_notice(ctx);
    serve(ctx, o, request.database, [&](const std::string& url) {
        ctx.out << i18n::tr(ctx.lang, "Demo accounts; their passwords are shown only now:") << "\n"
                << store::format_table({i18n::trc(ctx.lang, "users list", "login"),
                                        i18n::trc(ctx.lang, "users list", "role"),
                                        i18n::trc(ctx.lang, "users list", "scope"), i18n::tr(ctx.lang, "password")},
                                       rows)
                << "\n"
                << i18n::tr(ctx.lang, "Serving the demo province at {url}; stop with Ctrl-C.", {{"url", url}}) << "\n"
                << std::flush;
    });
}

}  // namespace

void add_demo_command(CLI::App& app, Context& ctx) {
    CLI::App* cmd = app.add_subcommand(
        "demo",
        i18n::tr(ctx.lang,
                 "Build a sample province ({province}) in --db PATH or ./parscore-demo.db and print its ranking",
                 {{"province", "Hòa Bình 2013"}}));
    auto& o = ctx.own<ServeOptions>();
    auto& serving = ctx.own<bool>();
    cmd->add_flag("--serve", serving,
                  i18n::tr(ctx.lang,
                           "Instead of printing the ranking, add one account per role and serve the demo on "
                           "this machine until stopped"));
    add_listen_options(cmd, ctx, o);
    cmd->callback([&ctx, &o, &serving] { serving ? run_demo_serve(ctx, o) : run_demo(ctx); });
}

}  // namespace parscore::cli
