#pragma once
// Accounts and API tokens (docs/accounts.md, "Accounts"): adding, listing and changing accounts,
// resetting passwords, issuing and revoking tokens. Only an actor that may manage accounts (an
// admin, or the operating-system user, who creates the first admin) may call these. Passwords and
// tokens are hashed here and never logged; a generated password or a new token is handed back
// once, for the front end to show.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/request.hpp"
#include "parscore/inspections/account.hpp"

namespace parscore::app {

struct UserAddRequest : StoreRequest {
    std::string login;
    std::string role;
    std::optional<std::string> scope;     // a unit id; required for an agency
    std::optional<std::string> name;      // none: the login
    std::string lang = "vi";              // "vi" or "en"
    std::optional<std::string> password;  // none: one is generated, to be changed at first login
};

/// The password a request did not give: generated, shown once, to be changed at first login.
struct PasswordOutcome {
    std::optional<std::string> generated;
};

PasswordOutcome add_user(const UserAddRequest& request);

struct UserListRequest : StoreRequest {};

/// Every account, by login, without its password hash.
std::vector<inspections::Account> list_users(const UserListRequest& request);

struct UserSetRequest : StoreRequest {
    std::string login;
    std::optional<std::string> role, name, lang;
    std::optional<std::optional<std::string>> scope;  // a unit, or none for the whole database
};

/// Whether anything changed.
bool set_user(const UserSetRequest& request);

struct UserEnableRequest : StoreRequest {
    std::string login;
    bool enabled = false;  // false: disable
};

/// Whether anything changed (false: it was already so).
bool enable_user(const UserEnableRequest& request);

struct PasswordResetRequest : StoreRequest {
    std::string login;
    std::optional<std::string> password;  // none: generated, to be changed at first login
};

PasswordOutcome reset_password(const PasswordResetRequest& request);

struct TokenAddRequest : StoreRequest {
    std::string login;
    std::string name;
    std::optional<int> days;  // valid for this many days; none: until revoked
};

struct TokenAddOutcome {
    std::int64_t id = 0;
    std::string secret;  // the token: shown once, never stored
    std::optional<std::string> expires_at;
};

TokenAddOutcome add_token(const TokenAddRequest& request);

struct TokenListRequest : StoreRequest {
    std::optional<std::string> login;
};

/// Tokens by id, without their hashes.
std::vector<inspections::Token> list_tokens(const TokenListRequest& request);

struct TokenRevokeRequest : StoreRequest {
    std::int64_t id = 0;
};

/// Whether it was revoked now (false: it had been already).
bool revoke_token(const TokenRevokeRequest& request);

}  // namespace parscore::app
