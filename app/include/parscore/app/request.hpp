#pragma once
// What every request to an operation carries: who asks and, for operations on inspections and
// results, which database. Front ends resolve their own defaults (the command line's --db,
// $PARSCORE_DB, ./parscore.db) before building a request.
#include <filesystem>
#include <memory>

#include "parscore/app/actor.hpp"

namespace spdlog {
class logger;
}

namespace parscore::inspections {
class StorePool;
}

namespace parscore::app {

struct Request {
    Actor actor;
    /// Where the operation says what it is doing (phases, timings, progress of a long import or
    /// merge); null for silence. The command line logs to stderr (--verbose, --quiet), the server
    /// to its log.
    std::shared_ptr<spdlog::logger> log;
};

struct StoreRequest : Request {
    std::filesystem::path database;
    /// Open connections to `database` to borrow instead of opening it (a server's); none: open it.
    std::shared_ptr<const inspections::StorePool> stores;
};

}  // namespace parscore::app
