#pragma once
// Running a shell command from a test and reading what it printed on standard output (append
// " 2>&1" to the command for its errors too).
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace parscore::testing {

struct CommandRun {
    int exit_code = -1;  // -1: it could not be started, or a signal ended it
    std::string output;
};

inline CommandRun run_command(const std::string& command) {
    CommandRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) run.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

}  // namespace parscore::testing
