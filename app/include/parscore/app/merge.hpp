#pragma once
// Bringing another parscore database's units and inspections in (docs/store.md, "Merging").
#include <filesystem>

#include "parscore/app/request.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

struct MergeRequest : StoreRequest {
    std::filesystem::path other;  // Io when it does not exist
};

/// `outcome.problems` non-empty: the merge was refused and nothing changed (a database this
/// request would have created is not kept). Units added are recorded by request.actor.
struct MergeResult {
    inspections::MergeOutcome outcome;
};

MergeResult merge(const MergeRequest& request);

}  // namespace parscore::app
