#pragma once
// The units (agencies) being evaluated: adding and updating them from a CSV file, listing them.
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/error.hpp"
#include "parscore/app/request.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

struct UnitsImportRequest : StoreRequest {
    std::string file;  // id,name,category[,parent,active_from,active_to]
};

struct UnitsImportResult {
    Problems problems;
    /// Absent when the file was rejected (problems say why); nothing was stored then.
    std::optional<inspections::UnitsOutcome> outcome;
};

/// Adds and changes units in one transaction, each version recorded by request.actor.
UnitsImportResult import_units(const UnitsImportRequest& request);

struct UnitsListRequest : StoreRequest {};

/// Today's units, by id.
std::vector<inspections::UnitInfo> list_units(const UnitsListRequest& request);

}  // namespace parscore::app
