#pragma once
// What every subcommand shares: the output streams, the global options, the run's logger and the
// exit codes (README, "Exit codes"). Commands build a request with ctx.request<R>(), call the
// operation and render its result; failures are exceptions, mapped to exit codes in one place
// (failure.hpp). A result that is a failure without a message of its own (check's errors, a
// failing rule test) sets ctx.exit_code.
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "parscore/app/actor.hpp"
#include "parscore/app/request.hpp"
#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/text.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/i18n/translate.hpp"  // every command translates its help and messages

namespace CLI {
class App;
}

namespace parscore::cli {

enum Exit : int {
    kOk = 0,         // success, including warnings and incomplete units
    kInvalid = 1,    // the input was understood but is wrong
    kUsage = 2,      // unknown command or option, malformed option value
    kIo = 3,         // unreadable/unwritable path, missing or foreign database
    kInternal = 70,  // a defect: an exception nothing expected (EX_SOFTWARE of sysexits.h)
};

/// A failure with a one-line message, printed as "parscore: error: <message>".
struct CliError : std::runtime_error {
    CliError(int exit_code, core::Text message)
        : std::runtime_error(message.english()), code(exit_code), text_(std::move(message)) {}
    CliError(int exit_code, const std::string& message) : CliError(exit_code, core::verbatim(message)) {}
    const core::Text& text() const { return text_; }
    int code;

private:
    core::Text text_;
};

/// Whether stdout and stderr are terminals (colour, progress bars). main asks the system; tests
/// leave both false so that output is the same everywhere.
struct Terminal {
    bool out = false;
    bool err = false;
};

struct Context {
    Context(std::ostream& out_stream, std::ostream& err_stream, Terminal terminal)
        : out(out_stream), err(err_stream), stdout_is_terminal(terminal.out), stderr_is_terminal(terminal.err) {}

    std::ostream& out;
    std::ostream& err;
    /// What the run may read, such as a password given with --password-stdin; null: nothing.
    std::istream* in = nullptr;
    std::string db_option;  // --db PATH, before or after the subcommand
    std::string as_option;  // --as LOGIN: the account the run acts as; empty: the operating-system user
    /// The language of everything this run prints for a person: --lang (before or after the
    /// subcommand), else $PARSCORE_LANG, else English. Known before the command line is parsed, so
    /// that help and usage errors speak it too (preferred_language).
    i18n::Language lang = i18n::Language::en;
    bool stdout_is_terminal = false;
    bool stderr_is_terminal = false;
    int exit_code = kOk;
    /// This run's logger, writing to `err` (--verbose, --quiet); requests carry it.
    std::shared_ptr<spdlog::logger> log;

    /// A command's options, owned by this run rather than by function-local statics so that
    /// cli::run is re-entrant: `auto& o = ctx.own<ScoreOptions>();` then bind CLI11 options to o.
    template <class T> T& own() {
        auto owned = std::make_shared<T>();
        T& ref = *owned;
        owned_.push_back(std::move(owned));
        return ref;
    }

    /// A request to an operation from the user running the program (or the account of --as), with
    /// this run's logger and, for a StoreRequest, the database of db_path().
    template <class R> R request() const {
        R r;
        r.actor = as_option.empty() ? app::system_user() : app::account(as_option);
        r.log = log;
        if constexpr (std::is_base_of_v<app::StoreRequest, R>) r.database = db_path();
        return r;
    }

    /// --db, else $PARSCORE_DB, else ./parscore.db (docs/store.md).
    std::filesystem::path db_path() const;

    /// Prints diagnostics in the text form of docs/diagnostics.md, followed by a summary line when there are
    /// any ("2 errors, 1 warning").
    void print_diagnostics(const core::Diagnostics& diags, const core::SourceSet& sources) const;

    std::vector<std::shared_ptr<void>> owned_;  // what own() handed out; freed when the run ends
};

/// Each command family adds its subcommands; a subcommand's callback sets ctx.exit_code.
void add_rule_commands(CLI::App& app, Context& ctx);  // check, test
void add_store_commands(
    CLI::App& app, Context& ctx);  // units, record, import, inspections, show, submit, lock, amend, template, merge
void add_review_commands(CLI::App& app, Context& ctx);       // return, comment, attach
void add_score_commands(CLI::App& app, Context& ctx);        // score, rank, explain
void add_publication_commands(CLI::App& app, Context& ctx);  // publish, verify, demo
void add_report_commands(CLI::App& app, Context& ctx);       // summary, gap, diff
void add_account_commands(CLI::App& app, Context& ctx);      // users, tokens

}  // namespace parscore::cli
