#include "chain.hpp"

#include <algorithm>

#include "parscore/core/sha256.hpp"

namespace parscore::inspections::chain {

namespace {

void field(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(":").append(value).append("\n");
}

// Free text is length-prefixed so no value can imitate the next line.
void text_field(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(":").append(std::to_string(value.size())).append(":").append(value).append("\n");
}

}  // namespace

std::string findings_digest(std::vector<FindingPart> parts) {
    std::sort(parts.begin(), parts.end(), [](const FindingPart& a, const FindingPart& b) { return a.kind < b.kind; });
    core::Sha256 h;
    for (const FindingPart& p : parts) {
        std::string line = std::to_string(p.kind.size()) + ":" + std::string(p.kind) + ":" + (p.fact ? "1" : "0") +
                           ":" + std::to_string(p.records) + ":" + p.blob_sha256 + "\n";
        h.update(line);
    }
    return h.hex();
}

std::string revision_hash(const RevisionContent& r) {
    std::string s = "parscore-revision-1\n";
    field(s, "inspection", r.inspection);
    field(s, "seq", std::to_string(r.seq));
    field(s, "prev", r.prev_hash);
    field(s, "unit", r.unit);
    field(s, "stamp", std::to_string(r.stamp));
    field(s, "initial-status", r.initial_status);
    field(s, "date", r.date);
    field(s, "year", r.year ? std::to_string(*r.year) : "");
    field(s, "kind", r.kind);
    text_field(s, "team", r.team_json);
    field(s, "schema", r.schema_sha256);
    if (r.reason) {
        text_field(s, "reason", *r.reason);
    } else {
        field(s, "reason", "-");
    }
    text_field(s, "by", r.recorded_by);
    field(s, "at", r.recorded_at);
    field(s, "findings", r.findings_digest);
    return core::sha256_hex(s);
}

std::string event_hash(const EventContent& e) {
    std::string s = "parscore-event-1\n";
    field(s, "inspection", e.inspection);
    field(s, "seq", std::to_string(e.seq));
    field(s, "prev", e.prev_hash);
    field(s, "event", e.event);
    text_field(s, "by", e.recorded_by);
    field(s, "at", e.recorded_at);
    if (e.event == "return" || e.event == "comment") text_field(s, "note", e.note.value_or(""));
    if (e.event == "attach") {
        field(s, "attachment", e.attachment.value_or(""));
        text_field(s, "file", e.file_name.value_or(""));
    }
    return core::sha256_hex(s);
}

std::string audit_hash(const AuditContent& a) {
    std::string s = "parscore-audit-1\n";
    field(s, "no", std::to_string(a.no));
    field(s, "prev", a.prev_hash);
    field(s, "time", a.time);
    text_field(s, "account", a.account);
    text_field(s, "address", a.address);
    field(s, "action", a.action);
    text_field(s, "target", a.target);
    field(s, "revision", a.revision ? std::to_string(*a.revision) : "-");
    return core::sha256_hex(s);
}

}  // namespace parscore::inspections::chain
