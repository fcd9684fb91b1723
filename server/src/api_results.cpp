#include "api_internal.hpp"

namespace parscore::server {

std::vector<Api::Route> result_routes() { return {}; }

}  // namespace parscore::server
