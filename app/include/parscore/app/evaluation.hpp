#pragma once
// score and rank: one evaluation of a year (docs/reference/scoring.md). The result carries the rulebook
// because every rendering of an evaluation needs it.
#include <optional>
#include <string>

#include "parscore/analyses/summary.hpp"
#include "parscore/app/format.hpp"
#include "parscore/app/request.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/scoring/evaluation.hpp"

namespace parscore::app {

struct EvaluationRequest : StoreRequest {
    std::string rules;  // the rulebook file; empty: the one adopted for the year
    int year = 0;
    engine::Basis basis = engine::Basis::All;
    std::optional<std::string> category;  // only this category
    /// html and xlsx show the province's indicators beside the results, so they are computed too.
    Format format = Format::Table;
    std::optional<std::string> out;  // the file the result is written to, never an input
    bool bom = false;                // CSV only
    unsigned threads = 0;            // 0: all cores
};

struct ScoreRequest : EvaluationRequest {
    std::optional<std::string> unit;  // only this unit (quotas and ranks still see all)
};

struct RankRequest : EvaluationRequest {};

struct EvaluationResult {
    LoadedRulebook rulebook;
    engine::Evaluation evaluation;
    std::optional<engine::Summary> summary;  // for Format::Html and Format::Xlsx
    engine::Timings timings;                 // load includes reading the rulebook and opening the store
};

/// Every unit of the year (or --unit's), ordered by id.
EvaluationResult score(const ScoreRequest& request);
/// The units of each category in rank order.
EvaluationResult rank(const RankRequest& request);

}  // namespace parscore::app
