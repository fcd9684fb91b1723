#pragma once
// Drafting the province's yearly report (docs/reports.md, "The yearly report") from what parscore
// already holds for a year: the inspections carried out, the rulebook's indicators, the
// violations the deductions found, the self-assessments the inspections contradicted, the bands
// per category against the year before, and the ranking and criterion tables as annexes. Every
// sentence comes from the message catalog; a figure that is missing is said to be missing,
// never printed as 0.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parscore/analyses/gap.hpp"
#include "parscore/analyses/summary.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"
#include "parscore/yearly_report/document.hpp"
#include "parscore/yearly_report/report_config.hpp"

namespace parscore::engine::yearly {

/// The previous year's published bands, per category, for the year-over-year movement.
struct PreviousYear {
    int year = 0;
    std::map<std::string, std::map<std::string, std::size_t>> bands;  // category → band id → units
};

/// What the report is drafted from; all of one rulebook and one year.
struct YearFigures {
    const rules::Rulebook& rulebook;
    const Evaluation& evaluation;  // ranked: each category's units in rank order
    const Summary& summary;
    const GapReport* gap = nullptr;  // null: no unit handed in a self-assessment
    std::optional<PreviousYear> previous;
    std::vector<inspections::InspectionSummary> inspections;  // the year's, submitted or locked
};

/// The previous year's bands read from a publication's results (its stored JSON).
PreviousYear previous_year(const inspections::Publication& publication);

/// The report in `lang`; without a config, the issuing body, number, place, date, signer and
/// recipients are printed as blanks to fill.
Document draft_yearly_report(const YearFigures& figures, const std::optional<ReportConfig>& config,
                             i18n::Language lang);

}  // namespace parscore::engine::yearly
