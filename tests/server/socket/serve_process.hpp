#pragma once
// `parscore serve` (or `demo --serve`) run as a child process for the socket tests: its stdout and
// stderr go to files in its folder, the port comes from its "listening" log line, and the test
// can signal it and wait for its exit. A server still running when the test ends is killed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "publication/cli_support.hpp"

namespace parscore::testing {

class ServeProcess {
public:
    /// Starts parscore with `args` in `cwd`.
    ServeProcess(const std::vector<std::string>& args, const fs::path& cwd)
        : out_(cwd / "serve.out"), err_(cwd / "serve.err") {
        // Everything the child needs is made before fork: after it, only async-signal-safe calls.
        std::vector<std::string> words{kParscore.string()};
        words.insert(words.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& w : words) argv.push_back(w.data());
        argv.push_back(nullptr);
        const std::string dir = cwd.string(), out_path = out_.string(), err_path = err_.string();
        // An earlier server's log must not be read as this one's (its port, its lines).
        std::error_code ignored;
        fs::remove(out_, ignored);
        fs::remove(err_, ignored);
        pid_ = ::fork();
        if (pid_ != 0) return;
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (::chdir(dir.c_str()) != 0 || out < 0 || err < 0) ::_exit(127);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ~ServeProcess() {
        if (!exit_code_ && pid_ > 0) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    std::string out() const { return read_file(out_); }
    std::string err() const { return read_file(err_); }

    /// The port of the "listening" line, once it is logged; 0 when the process exits first or
    /// nothing comes within the timeout.
    std::uint16_t port(std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
        static const std::regex listening(R"re("event":"listening","address":"[0-9.]+:([0-9]+)")re");
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            const std::string log = err();
            std::smatch m;
            if (std::regex_search(log, m, listening)) return static_cast<std::uint16_t>(std::stoi(m[1]));
            if (wait_exit(std::chrono::milliseconds(0))) return 0;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return 0;
    }

    void signal(int sig) const { ::kill(pid_, sig); }

    /// The exit code (-1: killed by a signal) once the process has ended, or nothing when it
    /// is still running after `timeout`.
    std::optional<int> wait_exit(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!exit_code_) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                break;
            }
            if (std::chrono::steady_clock::now() >= deadline) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return exit_code_;
    }

private:
    fs::path out_, err_;
    pid_t pid_ = -1;
    std::optional<int> exit_code_;
};

}  // namespace parscore::testing
