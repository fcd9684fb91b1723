#pragma once
// A ready-to-fill inspection report for one unit (`parscore template`): every kind of the schema,
// each field's type and allowed values in comments aligned in one column. For an inspected kind
// the unit's known keys (e.g. procedure codes) are listed with every other value empty, and each
// unkeyed record kind is one record with empty fields: an unedited form is refused, never
// recorded. For `self` the values of the unit's latest self-assessment are filled in.
#include <optional>
#include <string>

#include "parscore/core/date.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/inspections/model.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::inspections {

struct TemplateOptions {
    core::Date date;
    std::optional<int> year;  // written as the report's `year:`; default the date's year
    InspectionKind kind = InspectionKind::Scheduled;
    /// The language of the comments (docs/i18n.md); empty: English. Keys and values are the same
    /// in every language, so a filled-in template reads the same whoever made it.
    core::Localize localize;
};

std::string make_template(const Store& store, const core::EvidenceSchema& schema, const UnitInfo& unit,
                          const TemplateOptions& options);

/// A YAML double-quoted scalar for any text.
std::string yaml_quote(std::string_view text);

}  // namespace parscore::inspections
