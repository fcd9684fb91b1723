// Signing in and out (docs/accounts.md, "Sessions"): passwords checked against their Argon2id
// hash, sessions stored only as hashes, idle and absolute expiry, failed logins counted per login
// and per address, throttling even with the right password, and the audit rows each leaves.
#include "parscore/app/sessions.hpp"

#include "app_fixture.hpp"
#include "parscore/accounts/password.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/app/accounts.hpp"

namespace parscore::app::testing {
namespace {

using namespace std::chrono_literals;

const std::string kPassword = "mật-khẩu-đủ-dài";

class Sessions : public AppTest {
protected:
    void SetUp() override {
        import_test_units();
        const std::string hash = accounts::hash_password(kPassword);
        for (const char* login : {"lan", "minh"}) {
            exec("INSERT INTO accounts VALUES ('" + std::string(login) + "', 'Lan', 'office', NULL, 'vi', '" + hash +
                 "', 0, 0, 't', 't', NULL)");
        }
    }

    LoginOutcome sign_in(const std::string& login, const std::string& password, Clock::time_point at,
                         const std::string& address = "10.0.0.1") {
        auto r = request<LoginRequest>();
        r.login = login;
        r.password = password;
        r.address = address;
        r.now = at;
        return login_with(r);
    }
    static LoginOutcome login_with(const LoginRequest& r) { return app::login(r); }

    std::optional<SignedIn> resume(const std::string& id, Clock::time_point at) {
        auto r = request<SessionRequest>();
        r.session_id = id;
        r.now = at;
        return resume_session(r, "10.0.0.1");
    }

