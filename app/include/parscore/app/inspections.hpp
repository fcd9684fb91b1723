#pragma once
// Reading inspections: the listing, one inspection with its history, and a ready-to-fill report
// for a unit.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/request.hpp"
#include "parscore/core/date.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/inspections/model.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

struct InspectionsRequest : StoreRequest {
    std::optional<std::string> unit;  // only this unit's (Invalid when it does not exist)
    std::optional<int> year;          // only those counting for this evaluation year
};

/// Newest first (docs/store.md).
std::vector<inspections::InspectionSummary> list_inspections(const InspectionsRequest& request);

/// The same, with what a page showing them needs in the same read: the name of each row's unit,
/// and every unit the actor may see when they are at most `unit_choices` (a province's, to
/// choose from; a country's thousands are not read).
struct InspectionsWithUnits {
    std::vector<inspections::InspectionSummary> rows;
    std::map<std::string, std::string, std::less<>> names;  // unit id → name
    std::optional<std::vector<inspections::UnitInfo>> units;
};
InspectionsWithUnits list_inspections_with_units(const InspectionsRequest& request, std::size_t unit_choices);

struct ShowRequest : StoreRequest {
    std::string id;  // a whole id or a prefix of at least inspections::kMinIdPrefix characters
};

struct ShowResult {
    inspections::InspectionDetail inspection;
    std::optional<inspections::UnitInfo> unit;  // the inspection's unit as it is today
};

/// A prefix that is too short is a BadRequest; an unknown id, or a prefix of several, Invalid.
ShowResult show_inspection(const ShowRequest& request);

struct TemplateRequest : StoreRequest {
    std::string rulebook;  // whose evidence schema the report follows; empty: the one adopted for the year
    std::string unit;
    std::optional<core::Date> date;  // default: today
    std::optional<int> year;         // default: the date's year
    inspections::InspectionKind kind = inspections::InspectionKind::Scheduled;
    i18n::Language lang = i18n::Language::en;  // of the comments; keys and values stay the same
};

/// The report's YAML text (docs/store.md, "Reports and templates").
std::string make_template(const TemplateRequest& request);

}  // namespace parscore::app
