#include "app.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "context.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::cli {

std::filesystem::path Context::db_path() const {
    if (!db_option.empty()) return db_option;
    if (const char* env = std::getenv("PARSCORE_DB"); env && *env) return env;
    return "parscore.db";
}

void Context::print_diagnostics(const core::Diagnostics& diags, const core::SourceSet& sources) const {
    if (diags.empty()) return;
    err << core::render_all(diags, sources);
    std::size_t errors = diags.error_count(), warnings = diags.warning_count();
    err << errors << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings")
        << "\n";
}

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    Context ctx{out, err, {}, false, false, kOk};
    ctx.stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
    ctx.stderr_is_terminal = isatty(STDERR_FILENO) != 0;

    CLI::App app{"parscore — agency compliance-audit engine: rulebooks, inspections, scores and rankings"};
    app.name("parscore");
    app.require_subcommand(1);
    app.fallthrough();  // global options such as --db may follow the subcommand
    app.add_option("--db", ctx.db_option, "SQLite database (default: $PARSCORE_DB, else ./parscore.db)");
    app.set_version_flag("--version", "parscore 0.1.0");

    add_rule_commands(app, ctx);
    add_store_commands(app, ctx);
    add_score_commands(app, ctx);
    add_publication_commands(app, ctx);
    add_report_commands(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e, out, err);
        return code == 0 ? kOk : kUsage;
    } catch (const CliError& e) {
        err << "parscore: error: " << core::printable(e.what()) << "\n";
        return e.code;
    } catch (const std::exception& e) {
        err << "parscore: error: " << core::printable(e.what()) << "\n";
        return kIo;
    }
    return ctx.exit_code;
}

}  // namespace parscore::cli
