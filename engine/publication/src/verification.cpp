#include "parscore/publication/verification.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "parscore/inspections/store_error.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/scoring/evaluation.hpp"
#include "published_rulebook.hpp"
#include "results_diff.hpp"

namespace parscore::engine {

std::size_t VerificationReport::problem_count() const {
    std::size_t n = chain_problems.size() + audit_problems.size();
    for (const PublicationCheck& p : publications) n += p.problems.size();
    if (evidence_hash && !evidence_hash->matches) ++n;
    return n;
}

namespace {

/// The publication that was "previous year" when `publication` was made: the latest one for the
/// year before, same rulebook id and basis, among those with a lower id. Later publications for
/// that year (a superseding one) did not exist yet and must not change the re-scored changes.
std::optional<inspections::Publication> previous_of(const inspections::Publication& publication,
                                                    const std::vector<inspections::Publication>& earlier) {
    std::optional<inspections::Publication> best;
    for (const inspections::Publication& p : earlier) {
        if (p.id >= publication.id || p.rulebook_id != publication.rulebook_id || p.basis != publication.basis ||
            p.year != publication.year - 1) {
            continue;
        }
        if (!best || p.id > best->id) best = p;
    }
    return best;
}

PublicationCheck check_of(const inspections::Publication& publication) {
    PublicationCheck check;
    check.id = publication.id;
    check.year = publication.year;
    check.basis = publication.basis;
    check.rulebook_id = publication.rulebook_id;
    check.rulebook_version = publication.rulebook_version;
    check.rulebook_sha256 = publication.rulebook_sha256;
    check.last_revision = publication.last_revision;
    check.evidence_sha256 = publication.evidence_sha256;
    return check;
}

/// The publication's evidence as of its revision, its hash compared; nullopt, with the problem
/// recorded, when the findings cannot be read.
std::optional<inspections::EvidenceSet> rescored_evidence(const inspections::Store& store,
                                                          const inspections::Publication& publication,
                                                          const rules::Rulebook& rulebook, PublicationCheck& check) {
    inspections::EvidenceQuery query;
    query.year = publication.year;
    query.basis = publication.basis;
    query.categories = rulebook.units;
    query.as_of_revision = publication.last_revision;
    inspections::EvidenceSet evidence;
    try {
        evidence = store.load_evidence(rulebook.evidence, query);
    } catch (const inspections::StoreError& e) {
        // Damaged findings (a blob that disagrees with its row) are a problem verify reports,
        // like a broken chain, not a reason to stop checking the other publications.
        if (e.kind() != inspections::StoreError::Kind::Database) throw;
        check.add_problem(core::T_("its evidence cannot be read: {reason}", {core::part("reason", e.text())}));
        return std::nullopt;
    }
    check.rescored_evidence_sha256 = evidence.evidence_sha256;
    if (evidence.evidence_sha256 != publication.evidence_sha256) {
        check.add_problem(
            core::T_("evidence hash: published {published}, re-computed {rescored} from the changes up to revision "
                     "{revision}",
                     {{"published", publication.evidence_sha256},
                      {"rescored", evidence.evidence_sha256},
                      {"revision", std::to_string(publication.last_revision)}}));
    }
    return evidence;
}

/// The stored results against the re-scored ones.
void compare_stored(const inspections::Publication& publication, const rules::Rulebook& rulebook,
                    const Evaluation& rescored, PublicationCheck& check) {
    nlohmann::json stored = nlohmann::json::parse(publication.results, nullptr, false);
    if (stored.is_discarded() || !stored.is_object()) {
        check.add_problem(core::T_("the stored results are not a JSON object"));
        return;
    }
    // The results name their evidence hash too; both copies must agree.
    if (auto it = stored.find("evidence_sha256");
        it == stored.end() || !it->is_string() || it->get<std::string>() != publication.evidence_sha256) {
        check.add_problem(core::T_("the stored results name evidence hash {named}, the publication {published}",
                                   {{"named", detail::shown(it == stored.end() ? nullptr : &*it)},
                                    {"published", publication.evidence_sha256}}));
    }
    for (std::string& d : detail::compare_results(stored, nlohmann::json::parse(render_json(rulebook, rescored)),
                                                  "published", "re-scored")) {
        check.add_problem(core::verbatim(std::move(d)));  // the results' own paths and values
    }
}

}  // namespace

PublicationCheck check_publication(const inspections::Store& store, const inspections::Publication& publication,
                                   const std::vector<inspections::Publication>& earlier, unsigned threads) {
    PublicationCheck check = check_of(publication);
    core::SourceSet sources;  // owns the texts the rulebook's diagnostics and spans refer to
    detail::PublishedRulebook loaded = detail::load_published_rulebook(publication, sources);
    for (core::Text& p : loaded.problems) check.add_problem(std::move(p));
    if (!loaded.rulebook) return check;
    const rules::Rulebook& rulebook = *loaded.rulebook;

    const std::int64_t database_revision = store.last_revision();
    if (publication.last_revision > database_revision) {
        check.add_problem(
            core::T_("it was made at revision {revision}, but the database's last revision is "
                     "{last} (changes were removed)",
                     {{"revision", std::to_string(publication.last_revision)},
                      {"last", std::to_string(database_revision)}}));
    }
    std::optional<inspections::EvidenceSet> evidence = rescored_evidence(store, publication, rulebook, check);
    if (!evidence) return check;

    EvaluationRequest request;
    request.year = publication.year;
    request.basis = publication.basis;
    request.by_rank = true;
    request.threads = threads;
    request.as_of_revision = publication.last_revision;
    compare_stored(publication, rulebook,
                   evaluate_loaded(rulebook, *evidence, request, previous_of(publication, earlier)), check);
    return check;
}

VerificationReport verify_database(const inspections::Store& store, const std::optional<std::string>& evidence_hash,
                                   unsigned threads, std::optional<std::int64_t> hash_publication) {
    VerificationReport report;
    report.inspections = store.inspections({}).size();
    report.last_revision = store.last_revision();
    report.chain_problems = store.verify_chains();
    report.audit_rows = store.audit_log({}).size();
    report.audit_problems = store.verify_audit();

    const std::vector<inspections::Publication> publications = store.publications();
    for (const inspections::Publication& p : publications) {
        report.publications.push_back(check_publication(store, p, publications, threads));
    }
    if (evidence_hash) {
        EvidenceHashCheck check;
        check.expected = *evidence_hash;
        std::transform(check.expected.begin(), check.expected.end(), check.expected.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        // publications() is by id: the last is the latest.
        const auto compared = std::find_if(publications.rbegin(), publications.rend(),
                                           [&](const inspections::Publication& p) {
                                               return !hash_publication || p.id == *hash_publication;
                                           });
        if (compared != publications.rend()) {
            check.publication = compared->id;
            check.published = compared->evidence_sha256;
            check.matches = check.published == check.expected;
        }
        report.evidence_hash = std::move(check);
    }
    return report;
}

}  // namespace parscore::engine
