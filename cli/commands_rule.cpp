// Commands about rulebooks themselves: `check` (below) and `test` (rule tests, docs/rule-authoring.md). Neither
// opens a database.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "context.hpp"
#include "parscore/core/render.hpp"
#include "parscore/rules/loader.hpp"

namespace parscore::cli {

namespace {

// ---- parscore check ---------------------------------------------------------------------------

struct CheckOptions {
    std::vector<std::string> rulebooks;
    std::string format = "table";
    bool werror = false;
};

/// One `{file, line, column, end_line, end_column, code, severity, message}` per diagnostic. A
/// diagnostic without a position (the rulebook cannot be read) names `path`, with line and column 0.
void append_json(nlohmann::ordered_json& out, const core::Diagnostics& diags, const core::SourceSet& sources,
                 const std::string& path) {
    for (const core::Diagnostic& d : diags) {
        core::ResolvedPosition p = core::resolve(d, sources);
        if (!d.span) p.file = path;
        out.push_back({{"file", p.file},
                       {"line", p.line},
                       {"column", p.column},
                       {"end_line", p.end_line},
                       {"end_column", p.end_column},
                       {"code", d.code},
                       {"severity", core::severity_name(d.severity)},
                       {"message", d.message}});
    }
}

int run_check(const CheckOptions& options, Context& ctx) {
    core::SourceSet sources;
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    std::size_t errors = 0, warnings = 0;
    bool io_failure = false;
    // Each rulebook is loaded on its own (a shared parent is checked with each child); its
    // diagnostics come sorted, and rulebooks keep their argument order.
    for (const std::string& path : options.rulebooks) {
        core::Diagnostics diags;
        rules::LoadOutcome outcome = rules::load_rulebook(path, sources, diags);
        io_failure = io_failure || outcome.io_failure;
        errors += diags.error_count();
        warnings += diags.warning_count();
        if (options.format == "json") {
            append_json(json, diags, sources, path);
        } else {
            ctx.err << core::render_all(diags, sources);
        }
    }
    if (options.format == "json") {
        ctx.out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else {
        ctx.err << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                << (warnings == 1 ? " warning" : " warnings") << "\n";
    }
    if (io_failure) return kIo;
    if (errors > 0 || (options.werror && warnings > 0)) return kInvalid;
    return kOk;
}

void add_check_command(CLI::App& app, Context& ctx) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* check = app.add_subcommand("check", "Parse, validate and type-check rulebooks; print every diagnostic");
    check->add_option("RULEBOOK", options->rulebooks, "Rulebook files (each with the files it extends)")
        ->required();
    check->add_option("--format", options->format,
                      "Output format: table (diagnostics as text on stderr) or json (on stdout) (default: table)")
        ->check(CLI::IsMember({"table", "json"}));
    check->add_flag("--werror", options->werror, "Treat warnings as errors (exit 1)");
    check->callback([options, &ctx]() { ctx.exit_code = run_check(*options, ctx); });
}

}  // namespace

void add_test_command(CLI::App& app, Context& ctx);  // commands_test.cpp

void add_rule_commands(CLI::App& app, Context& ctx) {
    add_check_command(app, ctx);
    add_test_command(app, ctx);
}

}  // namespace parscore::cli
