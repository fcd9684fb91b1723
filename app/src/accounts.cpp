#include "parscore/app/accounts.hpp"

#include <chrono>
#include <ctime>

#include "log.hpp"
#include "parscore/accounts/login.hpp"
#include "parscore/accounts/password.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

namespace {

Error invalid(core::Text text) { return Error(ErrorKind::Invalid, std::move(text)); }

core::TextArg quoted_login(std::string_view login) { return {"login", "'" + core::sanitize_utf8(login) + "'"}; }

void check_login(std::string_view login) {
    if (accounts::valid_login(login)) return;
    throw invalid(
        core::T_("{login} is not a login: 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting "
                 "with a letter or a digit",
                 {quoted_login(login)}));
}

void check_role(std::string_view role) {
    if (accounts::parse_role(role)) return;
    const std::vector<std::string> roles = {"admin", "office", "author", "inspector", "agency"};
    throw invalid(core::T_("unknown role '{role}'{suggestion} (roles: admin, office, author, inspector, agency)",
                           {{"role", core::sanitize_utf8(role)}, core::suggestion(role, roles)}));
}

void check_lang(std::string_view lang) {
    if (lang == "vi" || lang == "en") return;
    throw Error(ErrorKind::BadRequest,
                core::T_("unknown language '{lang}' (vi or en)", {{"lang", core::sanitize_utf8(lang)}}));
}

/// A scope must be a unit the actor can see.
void check_scope(const ins::Store& store, const Access& access, const std::string& unit) {
    if (!store.find_unit(unit) || !access.in_scope(unit)) throw unknown_unit(unit);
}

void check_agency_scope(std::string_view role, const std::optional<std::string>& scope) {
    if (role == "agency" && !scope) {
        throw invalid(core::T_("an agency account must have a scope: its unit (--scope UNIT)"));
    }
}

void check_password(std::string_view login, std::string_view password) {
    if (auto problem = accounts::password_problem(login, password)) throw invalid(std::move(*problem));
}

ins::Account existing(const ins::Store& store, std::string_view login) {
    std::optional<ins::Account> account = store.find_account(login);
    if (!account) throw Error(ErrorKind::NotFound, core::T_("unknown account {login}", {quoted_login(login)}));
    return std::move(*account);
}

/// The password given (checked), else a generated one; its hash, and whether it must be changed.
struct NewPassword {
    std::string hash;
    bool must_change = false;
    PasswordOutcome outcome;
};

NewPassword new_password(std::string_view login, const std::optional<std::string>& given) {
    NewPassword p;
    if (given) {
        check_password(login, *given);
        p.hash = accounts::hash_password(*given);
    } else {
        p.outcome.generated = accounts::generate_password();
        p.hash = accounts::hash_password(*p.outcome.generated);
        p.must_change = true;
    }
    return p;
}

/// Now plus `days`, in the store's UTC form ("2026-12-06T13:51:12.000000Z").
std::string utc_after_days(int days) {
    using namespace std::chrono;
    const std::time_t secs = system_clock::to_time_t(system_clock::now() + hours(24) * days);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000000Z", &tm);
    return buf;
}

/// Runs `body` on the request's database once its actor is known to be allowed to manage accounts.
template <class Body> void managing_accounts(const StoreRequest& request, ins::OpenMode mode, Body&& body) {
    translating_store_errors([&] {
        ins::Store store = open_store(request, mode);
        const Access access = Access::of(request, store);
        access.require(Action::ManageAccounts);
        body(store, access);
    });
}

}  // namespace

PasswordOutcome add_user(const UserAddRequest& request) {
    PasswordOutcome outcome;
    managing_accounts(request, ins::OpenMode::Existing, [&](ins::Store& store, const Access& access) {
        check_login(request.login);
        check_role(request.role);
        check_lang(request.lang);
        check_agency_scope(request.role, request.scope);
        if (request.scope) check_scope(store, access, *request.scope);
        if (store.find_account(request.login)) {
            throw invalid(core::T_("account {login} exists already", {quoted_login(request.login)}));
        }
        NewPassword password = new_password(request.login, request.password);
        ins::Account a;
        a.login = request.login;
        a.name = request.name.value_or(request.login);
        a.role = request.role;
        a.scope = request.scope;
        a.lang = request.lang;
        a.password_hash = std::move(password.hash);
        a.must_change = password.must_change;
        store.add_account(a);
        log_info(request, "account {} added ({})", a.login, a.role);
        outcome = std::move(password.outcome);
    });
    return outcome;
}

