#pragma once
// `verify` (docs/reference/database.md): every inspection's hash chain is recomputed, and every publication is
// re-scored with its stored rulebook files and only the changes up to its revision number, then
// compared with its stored results and evidence hash (docs/publishing.md).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parscore/i18n/language.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::engine {

struct PublicationCheck {
    std::int64_t id = 0;
    int year = 0;
    inspections::Basis basis = inspections::Basis::All;
    std::string rulebook_id, rulebook_version, rulebook_sha256;
    std::int64_t last_revision = 0;
    std::string evidence_sha256;            // as stored
    std::string rescored_evidence_sha256;   // as re-computed ("" when it could not be)
    std::vector<std::string> problems;      // empty: the publication is reproduced exactly; in English
    std::vector<core::Text> problem_texts;  // the same, translatable

    /// Adds a problem (both forms).
    void add_problem(core::Text text) {
        problems.push_back(text.english());
        problem_texts.push_back(std::move(text));
    }
};

/// `--evidence-hash H`: the latest publication's evidence hash against one kept elsewhere.
struct EvidenceHashCheck {
    std::string expected;                     // H, in lower case
    std::optional<std::int64_t> publication;  // the publication compared (none: nothing published)
    std::string published;                    // its evidence hash
    bool matches = false;
};

struct VerificationReport {
    std::size_t inspections = 0;
    std::int64_t last_revision = 0;
    std::vector<inspections::ChainProblem> chain_problems;
    std::size_t audit_rows = 0;                             // rows in the audit log
    std::vector<inspections::AuditProblem> audit_problems;  // docs/accounts.md, "Audit log"
    std::vector<PublicationCheck> publications;             // by id
    std::optional<EvidenceHashCheck> evidence_hash;

    std::size_t problem_count() const;
    bool clean() const { return problem_count() == 0; }
};

/// Checks the whole database. `evidence_hash`, when given, is compared (case-insensitive hex) with
/// the evidence hash of publication `hash_publication`, by default the latest. The caller checks
/// that the publication exists.
VerificationReport verify_database(const inspections::Store& store, const std::optional<std::string>& evidence_hash,
                                   unsigned threads = 0, std::optional<std::int64_t> hash_publication = std::nullopt);

/// Re-scores one publication; `earlier` are the publications that existed when it was made (with
/// a lower id): the previous year's latest among them gives rank and total changes.
PublicationCheck check_publication(const inspections::Store& store, const inspections::Publication& publication,
                                   const std::vector<inspections::Publication>& earlier, unsigned threads = 0);

/// Text for a terminal in `lang`: the chains, each publication, the evidence hash, then a closing
/// line. The problems found read in `lang` too, but for the values they quote.
std::string render_verification_table(const VerificationReport& report, i18n::Language lang = i18n::Language::en);

/// { "ok", "problems", "inspections", "last_revision", "chain_problems": [ { "inspection",
/// "message" } ], "audit_rows", "audit_problems": [ { "no", "message" } ], "publications": [ { "id", "rulebook": {
/// "id", "version", "sha256" }, "year", "basis", "last_revision", "evidence_sha256", "rescored_evidence_sha256", "ok",
/// "problems" } ], "evidence_hash": null | { "expected", "publication", "published", "ok" } }
std::string render_verification_json(const VerificationReport& report);

}  // namespace parscore::engine
