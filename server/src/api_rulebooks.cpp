#include "api_internal.hpp"

namespace parscore::server {

std::vector<Api::Route> rulebook_routes() { return {}; }

}  // namespace parscore::server
