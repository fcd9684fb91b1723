#include <CLI/CLI.hpp>

#include "context.hpp"

namespace parscore::cli {

void add_score_commands(CLI::App&, Context&) {}

}  // namespace parscore::cli
