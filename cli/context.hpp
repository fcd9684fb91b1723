#pragma once
// What every subcommand shares: the output streams, the global options and the exit codes (README,
// "Exit codes"). Commands report problems by returning an exit code after printing diagnostics, or by
// throwing CliError for a one-line message.
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"

namespace CLI {
class App;
}

namespace parscore::cli {

enum Exit : int {
    kOk = 0,       // success, including warnings and incomplete units
    kInvalid = 1,  // the input was understood but is wrong
    kUsage = 2,    // unknown command or option, malformed option value
    kIo = 3,       // unreadable/unwritable path, missing or foreign database
};

/// A failure with a one-line message, printed as "parscore: error: <message>".
struct CliError : std::runtime_error {
    CliError(int exit_code, const std::string& message) : std::runtime_error(message), code(exit_code) {}
    int code;
};

struct Context {
    std::ostream& out;
    std::ostream& err;
    std::string db_option;     // --db PATH, before or after the subcommand
    bool stdout_is_terminal = false;
    bool stderr_is_terminal = false;
    int exit_code = kOk;

    /// A command's options, owned by this run rather than by function-local statics so that
    /// cli::run is re-entrant: `auto& o = ctx.own<ScoreOptions>();` then bind CLI11 options to o.
    template <class T>
    T& own() {
        auto owned = std::make_shared<T>();
        T& ref = *owned;
        owned_.push_back(std::move(owned));
        return ref;
    }

    /// --db, else $PARSCORE_DB, else ./parscore.db (docs/store.md).
    std::filesystem::path db_path() const;

    /// Prints diagnostics in the text form of docs/diagnostics.md, followed by a summary line when there are
    /// any ("2 errors, 1 warning").
    void print_diagnostics(const core::Diagnostics& diags, const core::SourceSet& sources) const;

    std::vector<std::shared_ptr<void>> owned_;  // what own() handed out; freed when the run ends
};

/// Each command family adds its subcommands; a subcommand's callback sets ctx.exit_code.
void add_rule_commands(CLI::App& app, Context& ctx);     // check, test
void add_store_commands(CLI::App& app, Context& ctx);    // units, record, import, inspections, show, submit, lock, amend, template, merge
void add_score_commands(CLI::App& app, Context& ctx);    // score, rank, explain, diff, summary, gap, publish, verify, demo
void add_publication_commands(CLI::App& app, Context& ctx);  // publish, verify, demo
void add_report_commands(CLI::App& app, Context& ctx);   // summary, gap, diff

}  // namespace parscore::cli
