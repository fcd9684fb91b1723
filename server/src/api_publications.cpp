#include "api_internal.hpp"

namespace parscore::server {

std::vector<Api::Route> publication_routes() { return {}; }

}  // namespace parscore::server