    const Clock::time_point t0_ = Clock::from_time_t(1765000000);
};

TEST_F(Sessions, TheRightPasswordStartsASessionKeptOnlyAsHashes) {
    const LoginOutcome ok = sign_in("lan", kPassword, t0_);
    ASSERT_EQ(ok.result, LoginOutcome::Result::SignedIn);
    EXPECT_TRUE(accounts::looks_like_secret(ok.session_id));
    EXPECT_TRUE(accounts::looks_like_secret(ok.csrf_token));
    EXPECT_NE(ok.session_id, ok.csrf_token);
    ASSERT_TRUE(ok.account);
    EXPECT_EQ(ok.account->login, "lan");
    EXPECT_EQ(query("SELECT count(*) FROM sessions WHERE id_hash = '" + accounts::token_hash(ok.session_id) +
                    "' AND csrf_hash = '" + accounts::token_hash(ok.csrf_token) + "'"),
              "1");
    EXPECT_EQ(query("SELECT count(*) FROM sessions WHERE id_hash = '" + ok.session_id + "'"), "0");
    EXPECT_EQ(query("SELECT last_login FROM accounts WHERE login = 'lan'"), store_time(t0_));
    EXPECT_EQ(query("SELECT account || ' ' || address || ' ' || action FROM audit ORDER BY no DESC LIMIT 1"),
              "lan 10.0.0.1 login");
    // A new id at every login.
    EXPECT_NE(sign_in("lan", kPassword, t0_ + 1s).session_id, ok.session_id);
}

TEST_F(Sessions, AWrongPasswordAndAnUnknownLoginAreRefusedAlikeAndCounted) {
    EXPECT_EQ(sign_in("lan", "sai-mật-khẩu", t0_).result, LoginOutcome::Result::Refused);
    EXPECT_EQ(sign_in("nobody", kPassword, t0_).result, LoginOutcome::Result::Refused);
    EXPECT_EQ(query("SELECT count(*) FROM login_failures"), "2");
    EXPECT_EQ(query("SELECT group_concat(account || ' ' || action, ', ') FROM audit"),
              "lan login failed, nobody login failed");
    EXPECT_EQ(query("SELECT count(*) FROM sessions"), "0");
}

TEST_F(Sessions, FiveFailuresForALoginStopItsLoginsUntilTheWindowPasses) {
    for (int i = 0; i < 5; ++i) ASSERT_EQ(sign_in("lan", "sai", t0_ + i * 1s).result, LoginOutcome::Result::Refused);
    const LoginOutcome stopped = sign_in("lan", kPassword, t0_ + 10s);
    EXPECT_EQ(stopped.result, LoginOutcome::Result::Throttled);
    EXPECT_EQ(stopped.retry_after, 15min - 10s);
    EXPECT_EQ(query("SELECT count(*) FROM sessions"), "0");
    EXPECT_EQ(sign_in("minh", kPassword, t0_ + 10s).result, LoginOutcome::Result::SignedIn);  // another login
    EXPECT_EQ(sign_in("lan", kPassword, t0_ + 15min + 5s).result, LoginOutcome::Result::SignedIn);
}

TEST_F(Sessions, TwentyFailuresFromOneAddressStopItsLogins) {
    for (int i = 0; i < 20; ++i) sign_in("guess" + std::to_string(i), "sai", t0_, "10.9.9.9");
    EXPECT_EQ(sign_in("lan", kPassword, t0_ + 1s, "10.9.9.9").result, LoginOutcome::Result::Throttled);
    EXPECT_EQ(sign_in("lan", kPassword, t0_ + 1s, "10.0.0.2").result, LoginOutcome::Result::SignedIn);
}

TEST_F(Sessions, ADisabledAccountCannotSignIn) {
    exec("UPDATE accounts SET disabled = 1 WHERE login = 'lan'");
    EXPECT_EQ(sign_in("lan", kPassword, t0_).result, LoginOutcome::Result::Refused);
}

TEST_F(Sessions, ASessionEndsWhenIdleOrOldOrLoggedOutOrItsAccountDisabled) {
    const std::string id = sign_in("lan", kPassword, t0_).session_id;
    ASSERT_TRUE(resume(id, t0_ + 29min));
    // Each request moves last_seen: active use keeps it alive past 30 minutes …
    ASSERT_TRUE(resume(id, t0_ + 58min));
    EXPECT_FALSE(resume(id, t0_ + 58min + 31min));  // … idleness ends it
    const std::string busy = sign_in("lan", kPassword, t0_).session_id;
    for (auto at = t0_ + 20min; at < t0_ + 12h; at += 20min) ASSERT_TRUE(resume(busy, at));
    EXPECT_FALSE(resume(busy, t0_ + 12h + 1s));  // absolute limit
    EXPECT_FALSE(resume("not-a-session", t0_));
    EXPECT_FALSE(resume(accounts::random_secret(), t0_));

    const std::string out = sign_in("lan", kPassword, t0_).session_id;
    auto r = request<SessionRequest>();
    r.session_id = out;
    r.now = t0_ + 1min;
    EXPECT_TRUE(logout(r, "10.0.0.1"));
    EXPECT_FALSE(resume(out, t0_ + 2min));
    EXPECT_FALSE(logout(r, "10.0.0.1"));
    EXPECT_EQ(query("SELECT action FROM audit ORDER BY no DESC LIMIT 1"), "logout");

    const std::string live = sign_in("minh", kPassword, t0_).session_id;
    exec("UPDATE accounts SET disabled = 1 WHERE login = 'minh'");
    EXPECT_FALSE(resume(live, t0_ + 1min));
}

TEST_F(Sessions, APasswordResetOrDisablingEndsSessionsForGood) {
    const std::string a = sign_in("lan", kPassword, t0_).session_id;
    auto reset = request<PasswordResetRequest>();
    reset.login = "lan";
    reset_password(reset);
    EXPECT_FALSE(resume(a, t0_ + 1min));
    const std::string b = sign_in("minh", kPassword, t0_).session_id;
    auto off = request<UserEnableRequest>();
    off.login = "minh";
    off.enabled = false;
    enable_user(off);
    auto on = off;
    on.enabled = true;
    enable_user(on);
    EXPECT_FALSE(resume(b, t0_ + 1min));  // enabling again does not bring old sessions back
}

TEST_F(Sessions, AWeakerHashIsRenewedAtLogin) {
    const std::string weak = accounts::hash_password(kPassword, accounts::HashCost{1, 8 * 1024 * 1024});
    exec("UPDATE accounts SET password_hash = '" + weak + "' WHERE login = 'lan'");
    ASSERT_EQ(sign_in("lan", kPassword, t0_).result, LoginOutcome::Result::SignedIn);
    const std::string renewed = query("SELECT password_hash FROM accounts WHERE login = 'lan'");
    EXPECT_NE(renewed, weak);
    EXPECT_FALSE(accounts::needs_rehash(renewed));
    EXPECT_TRUE(accounts::verify_password(renewed, kPassword));
}

TEST_F(Sessions, TheCsrfTokenIsTheSessionsOwn) {
    const LoginOutcome a = sign_in("lan", kPassword, t0_);
    const LoginOutcome b = sign_in("minh", kPassword, t0_);
    const std::optional<SignedIn> session = resume(a.session_id, t0_ + 1s);
    ASSERT_TRUE(session);
    EXPECT_TRUE(csrf_matches(*session, a.csrf_token));
    EXPECT_FALSE(csrf_matches(*session, b.csrf_token));
    EXPECT_FALSE(csrf_matches(*session, ""));
    EXPECT_FALSE(csrf_matches(*session, a.session_id));
}

TEST(StoreTime, IsTheStoresFormatInUtc) {
    EXPECT_EQ(store_time(Clock::from_time_t(0) + std::chrono::microseconds(1500)), "1970-01-01T00:00:00.001500Z");
    EXPECT_EQ(store_time(Clock::from_time_t(1765000000)), "2025-12-06T05:46:40.000000Z");
}

}  // namespace
}  // namespace parscore::app::testing
