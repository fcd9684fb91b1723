#pragma once
// The inspection a review request names, once its actor may act on it (shared by review.cpp and
// attachments.cpp).
#include <functional>
#include <string>

#include "parscore/app/access.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

/// The inspection `id` (a whole id or a prefix) names, read in full. `action_for` gives the row of
/// the permission table for it (by its kind, for attaching). "unknown inspection" when there is
/// none or the actor may not read it; Forbidden when it may read but not do this.
inspections::InspectionDetail require_inspection(
    const inspections::Store& store, const Access& access, const std::string& id,
    const std::function<Action(const inspections::InspectionSummary&)>& action_for);

}  // namespace parscore::app
