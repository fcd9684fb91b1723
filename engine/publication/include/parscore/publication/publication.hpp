#pragma once
// Publishing a year's results (docs/reference/database.md#publish-and-verify): the evaluation is stored with what it
// takes to reproduce it later — the rulebook's files and hash, the evidence hash, the results JSON and the database's
// last revision number — so `verify` can re-score it (docs/publishing.md).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parscore/inspections/store.hpp"
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

struct PublishRequest {
    int year = 0;
    Basis basis = Basis::All;
    bool allow_incomplete = false;
    bool allow_empty = false;  // publish a year in which no inspection counts
    /// Publish although the results differ from the latest publication for the rulebook id, year
    /// and basis; stored with the publication.
    std::optional<std::string> supersede_reason;
    std::string published_by;  // empty: the login name
    unsigned threads = 0;      // scoring threads; 0: all cores
};

struct PublishOutcome {
    enum class Result {
        Published,   // a new publication was stored
        Unchanged,   // the latest publication already holds these results: nothing was stored
        Empty,       // refused: no inspection counts for the year and basis (and not allow_empty)
        Incomplete,  // refused: covered units are incomplete (and not allow_incomplete)
        Differs,     // refused: the results differ from the latest publication (no supersede reason)
    };
    Result result = Result::Published;
    std::int64_t publication = 0;            // the new publication, or the one holding these results
    std::optional<std::int64_t> supersedes;  // Published over an earlier publication with other results
    std::string evidence_sha256;             // of `publication` (of the evaluation when refused)
    std::int64_t last_revision = 0;          // likewise
    std::vector<std::pair<std::string, std::string>> incomplete;  // unit id, reason
    std::vector<std::string> differences;                         // Differs: what changed since the latest publication
    Evaluation evaluation;                                        // what was scored (in rank order)
};

/// Scores `request.year` with every covered unit and publishes the result unless refused. The
/// evidence is read as of the database's last revision at the start, and that number is stored.
PublishOutcome publish(const rules::Rulebook& rulebook, inspections::Store& store, const PublishRequest& request);

/// Whether two results JSON texts hold the same results: equal as JSON apart from the evidence
/// hash (evidence can change — an amendment that restates the same findings — without changing
/// any result) and the run-wide warnings (units without evidence, say: not results themselves).
bool same_results(const std::string& a, const std::string& b);

}  // namespace parscore::engine
