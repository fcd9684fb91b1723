#pragma once
// Signing in and out of the server, and finding who a request comes from (docs/accounts.md,
// "Sessions"). A session id and its CSRF token are 256 random bits each, given to the client once
// and kept only as SHA-256 hashes. A session ends after `idle` without a request, `absolute`
// after it began, at logout, and when its account is disabled or its password changes. Too many
// failed logins for one login, or from one address, within `window` stop every login from them —
// even with the right password — until the window has passed.
#include <chrono>
#include <optional>
#include <string>

#include "parscore/app/actor.hpp"
#include "parscore/app/request.hpp"
#include "parscore/inspections/account.hpp"

namespace parscore::app {

using Clock = std::chrono::system_clock;

struct SessionPolicy {
    std::chrono::seconds idle = std::chrono::minutes(30);
    std::chrono::seconds absolute = std::chrono::hours(12);
    std::chrono::seconds window = std::chrono::minutes(15);
    std::size_t max_failures_per_login = 5;
    std::size_t max_failures_per_address = 20;
};

struct LoginRequest : StoreRequest {
    std::string login, password;
    std::string address;  // the client's address: failures are counted and audited under it
    Clock::time_point now = Clock::now();
    SessionPolicy policy;
};

struct LoginOutcome {
    enum class Result {
        SignedIn,
        Refused,    // unknown login, wrong password or disabled account: the client is told the same
        Throttled,  // too many failures: nothing was checked
    };
    Result result = Result::Refused;
    std::chrono::seconds retry_after{0};  // Throttled: until the window has passed
    std::string session_id, csrf_token;   // SignedIn: for the client, once
    std::optional<inspections::Account> account;
};

/// Checks the password; a success starts a session (its password hash renewed when its cost is
/// below today's), a failure is counted and audited.
LoginOutcome login(const LoginRequest& request);

struct SessionRequest : StoreRequest {
    std::string session_id;  // as the client sent it
    Clock::time_point now = Clock::now();
    SessionPolicy policy;
};

/// Who a live session acts as.
struct SignedIn {
    Actor actor;
    inspections::Account account;
    std::string session_hash;  // of the session id; empty for an API token
    std::string csrf_hash;     // of the session's CSRF token; empty for an API token
};

/// The account a session acts as, its last_seen moved forward; nothing when the id is malformed,
/// unknown, ended, idle or too old, or its account is disabled.
std::optional<SignedIn> resume_session(const SessionRequest& request, const std::string& address);

/// The account an API token acts as (its use noted); nothing when it is malformed, unknown,
/// revoked or expired, or its account is disabled.
std::optional<SignedIn> resume_token(const StoreRequest& request, std::string_view token, const std::string& address,
                                     Clock::time_point now);

/// Whether `token` is the session's CSRF token (compared in constant time).
bool csrf_matches(const SignedIn& session, std::string_view token);

/// Ends the session (audited as "logout"); false when it was not live.
bool logout(const SessionRequest& request, const std::string& address);

struct PasswordChangeRequest : StoreRequest {
    std::string login;  // the signed-in account changing its own password
    std::string current, replacement;
    std::string address;
    Clock::time_point now = Clock::now();
    bool start_session = true;  // false for a caller with an API token, which needs none
    SessionPolicy policy;       // a wrong current password counts as a failed login
};

/// A signed-in account changes its own password: Forbidden when `current` is not its password
/// (counted as a failed login, so that a borrowed session cannot guess it),
/// Invalid when `replacement` breaks the password rules or is the current one. The account's
/// sessions all end (audited as "password reset") and it need not change it any more; a fresh
/// session, given back, replaces the one the change was made from, so that an id seen before
/// the change is worth nothing after it.
struct PasswordChangeOutcome {
    std::string session_id, csrf_token;  // the fresh session, for the client, once (none unless asked)
    /// Not zero: refused unchecked, as a login would be, after too many failures of the account or
    /// the address; when the client may try again.
    std::chrono::seconds retry_after{0};
};

PasswordChangeOutcome change_password(const PasswordChangeRequest& request);

/// "2025-06-15T10:11:12.123456Z": the store's form of a time.
std::string store_time(Clock::time_point t);

}  // namespace parscore::app
