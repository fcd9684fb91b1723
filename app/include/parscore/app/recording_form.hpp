#pragma once
// What a recording form needs (docs/web.md, "Recording"): the evidence schema of the year's
// adopted rulebook, the units the actor may record for that year and the kinds of inspection it
// may record. The form is generated from this; the report it sends is checked by record_report.
#include <optional>
#include <vector>

#include "parscore/app/request.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/model.hpp"

namespace parscore::app {

struct RecordingFormRequest : StoreRequest {
    std::optional<int> year;  // default: the latest year with an adopted rulebook
    /// The most units listed to choose from: a country's thousands are not read (the unit is
    /// then typed by its id).
    std::size_t unit_choices = 500;
};

struct RecordingForm {
    int year = 0;
    std::vector<int> years;  // every year with an adopted rulebook, oldest first
    core::EvidenceSchema schema;
    std::vector<inspections::UnitInfo> units;        // in scope and active in `year`, in id order; none when too many
    bool too_many_units = false;                     // more than unit_choices: `units` is empty
    std::vector<inspections::InspectionKind> kinds;  // those the actor may record, in the model's order
};

/// Forbidden when the actor may record nothing; Invalid when no year has an adopted rulebook or
/// the year asked for has none.
RecordingForm recording_form(const RecordingFormRequest& request);

}  // namespace parscore::app