std::vector<ins::Account> list_users(const UserListRequest& request) {
    std::vector<ins::Account> out;
    managing_accounts(request, ins::OpenMode::ReadOnly,
                      [&](ins::Store& store, const Access&) { out = store.accounts(); });
    for (ins::Account& a : out) a.password_hash.clear();
    return out;
}

bool set_user(const UserSetRequest& request) {
    bool changed = false;
    managing_accounts(request, ins::OpenMode::Existing, [&](ins::Store& store, const Access& access) {
        const ins::Account before = existing(store, request.login);
        if (request.role) check_role(*request.role);
        if (request.lang) check_lang(*request.lang);
        if (request.scope && *request.scope) check_scope(store, access, **request.scope);
        check_agency_scope(request.role.value_or(before.role), request.scope.value_or(before.scope));
        ins::AccountChange change;
        change.name = request.name;
        change.role = request.role;
        change.lang = request.lang;
        change.scope = request.scope;
        changed = store.update_account(request.login, change);
        log_info(request, "account {} {}", request.login, changed ? "changed" : "unchanged");
    });
    return changed;
}

bool enable_user(const UserEnableRequest& request) {
    bool changed = false;
    managing_accounts(request, ins::OpenMode::Existing, [&](ins::Store& store, const Access& access) {
        existing(store, request.login);
        if (!request.enabled && access.account() && access.account()->login == request.login) {
            throw invalid(core::T_("account {login} cannot disable itself", {quoted_login(request.login)}));
        }
        ins::AccountChange change;
        change.disabled = !request.enabled;
        changed = store.update_account(request.login, change);
    });
    return changed;
}

PasswordOutcome reset_password(const PasswordResetRequest& request) {
    PasswordOutcome outcome;
    managing_accounts(request, ins::OpenMode::Existing, [&](ins::Store& store, const Access&) {
        existing(store, request.login);
        NewPassword password = new_password(request.login, request.password);
        ins::AccountChange change;
        change.password_hash = std::move(password.hash);
        change.must_change = password.must_change;
        store.update_account(request.login, change);
        log_info(request, "password of {} reset", request.login);
        outcome = std::move(password.outcome);
    });
    return outcome;
}

TokenAddOutcome add_token(const TokenAddRequest& request) {
    TokenAddOutcome outcome;
    managing_accounts(request, ins::OpenMode::Existing, [&](ins::Store& store, const Access&) {
        existing(store, request.login);
        if (request.days && *request.days < 1) {
            throw Error(ErrorKind::BadRequest, core::T_("--days: expected a number of days of at least 1"));
        }
        if (request.days) outcome.expires_at = utc_after_days(*request.days);
        accounts::NewToken token = accounts::generate_token();
        outcome.id = store.add_token(request.login, request.name, token.hash, outcome.expires_at);
        outcome.secret = std::move(token.secret);
        log_info(request, "token {} added for {}", outcome.id, request.login);
    });
    return outcome;
}

std::vector<ins::Token> list_tokens(const TokenListRequest& request) {
    std::vector<ins::Token> out;
    managing_accounts(request, ins::OpenMode::ReadOnly, [&](ins::Store& store, const Access&) {
        if (request.login) existing(store, *request.login);
        out = store.tokens(request.login);
    });
    for (ins::Token& t : out) t.hash.clear();
    return out;
}

bool revoke_token(const TokenRevokeRequest& request) {
    bool revoked = false;
    managing_accounts(request, ins::OpenMode::Existing, [&](ins::Store& store, const Access&) {
        revoked = store.revoke_token(request.id);
        log_info(request, "token {} {}", request.id, revoked ? "revoked" : "was revoked already");
    });
    return revoked;
}

}  // namespace parscore::app
