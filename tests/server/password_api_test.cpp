// PUT /api/v1/me/password (docs/api.md, "Signing in and the account"): allowed while a generated
// password must be changed, lifting that gate; the current password is required, the password
// rules apply, and every session of the account ends — the browser gets a fresh one.
#include "app_fixture.hpp"
#include "role_api_fixture.hpp"

namespace parscore::server::testing {
namespace {

using app::testing::AppTest;

const std::string kNew = "một-mật-khẩu-mới-dài";

class PasswordApi : public AppTest {
protected:
    void SetUp() override {
        import_test_units();
        client_.emplace(database_, "so-tu-phap");
        client_->exec("UPDATE accounts SET must_change = 1 WHERE login = 'inspector'");
    }

    struct Session {
        std::string cookie, csrf;
    };

    HttpResponse sign_in(const std::string& password) const {
        return client_->send("", "POST", "/api/v1/session",
                             nlohmann::json{{"login", "inspector"}, {"password", password}}.dump());
    }

    static Session session_of(const HttpResponse& r) {
        const std::string set = std::string(r.header("set-cookie").value_or(""));
        return {set.substr(0, set.find(';')), json_of(r).value("csrf_token", "")};
    }

    HttpResponse as(const Session& s, const std::string& method, const std::string& path,
                    const std::string& body = "") const {
        return client_->send("", method, path, body, {{"cookie", s.cookie}, {"x-csrf-token", s.csrf}});
    }

    static std::string change(const std::string& current, const std::string& replacement) {
        return nlohmann::json{{"current", current}, {"new", replacement}}.dump();
    }

    std::optional<RoleClient> client_;
};

TEST_F(PasswordApi, ChangingTheGeneratedPasswordLiftsTheGateAndEndsEverySession) {
    const Session mine = session_of(sign_in(kRolePassword));
    const Session other = session_of(sign_in(kRolePassword));
    EXPECT_EQ(code_of(as(mine, "GET", "/api/v1/units")), "password_change_required");

    const HttpResponse r = as(mine, "PUT", "/api/v1/me/password", change(kRolePassword, kNew));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(json_of(r)["must_change_password"], false);
    const Session fresh = session_of(r);
    EXPECT_NE(fresh.cookie, mine.cookie);
    EXPECT_NE(fresh.csrf, mine.csrf);
    EXPECT_NE(r.header("set-cookie")->find("HttpOnly"), std::string::npos);

    EXPECT_EQ(as(mine, "GET", "/api/v1/me").status, 401);
    EXPECT_EQ(as(other, "GET", "/api/v1/me").status, 401);
    EXPECT_EQ(as(fresh, "GET", "/api/v1/units").status, 200);
    EXPECT_EQ(client_->text("SELECT must_change FROM accounts WHERE login = 'inspector'"), "0");
    EXPECT_EQ(sign_in(kRolePassword).status, 401);
    EXPECT_EQ(sign_in(kNew).status, 200);
    EXPECT_EQ(client_->text("SELECT count(*) FROM audit WHERE account = 'inspector' AND action = 'password reset'"),
              "1");
}

TEST_F(PasswordApi, RefusedChangesLeaveEverythingAsItWas) {
    const Session mine = session_of(sign_in(kRolePassword));
    const std::string hash = client_->text("SELECT password_hash FROM accounts WHERE login = 'inspector'");
    const HttpResponse wrong = as(mine, "PUT", "/api/v1/me/password", change("not-the-password", kNew));
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(code_of(wrong), "wrong_password");
    EXPECT_EQ(client_->text("SELECT password_hash FROM accounts WHERE login = 'inspector'"), hash);
    // From here on nothing changes at all (the wrong password was counted as a failed login).
    const std::string before = client_->state();
    const HttpResponse weak = as(mine, "PUT", "/api/v1/me/password", change(kRolePassword, "short"));
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(code_of(weak), "weak_password");
    EXPECT_EQ(as(mine, "PUT", "/api/v1/me/password", change(kRolePassword, "inspector")).status, 422);
    EXPECT_EQ(as(mine, "PUT", "/api/v1/me/password", change(kRolePassword, kRolePassword)).status, 422);
    EXPECT_EQ(as(mine, "PUT", "/api/v1/me/password", "{\"current\": \"x\"}").status, 400);
    EXPECT_EQ(as(mine, "PUT", "/api/v1/me/password", "{\"current\": 1, \"new\": 2}").status, 400);
    const HttpResponse no_csrf = client_->send("", "PUT", "/api/v1/me/password", change(kRolePassword, kNew),
                                               {{"cookie", mine.cookie}});
    EXPECT_EQ(no_csrf.status, 403);
    EXPECT_EQ(client_->send("", "PUT", "/api/v1/me/password", change(kRolePassword, kNew)).status, 401);
    EXPECT_EQ(client_->state(), before);
    EXPECT_EQ(as(mine, "GET", "/api/v1/me").status, 200);  // the session lives on
}

TEST_F(PasswordApi, WrongCurrentPasswordsCountAsFailedLoginsAndAreThrottled) {
    // A borrowed session (a device left signed in) must not let anyone guess the password.
    const Session mine = session_of(sign_in(kRolePassword));
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(as(mine, "PUT", "/api/v1/me/password", change("guess-" + std::to_string(i), kNew)).status, 403);
    }
    EXPECT_EQ(client_->text("SELECT count(*) FROM login_failures WHERE login = 'inspector'"), "5");
    const HttpResponse throttled = as(mine, "PUT", "/api/v1/me/password", change(kRolePassword, kNew));
    EXPECT_EQ(throttled.status, 429) << throttled.body;
    EXPECT_EQ(code_of(throttled), "too_many_requests");
    EXPECT_TRUE(throttled.header("retry-after"));
    EXPECT_EQ(sign_in(kRolePassword).status, 429) << "the same count throttles signing in";
    EXPECT_EQ(client_->text("SELECT must_change FROM accounts WHERE login = 'inspector'"), "1") << "nothing changed";
}

TEST_F(PasswordApi, ATokensCallerChangesItsPasswordWithoutASession) {
    const Session browser = session_of(sign_in(kRolePassword));
    const HttpResponse r = client_->send("inspector", "PUT", "/api/v1/me/password", change(kRolePassword, kNew));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_FALSE(r.header("set-cookie").has_value());
    EXPECT_FALSE(json_of(r).contains("csrf_token"));
    EXPECT_EQ(as(browser, "GET", "/api/v1/me").status, 401);
    EXPECT_EQ(client_->send("inspector", "GET", "/api/v1/units").status, 200);
    EXPECT_EQ(client_->text("SELECT count(*) FROM sessions WHERE ended_at IS NULL"), "0");
}

}  // namespace
}  // namespace parscore::server::testing
