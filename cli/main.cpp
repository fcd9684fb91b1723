// The parscore program: the command line of cli::run on the process's own streams.
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "app.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    return parscore::cli::run(args, &std::cin, std::cout, std::cerr,
                              {isatty(STDOUT_FILENO) != 0, isatty(STDERR_FILENO) != 0});
}
