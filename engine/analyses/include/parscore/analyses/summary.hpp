#pragma once
// The province's yearly summary figures (docs/reference/scoring.md#indicators, docs/reference/outputs.md#summary): each
// indicator's `of` evaluated for every covered unit, counted per category and overall — "8/19 departments have a
// website", "241 procedures under one-stop".
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parscore/i18n/language.hpp"
#include "parscore/inspections/evidence_set.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/evaluation.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

/// Ratio: an indicator with `over` (docs/reports.md, `parscore summary`).
enum class IndicatorType { Bool, Int, Number, Ratio };
const char* indicator_type_name(IndicatorType t);  // "bool", "int", "number", "ratio"

/// The figures of one indicator over a set of units. A unit "has no value" when `of` is missing
/// for it (for a ratio: when `of` or `over` is).
struct IndicatorFigures {
    std::string category;         // empty for the overall figures
    std::string label;            // the category's label (its id without one); empty for overall
    std::size_t holds = 0;        // bool: units for which `of` is true
    std::size_t with_value = 0;   // units for which `of` has a value
    std::size_t no_value = 0;     // units for which `of` is missing
    std::optional<Decimal> sum;   // int/number: the sum of the values (0 when none); null only when
                                  // it leaves the decimal range (|x| >= 10^18)
    std::optional<Decimal> mean;  // int/number: sum ÷ with_value rounded to 9 decimals; null when no
                                  // unit has a value (or the sum is null)
    // Ratio: Σ of and Σ over across the units with both values (0 when none; null out of range),
    // and of_sum ÷ over_sum rounded to 9 decimals (null when over_sum is 0 or null).
    std::optional<Decimal> of_sum, over_sum, ratio;
    std::size_t units() const { return with_value + no_value; }
};

struct IndicatorSummary {
    std::string id, title;
    IndicatorType type = IndicatorType::Bool;
    bool percent = false;  // `format: percent`: a number whose values are shares
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

/// `summary --format json`: { "year", "basis", "warnings", "indicators": [ { "id", "title",
/// "type", "overall", "categories": [ { "category", … } ] } ] } with holds/with_value/no_value
/// for bool, sum/mean/with_value/no_value for int and number (and "format": "percent" on the
/// indicator when its values are shares), ratio/of_sum/over_sum/with_value/no_value for a ratio.
std::string render_summary_json(const Summary& summary);

/// One row per indicator and figures (overall first, then each category; the overall row has an
/// empty category): indicator,title,type,format,category,holds,sum,mean,ratio,of_sum,over_sum,
/// with_value,no_value — cells an indicator's type does not give are empty.
std::string render_summary_csv(const Summary& summary, bool bom);

/// One line per indicator in the words of a provincial report, categories by their labels:
/// "Cơ quan có trang thông tin điện tử: 8/19 Khối sở, ban, ngành, 4/11 Khối UBND cấp huyện
/// (12/30 overall)"; a ratio or a percent indicator reads "44.7%". In `lang`: the words translated,
/// numbers written for the language ("44,7%"); titles and labels as the rulebook writes them.
std::string render_summary_table(const Summary& summary, i18n::Language lang = i18n::Language::en);

/// The figures of one category (or the overall ones when `category` is empty) as the table
/// prints them: "8/19" for bool, "241 (mean 12.684 of 19)" for numbers, "44.7% (17 of 38)" for
/// a ratio, "44.7% (mean of 18)" for a percent indicator; HTML reports reuse it.
std::string indicator_figures_text(const IndicatorSummary& indicator, const IndicatorFigures& figures,
                                   i18n::Language lang = i18n::Language::en);

/// A share as the reports print it: × 100, rounded half away from zero to 1 decimal, with "%"
/// ("0.447" → "44.7%", "1" → "100%"; Vietnamese "44,7%").
std::string percent_text(Decimal share, i18n::Language lang = i18n::Language::en);

}  // namespace parscore::engine
