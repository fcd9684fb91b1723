#pragma once
// Looking closer at a year: why a unit got its points (explain), the province's indicators
// (summary), self-assessment against inspection (gap) and the same evidence under another
// rulebook (diff). Each result carries the rulebooks its rendering needs.
#include <optional>
#include <string>

#include "parscore/analyses/diff.hpp"
#include "parscore/analyses/explain.hpp"
#include "parscore/analyses/gap.hpp"
#include "parscore/analyses/summary.hpp"
#include "parscore/app/draft_rulebook.hpp"
#include "parscore/app/format.hpp"
#include "parscore/app/request.hpp"
#include "parscore/app/rulebook.hpp"

namespace parscore::app {

/// What explain, summary, gap and diff share.
struct AnalysisRequest : StoreRequest {
    std::string rules;  // the rulebook file; empty: the one adopted for the year
    int year = 0;
    engine::Basis basis = engine::Basis::All;
    std::optional<std::string> out;  // the file the result is written to, never an input
};

struct ExplainRequest : AnalysisRequest {
    std::string unit;
    std::optional<std::string> criterion;  // a criterion, deduction, bonus or band cap
};

struct ExplainResult {
    LoadedRulebook rulebook;
    engine::Explanation explanation;
};

ExplainResult explain(const ExplainRequest& request);

/// summary and gap offer CSV (with a byte-order mark on request) beside a table and JSON.
struct TabularRequest : AnalysisRequest {
    Format format = Format::Table;  // summary's xlsx needs `out`
    bool bom = false;
};

struct SummaryRequest : TabularRequest {};

struct SummaryResult {
    LoadedRulebook rulebook;
    engine::Summary summary;
};

SummaryResult summary(const SummaryRequest& request);

struct GapRequest : TabularRequest {
    std::optional<std::string> category;
};

struct GapResult {
    LoadedRulebook rulebook;
    engine::GapReport report;
};

GapResult gap(const GapRequest& request);

struct DiffRequest : AnalysisRequest {
    std::string with;                         // the other rulebook
    std::optional<DraftRulebook> with_draft;  // instead of `with`: the other rulebook, sent as text
    std::optional<std::string> category;
};

struct DiffResult {
    LoadedRulebook before, after;
    engine::RulebookDiff diff;
};

DiffResult diff(const DiffRequest& request);

}  // namespace parscore::app
