#pragma once
// What every request to an operation carries: who asks and, for operations on inspections and
// results, which database. Front ends resolve their own defaults (the command line's --db,
// $PARSCORE_DB, ./parscore.db) before building a request.
#include <filesystem>

#include "parscore/app/actor.hpp"

namespace parscore::app {

struct Request {
    Actor actor;
};

struct StoreRequest : Request {
    std::filesystem::path database;
};

}  // namespace parscore::app
