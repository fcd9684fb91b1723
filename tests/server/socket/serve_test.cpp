// `parscore serve` on the wire (docs/server.md, "Serving"): health, sign-in with its cookie, the
// JSON log line of each request, HEAD, keep-alive and the security headers.
#include <atomic>
#include <thread>

#include "serve_fixture.hpp"

namespace parscore::testing {
namespace {

/// The request is answered 200 with Connection: close, and the server then closes.
void expect_last_answer(HttpConnection& c, const std::string& request) {
    const HttpReply r = c.exchange(request);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.header("connection"), "close");
    EXPECT_TRUE(c.closed_within(3s));
}

TEST_F(ServeTest, AnswersHealthWithSecurityHeaders) {
    start();
    const HttpReply r = get("/healthz");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(nlohmann::json::parse(r.body), nlohmann::json({{"status", "ok"}}));
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.header("x-frame-options"), "DENY");
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
    EXPECT_EQ(r.header("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    EXPECT_TRUE(r.header("date"));
    EXPECT_FALSE(r.header("strict-transport-security")) << "only under TLS";
    EXPECT_FALSE(r.header("server")) << "the server does not advertise itself";
}

TEST_F(ServeTest, SignsInWithASessionCookieThatThenSignsIn) {
    start();
    HttpConnection c(port_);
    const HttpReply in = sign_in(c, "lan");
    ASSERT_EQ(in.status, 200) << in.body;
    const std::string cookie = in.header("set-cookie").value_or("");
    EXPECT_EQ(cookie.rfind("parscore=", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("; Path=/; HttpOnly; SameSite=Lax"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
    const HttpReply me = c.exchange(
        request_text("GET", "/api/v1/me", {"Cookie: " + cookie.substr(0, cookie.find(';'))}));
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(nlohmann::json::parse(me.body)["login"], "lan");
    EXPECT_EQ(get("/api/v1/me").status, 401);
}

TEST_F(ServeTest, LogsOneJsonLinePerRequestWithoutQueryCookieOrSecrets) {
    start();
    HttpConnection c(port_);
    const HttpReply in = sign_in(c, "lan");
    ASSERT_EQ(in.status, 200);
    const std::string session = in.header("set-cookie")->substr(9, in.header("set-cookie")->find(';') - 9);
    const std::string csrf = nlohmann::json::parse(in.body)["csrf_token"];
    ASSERT_EQ(c.exchange(request_text("GET", "/api/v1/units?unit=bi-mat-42",
                                      {"Cookie: parscore=" + session, "X-CSRF-Token: " + csrf}))
                  .status,
              200);
    ASSERT_EQ(get("/nowhere?token=bi-mat-43").status, 404);

    const std::vector<nlohmann::json> lines = request_lines(3);
    ASSERT_EQ(lines.size(), 3u) << server_->err();
    EXPECT_EQ(lines[0]["method"], "POST");
    EXPECT_EQ(lines[0]["path"], "/api/v1/session");
    EXPECT_EQ(lines[0]["status"], 200);
    EXPECT_TRUE(lines[0]["account"].is_null()) << "signing in is anonymous";
    EXPECT_EQ(lines[1]["path"], "/api/v1/units");
    EXPECT_EQ(lines[1]["account"], "lan");
    EXPECT_EQ(lines[2]["path"], "/nowhere");
    EXPECT_EQ(lines[2]["status"], 404);
    for (const nlohmann::json& line : lines) {
        EXPECT_TRUE(line["ms"].is_number()) << line;
        EXPECT_EQ(line["level"], "info") << line;
        EXPECT_EQ(line["time"].get<std::string>().size(), 24u) << line;  // 2026-12-06T17:00:00.123Z
    }
    const std::string log = server_->err();
    for (const std::string& secret : {session, csrf, kPassword, std::string("bi-mat-42"), std::string("bi-mat-43")})
        EXPECT_EQ(log.find(secret), std::string::npos) << secret << " in\n" << log;
    EXPECT_EQ(log.find('?'), std::string::npos) << log;
}

TEST_F(ServeTest, AQuieterLogLevelKeepsOnlyTheStartAndStop) {
    start({"--log-level", "warn"});  // as bench/server/load.sh spells it
    ASSERT_EQ(get("/healthz").status, 200);
    ASSERT_EQ(get("/nowhere").status, 404);
    EXPECT_EQ(stop(), 0);
    std::vector<std::string> events;
    for (const nlohmann::json& line : log_lines()) events.push_back(line.value("event", ""));
    EXPECT_EQ(events, (std::vector<std::string>{"listening", "stopping", "stopped"})) << server_->err();
}

TEST_F(ServeTest, ParallelClientsAreAllAnswered) {
    start({"--threads", "4"});
    std::string cookie;
    {
        HttpConnection c(port_);
        const HttpReply in = sign_in(c, "lan");
        ASSERT_EQ(in.status, 200);
        cookie = in.header("set-cookie")->substr(0, in.header("set-cookie")->find(';'));
    }
    // Each request resumes the session, which writes: the writers take turns, none fails.
    std::vector<std::thread> clients;
    std::atomic<int> answered{0};
    for (int t = 0; t < 8; ++t) {
        clients.emplace_back([&] {
            HttpConnection c(port_);
            for (int i = 0; i < 10; ++i) {
                if (c.exchange(request_text("GET", "/api/v1/me", {"Cookie: " + cookie})).status == 200) ++answered;
            }
        });
    }
    for (std::thread& t : clients) t.join();
    EXPECT_EQ(answered, 80);
    EXPECT_EQ(request_lines(81).size(), 81u);
}

TEST_F(ServeTest, HeadAnswersWithTheLengthOfGetAndNoBody) {
    start();
    HttpConnection c(port_);
    const HttpReply head = c.exchange(request_text("HEAD", "/healthz"), true);
    ASSERT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    const HttpReply full = c.exchange(request_text("GET", "/healthz"));
    ASSERT_EQ(full.status, 200) << "the connection survived the HEAD";
    EXPECT_EQ(head.header("content-length"), std::to_string(full.body.size()));
}

TEST_F(ServeTest, KeepsAConnectionAliveUntilTheClientAsksToClose) {
    start();
    HttpConnection c(port_);
    for (int i = 0; i < 3; ++i) {
        const HttpReply r = c.exchange(request_text("GET", "/healthz"));
        ASSERT_EQ(r.status, 200) << "request " << i;
        EXPECT_NE(r.header("connection"), "close");
    }
    expect_last_answer(c, request_text("GET", "/healthz", {"Connection: close"}));
}

TEST_F(ServeTest, ClosesAKeptAliveConnectionAfterItsHundredthRequest) {
    start();
    HttpConnection c(port_);
    for (int i = 1; i < 100; ++i) ASSERT_NE(c.exchange(request_text("GET", "/healthz")).header("connection"), "close");
    expect_last_answer(c, request_text("GET", "/healthz"));  // the hundredth
}

TEST_F(ServeTest, AnswersPipelinedRequestsInOrder) {
    start();
    HttpConnection c(port_);
    ASSERT_TRUE(c.send(request_text("GET", "/healthz") + request_text("GET", "/nowhere")));
    EXPECT_EQ(c.read_reply().status, 200);
    EXPECT_EQ(c.read_reply().status, 404);
}

TEST_F(ServeTest, SendsContinueToAClientThatWaitsForIt) {
    start();
    HttpConnection c(port_);
    const std::string body = sign_in_body("lan");
    ASSERT_TRUE(
        c.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Expect: 100-continue\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n"));
    ASSERT_EQ(c.read_reply(5s).status, 100) << "the body is asked for before it is sent";
    ASSERT_TRUE(c.send(body));
    EXPECT_EQ(c.read_reply().status, 200);
}

}  // namespace
}  // namespace parscore::testing
