#pragma once
// Who asks for an operation. Every request carries one: the operations check permissions against
// it (access.hpp) and the store records it as the author of what changes. The operating-system
// user running the command line has every right and is not audited; an account (the server's
// users, or the command line's --as LOGIN) has its role's rights within its scope, and every change
// it makes is audited (docs/accounts.md).
#include <string>

namespace parscore::app {

struct Actor {
    enum class Kind {
        SystemUser,  // the operating-system user running the program (the command line)
        Account,     // an account of the database: `name` is its login
    };
    Kind kind = Kind::SystemUser;
    std::string name;     // as recorded in the store's `recorded_by`, `published_by`, … columns
    std::string address;  // where the request came from, for the audit log: a client's IP address, or "local"
};

/// The operating-system user running this process: $USER, else the password entry of the
/// effective user id, else "uid N".
Actor system_user();

/// The account `login` acting from `address` (its role and scope are read when an operation opens
/// the store).
Actor account(std::string login, std::string address = "local");

}  // namespace parscore::app
