#pragma once
// What a results cache keeps beside a year's results to update them after a write
// (docs/results-cache.md): per covered unit, its counted inspections (for the evidence hash) and
// the stored values that did not fit (for the run-wide warning); the units with evidence that are
// not scored; the previous year's publication (rank_change). Used under the entry's computation
// lock only.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "counted_lines.hpp"
#include "parscore/app/results_cache.hpp"
#include "parscore/scoring/evaluation.hpp"

namespace parscore::app {

class YearState {
public:
    /// The whole year, scored with the adopted rulebook.
    std::shared_ptr<YearResults> compute(const inspections::Store& store, int year, engine::Basis basis);
    /// `before` with the units `changes` names re-scored and their categories re-ranked.
    std::shared_ptr<YearResults> update(const YearResults& before, const inspections::Store& store,
                                        const inspections::ChangesSince& changes, ResultsStats& stats);

private:
    using MisfitKey = std::pair<std::size_t, std::size_t>;  // kind, field
    using Misfits = std::map<MisfitKey, std::pair<std::uint64_t, std::uint64_t>>;
    struct UnitFacts {
        std::vector<std::pair<std::string, std::string>> inspections;  // counted: id, revision hash
        std::optional<Misfits> misfits;                                // none: not known on its own
    };

    void learn(const inspections::EvidenceSet& evidence, bool per_unit);
    /// Drops what is kept of `unit` before learning `now`, its evidence read again.
    void forget(const std::string& unit, const YearResults& before, const inspections::Store& store,
                const inspections::EvidenceSet& now);
    engine::Evaluation header(const YearResults& before);

    int year_ = 0;
    engine::Basis basis_ = engine::Basis::All;
    std::map<std::string, UnitFacts, std::less<>> facts_;  // covered units
    std::map<std::string, inspections::UncoveredUnit, std::less<>> uncovered_;
    Misfits misfits_;       // totals
    CountedLines counted_;  // every counted inspection, for the evidence hash
    engine::PreviousResults previous_;
    std::vector<engine::UnitResult> standings_;  // rerank's working copies, kept for their memory
};

/// Renders every unit whose `json` is missing, on as many threads as cores.
void serialise_units(const rules::Rulebook& rulebook, std::vector<YearResults::Unit>& units);
/// Fills the output orders of `results` from its units.
void order_results(YearResults& results);
/// Fills the output orders of `results` from `before`'s, when they hold the same units in the same
/// categories and only ranks within `categories` may have moved.
void reorder_categories(YearResults& results, const YearResults& before, const std::set<std::string>& categories);

}  // namespace parscore::app
