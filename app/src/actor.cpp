#include "parscore/app/actor.hpp"

#include "parscore/inspections/store.hpp"

namespace parscore::app {

Actor system_user() { return Actor{Actor::Kind::SystemUser, inspections::current_user()}; }

}  // namespace parscore::app
