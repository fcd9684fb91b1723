// The listener's limits (docs/server.md, "Limits"): a body over its route's limit is refused
// before it is read, oversize headers, malformed requests, the connection cap and the read
// deadline.
#include "serve_fixture.hpp"

namespace parscore::testing {
namespace {

nlohmann::json error_of(const HttpReply& r) { return nlohmann::json::parse(r.body, nullptr, false)["error"]; }

TEST_F(ServeTest, RefusesABodyOverItsLimitBeforeReadingIt) {
    start();
    HttpConnection c(port_);
    // Only the header is sent: the answer must come without the 17 MiB it announces.
    ASSERT_TRUE(
        c.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Accept-Language: en\r\nContent-Length: " +
               std::to_string(17u << 20) + "\r\n\r\n{\"login\":"));
    const HttpReply r = c.read_reply(5s);
    ASSERT_EQ(r.status, 413);
    EXPECT_EQ(error_of(r)["code"], "payload_too_large");
    EXPECT_EQ(error_of(r)["message"], "the request's body is too large");
    EXPECT_EQ(r.header("connection"), "close");
    EXPECT_TRUE(c.closed_within(5s));
    EXPECT_EQ(request_lines(1).at(0)["status"], 413);
}

TEST_F(ServeTest, RefusesHeadersOverSixteenKibibytes) {
    start();
    HttpConnection c(port_);
    const HttpReply r = c.exchange(request_text("GET", "/healthz", {"X-Padding: " + std::string(17 * 1024, 'a')}));
    ASSERT_EQ(r.status, 431);
    EXPECT_EQ(error_of(r)["code"], "header_too_large");
    EXPECT_TRUE(c.closed_within(5s));
    // Headers just under the limit are fine.
    EXPECT_EQ(get("/healthz", {"X-Padding: " + std::string(15 * 1024, 'a')}).status, 200);
}

TEST_F(ServeTest, AnswersMalformedRequestsWith400) {
    start();
    HttpConnection garbage(port_);
    EXPECT_EQ(garbage.exchange("HELLO\r\n\r\n").status, 400);
    HttpConnection absolute(port_);
    EXPECT_EQ(absolute.exchange(request_text("GET", "http://elsewhere.example/healthz")).status, 400);
    HttpConnection escape(port_);
    EXPECT_EQ(escape.exchange(request_text("GET", "/healthz?x=%zz")).status, 400);
}

TEST_F(ServeTest, AnswersConnectionsBeyondTheLimitWith503) {
    start({"--max-connections", "2"});
    std::optional<HttpConnection> first;
    first.emplace(port_);
    HttpConnection second(port_);
    ASSERT_EQ(first->exchange(request_text("GET", "/healthz")).status, 200);
    ASSERT_EQ(second.exchange(request_text("GET", "/healthz")).status, 200);
    std::optional<HttpConnection> third;
    third.emplace(port_);
    const HttpReply refused = third->exchange(request_text("GET", "/healthz", {"Accept-Language: en"}));
    ASSERT_EQ(refused.status, 503);
    EXPECT_EQ(error_of(refused)["code"], "unavailable");
    EXPECT_TRUE(refused.header("retry-after"));
    EXPECT_TRUE(third->closed_within(5s));
    // Once one closes, there is room again. (A refused connection holds its place until its
    // client has closed too, or for the server's linger at most.)
    third.reset();
    first.reset();
    int status = 0;
    for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
        status = get("/healthz").status;
        if (status != 200) std::this_thread::sleep_for(20ms);
    }
    EXPECT_EQ(status, 200);
}

TEST_F(ServeTest, CutsOffAClientWhoseRequestDoesNotArriveInTime) {
    start({"--read-timeout", "1"});
    HttpConnection slow(port_);
    const auto begin = std::chrono::steady_clock::now();
    ASSERT_TRUE(slow.send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));  // and never the end of the header
    std::this_thread::sleep_for(300ms);
    ASSERT_TRUE(slow.send("X-Slow: 1\r\n"));  // a trickle does not extend the deadline
    EXPECT_TRUE(slow.closed_within(5s));
    const auto took = std::chrono::steady_clock::now() - begin;
    EXPECT_GE(took, 900ms);
    EXPECT_LT(took, 4s);
    HttpConnection silent(port_);  // sends nothing at all
    EXPECT_TRUE(silent.closed_within(5s));
    EXPECT_EQ(get("/healthz").status, 200) << "the server still answers";
}

TEST_F(ServeTest, ClosesAKeptAliveConnectionLeftIdle) {
    start({"--idle-timeout", "1"});
    HttpConnection c(port_);
    ASSERT_EQ(c.exchange(request_text("GET", "/healthz")).status, 200);
    const auto begin = std::chrono::steady_clock::now();
    EXPECT_TRUE(c.closed_within(5s));
    EXPECT_GE(std::chrono::steady_clock::now() - begin, 900ms);
}

}  // namespace
}  // namespace parscore::testing
