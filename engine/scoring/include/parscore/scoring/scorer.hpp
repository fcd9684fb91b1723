#pragma once
// Scoring (docs/reference/scoring.md): one unit's criteria, deductions, bonuses, totals, band and band caps;
// then, per category, quotas and ranks.
#include <vector>

#include "parscore/core/evidence.hpp"
#include "parscore/dsl/evaluator.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

class UnitScorer {
public:
    explicit UnitScorer(const rules::Rulebook& rulebook);

    /// One unit alone: everything but quotas and ranks. With a trace, every evaluation of every
    /// expression is recorded into it (for explanations and rule-test coverage).
    UnitResult score(const dsl::UnitInfo& unit, const core::UnitEvidence& evidence, int year,
                     dsl::Trace* trace = nullptr);

private:
    core::Value run(const dsl::Compiled& expr, const std::string& id, UnitResult& result);

    const rules::Rulebook& rulebook_;
    dsl::Evaluator evaluator_;
    dsl::EvalInput input_;
    std::size_t criteria_ = 0;  // the rulebook's criterion count
};

/// Scores `units` (parallel to `evidence`) on up to `threads` threads (0: all cores). The result
/// is the same, byte for byte, whatever the thread count.
std::vector<UnitResult> score_units(const rules::Rulebook& rulebook, const std::vector<dsl::UnitInfo>& units,
                                    const std::vector<core::UnitEvidence>& evidence, int year, unsigned threads = 0);

/// Quotas (docs/reference/scoring.md#quotas), per category, from the top band down.
void apply_quotas(const rules::Rulebook& rulebook, std::vector<UnitResult>& units);

/// Competition ranks by total within each category (docs/reference/scoring.md#ranking); incomplete units get none.
void assign_ranks(std::vector<UnitResult>& units);

/// The order of docs/reference/outputs.md: by category in the rulebook's `units` order; within one, by rank then id
/// (`by_rank`) or by id; incomplete units last, by id.
void order_units(const rules::Rulebook& rulebook, std::vector<UnitResult>& units, bool by_rank);
/// The same order as positions into `units`, which stay where they are.
std::vector<std::size_t> output_order(const rules::Rulebook& rulebook, const std::vector<const UnitResult*>& units,
                                      bool by_rank);

}  // namespace parscore::engine
