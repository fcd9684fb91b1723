#pragma once
// The demo province (docs/reference/commands.md#demo): Hòa Bình's 19 departments and 11 district committees with
// a generated, deterministic 2012 (published) and 2013 of inspections whose province-wide figures
// match the 2013 seed report as the Hòa Bình 2013 rulebook's indicators measure them
// (docs/demo.md).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "parscore/core/schema.hpp"
#include "parscore/inspections/model.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine::demo {

/// Who the demo records and publishes as: no login name contains a space, so a database whose
/// every inspection entry carries it was written by the demo alone.
inline constexpr std::string_view kRecorder = "parscore demo";
inline constexpr int kYear = 2013;
inline constexpr int kPreviousYear = 2012;

/// The 30 units, by id.
std::vector<inspections::UnitInfo> province_units();

/// The inspection reports of kYear or kPreviousYear in recording order: per unit a self-assessment
/// and a scheduled visit, and in kYear a few surprise visits with violations. The same every run.
std::vector<inspections::Report> year_reports(int year);

/// Throws std::runtime_error naming the kind or field when `report` does not fit `schema` (the
/// rulebook the demo scores with was changed so that its data no longer fits).
void check_fits(const inspections::Report& report, const core::EvidenceSchema& schema);

struct DemoOutcome {
    std::int64_t publication = 0;  // the kPreviousYear publication
    std::size_t inspections = 0;   // recorded, both years
    Evaluation ranking;            // kYear under basis all, in rank order, against the publication
};

/// Fills an empty database: units, kPreviousYear's reports, its publication, kYear's reports;
/// then scores kYear.
DemoOutcome build(inspections::Store& store, const rules::Rulebook& rulebook);

/// Whether the database holds only what build() writes: exactly the demo's units and at least one
/// inspection, every revision and event of which was recorded by kRecorder. Publications are not
/// looked at: they can always be made again from the evidence.
bool is_demo_database(const inspections::Store& store);

}  // namespace parscore::engine::demo
