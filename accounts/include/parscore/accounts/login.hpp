#pragma once
// Logins and roles (docs/accounts.md).
#include <optional>
#include <string_view>

namespace parscore::accounts {

/// `[a-z0-9][a-z0-9._-]{0,63}`: lower case so that "Lan" and "lan" are never two accounts, and
/// nothing a shell, a URL or a log line would need to quote.
bool valid_login(std::string_view login);

enum class Role { admin, office, author, inspector, agency };

/// "admin", "office", "author", "inspector", "agency"; nothing else (no case folding).
std::optional<Role> parse_role(std::string_view name);
const char* role_name(Role role);

}  // namespace parscore::accounts
