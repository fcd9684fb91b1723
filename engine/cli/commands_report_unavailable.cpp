#include <CLI/CLI.hpp>

#include "context.hpp"

namespace parscore::cli {

// Without the evidence store there is nothing to summarise or compare.
void add_report_commands(CLI::App&, Context&) {}

}  // namespace parscore::cli
