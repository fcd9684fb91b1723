#include "app.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "context.hpp"
#include "failure.hpp"
#include "help.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "serve_cli.hpp"
#include "shared.hpp"

namespace parscore::cli {

std::filesystem::path Context::db_path() const {
    if (!db_option.empty()) return db_option;
    if (const char* env = std::getenv("PARSCORE_DB"); env && *env) return env;
    return "parscore.db";
}

void Context::print_diagnostics(const core::Diagnostics& diags, const core::SourceSet& sources) const {
    cli::print_diagnostics(err, diags, sources, lang);
}

namespace {

std::string db_help(i18n::Language lang) {
    return i18n::tr(lang, "Database: a SQLite file or a postgresql:// URI (default: $PARSCORE_DB, else ./parscore.db)");
}

// --verbose and --quiet set the level of the run's logger as soon as they are parsed; --quiet
// wins over --verbose, whichever comes first.
void add_log_flags(CLI::App& app, Context& ctx, const std::string& group) {
    auto verbose = [&ctx] {
        if (ctx.log->level() != spdlog::level::off) ctx.log->set_level(spdlog::level::info);
    };
    app.add_flag_callback("--verbose", verbose, i18n::tr(ctx.lang, "Also log each step and its timing to stderr"))
        ->group(group);
    auto quiet = [&ctx] { ctx.log->set_level(spdlog::level::off); };
    app.add_flag_callback("--quiet", quiet, i18n::tr(ctx.lang, "Log nothing, not even warnings"))->group(group);
}

// --as LOGIN: act with that account's rights, audited as it (docs/accounts.md).
CLI::Option* add_as_option(CLI::App& app, Context& ctx) {
    return app.add_option("--as", ctx.as_option,
                          i18n::tr(ctx.lang,
                                   "Act as this account of the database, with its rights, recorded in the "
                                   "audit log"));
}

// --db, --as, --verbose and --quiet are global (before or after the subcommand); each subcommand lists
// them in its own --help too. check and test never open a database.
void add_global_options_to_subcommands(CLI::App& app, Context& ctx) {
    const std::string group = i18n::tr(ctx.lang, "Global options");
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        add_global_options_to_subcommands(*sub, ctx);
        // CLI11 makes a subcommand's --help before it copies the default group of its options.
        if (CLI::Option* help = sub->get_help_ptr()) help->group(i18n::tr(ctx.lang, "Options"));
        if (!sub->get_option_no_throw("--verbose")) add_log_flags(*sub, ctx, group);
        if (!sub->get_option_no_throw("--lang")) add_lang_option(sub, ctx.lang)->group(group);
        if (!sub->get_option_no_throw("--as")) add_as_option(*sub, ctx)->group(group);
        if (sub->get_name() == "check" || sub->get_name() == "test") continue;
        if (sub->get_option_no_throw("--db")) continue;
        const std::string help = sub->get_name() == "demo"
                                     ? i18n::tr(ctx.lang, "Database to build (default: ./parscore-demo.db)")
                                     : db_help(ctx.lang);
        sub->add_option("--db", ctx.db_option, help)->group(group);
    }
}

// The words of the command line that are neither options nor --db's value: the command path the
// user typed, then any positional arguments.
std::vector<std::string> command_words(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--db" || a == "--lang" || a == "--as") {
            ++i;
        } else if (!a.empty() && a[0] != '-') {
            out.emplace_back(a);
        }
    }
    return out;
}

// "unknown command 'units frob'" when the word after the commands CLI11 recognised should have
// been one of their subcommands and is not; nullopt otherwise.
std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args,
                                           i18n::Language lang) {
    std::vector<std::string> words = command_words(args);
    const CLI::App* at = &app;
    std::string path;
    for (const std::string& word : words) {
        std::vector<std::string> names;
        for (const CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; }))
            names.push_back(sub->get_name());
        if (names.empty()) return std::nullopt;  // a command's own arguments follow
        path += (path.empty() ? "" : " ") + core::sanitize_utf8(word);
        if (std::find(names.begin(), names.end(), word) == names.end()) {
            if (const auto near = core::closest_name(word, names)) {
                return i18n::tr(lang, "unknown command '{command}' (did you mean '{near}'?)",
                                {{"command", path}, {"near", *near}});
            }
            return i18n::tr(lang, "unknown command '{command}'", {{"command", path}});
        }
        at = at->get_subcommand(word);
    }
    return std::nullopt;
}

// The command the user ran, for "(see 'parscore rank --help')".
std::string command_path(const CLI::App& app) {
    std::string command = "parscore";
    for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
        sub = sub->get_subcommands().front();
        command += " " + sub->get_name();
    }
    return command;
}

// One logger per run, writing to the run's stderr and registered nowhere, so that runs stay
// independent: warnings by default, phases and timings with --verbose, nothing with --quiet.
std::shared_ptr<spdlog::logger> make_logger(std::ostream& err) {
    auto log = std::make_shared<spdlog::logger>("parscore",
                                                std::make_shared<spdlog::sinks::ostream_sink_mt>(err, true));
    log->set_pattern("parscore: %l: %v");
    log->set_level(spdlog::level::warn);
    return log;
}

void add_global_options(CLI::App& app, Context& ctx) {
    app.add_option("--db", ctx.db_option, db_help(ctx.lang));
    app.set_version_flag("--version", "parscore " PARSCORE_VERSION,
                         i18n::tr(ctx.lang, "Display program version information and exit"));
    add_lang_option(&app, ctx.lang);
    add_as_option(app, ctx);
    add_log_flags(app, ctx, i18n::tr(ctx.lang, "Options"));
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Terminal terminal) {
    return run(args, nullptr, out, err, terminal);
}

int run(const std::vector<std::string>& args, std::istream* in, std::ostream& out, std::ostream& err,
        Terminal terminal) {
    Context ctx(out, err, terminal);
    ctx.in = in;
    ctx.log = make_logger(err);
    ctx.lang = preferred_language(args);

    // The program's name and a dash, then its description (message ids are ASCII).
    CLI::App app{"parscore — " +
                 i18n::tr(ctx.lang, "agency compliance-audit engine: rulebooks, inspections, scores and rankings")};
    app.name("parscore");
    localize_help(app, ctx.lang);
    app.require_subcommand(1);
    app.fallthrough();  // global options such as --db may follow the subcommand
    add_global_options(app, ctx);

    add_rule_commands(app, ctx);
    add_store_commands(app, ctx);
    add_review_commands(app, ctx);
    add_score_commands(app, ctx);
    add_publication_commands(app, ctx);
    add_report_commands(app, ctx);
    add_account_commands(app, ctx);
    add_serve_command(app, ctx);
    add_global_options_to_subcommands(app, ctx);

    try {
        std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes the words last first
        app.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        if (auto unknown = unknown_command(app, args, ctx.lang))
            return report_usage_error(err, *unknown, command_path(app), ctx.lang);
        return report_usage_error(err, usage_message(e, ctx.lang), command_path(app), ctx.lang);
    } catch (...) {
        return report_failure(std::current_exception(), err, command_path(app), ctx.lang);
    }
    return ctx.exit_code;
}

}  // namespace parscore::cli
