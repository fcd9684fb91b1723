#pragma once
// The one place where a failure becomes what the user sees and the exit code
// (docs/reference/commands.md, "Exit codes"): cli::run hands every exception a command throws
// to report_failure.
#include <exception>
#include <ostream>
#include <string>

#include "parscore/app/error.hpp"
#include "parscore/i18n/language.hpp"

namespace parscore::cli {

/// Invalid 1, BadRequest 2, Io 3, NotFound 1, Forbidden 1, Internal 70.
int exit_code(app::ErrorKind kind);

/// Prints `failure` to `err` — an app::Error's diagnostics first, then one line — and returns its
/// exit code. A usage error (exit 2) ends with "(see '<command> --help')"; an exception nothing
/// expected reads "parscore: internal error: …" and exits 70. Messages are in `lang`; the
/// "parscore: error:" prefix is the same in every language.
int report_failure(const std::exception_ptr& failure, std::ostream& err, const std::string& command,
                   i18n::Language lang = i18n::Language::en);

/// Usage error text: "parscore: error: <message> (see '<command> --help')"; returns 2.
int report_usage_error(std::ostream& err, const std::string& message, const std::string& command,
                       i18n::Language lang = i18n::Language::en);

/// Diagnostics in the text form of docs/diagnostics.md, messages in `lang`, and a summary line
/// ("2 errors, 1 warning").
void print_diagnostics(std::ostream& err, const core::Diagnostics& diags, const core::SourceSet& sources,
                       i18n::Language lang = i18n::Language::en);

}  // namespace parscore::cli
