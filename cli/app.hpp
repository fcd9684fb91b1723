#pragma once
#include <ostream>

namespace parscore::cli {

/// Runs the parscore command line; returns the process exit code (README, "Exit codes").
int run(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace parscore::cli
