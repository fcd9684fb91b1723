#pragma once
// A whole evaluation: read the year's evidence from the store, score every covered unit in
// parallel, apply quotas and ranks per category, compare with the previous year's publication,
// and order the units for output (docs/reference/scoring.md, docs/reference/outputs.md).
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

struct EvaluationRequest {
    int year = 0;
    Basis basis = Basis::All;
    std::optional<std::string> unit;      // output only this unit (quotas and ranks still see all)
    std::optional<std::string> category;  // output only this category
    bool by_rank = false;                 // rank order (else by id)
    unsigned threads = 0;                 // 0: all cores
    std::optional<std::int64_t> as_of_revision;
    bool compare_previous = true;  // rank_change and total_change
};

struct Timings {
    double load_ms = 0, evaluate_ms = 0, rank_ms = 0;
};

/// Thrown for a unit or category the command line names that the evaluation cannot show
/// (unknown, not covered by the rulebook, inactive in the year): exit 1 with the message.
/// `what()` is the English message, `text` the translatable one.
struct NotCovered : std::runtime_error {
    explicit NotCovered(core::Text message) : std::runtime_error(message.english()), text(std::move(message)) {}
    core::Text text;
};

/// Why a unit is not covered, or nullopt when it is (for `--unit` messages).
std::optional<core::Text> coverage_problem(const rules::Rulebook& rulebook, const inspections::Store& store,
                                           const std::string& unit, int year);

/// A unit as the previous year's publication ranked it (rank_change and total_change).
struct PreviousResult {
    std::string category;
    int rank = 0;
    Decimal total;
};
using PreviousResults = std::map<std::string, PreviousResult, std::less<>>;

/// The ranked units of a publication, read back from its stored results.
PreviousResults previous_results(const inspections::Publication& publication);
/// Sets (or clears) a unit's rank_change and total_change against `previous`.
void compare_with_previous(UnitResult& unit, const PreviousResults& previous);

Evaluation evaluate(const rules::Rulebook& rulebook, const inspections::Store& store, const EvaluationRequest& request,
                    Timings* timings = nullptr);

/// Scores an evidence set already loaded (the part of evaluate() after reading).
Evaluation evaluate_loaded(const rules::Rulebook& rulebook, const inspections::EvidenceSet& evidence,
                           const EvaluationRequest& request, const std::optional<inspections::Publication>& previous,
                           Timings* timings = nullptr);

}  // namespace parscore::engine
