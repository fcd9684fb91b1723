#pragma once
// The province's yearly summary figures (SPEC §4.6, §7 `summary`): each indicator's `of`
// evaluated for every covered unit, counted per category and overall — "8/19 departments have
// a website", "241 procedures under one-stop".
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parscore/engine/evaluation.hpp"
#include "parscore/engine/result.hpp"
#include "parscore/inspections/evidence_set.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::engine {

enum class IndicatorType { Bool, Int, Number };
const char* indicator_type_name(IndicatorType t);  // "bool", "int", "number"

/// The figures of one indicator over a set of units. A unit "has no value" when `of` is missing
/// for it.
struct IndicatorFigures {
    std::string category;         // empty for the overall figures
    std::size_t holds = 0;        // bool: units for which `of` is true
    std::size_t with_value = 0;   // units for which `of` has a value
    std::size_t no_value = 0;     // units for which `of` is missing
    std::optional<Decimal> sum;   // int/number: the sum of the values (0 when none); null only when
                                  // it leaves the decimal range (|x| >= 10^18)
    std::optional<Decimal> mean;  // int/number: sum ÷ with_value rounded to 9 decimals; null when no
                                  // unit has a value (or the sum is null)
    std::size_t units() const { return with_value + no_value; }
};

struct IndicatorSummary {
    std::string id, title;
    IndicatorType type = IndicatorType::Bool;
    IndicatorFigures overall;
    std::vector<IndicatorFigures> categories;  // every category of the rulebook's `units`, in order
};

struct Summary {
    std::string rulebook_id, rulebook_version, rulebook_sha256;
    int year = 0;
    Basis basis = Basis::All;
    std::vector<IndicatorSummary> indicators;  // rulebook order
    /// Run-wide warnings about the evidence (W306–W309), then evaluation warnings (W3xx) raised
    /// while computing an indicator: id is the indicator's, the message names the unit.
    std::vector<Warning> warnings;
};

/// The indicators over every unit of an evidence set already loaded for `rulebook`.
Summary summarize(const rules::Rulebook& rulebook, const inspections::EvidenceSet& evidence, int year, Basis basis);

/// Loads the year's evidence (request's year, basis and revision) and summarises it. The
/// request's unit and category filters do not apply: the summary is province-wide.
Summary summarize(const rules::Rulebook& rulebook, const inspections::Store& store, const EvaluationRequest& request);

/// `summary --format json`: { "year", "basis", "indicators": [ { "id", "title", "type",
/// "overall", "categories": [ { "category", … } ] } ] } with holds/with_value/no_value for bool
/// and sum/mean/with_value/no_value for int and number.
std::string render_summary_json(const Summary& summary);

/// One line per indicator in the words of a provincial report:
/// "Cơ quan có trang thông tin điện tử: 8/19 department, 4/11 district (12/30 overall)".
std::string render_summary_table(const Summary& summary);

/// The figures of one category (or the overall ones when `category` is empty) as the table
/// prints them: "8/19" for bool, "241 (mean 12.684)" for numbers; HTML reports reuse it.
std::string indicator_figures_text(const IndicatorSummary& indicator, const IndicatorFigures& figures);

}  // namespace parscore::engine
