#include "parscore/app/sessions.hpp"

#include <ctime>

#include "parscore/accounts/password.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/app/store.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;
using std::chrono::seconds;

std::string store_time(Clock::time_point t) {
    using namespace std::chrono;
    const auto micros = duration_cast<microseconds>(t.time_since_epoch()).count();
    const std::time_t secs = static_cast<std::time_t>(micros / 1000000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(micros % 1000000));
    return text;
}

namespace {

/// Seconds from `now` until a failure recorded at `oldest` leaves the window (at least 1).
seconds until_window_passes(const std::optional<std::string>& oldest, Clock::time_point now,
                            const SessionPolicy& policy) {
    // Failures are counted from now - window; the oldest leaves it window after it happened.
    std::tm tm{};
    long long micros = 0;
    if (!oldest || std::sscanf(oldest->c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%6lldZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                               &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &micros) != 7) {
        return policy.window;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const Clock::time_point at = Clock::from_time_t(timegm(&tm)) + std::chrono::microseconds(micros);
    const auto left = std::chrono::ceil<seconds>(at + policy.window - now);
    return std::max(left, seconds(1));
}

/// How long the login and the address must wait after their recent failures (0: not at all).
seconds throttle_wait(const ins::Store& store, const std::string& login, const std::string& address,
                      Clock::time_point now, const SessionPolicy& policy) {
    const auto counts = store.login_failures_since(login, address, store_time(now - policy.window));
    seconds wait{0};
    if (counts.login >= policy.max_failures_per_login)
        wait = std::max(wait, until_window_passes(counts.oldest_login, now, policy));
    if (counts.address >= policy.max_failures_per_address)
        wait = std::max(wait, until_window_passes(counts.oldest_address, now, policy));
    return wait;
}

bool throttled(const ins::Store& store, const LoginRequest& r, LoginOutcome& outcome) {
    const seconds wait = throttle_wait(store, r.login, r.address, r.now, r.policy);
    if (wait == seconds(0)) return false;
    outcome.result = LoginOutcome::Result::Throttled;
    outcome.retry_after = wait;
    return true;
}

}  // namespace

LoginOutcome login(const LoginRequest& r) {
    LoginOutcome outcome;
    translating_store_errors([&] {
        ins::Store store = open_store(r, ins::OpenMode::Existing);
        if (throttled(store, r, outcome)) return;
        std::optional<ins::Account> account = store.find_account(r.login);
        // A missing account still costs one hash check, so that timing tells nothing.
        static const std::string kDecoy = accounts::hash_password("parscore-decoy-password");
        const bool matches = accounts::verify_password(account ? account->password_hash : kDecoy, r.password);
        if (!account || account->disabled || !matches) {
            store.audit_as(ins::AuditContext{r.login, r.address});
            store.add_login_failure(r.login, r.address, store_time(r.now));
            return;
        }
        store.audit_as(ins::AuditContext{account->login, r.address});
        outcome.session_id = accounts::random_secret();
        outcome.csrf_token = accounts::csrf_token_for(outcome.session_id);
        const std::string now = store_time(r.now);
        store.add_session(ins::Session{accounts::token_hash(outcome.session_id), account->login,
                                       accounts::token_hash(outcome.csrf_token), r.address, now, now, std::nullopt});
        store.record_login(account->login, now);
        if (accounts::needs_rehash(account->password_hash))
            store.renew_password_hash(account->login, accounts::hash_password(r.password));
        outcome.result = LoginOutcome::Result::SignedIn;
        account->last_login = now;
        outcome.account = std::move(account);
    });
    return outcome;
}

std::optional<SignedIn> resume_session(const SessionRequest& r, const std::string& address) {
    if (!accounts::looks_like_secret(r.session_id)) return std::nullopt;
    std::optional<SignedIn> found;
    translating_store_errors([&] {
        ins::Store store = open_store(r, ins::OpenMode::Existing);
        const std::string hash = accounts::token_hash(r.session_id);
        const std::optional<ins::Session> session = store.find_session(hash);
        if (!session || session->ended_at) return;
        if (session->last_seen < store_time(r.now - r.policy.idle)) return;
        if (session->created_at < store_time(r.now - r.policy.absolute)) return;
        std::optional<ins::Account> account = store.find_account(session->login);
        if (!account || account->disabled) return;
        store.touch_session(hash, store_time(r.now));
        found = SignedIn{app::account(account->login, address), std::move(*account), hash, session->csrf_hash};
    });
    return found;
}

std::optional<SignedIn> resume_token(const StoreRequest& r, std::string_view token, const std::string& address,
                                     Clock::time_point now) {
    if (!accounts::looks_like_token(token)) return std::nullopt;
    std::optional<SignedIn> found;
    translating_store_errors([&] {
        ins::Store store = open_store(r, ins::OpenMode::Existing);
        std::optional<ins::TokenMatch> match = store.find_token_by_hash(accounts::token_hash(token));
        if (!match) return;
        // The last use is a day's information, not an audit: written at most once a minute, so
        // that a script's every request does not cost a write of its own.
        if (!match->token.last_used || *match->token.last_used < store_time(now - std::chrono::minutes(1)))
            store.record_token_use(match->token.id, store_time(now));
        found = SignedIn{app::account(match->account.login, address), std::move(match->account), {}, {}};
    });
    return found;
}

bool csrf_matches(const SignedIn& session, std::string_view token) {
    return !session.csrf_hash.empty() && accounts::looks_like_secret(token) &&
           accounts::same_hash(session.csrf_hash, accounts::token_hash(token));
}

bool logout(const SessionRequest& r, const std::string& address) {
    const std::optional<SignedIn> session = resume_session(r, address);
    if (!session) return false;
    bool ended = false;
    translating_store_errors([&] {
        ins::Store store = open_store(r, ins::OpenMode::Existing);
        store.audit_as(ins::AuditContext{session->account.login, address});
        ended = store.end_session(session->session_hash, store_time(r.now));
    });
    return ended;
}

PasswordChangeOutcome change_password(const PasswordChangeRequest& r) {
    PasswordChangeOutcome outcome;
    translating_store_errors([&] {
        ins::Store store = open_store(r, ins::OpenMode::Existing);
        outcome.retry_after = throttle_wait(store, r.login, r.address, r.now, r.policy);
        if (outcome.retry_after.count() > 0) return;
        const std::optional<ins::Account> account = store.find_account(r.login);
        if (!account || account->disabled || !accounts::verify_password(account->password_hash, r.current)) {
            store.audit_as(ins::AuditContext{r.login, r.address});
            store.add_login_failure(r.login, r.address, store_time(r.now));
            throw Error(ErrorKind::Forbidden, core::T_("the current password is wrong"));
        }
        if (auto problem = accounts::password_problem(r.login, r.replacement))
            throw Error(ErrorKind::Invalid, std::move(*problem));
        if (r.replacement == r.current)
            throw Error(ErrorKind::Invalid, core::T_("the new password must differ from the current one"));
        store.audit_as(ins::AuditContext{account->login, r.address});
        ins::AccountChange change;
        change.password_hash = accounts::hash_password(r.replacement);
        change.must_change = false;
        store.update_account(account->login, change);  // ends every session of the account
        if (!r.start_session) return;
        outcome.session_id = accounts::random_secret();
        outcome.csrf_token = accounts::csrf_token_for(outcome.session_id);
        const std::string now = store_time(r.now);
        store.add_session(ins::Session{accounts::token_hash(outcome.session_id), account->login,
                                       accounts::token_hash(outcome.csrf_token), r.address, now, now, std::nullopt});
    });
    return outcome;
}

}  // namespace parscore::app
