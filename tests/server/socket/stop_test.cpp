// Stopping the server (docs/server.md, "Stopping"): SIGTERM and SIGINT stop accepting, let the
// request in flight finish and exit 0; idle connections do not hold the stop up.
#include "serve_fixture.hpp"

namespace parscore::testing {
namespace {

TEST_F(ServeTest, SigtermFinishesTheRequestInFlightAndExitsZero) {
    start();
    HttpConnection c(port_);
    const std::string body = sign_in_body("lan");
    ASSERT_TRUE(c.send(request_text("POST", "/api/v1/session", {"Content-Type: application/json"}, body)
                           .substr(0, 120)));  // the header and part of the body
    std::this_thread::sleep_for(200ms);
    server_->signal(SIGTERM);
    std::this_thread::sleep_for(300ms);
    EXPECT_FALSE(server_->wait_exit(0ms)) << "the request in flight holds the stop";
    EXPECT_THROW(HttpConnection{port_}, std::runtime_error) << "no new connection is accepted";
    ASSERT_TRUE(c.send(request_text("POST", "/api/v1/session", {"Content-Type: application/json"}, body).substr(120)));
    const HttpReply r = c.read_reply(10s);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("connection"), "close");
    EXPECT_EQ(server_->wait_exit(10s), 0) << server_->err();
    const std::vector<nlohmann::json> lines = log_lines();
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines.front()["event"], "listening");
    EXPECT_EQ(lines.back()["event"], "stopped") << server_->err();
}

TEST_F(ServeTest, SigintWithAnIdleConnectionOpenExitsAtOnce) {
    start();
    HttpConnection idle(port_);
    ASSERT_EQ(idle.exchange(request_text("GET", "/healthz")).status, 200);
    HttpConnection silent(port_);  // connected, nothing sent yet
    std::this_thread::sleep_for(100ms);
    const auto begin = std::chrono::steady_clock::now();
    server_->signal(SIGINT);
    EXPECT_EQ(server_->wait_exit(5s), 0) << server_->err();
    EXPECT_LT(std::chrono::steady_clock::now() - begin, 2s);
    EXPECT_TRUE(idle.closed_within(1s));
}

}  // namespace
}  // namespace parscore::testing
