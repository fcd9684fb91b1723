#pragma once
// Publishing a year's results with what reproduces them, and verifying a database's hash chains
// and publications (docs/publishing.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/error.hpp"
#include "parscore/app/request.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/publication/publication.hpp"
#include "parscore/publication/verification.hpp"

namespace parscore::app {

struct PublishRequest : StoreRequest {
    std::string rules;  // the rulebook file; empty: the one adopted for the year
    int year = 0;
    engine::Basis basis = engine::Basis::All;
    bool allow_incomplete = false;
    bool allow_empty = false;
    /// Publish results that differ from the latest publication, for this reason (not blank).
    std::optional<std::string> supersede;
    unsigned threads = 0;
};

struct PublishResult {
    LoadedRulebook rulebook;
    engine::PublishOutcome outcome;
    /// Why nothing was published (no inspection counts, incomplete units, results that differ):
    /// the front end shows the outcome's details, then this error.
    std::optional<Error> refusal;
};

/// The publication is recorded as published by request.actor.
PublishResult publish(const PublishRequest& request);

struct PublicationsRequest : StoreRequest {};

/// Every publication, by id, without its rulebook's texts.
std::vector<inspections::Publication> list_publications(const PublicationsRequest& request);

struct PublicationRequest : StoreRequest {
    std::int64_t id = 0;
};

/// One publication, without its rulebook's texts; NotFound for an unknown id.
inspections::Publication find_publication(const PublicationRequest& request);

/// [{"id", "no", "year", "basis", "rulebook": {"id", "version", "sha256"}, "evidence_sha256",
/// "last_revision", "supersede_reason", "published_by", "published_at"}], one publication a line.
std::string publications_json(const std::vector<inspections::Publication>& list);

/// One publication as publications_json lists it, with its rulebook's files ({"path", "sha256"},
/// root first) and its results: the `rank --format json` text stored when it was published.
std::string publication_json(const inspections::Publication& publication);

struct VerifyRequest : StoreRequest {
    std::optional<std::string> evidence_hash;  // 64 hexadecimal digits, as publish printed it
    std::optional<std::int64_t> publication;   // whose evidence hash it is (default: the latest)
    unsigned threads = 0;
};

struct VerifyResult {
    engine::VerificationReport report;
};

/// A report that is not clean is a result, not an Error: the front end shows it whole.
VerifyResult verify(const VerifyRequest& request);

}  // namespace parscore::app
