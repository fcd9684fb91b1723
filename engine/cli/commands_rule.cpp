#include <CLI/CLI.hpp>

#include "context.hpp"

namespace parscore::cli {

void add_rule_commands(CLI::App& /*app*/, Context& /*ctx*/) {}

}  // namespace parscore::cli
