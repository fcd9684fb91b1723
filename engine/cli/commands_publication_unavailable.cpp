#include <CLI/CLI.hpp>

#include "context.hpp"

namespace parscore::cli {

// Without the evidence store there is nothing to publish, verify or fill with a demo.
void add_publication_commands(CLI::App&, Context&) {}

}  // namespace parscore::cli
