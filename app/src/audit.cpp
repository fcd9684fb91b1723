#include "parscore/app/audit.hpp"

#include "parscore/app/access.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/date.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

std::vector<ins::AuditEntry> audit_log(const AuditRequest& r) {
    ins::AuditFilter filter;
    if (r.since) {
        filter.since = core::parse_date(*r.since);
        if (!filter.since) {
            throw Error(ErrorKind::BadRequest, core::T_("--since: expected a date YYYY-MM-DD, found '{value}'",
                                                        {{"value", core::sanitize_utf8(*r.since)}}));
        }
    }
    filter.account = r.user;
    std::vector<ins::AuditEntry> out;
    translating_store_errors([&] {
        ins::Store store = open_store(r, ins::OpenMode::ReadOnly);
        Access::of(r, store).require(Action::ManageAccounts);
        // A misspelt login would otherwise read as an account that never did anything.
        if (r.user && !store.find_account(*r.user)) {
            throw Error(ErrorKind::NotFound,
                        core::T_("unknown account '{login}'", {{"login", core::sanitize_utf8(*r.user)}}));
        }
        out = store.audit_log(filter);
    });
    return out;
}

}  // namespace parscore::app
