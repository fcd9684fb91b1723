// What the listener decides without a socket (docs/server.md, "Serving"): the headers it adds,
// the client behind a proxy, listen addresses, and the log's JSON lines.
#include "wire.hpp"

#include <spdlog/logger.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "parscore/server/listener.hpp"

namespace parscore::server::testing {
namespace {

HttpResponse json_answer() {
    HttpResponse r;
    r.set_header("Content-Type", "application/json; charset=utf-8");
    return r;
}

std::optional<std::string> find(const std::vector<std::pair<std::string, std::string>>& headers,
                                const std::string& name) {
    for (const auto& [key, value] : headers) {
        if (key == name) return value;
    }
    return std::nullopt;
}

TEST(Wire, AddsSecurityHeadersTheAnswerLacks) {
    const auto plain = wire::extra_headers(json_answer(), false);
    EXPECT_EQ(find(plain, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(find(plain, "X-Frame-Options"), "DENY");
    EXPECT_EQ(find(plain, "Referrer-Policy"), "no-referrer");
    EXPECT_EQ(find(plain, "Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'");
    EXPECT_FALSE(find(plain, "Strict-Transport-Security"));
    EXPECT_EQ(find(wire::extra_headers(json_answer(), true), "Strict-Transport-Security"), "max-age=31536000");

    HttpResponse page;
    page.set_header("Content-Type", "text/html; charset=utf-8");
    page.set_header("x-frame-options", "SAMEORIGIN");
    const auto extra = wire::extra_headers(page, false);
    EXPECT_FALSE(find(extra, "Content-Security-Policy")) << "a page sets its own policy";
    EXPECT_FALSE(find(extra, "X-Frame-Options")) << "the answer's own header wins";
}

TEST(Wire, TakesTheClientFromTheLastForwardedHopOnlyBehindAProxy) {
    EXPECT_EQ(wire::client_address("10.0.0.1", "203.0.113.9", false), "10.0.0.1");
    EXPECT_EQ(wire::client_address("127.0.0.1", "203.0.113.9", true), "203.0.113.9");
    EXPECT_EQ(wire::client_address("127.0.0.1", "1.2.3.4, 203.0.113.9 ", true), "203.0.113.9")
        << "earlier hops are what the client claimed";
    EXPECT_EQ(wire::client_address("127.0.0.1", std::nullopt, true), "127.0.0.1");
    EXPECT_EQ(wire::client_address("127.0.0.1", "1.2.3.4,", true), "127.0.0.1");
}

TEST(Wire, ParsesListenAddresses) {
    using Address = std::optional<std::pair<std::string, std::uint16_t>>;
    EXPECT_EQ(parse_listen_address("127.0.0.1:8080"), Address({"127.0.0.1", 8080}));
    EXPECT_EQ(parse_listen_address("[::1]:0"), Address({"::1", 0}));
    EXPECT_EQ(parse_listen_address("localhost:443"), Address({"127.0.0.1", 443}));
    EXPECT_EQ(parse_listen_address("0.0.0.0:65535"), Address({"0.0.0.0", 65535}));
    for (const char* bad : {"8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "example.org:80",
                            "[::1:80", "127.0.0.1:80x"})
        EXPECT_FALSE(parse_listen_address(bad)) << bad;
}

TEST(Wire, KnowsLoopbackAddresses) {
    EXPECT_TRUE(is_loopback("127.0.0.1"));
    EXPECT_TRUE(is_loopback("127.8.9.10"));
    EXPECT_TRUE(is_loopback("::1"));
    EXPECT_FALSE(is_loopback("0.0.0.0"));
    EXPECT_FALSE(is_loopback("::"));
    EXPECT_FALSE(is_loopback("10.0.0.1"));
    EXPECT_FALSE(is_loopback("128.0.0.1"));
}

TEST(Wire, WritesHttpDates) { EXPECT_EQ(wire::http_date(1765040400), "Sat, 06 Dec 2025 17:00:00 GMT"); }

TEST(Wire, LogsEachLineAsOneJsonObject) {
    std::ostringstream err;
    auto log = make_server_log(err, "info");
    wire::RequestRecord r;
    r.method = "GET";
    r.path = "/api/v1/me";
    r.status = 200;
    r.milliseconds = 1.26;
    r.account = "lan";
    log->info(wire::request_fields(r));
    log->info(wire::request_fields(wire::RequestRecord{std::nullopt, std::nullopt, 431, 0.5, std::nullopt}));
    log->debug(wire::event_fields("connection_closed", {{"reason", "a \"quoted\"\nline"}}));
    std::istringstream lines(err.str());
    std::string line;
    ASSERT_TRUE(std::getline(lines, line));
    const nlohmann::json first = nlohmann::json::parse(line);
    EXPECT_EQ(first["level"], "info");
    EXPECT_EQ(first["event"], "request");
    EXPECT_EQ(first["method"], "GET");
    EXPECT_EQ(first["path"], "/api/v1/me");
    EXPECT_EQ(first["status"], 200);
    EXPECT_EQ(first["ms"], 1.3);
    EXPECT_EQ(first["account"], "lan");
    EXPECT_EQ(line.find("{\"time\":\""), 0u) << line;
    ASSERT_TRUE(std::getline(lines, line));
    const nlohmann::json second = nlohmann::json::parse(line);
    EXPECT_TRUE(second["method"].is_null());
    EXPECT_TRUE(second["account"].is_null());
    EXPECT_FALSE(std::getline(lines, line)) << "debug lines are below the level: " << line;

    std::ostringstream debug_err;
    make_server_log(debug_err, "debug")->debug(wire::event_fields("x", {{"reason", "a \"quoted\"\nline"}}));
    EXPECT_EQ(nlohmann::json::parse(debug_err.str())["reason"], "a \"quoted\"\nline") << debug_err.str();
}

TEST(Wire, AnswersItsOwnErrorsAsTheApiDoes) {
    HttpRequest english;
    english.headers["accept-language"] = "en";
    const HttpResponse r = wire::error_answer(413, "payload_too_large", core::T_("the request's body is too large"),
                                              english);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(nlohmann::json::parse(r.body),
              nlohmann::json(
                  {{"error", {{"code", "payload_too_large"}, {"message", "the request's body is too large"}}}}));
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
}

}  // namespace
}  // namespace parscore::server::testing
