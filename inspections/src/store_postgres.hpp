#pragma once
// A store on PostgreSQL: recognising its URI and opening it (store_postgres.cpp).
#include <memory>
#include <string>
#include <string_view>

#include "store_impl.hpp"

namespace parscore::inspections {

/// Connects and checks the schema; an empty database gets the current one unless `mode` only
/// reads or needs an existing database.
/// With OpenMode::CreateOnCommit, a schema it makes is the command's until Store::commit_creation:
/// the store's `target` is set, and the schema goes with the store if the command fails first.
std::unique_ptr<Store::Impl> open_postgres(const std::string& uri, OpenMode mode);

/// Undoes the schema open_postgres made for a command that never committed its creation, unless
/// rows were written in it meanwhile (by another command); never throws.
void drop_uncommitted_schema(sql::Database& db) noexcept;

}  // namespace parscore::inspections
