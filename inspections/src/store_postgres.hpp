#pragma once
// A store on PostgreSQL: recognising its URI and opening it (store_postgres.cpp).
#include <memory>
#include <string>
#include <string_view>

#include "store_impl.hpp"

namespace parscore::inspections {

/// Connects and checks the schema; an empty database gets the current one unless `mode` only
/// reads or needs an existing database.
std::unique_ptr<Store::Impl> open_postgres(const std::string& uri, OpenMode mode);

}  // namespace parscore::inspections
