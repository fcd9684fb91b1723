#include "app.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "context.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/suggest.hpp"
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
    err << core::count_of(errors, "error") << ", " << core::count_of(warnings, "warning") << "\n";
}

namespace {

constexpr const char* kDbHelp = "SQLite database (default: $PARSCORE_DB, else ./parscore.db)";

// --db is global (before or after the subcommand); each subcommand that uses a database lists it
// in its own --help too. check and test never open one.
void add_global_db_option(CLI::App& app, Context& ctx) {
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        if (sub->get_name() == "check" || sub->get_name() == "test") continue;
        add_global_db_option(*sub, ctx);
        if (sub->get_option_no_throw("--db")) continue;
        const char* help = sub->get_name() == "demo" ? "Database to build (default: ./parscore-demo.db)" : kDbHelp;
        sub->add_option("--db", ctx.db_option, help)->group("Global options");
    }
}

// The words of the command line that are neither options nor --db's value: the command path the
// user typed, then any positional arguments.
std::vector<std::string> command_words(int argc, char** argv) {
    std::vector<std::string> out;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--db") {
            ++i;
        } else if (!a.empty() && a[0] != '-') {
            out.emplace_back(a);
        }
    }
    return out;
}

// "unknown command 'units frob'" when the word after the commands CLI11 recognised should have
// been one of their subcommands and is not; nullopt otherwise.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> words = command_words(argc, argv);
    const CLI::App* at = &app;
    std::string path;
    for (const std::string& word : words) {
        std::vector<std::string> names;
        for (const CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
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

// Every usage error (exit 2) reads the same, whichever layer found it.
int usage_error(const CLI::App& app, std::ostream& err, const std::string& message) {
    std::string command = "parscore";
    for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
        sub = sub->get_subcommands().front();
        command += " " + sub->get_name();
    }
    err << "parscore: error: " << core::printable(message) << " (see '" << command << " --help')\n";
    return kUsage;
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err) {
    Context ctx{out, err, {}, false, false, kOk, {}};
    ctx.stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
    ctx.stderr_is_terminal = isatty(STDERR_FILENO) != 0;

    CLI::App app{"parscore — agency compliance-audit engine: rulebooks, inspections, scores and rankings"};
    app.name("parscore");
    app.require_subcommand(1);
    app.fallthrough();  // global options such as --db may follow the subcommand
    app.add_option("--db", ctx.db_option, kDbHelp);
    app.set_version_flag("--version", "parscore 0.1.0");

    add_rule_commands(app, ctx);
    add_store_commands(app, ctx);
    add_score_commands(app, ctx);
    add_publication_commands(app, ctx);
    add_report_commands(app, ctx);
    add_global_db_option(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        if (auto unknown = unknown_command(app, argc, argv)) return usage_error(app, err, *unknown);
        return usage_error(app, err, lower_first(e.what()));
    } catch (const CliError& e) {
        if (e.code == kUsage) return usage_error(app, err, e.what());
        err << "parscore: error: " << core::printable(e.what()) << "\n";
        return e.code;
    } catch (const std::exception& e) {
        err << "parscore: error: " << core::printable(e.what()) << "\n";
        return kIo;
    }
    return ctx.exit_code;
}

}  // namespace parscore::cli
