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
#include "parscore/core/suggest.hpp"
#include "parscore/core/utf8.hpp"
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

constexpr const char* kDbHelp = "SQLite database (default: $PARSCORE_DB, else ./parscore.db)";

// --verbose and --quiet set the level of the run's logger as soon as they are parsed; --quiet
// wins over --verbose, whichever comes first.
void add_log_flags(CLI::App& app, Context& ctx, const std::string& group) {
    auto verbose = [&ctx] {
        if (ctx.log->level() != spdlog::level::off) ctx.log->set_level(spdlog::level::info);
    };
    app.add_flag_callback("--verbose", verbose, "Also log each step and its timing to stderr")->group(group);
    auto quiet = [&ctx] { ctx.log->set_level(spdlog::level::off); };
    app.add_flag_callback("--quiet", quiet, "Log nothing, not even warnings")->group(group);
}

// --db, --verbose and --quiet are global (before or after the subcommand); each subcommand lists
// them in its own --help too. check and test never open a database.
void add_global_options_to_subcommands(CLI::App& app, Context& ctx) {
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        add_global_options_to_subcommands(*sub, ctx);
        if (!sub->get_option_no_throw("--verbose")) add_log_flags(*sub, ctx, "Global options");
        if (!sub->get_option_no_throw("--lang")) add_lang_option(sub, ctx.lang)->group("Global options");
        if (sub->get_name() == "check" || sub->get_name() == "test") continue;
        if (sub->get_option_no_throw("--db")) continue;
        const char* help = sub->get_name() == "demo" ? "Database to build (default: ./parscore-demo.db)" : kDbHelp;
        sub->add_option("--db", ctx.db_option, help)->group("Global options");
    }
}

// The words of the command line that are neither options nor --db's value: the command path the
// user typed, then any positional arguments.
std::vector<std::string> command_words(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--db" || a == "--lang") {
            ++i;
        } else if (!a.empty() && a[0] != '-') {
            out.emplace_back(a);
        }
    }
    return out;
}

// "unknown command 'units frob'" when the word after the commands CLI11 recognised should have
// been one of their subcommands and is not; nullopt otherwise.
std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args) {
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
            return "unknown command '" + path + "'" + core::did_you_mean(word, names);
        }
        at = at->get_subcommand(word);
    }
    return std::nullopt;
}

// CLI11 words its messages "A subcommand is required", "--year: Value 20x3 not in range …";
// ours read "parscore: error: a subcommand is required", "--year: value 20x3 …".
std::string lower_first(std::string text) {
    std::size_t at = text.rfind("--", 0) == 0 && text.find(": ") != std::string::npos ? text.find(": ") + 2 : 0;
    if (text.size() > at + 1 && std::isupper(static_cast<unsigned char>(text[at])) &&
        !std::isupper(static_cast<unsigned char>(text[at + 1]))) {
        text[at] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[at])));
    }
    return text;
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
    app.add_option("--db", ctx.db_option, kDbHelp);
    app.set_version_flag("--version", "parscore " PARSCORE_VERSION);
    add_lang_option(&app, ctx.lang);
    add_log_flags(app, ctx, "Options");
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Terminal terminal) {
    Context ctx(out, err, terminal);
    ctx.log = make_logger(err);
    ctx.lang = preferred_language(args);

    CLI::App app{"parscore — agency compliance-audit engine: rulebooks, inspections, scores and rankings"};
    app.name("parscore");
    app.require_subcommand(1);
    app.fallthrough();  // global options such as --db may follow the subcommand
    add_global_options(app, ctx);

    add_rule_commands(app, ctx);
    add_store_commands(app, ctx);
    add_score_commands(app, ctx);
    add_publication_commands(app, ctx);
    add_report_commands(app, ctx);
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
        if (auto unknown = unknown_command(app, args))
            return report_usage_error(err, *unknown, command_path(app), ctx.lang);
        return report_usage_error(err, lower_first(e.what()), command_path(app), ctx.lang);
    } catch (...) {
        return report_failure(std::current_exception(), err, command_path(app), ctx.lang);
    }
    return ctx.exit_code;
}

}  // namespace parscore::cli
