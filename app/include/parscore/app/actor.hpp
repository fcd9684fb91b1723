#pragma once
// Who asks for an operation. Every request carries one: the operations check permissions against
// it and the store records it as the author of what changes. Today the only kind of actor is the
// operating-system user who runs the command; accounts add their own kind.
#include <string>

namespace parscore::app {

struct Actor {
    enum class Kind {
        SystemUser,  // the operating-system user running the program (the command line)
    };
    Kind kind = Kind::SystemUser;
    std::string name;  // as recorded in the store's `recorded_by`, `published_by`, … columns
};

/// The operating-system user running this process: $USER, else the password entry of the
/// effective user id, else "uid N".
Actor system_user();

}  // namespace parscore::app
