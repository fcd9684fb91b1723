#pragma once
// Moving inspections forward: draft → submitted → locked, recorded by the request's actor. Each
// request moves all the inspections it names or none; an illegal move or an unknown id is Invalid.
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/request.hpp"

namespace parscore::app {

struct MoveRequest : StoreRequest {
    /// Whole ids or prefixes of at least inspections::kMinIdPrefix characters (a shorter one is a
    /// BadRequest, as is an empty list).
    std::vector<std::string> ids;
};

struct LockYearRequest : StoreRequest {
    int year = 0;                     // every submitted inspection counting for this year
    std::optional<std::string> unit;  // of this unit only (Invalid when it does not exist)
};

/// The whole ids of the inspections moved, in the order named (by recording order for a year);
/// none when a year had nothing submitted.
struct MoveResult {
    std::vector<std::string> ids;
};

MoveResult submit(const MoveRequest& request);
MoveResult lock(const MoveRequest& request);
MoveResult lock_year(const LockYearRequest& request);

}  // namespace parscore::app
