#include "api_internal.hpp"

namespace parscore::server {

std::vector<Api::Route> inspection_routes() { return {}; }

}  // namespace parscore::server
