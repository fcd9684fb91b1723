#pragma once
// The command line as a function: the program's main and the in-process tests call it alike.
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "context.hpp"

namespace parscore::cli {

/// Runs the parscore command line on `args` — the words after the program's name — writing
/// results to `out` and diagnostics, warnings and log lines to `err`; returns the exit code
/// (docs/reference/commands.md, "Exit codes"). Re-entrant: a run keeps nothing after it returns,
/// so one process may run many. `terminal` says which streams are terminals (colour, progress).
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Terminal terminal = {});
/// The same with `in` as the run's stdin (--password-stdin); null: a run that reads nothing.
int run(const std::vector<std::string>& args, std::istream* in, std::ostream& out, std::ostream& err,
        Terminal terminal = {});

}  // namespace parscore::cli
