#pragma once
// Servers under a write load: a database with the store tests' units and rulebook adopted for
// 2013, an office account's bearer token, and distinct reports, each with its own client_id, that
// client threads upload while a test does something to the server.
#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "serve_fixture.hpp"

namespace parscore::testing {

/// One upload: its client_id, its body and, once acknowledged (201 or 200), the id it got.
struct Upload {
    std::string client_id;
    std::string body;
    std::optional<std::string> id;
};

class UploadTest : public ServeTest {
protected:
    void SetUp() override {
        ServeTest::SetUp();
        const std::string rulebook = (fs::path(PARSCORE_TEST_DATA) / "inspections/data/rulebook.yaml").string();
        const CliRun adopt = run({"adopt", "--db", "t.db", "--rules", rulebook, "--year", "2013"});
        ASSERT_EQ(adopt.code, 0) << adopt.err;
        const CliRun token = run({"tokens", "add", "--db", "t.db", "--user", "lan", "--name", "load"});
        ASSERT_EQ(token.code, 0) << token.err;
        bearer_ = "Authorization: Bearer " + token.out.substr(0, token.out.find('\n'));
    }

public:
    /// The n-th report of client `client`: a procedure code of its own makes every report distinct.
    static Upload make_upload(int client, int n) {
        char uuid[37];
        std::snprintf(uuid, sizeof uuid, "%08x-0000-4000-8000-%012x", static_cast<unsigned>(client),
                      static_cast<unsigned>(n));
        const nlohmann::json report = {{"client_id", uuid},
                                       {"inspection",
                                        {{"unit", n % 2 ? "so-tu-phap" : "so-noi-vu"},
                                         {"date", "2013-10-15"},
                                         {"kind", "surprise"},
                                         {"team", {"Đoàn " + std::to_string(client) + "-" + std::to_string(n)}}}},
                                       {"findings",
                                        {{"procedure",
                                          {{{"code", "TP-" + std::to_string(client) + "-" + std::to_string(n)},
                                            {"posted", n % 3 != 0},
                                            {"online_level", 2}}}},
                                         {"violation", nlohmann::json::array()},
                                         {"desk_staff", nlohmann::json::array()},
                                         {"audit", nlohmann::json::array()},
                                         {"website", true},
                                         {"autonomy_rate", "44.7%"}}}};
        return {uuid, report.dump(), std::nullopt};
    }

protected:
    /// Posts the upload on the connection; its answer (status -1 when the connection failed).
    HttpReply post(HttpConnection& c, const Upload& u) const {
        return c.exchange(
            request_text("POST", "/api/v1/inspections", {"Content-Type: application/json", bearer_}, u.body));
    }

    /// Posts on a new connection; status -1 when the server cannot be reached.
    HttpReply post_once(const Upload& u) const {
        try {
            HttpConnection c(port_);
            return post(c, u);
        } catch (const std::exception&) {
            return {};
        }
    }

    /// `clients` threads upload reports one after another, on kept-alive connections, until
    /// `stop`; every upload each sent, in order, with the ids of those acknowledged.
    std::vector<std::vector<Upload>> upload_until(int clients, const std::atomic<bool>& stop,
                                                  std::vector<HttpReply>* failures = nullptr) {
        std::vector<std::vector<Upload>> sent(static_cast<std::size_t>(clients));
        std::mutex failures_lock;
        std::vector<std::thread> threads;
        for (int client = 0; client < clients; ++client) {
            threads.emplace_back([&, client] {
                std::optional<HttpConnection> c;
                for (int n = 0; !stop; ++n) {
                    Upload u = make_upload(client, n);
                    HttpReply reply;
                    // A kept-alive connection the server closed (its per-connection limit) is
                    // retried once on a new one; the same client_id makes that safe.
                    for (int attempt = 0; attempt < 2 && reply.status == -1; ++attempt) {
                        try {
                            if (!c) c.emplace(port_);
                            reply = post(*c, u);
                        } catch (const std::exception&) {}
                        if (reply.status == -1) c.reset();
                    }
                    if (reply.status == 200 || reply.status == 201) {
                        u.id = nlohmann::json::parse(reply.body).value("id", "");
                    } else if (failures && reply.status != -1) {
                        std::lock_guard lock(failures_lock);
                        failures->push_back(reply);
                    }
                    sent[static_cast<std::size_t>(client)].push_back(std::move(u));
                    if (reply.status == -1) break;  // the server is gone
                }
            });
        }
        for (std::thread& t : threads) t.join();
        return sent;
    }

    HttpReply get_with_token(const std::string& target) { return get(target, {bearer_}); }

    std::string bearer_;
};

}  // namespace parscore::testing
