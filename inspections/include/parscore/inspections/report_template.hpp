#pragma once
// A ready-to-fill inspection report for one unit (`parscore template`): every kind of the schema
// with its fields, types and allowed values as comments; keyed record kinds pre-filled with the
// records of the unit's latest counted inspection that listed them. Filling in the empty values
// (and adding records) gives a report that `record` accepts as it is.
#include <string>

#include "parscore/core/date.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/model.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::inspections {

struct TemplateOptions {
    core::Date date;
    InspectionKind kind = InspectionKind::Scheduled;
};

std::string make_template(const Store& store, const core::EvidenceSchema& schema, const UnitInfo& unit,
                          const TemplateOptions& options);

/// A YAML double-quoted scalar for any text.
std::string yaml_quote(std::string_view text);

}  // namespace parscore::inspections
