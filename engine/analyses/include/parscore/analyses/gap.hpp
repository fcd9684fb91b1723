#pragma once
// Self-assessment against inspection (`gap`, docs/reports.md): every unit × criterion scored or
// missing under both the `self` and the `inspected` basis, with gap = self − inspected points.
// Inflated self-scores come first; criteria the inspections did not check come last, without a
// gap.
#include <optional>
#include <string>
#include <vector>

#include "parscore/i18n/language.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/evaluation.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

struct GapRow {
    std::string unit, name, category;
    std::size_t criterion = 0;  // index in rulebook order (groups flattened)
    std::string criterion_id;
    Decimal max;
    Decimal self, inspected;  // points under each basis
    /// self − inspected; null when the inspected status is `missing`: the inspections did not
    /// check the criterion, so a higher self-assessment is not an overstatement ("unchecked").
    std::optional<Decimal> gap;
    CriterionStatus self_status = CriterionStatus::Scored, inspected_status = CriterionStatus::Scored;
};

/// One unit's totals under both bases; a total is null when the unit is incomplete there.
struct UnitGap {
    std::string unit, name, category;
    std::optional<Decimal> self_total, inspected_total, gap;
};

struct GapReport {
    std::string rulebook_id, rulebook_version, rulebook_sha256;
    int year = 0;
    /// Run-wide warnings of both evaluations (an empty year, units without evidence), once each.
    std::vector<Warning> warnings;
    /// By gap descending (overstatements first), then unit id, then rulebook order; the
    /// unchecked rows (null gap) after them, by unit id, then rulebook order.
    std::vector<GapRow> rows;
    /// By total gap descending (units without one last), then unit id.
    std::vector<UnitGap> units;
};

/// Compares two evaluations of one rulebook and year, one on the `self` basis and one on the
/// `inspected` basis; units are matched by id.
GapReport compare_bases(const rules::Rulebook& rulebook, const Evaluation& self, const Evaluation& inspected);

/// Evaluates the year twice (self, inspected) and compares. The request's basis is ignored; its
/// category filter applies to the output (NotCovered for a category the rulebook does not score).
GapReport gap(const rules::Rulebook& rulebook, const inspections::Store& store, const EvaluationRequest& request);

/// `gap --format json`: { "rulebook", "year", "warnings", "criteria": [ { "unit", "name", "category",
/// "criterion", "max", "self", "inspected", "gap", "self_status", "inspected_status" } ],
/// "units": [ { "unit", "name", "category", "self_total", "inspected_total", "gap" } ] }.
std::string render_gap_json(const GapReport& report);
/// `gap --format csv`: one row per unit × criterion (RFC 4180, formula-safe text).
std::string render_gap_csv(const GapReport& report, bool bom);
/// `gap --format table` in `lang`: the criteria rows, then the unit totals; categories by their
/// labels, points written for the language.
std::string render_gap_table(const rules::Rulebook& rulebook, const GapReport& report,
                             i18n::Language lang = i18n::Language::en);

}  // namespace parscore::engine
