#include "parscore/app/actor.hpp"

#include "parscore/inspections/store.hpp"

namespace parscore::app {

Actor system_user() { return Actor{Actor::Kind::SystemUser, inspections::current_user(), "local"}; }

Actor account(std::string login, std::string address) {
    return Actor{Actor::Kind::Account, std::move(login), std::move(address)};
}

}  // namespace parscore::app
