#pragma once
// A database with the store tests' units and one office account, `lan`, served by the real
// program on a free port of 127.0.0.1; helpers to sign in and to read the server's log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "http_client.hpp"
#include "publication/cli_support.hpp"
#include "serve_process.hpp"

namespace parscore::testing {

inline const std::string kPassword = "ngựa-đúng-pin-kẹp-42";

class ServeTest : public ::testing::Test {
protected:
    ServeTest() : dir_("parscore-serve-test") {}

    void SetUp() override {
        const CliRun units = parscore({"units", "import", "--db", "t.db",
                                       (fs::path(PARSCORE_TEST_DATA) / "inspections/data/units.csv").string()},
                                      dir_.path());
        ASSERT_EQ(units.code, 0) << units.err;
        add_account("lan", "office");
    }

    void add_account(const std::string& login, const std::string& role) {
        const std::string command = "cd " + shell_quote(dir_.path().string()) + " && printf '%s\\n' " +
                                    shell_quote(kPassword) + " | " + shell_quote(kParscore.string()) + " users add " +
                                    login + " --role " + role + " --password-stdin --db t.db >/dev/null";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }

    /// Starts `parscore serve` on t.db with the extra options; fails the test when it does not listen.
    void start(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{"serve", "--db", "t.db", "--listen", "127.0.0.1:0"};
        args.insert(args.end(), extra.begin(), extra.end());
        server_.emplace(args, dir_.path());
        port_ = server_->port();
        ASSERT_NE(port_, 0) << server_->err();
    }

    /// Stops the server with SIGTERM; its exit code, or -2 when it is still running after 15 s.
    int stop() {
        server_->signal(SIGTERM);
        return server_->wait_exit(std::chrono::seconds(15)).value_or(-2);
    }

    /// The whole runs of the program other than the server: `parscore ARGS` in the test's folder.
    CliRun run(const std::vector<std::string>& args) { return parscore(args, dir_.path()); }

    HttpReply get(const std::string& target, const std::vector<std::string>& headers = {}) {
        HttpConnection c(port_);
        return c.exchange(request_text("GET", target, headers));
    }

public:
    /// The JSON that signs in `login` with the tests' password.
    static std::string sign_in_body(const std::string& login) {
        return nlohmann::json{{"login", login}, {"password", kPassword}}.dump();
    }

protected:
    HttpReply sign_in(HttpConnection& c, const std::string& login) {
        return c.exchange(
            request_text("POST", "/api/v1/session", {"Content-Type: application/json"}, sign_in_body(login)));
    }

    /// The server's log lines, each a JSON object (a line that is not fails the test).
    std::vector<nlohmann::json> log_lines() const {
        std::vector<nlohmann::json> lines;
        std::istringstream in(server_->err());
        for (std::string line; std::getline(in, line);) {
            nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
            EXPECT_TRUE(j.is_object()) << line;
            lines.push_back(std::move(j));
        }
        return lines;
    }

    /// The log lines of requests, once `n` have been logged (the line follows the response).
    std::vector<nlohmann::json> request_lines(std::size_t n) const {
        std::vector<nlohmann::json> requests;
        for (int attempt = 0; attempt < 200; ++attempt) {
            requests.clear();
            for (nlohmann::json& j : log_lines()) {
                if (j.value("event", "") == "request") requests.push_back(std::move(j));
            }
            if (requests.size() >= n) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return requests;
    }

    ScratchDir dir_;
    std::optional<ServeProcess> server_;
    std::uint16_t port_ = 0;
};

}  // namespace parscore::testing
