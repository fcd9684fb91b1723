#pragma once
// The rows of accounts and the audit log as the store keeps them (docs/accounts.md). The store
// knows no roles or permissions: a role is the word stored; the operations layer gives it meaning.
// Password hashes are made and checked in parscore_accounts; the store only keeps them.
#include <cstdint>
#include <optional>
#include <string>

namespace parscore::inspections {

struct Account {
    std::string login;
    std::string name;
    std::string role;                  // "admin", "office", "author", "inspector" or "agency"
    std::optional<std::string> scope;  // a unit id: that unit and every unit below it; none: all
    std::string lang = "vi";           // "vi" or "en": the language the server answers in
    std::string password_hash;         // Argon2id, libsodium's string form
    bool must_change = false;          // a generated password: to be changed at the next login
    bool disabled = false;
    std::string created_at, changed_at;  // changed_at: the last change of anything but last_login
    std::optional<std::string> last_login;
};

/// Who changes the database, for the audit log: a set context makes every change the store makes
/// append an audit row in the change's own transaction.
struct AuditContext {
    std::string account;  // the login acting
    std::string address;  // the client's address ("local" for the command line)
};

/// One row of the audit log.
struct AuditEntry {
    std::int64_t no = 0;
    std::string time;  // "2025-06-15T10:11:12.123456Z"
    std::string account, address;
    std::string action;  // "record", "amend", "submit", "return", "lock", "comment", "attach", "adopt", …
    std::string target;  // what it acted on: an inspection id, a login, a year, a file …
    std::optional<std::int64_t> revision;  // the change's revision number, when it took one
    std::string prev_hash, hash;
};

/// What Store::update_account changes: each field given replaces the stored one.
struct AccountChange {
    std::optional<std::string> name, role, lang;
    std::optional<std::optional<std::string>> scope;  // a unit id, or none: the whole database
    std::optional<bool> disabled;
    std::optional<std::string> password_hash;  // a new Argon2id hash, stored with must_change
    bool must_change = false;
};

/// An API token as the store keeps it: its SHA-256, never the token itself.
struct Token {
    std::int64_t id = 0;
    std::string login, name;
    std::string hash;  // lower-case hex SHA-256 of the token
    std::string created_at;
    std::optional<std::string> expires_at, revoked_at, last_used;
};

/// A token that works, with the account it acts as.
struct TokenMatch {
    Token token;
    Account account;
};

}  // namespace parscore::inspections
