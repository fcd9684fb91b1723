#pragma once
// Why a unit got its score (docs/reference/commands.md#explain): for each criterion the measure, the steps arm that
// matched, the values of the sub-expressions that decided it and the records that failed a
// condition, each with the inspection it came from; the same for deductions and bonuses (the
// records that caused them); band caps and quotas. What an agency contesting its score is shown.
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/source.hpp"
#include "parscore/i18n/language.hpp"
#include "parscore/scoring/evaluation.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

struct ExplainedRecord {
    std::string kind;
    std::vector<std::pair<std::string, std::string>> fields;  // name, value as the rule language prints it
    std::string inspection, date, inspection_kind;            // where it was recorded
};

/// Records an aggregate looked at that explain its value: for all/share the records that failed
/// the condition; for count/exists (and other aggregates with a filter) the records that matched.
struct ExplainedRecords {
    std::string expression;  // the aggregate as written
    std::string meaning;     // "failed the condition", "matched", "counted", then "(2 more not shown)"
    enum class Shown { Failed, Matched, Counted } shown = Shown::Matched;  // what `meaning` says, for the text
    std::size_t hidden = 0;                                                // records not shown
    std::vector<ExplainedRecord> records;
};

struct ExplainedValue {
    std::string expression;  // as written in the rulebook
    std::string value;
};

struct ExplainedSteps {
    std::string subject;  // the steps value as written
    std::string value;    // its value
    std::string arm;      // the arm that matched as written, "else", or "none (the value is missing)"
};

struct ExplainedItem {
    std::string what;  // "criterion", "deduction", "bonus", "band cap"
    std::string id, title;
    std::string points;  // "2", "exempt", "error", "held", …
    std::string max;     // criteria: the max; adjustments: the cap ("" when none)
    std::string status;  // criteria: scored|missing|exempt|error; adjustments: ""|missing; caps: held|not held
    std::vector<ExplainedValue> values;
    std::vector<ExplainedSteps> steps;
    std::vector<ExplainedRecords> records;
    std::vector<Warning> warnings;
};

struct Explanation {
    UnitResult result;  // with band after quotas, rank
    std::string rulebook_id, rulebook_version;
    int year = 0;
    Basis basis = Basis::All;
    std::string category_label;  // what people read for the unit's category
    std::size_t ranked_in_category = 0;
    std::string band_from_total, band_after_caps, band;  // ids ("" when incomplete)
    std::vector<ExplainedItem> items;
    std::vector<Warning> warnings;  // run-wide, as in `score` (an empty year, units without evidence)
};

/// Explains `request.unit` (required). `only_item`: only the criterion (full id), deduction, bonus
/// or band cap with that id. Throws NotCovered for an unknown or uncovered unit and for an
/// unknown id (with "did you mean").
Explanation explain(const rules::Rulebook& rulebook, const core::SourceSet& sources, const inspections::Store& store,
                    const EvaluationRequest& request, const std::optional<std::string>& only_item);

/// Text for a person in `lang`: bands read as their labels in `rb` (the rulebook explained), points
/// and dates written for the language; expressions, values and records as the rule language prints them.
std::string render_explanation(const rules::Rulebook& rb, const Explanation& e,
                               i18n::Language lang = i18n::Language::en);
std::string render_explanation_json(const Explanation& e);

}  // namespace parscore::engine
