// Commands about rulebooks themselves: `check` (below) and `test` (rule tests, docs/rule-authoring.md). Neither
// opens a database.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "context.hpp"
#include "failure.hpp"
#include "parscore/app/rulebook_checks.hpp"
#include "parscore/core/render.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

struct CheckOptions {
    std::vector<std::string> rulebooks;
    app::Format format = app::Format::Table;
    bool werror = false;
};

// json: every diagnostic on stdout. table: the diagnostics as text on stderr, then the counts.
void write_check(Context& ctx, const app::CheckResult& result, app::Format format) {
    if (format == app::Format::Json) {
        ctx.out << app::check_json(result);
        return;
    }
    for (const auto& checked : result.rulebooks)
        ctx.err << core::render_all(checked.diagnostics, result.sources, i18n::localizer(ctx.lang));
    ctx.err << i18n::trn(ctx.lang, "{n} error", "{n} errors", result.errors) << ", "
            << i18n::trn(ctx.lang, "{n} warning", "{n} warnings", result.warnings) << "\n";
}

void add_check_command(CLI::App& app, Context& ctx) {
    auto& options = ctx.own<CheckOptions>();
    CLI::App* check = app.add_subcommand("check",
                                         i18n::tr(ctx.lang,
                                                  "Parse, validate and type-check rulebooks; print every diagnostic"));
    check
        ->add_option("RULEBOOK", options.rulebooks,
                     i18n::tr(ctx.lang, "Rulebook files (each with the files it extends)"))
        ->required();
    add_format_option(
        check, options.format, {app::Format::Table, app::Format::Json},
        i18n::tr(ctx.lang,
                 "Output format: table (diagnostics as text on stderr) or json (on stdout) (default: table)"));
    check->add_flag("--werror", options.werror, i18n::tr(ctx.lang, "Treat warnings as errors (exit 1)"));
    check->callback([&options, &ctx] {
        auto request = ctx.request<app::CheckRequest>();
        request.rulebooks = options.rulebooks;
        request.werror = options.werror;
        const app::CheckResult result = app::check(request);
        write_check(ctx, result, options.format);
        if (result.failure) ctx.exit_code = exit_code(*result.failure);
    });
}

}  // namespace

void add_test_command(CLI::App& app, Context& ctx);  // commands_test.cpp

void add_rule_commands(CLI::App& app, Context& ctx) {
    add_check_command(app, ctx);
    add_test_command(app, ctx);
}

}  // namespace parscore::cli
