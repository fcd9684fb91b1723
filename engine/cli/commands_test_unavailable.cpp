#include <CLI/CLI.hpp>

#include "context.hpp"

namespace parscore::cli {

void add_test_command(CLI::App&, Context&) {}

}  // namespace parscore::cli
