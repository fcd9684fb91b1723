#pragma once
// The hash chain of an inspection (docs/store.md "Hash chains"): every revision and event carries
// SHA-256 over its canonical content and the previous entry's hash. The local revision number is
// not part of it, so merged entries keep their hashes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parscore::inspections::chain {

/// One kind's findings blob as it enters a revision's findings digest.
struct FindingPart {
    std::string_view kind;
    bool fact = false;
    std::int64_t records = 0;
    std::string blob_sha256;
};

/// SHA-256 over the kinds sorted by name: "<len>:<kind>:<fact>:<records>:<sha256(blob)>\n" each.
std::string findings_digest(std::vector<FindingPart> parts);

struct RevisionContent {
    std::string_view inspection;
    std::int64_t seq = 1;
    std::string_view prev_hash;  // "" for the first entry
    std::string_view unit;
    std::int64_t stamp = 0;
    std::string_view initial_status;  // status when first recorded
    std::string_view date;            // YYYY-MM-DD
    std::optional<int> year;
    std::string_view kind;
    std::string_view team_json;
    std::string_view schema_sha256;
    std::optional<std::string_view> reason;
    std::string_view recorded_by;
    std::string_view recorded_at;
    std::string_view findings_digest;
};
std::string revision_hash(const RevisionContent& r);

struct EventContent {
    std::string_view inspection;
    std::int64_t seq = 0;
    std::string_view prev_hash;
    std::string_view event;  // "submit", "lock", "return", "comment" or "attach"
    std::string_view recorded_by;
    std::string_view recorded_at;
    // Hashed only for the kinds that have them, so a submit's or a lock's hash is the one it
    // always had: a return's or a comment's text; an attachment's SHA-256 and file name.
    std::optional<std::string_view> note;
    std::optional<std::string_view> attachment, file_name;
};
std::string event_hash(const EventContent& e);

/// One audit row's hash: over its number, content and the previous row's hash ("" for the first).
struct AuditContent {
    std::int64_t no = 0;
    std::string_view time, account, address, action, target;
    std::optional<std::int64_t> revision;
    std::string_view prev_hash;
};
std::string audit_hash(const AuditContent& a);

}  // namespace parscore::inspections::chain
