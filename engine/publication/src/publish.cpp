#include "parscore/publication/publication.hpp"

#include <nlohmann/json.hpp>

#include "parscore/reports/report.hpp"
#include "parscore/scoring/evaluation.hpp"
#include "results_diff.hpp"

namespace parscore::engine {

namespace {

// What is not a result: the evidence hash, and the run-wide warnings about the evidence (their
// wording may change between versions of parscore without any result changing).
nlohmann::json results_only(const std::string& text) {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_object()) {
        doc.erase("evidence_sha256");
        doc.erase("warnings");
    }
    return doc;
}

}  // namespace

bool same_results(const std::string& a, const std::string& b) {
    nlohmann::json x = results_only(a);
    nlohmann::json y = results_only(b);
    return !x.is_discarded() && !y.is_discarded() && x == y;
}

namespace {

/// Against the latest publication for the year and basis: true when publishing stops there
/// (unchanged, or different without a reason to supersede it), with the outcome set.
bool stops_at_latest(const std::optional<inspections::Publication>& latest, const std::string& results,
                     const PublishRequest& request, PublishOutcome& outcome) {
    if (!latest) return false;
    if (same_results(latest->results, results)) {
        outcome.result = PublishOutcome::Result::Unchanged;
        outcome.publication = latest->id;
        outcome.evidence_sha256 = latest->evidence_sha256;
        outcome.last_revision = latest->last_revision;
        return true;
    }
    if (!request.supersede_reason) {
        outcome.result = PublishOutcome::Result::Differs;
        outcome.publication = latest->id;
        auto before = nlohmann::json::parse(latest->results, nullptr, false);
        if (before.is_discarded()) {
            outcome.differences.push_back("the stored results of publication " + std::to_string(latest->id) +
                                          " are not valid JSON");
        } else {
            outcome.differences = detail::compare_results(before, nlohmann::json::parse(results), "published", "now");
        }
        return true;
    }
    outcome.supersedes = latest->id;
    return false;
}

inspections::Publication publication_of(const rules::Rulebook& rulebook, const PublishRequest& request,
                                        const PublishOutcome& outcome, const std::string& results) {
    inspections::Publication p;
    p.year = request.year;
    p.basis = request.basis;
    p.rulebook_id = rulebook.id;
    p.rulebook_version = rulebook.version;
    p.rulebook_sha256 = rulebook.sha256;
    for (const rules::RulebookFile& f : rulebook.files) p.rulebook_files.push_back({f.path, f.sha256, f.text});
    p.evidence_sha256 = outcome.evidence_sha256;
    p.results = results;
    p.last_revision = outcome.last_revision;
    // A reason is kept only when it explains replacing something.
    if (outcome.supersedes) p.supersede_reason = request.supersede_reason;
    p.published_by = request.published_by;
    return p;
}

}  // namespace

PublishOutcome publish(const rules::Rulebook& rulebook, inspections::Store& store, const PublishRequest& request) {
    PublishOutcome outcome;
    // The revision number is fixed first and the evidence read as of it, so a report recorded
    // while this runs is neither half in the results nor missing from the stored number.
    outcome.last_revision = store.last_revision();

    EvaluationRequest evaluation;
    evaluation.year = request.year;
    evaluation.basis = request.basis;
    evaluation.by_rank = true;
    evaluation.threads = request.threads;
    evaluation.as_of_revision = outcome.last_revision;
    outcome.evaluation = evaluate(rulebook, store, evaluation);
    outcome.evidence_sha256 = outcome.evaluation.evidence_sha256;

    // Most often a mistyped year: results on no evidence would stand for ever.
    if (outcome.evaluation.counted_inspections == 0 && !request.allow_empty) {
        outcome.result = PublishOutcome::Result::Empty;
        return outcome;
    }
    for (const UnitResult& u : outcome.evaluation.units) {
        if (!u.complete) outcome.incomplete.emplace_back(u.id, u.reason);
    }
    if (!outcome.incomplete.empty() && !request.allow_incomplete) {
        outcome.result = PublishOutcome::Result::Incomplete;
        return outcome;
    }

    const std::string results = render_json(rulebook, outcome.evaluation);
    if (stops_at_latest(store.latest_publication(rulebook.id, request.year, request.basis), results, request,
                        outcome)) {
        return outcome;
    }
    outcome.publication = store.add_publication(publication_of(rulebook, request, outcome, results));
    outcome.result = PublishOutcome::Result::Published;
    return outcome;
}

}  // namespace parscore::engine
