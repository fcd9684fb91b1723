// The API's front door (docs/server.md): health, signing in and out with a session cookie or a
// bearer token, CSRF and Origin checks, the password-change gate, unknown paths and methods, and
// errors in the reader's language.
#include "parscore/server/api.hpp"

#include <nlohmann/json.hpp>

#include "app_fixture.hpp"
#include "parscore/accounts/password.hpp"
#include "parscore/accounts/token.hpp"

namespace parscore::server::testing {
namespace {

using app::testing::AppTest;
using namespace std::chrono_literals;

const std::string kPassword = "mật-khẩu-đủ-dài";

class ApiTest : public AppTest {
protected:
    void SetUp() override {
        import_test_units();
        const std::string hash = accounts::hash_password(kPassword);
        exec("INSERT INTO accounts VALUES ('lan', 'Nguyễn Thị Lan', 'office', NULL, 'vi', '" + hash +
             "', 0, 0, 't', 't', NULL)");
        exec("INSERT INTO accounts VALUES ('moi', 'Người mới', 'inspector', NULL, 'en', '" + hash +
             "', 1, 0, 't', 't', NULL)");
        ApiConfig config;
        config.database = db();
        config.origin = "http://127.0.0.1:8080";
        config.now = [this] { return now_; };
        api_.emplace(config);
    }

    HttpResponse send(std::string method, std::string path, std::string body = "",
                      std::map<std::string, std::string> headers = {}) {
        HttpRequest r;
        r.method = std::move(method);
        r.path = std::move(path);
        r.body = std::move(body);
        r.headers = std::move(headers);
        r.client_address = "10.0.0.7";
        if (!r.body.empty() && !r.headers.count("content-type")) r.headers["content-type"] = "application/json";
        return api_->handle(r);
    }

    /// Signs in; returns the cookie header value and the CSRF token.
    std::pair<std::string, std::string> sign_in(const std::string& login) {
        const HttpResponse r = send("POST", "/api/v1/session",
                                    nlohmann::json{{"login", login}, {"password", kPassword}}.dump());
        EXPECT_EQ(r.status, 200) << r.body;
        const std::string set = std::string(r.header("set-cookie").value_or(""));
        return {set.substr(0, set.find(';')), nlohmann::json::parse(r.body).value("csrf_token", "")};
    }

    static nlohmann::json body(const HttpResponse& r) { return nlohmann::json::parse(r.body); }
    static std::string code(const HttpResponse& r) { return body(r)["error"]["code"]; }

