// The audit log page (docs/web.md), for an admin: who changed what, when and from where, newest
// last as the log is kept, filtered by account and by the day it starts from.
#include "pages.hpp"
#include "parscore/app/audit.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::server {

namespace {

using i18n::tr;

HttpResponse audit_page(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    auto r = call.operation<app::AuditRequest>();
    const std::string since(call.request.param("since").value_or(""));
    const std::string user(call.request.param("user").value_or(""));
    if (!since.empty()) r.since = since;
    if (!user.empty()) r.user = user;
    web::List rows;
    for (const inspections::AuditEntry& e : app::audit_log(r)) {
        web::Data row;
        row.set("no", std::to_string(e.no));
        row.set("time", time_text(lang, e.time));
        row.set("account", e.account);
        row.set("address", e.address);
        row.set("action", e.action);
        row.set("target", e.target);
        rows.push_back(row);
    }
    web::Data data;
    data.set("since", since);
    data.set("user", user);
    data.set("count", i18n::trn(lang, "{n} entry", "{n} entries", rows.size()));
    data.set("rows", rows);
    return page(call, 200, "audit", std::move(data), tr(lang, "Audit log"));
}

}  // namespace

std::vector<Api::Route> audit_pages() { return {{"GET", "/audit", false, false, audit_page, kBodyLimit, true}}; }

}  // namespace parscore::server
