#pragma once
// Reading the audit log (docs/accounts.md, "Audit log"): who changed what, when and from where,
// for every change made by an account.
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/request.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

struct AuditRequest : StoreRequest {
    std::optional<std::string> since;  // YYYY-MM-DD: rows from that day on (UTC)
    std::optional<std::string> user;   // only this account's rows
};

/// The rows, by number. BadRequest for a date that is not one; Invalid for an unknown account.
std::vector<inspections::AuditEntry> audit_log(const AuditRequest& request);

/// `audit --format json`: [{"no", "time", "account", "address", "action", "target"}], one row a line.
std::string audit_json(const std::vector<inspections::AuditEntry>& rows);

}  // namespace parscore::app