    app::Clock::time_point now_ = app::Clock::from_time_t(1765000000);
    std::optional<Api> api_;
};

TEST_F(ApiTest, HealthNeedsNoSignIn) {
    const HttpResponse r = send("GET", "/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(body(r), nlohmann::json({{"status", "ok"}}));
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
}

TEST_F(ApiTest, SigningInSetsASessionCookieAndAnswersTheAccount) {
    const HttpResponse r = send("POST", "/api/v1/session",
                                nlohmann::json{{"login", "lan"}, {"password", kPassword}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
    const nlohmann::json a = body(r);
    EXPECT_EQ(a["login"], "lan");
    EXPECT_EQ(a["role"], "office");
    EXPECT_TRUE(a["scope"].is_null());
    EXPECT_EQ(a["must_change_password"], false);
    EXPECT_EQ(a["csrf_token"].get<std::string>().size(), 43u);
    const std::string cookie(r.header("set-cookie").value_or(""));
    EXPECT_EQ(cookie.rfind("parscore=", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("; Path=/; HttpOnly; SameSite=Lax"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos);
    const auto [session, csrf] = sign_in("lan");
    const HttpResponse me = send("GET", "/api/v1/me", "", {{"cookie", session}});
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(body(me)["name"], "Nguyễn Thị Lan");
}

TEST_F(ApiTest, UnderTlsTheCookieIsSecureWithTheHostPrefix) {
    ApiConfig config;
    config.database = db();
    config.tls = true;
    const HttpResponse r = Api(config).handle([&] {
        HttpRequest q;
        q.method = "POST";
        q.path = "/api/v1/session";
        q.headers["content-type"] = "application/json";
        q.body = nlohmann::json{{"login", "lan"}, {"password", kPassword}}.dump();
        return q;
    }());
    const std::string cookie(r.header("set-cookie").value_or(""));
    EXPECT_EQ(cookie.rfind("__Host-parscore=", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
}

TEST_F(ApiTest, AWrongPasswordAndAnUnknownLoginGetTheSameAnswer) {
    const HttpResponse wrong = send("POST", "/api/v1/session",
                                    nlohmann::json{{"login", "lan"}, {"password", "sai mật khẩu"}}.dump());
    const HttpResponse unknown = send("POST", "/api/v1/session",
                                      nlohmann::json{{"login", "ai-do"}, {"password", kPassword}}.dump());
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_EQ(code(wrong), "unauthenticated");
    EXPECT_FALSE(wrong.header("set-cookie"));
}

TEST_F(ApiTest, FailedLoginsAreThrottledWithRetryAfter) {
    for (int i = 0; i < 5; ++i)
        send("POST", "/api/v1/session", nlohmann::json{{"login", "lan"}, {"password", "sai"}}.dump());
    now_ += 60s;
    const HttpResponse r = send("POST", "/api/v1/session",
                                nlohmann::json{{"login", "lan"}, {"password", kPassword}}.dump());
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.header("retry-after"), std::to_string((15min - 60s) / 1s));
}

TEST_F(ApiTest, ALoginMustBeJson) {
    EXPECT_EQ(
        send("POST", "/api/v1/session", "login=lan", {{"content-type", "application/x-www-form-urlencoded"}}).status,
        415);
    const HttpResponse broken = send("POST", "/api/v1/session", "{\"login\": ");
    EXPECT_EQ(broken.status, 400);
    EXPECT_EQ(code(broken), "bad_request");
}

TEST_F(ApiTest, WithoutSignInOnlyHealthAndLoginAnswer) {
    const HttpResponse r = send("GET", "/api/v1/me");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(code(r), "unauthenticated");
    EXPECT_EQ(send("GET", "/api/v1/me", "", {{"cookie", "parscore=not-a-session"}}).status, 401);
}

TEST_F(ApiTest, SigningOutNeedsTheCsrfTokenAndEndsTheSession) {
    const auto [session, csrf] = sign_in("lan");
    const HttpResponse without = send("DELETE", "/api/v1/session", "", {{"cookie", session}});
    EXPECT_EQ(without.status, 403);
    const HttpResponse foreign =
        send("DELETE", "/api/v1/session", "",
             {{"cookie", session}, {"x-csrf-token", csrf}, {"origin", "https://evil.example"}});
    EXPECT_EQ(foreign.status, 403);
    EXPECT_EQ(send("GET", "/api/v1/me", "", {{"cookie", session}}).status, 200);
    const HttpResponse out = send("DELETE", "/api/v1/session", "",
                                  {{"cookie", session}, {"x-csrf-token", csrf}, {"origin", "http://127.0.0.1:8080"}});
    EXPECT_EQ(out.status, 200) << out.body;
    EXPECT_NE(out.header("set-cookie").value_or("").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(send("GET", "/api/v1/me", "", {{"cookie", session}}).status, 401);
}

TEST_F(ApiTest, ASessionEndsWhenIdle) {
    const auto [session, csrf] = sign_in("lan");
    now_ += 31min;
    EXPECT_EQ(send("GET", "/api/v1/me", "", {{"cookie", session}}).status, 401);
}

TEST_F(ApiTest, ABearerTokenActsWithoutCookieOrCsrf) {
    const accounts::NewToken token = accounts::generate_token();
    exec("INSERT INTO tokens(login, name, hash, created_at) VALUES ('lan', 'script', '" + token.hash + "', 't')");
    const HttpResponse me = send("GET", "/api/v1/me", "", {{"authorization", "Bearer " + token.secret}});
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(body(me)["login"], "lan");
    const std::string first_use = query("SELECT last_used FROM tokens");
    EXPECT_FALSE(first_use.empty());
    // The last use is written at most once a minute.
    now_ += 30s;
    ASSERT_EQ(send("GET", "/api/v1/me", "", {{"authorization", "Bearer " + token.secret}}).status, 200);
    EXPECT_EQ(query("SELECT last_used FROM tokens"), first_use);
    now_ += 31s;
    ASSERT_EQ(send("GET", "/api/v1/me", "", {{"authorization", "Bearer " + token.secret}}).status, 200);
    EXPECT_GT(query("SELECT last_used FROM tokens"), first_use);
    EXPECT_EQ(send("GET", "/api/v1/me", "", {{"authorization", "Bearer pst_nope"}}).status, 401);
    exec("UPDATE tokens SET revoked_at = 't'");
    EXPECT_EQ(send("GET", "/api/v1/me", "", {{"authorization", "Bearer " + token.secret}}).status, 401);
}

TEST_F(ApiTest, AGeneratedPasswordMustBeChangedFirst) {
    const auto [session, csrf] = sign_in("moi");
    const HttpResponse me = send("GET", "/api/v1/me", "", {{"cookie", session}});
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(body(me)["must_change_password"], true);
    const HttpResponse units = send("GET", "/api/v1/units", "", {{"cookie", session}});
    EXPECT_EQ(units.status, 403);
    EXPECT_EQ(code(units), "password_change_required");
}

TEST_F(ApiTest, UnitsWithinTheAccountsScope) {
    exec(
        "INSERT INTO accounts VALUES ('huyen', 'Huyện', 'office', 'ubnd-lac-son', 'vi', "
        "(SELECT password_hash FROM accounts WHERE login = 'lan'), 0, 0, 't', 't', NULL)");
    const auto [all, csrf] = sign_in("lan");
    const HttpResponse every = send("GET", "/api/v1/units", "", {{"cookie", all}});
    ASSERT_EQ(every.status, 200) << every.body;
    EXPECT_EQ(body(every).size(), 4u);
    EXPECT_EQ(body(every)[0]["id"], "so-noi-vu");
    const auto [scoped, csrf2] = sign_in("huyen");
    const nlohmann::json district = body(send("GET", "/api/v1/units", "", {{"cookie", scoped}}));
    ASSERT_EQ(district.size(), 2u);
    EXPECT_EQ(district[0]["id"], "ubnd-lac-son");
    EXPECT_EQ(district[1]["id"], "xa-an-binh");
    EXPECT_EQ(district[1]["parent"], "ubnd-lac-son");
}

TEST_F(ApiTest, UnknownPathsAndMethods) {
    EXPECT_EQ(send("GET", "/api/v1/nothing").status, 404);
    const HttpResponse wrong = send("PUT", "/api/v1/session");
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.header("allow"), "POST, DELETE");
}

TEST_F(ApiTest, EncodedSlashesAndTraversalNeverReachARoute) {
    for (const char* path : {"/api/v1/../v1/me", "/api/v1/%2e%2e/me", "/api%2Fv1/me", "/api/v1/me/", "/api/v1//me",
                             "/api/v1/m%ZZe", "api/v1/me", "/api/v1/%00me"}) {
        const HttpResponse r = send("GET", path);
        EXPECT_EQ(r.status, 404) << path;
        EXPECT_EQ(code(r), "not_found") << path;
    }
    EXPECT_EQ(send("GET", "/api/v1/m%65").status, 401);  // an escaped letter is that letter
}

TEST_F(ApiTest, ABodyOverItsRoutesLimitIsRefused) {
    EXPECT_EQ(api_->body_limit("POST", "/api/v1/session"), kBodyLimit);
    const HttpResponse r = send("POST", "/api/v1/session", std::string(kBodyLimit + 1, ' '));
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(code(r), "payload_too_large");
}

TEST_F(ApiTest, AFormPostMayCarryItsCsrfTokenAsAField) {
    const auto [cookie, csrf] = sign_in("lan");
    const HttpResponse wrong = send("DELETE", "/api/v1/session", "csrf_token=nope",
                                    {{"cookie", cookie}, {"content-type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(wrong.status, 403);
    const HttpResponse right = send("DELETE", "/api/v1/session", "a=1&csrf_token=" + csrf,
                                    {{"cookie", cookie}, {"content-type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(right.status, 200) << right.body;
}

TEST_F(ApiTest, HeadAnswersLikeGetWithoutABody) {
    const HttpResponse r = send("HEAD", "/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.body.empty());
}

TEST_F(ApiTest, MessagesFollowTheAccountElseTheBrowser) {
    const HttpResponse vi = send("GET", "/api/v1/me");
    const HttpResponse en = send("GET", "/api/v1/me", "", {{"accept-language", "en-US,en;q=0.9"}});
    EXPECT_EQ(code(vi), code(en));
    EXPECT_NE(body(vi)["error"]["message"], body(en)["error"]["message"]);
    EXPECT_EQ(body(en)["error"]["message"], "sign in first");
}

}  // namespace
}  // namespace parscore::server::testing
