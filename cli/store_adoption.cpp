// adopt, rulebooks and audit: the rulebook in force for a year, every adoption, and the audit log
// of what accounts changed (docs/accounts.md).
#include <CLI/CLI.hpp>

#include "parscore/app/adoption.hpp"
#include "parscore/app/audit.hpp"
#include "parscore/app/format.hpp"
#include "parscore/i18n/translate.hpp"
#include "shared.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;
using i18n::NC_;

struct AdoptOptions {
    std::string rules, year;
};

void run_adopt(Context& ctx, const AdoptOptions& o) {
    auto request = ctx.request<app::AdoptRequest>();
    request.rules = o.rules;
    request.year = parse_year_option(o.year);
    const app::AdoptResult result = app::adopt(request);
    const rules::Rulebook& rulebook = result.rulebook.rulebook;
    const std::string year = std::to_string(request.year), no = std::to_string(result.outcome.no);
    if (result.outcome.identical) {
        ctx.out << i18n::tr(ctx.lang,
                            "{rulebook} {version} is already the rulebook in force for {year} (change {no}); "
                            "nothing changed",
                            {{"rulebook", rulebook.id}, {"version", rulebook.version}, {"year", year}, {"no", no}});
    } else {
        ctx.out << i18n::tr(ctx.lang, "adopted {rulebook} {version} for {year} (change {no})",
                            {{"rulebook", rulebook.id}, {"version", rulebook.version}, {"year", year}, {"no", no}});
    }
    ctx.out << "\n";
}

constexpr i18n::Message kAdoptionHeads[] = {NC_("rulebooks", "no"),         NC_("rulebooks", "year"),
                                            NC_("rulebooks", "rulebook"),   NC_("rulebooks", "version"),
                                            NC_("rulebooks", "sha256"),     NC_("rulebooks", "adopted by"),
                                            NC_("rulebooks", "adopted at"), NC_("rulebooks", "in force")};

std::string adoptions_table(i18n::Language lang, const std::vector<app::AdoptionListing>& list) {
    std::vector<std::vector<std::string>> rows;
    for (const app::AdoptionListing& l : list) {
        const ins::Adoption& a = l.adoption;
        rows.push_back({number_text(lang, a.no), std::to_string(a.year), a.rulebook_id, a.rulebook_version,
                        a.rulebook_sha256.substr(0, 12), a.adopted_by, a.adopted_at,
                        l.in_force ? i18n::trc(lang, "rulebooks", "yes") : ""});
    }
    std::vector<std::string> header;
    for (const i18n::Message& head : kAdoptionHeads) header.push_back(i18n::tr(lang, head));
    return format_table(header, rows);
}

struct AuditOptions {
    std::string since, user;
    app::Format format = app::Format::Table;
};

constexpr i18n::Message kAuditHeads[] = {NC_("audit", "no"),      NC_("audit", "time"),   NC_("audit", "account"),
                                         NC_("audit", "address"), NC_("audit", "action"), NC_("audit", "target")};

std::string audit_table(i18n::Language lang, const std::vector<ins::AuditEntry>& rows) {
    std::vector<std::vector<std::string>> cells;
    for (const ins::AuditEntry& e : rows)
        cells.push_back({number_text(lang, e.no), e.time, e.account, e.address, e.action, e.target});
    std::vector<std::string> header;
    for (const i18n::Message& head : kAuditHeads) header.push_back(i18n::tr(lang, head));
    return format_table(header, cells);
}

void run_audit(Context& ctx, const AuditOptions& o) {
    auto request = ctx.request<app::AuditRequest>();
    if (!o.since.empty()) request.since = o.since;
    request.user = given(o.user);
    const std::vector<ins::AuditEntry> rows = app::audit_log(request);
    ctx.out << (o.format == app::Format::Json ? app::audit_json(rows) : audit_table(ctx.lang, rows));
}

}  // namespace

void add_adoption_commands(CLI::App& app, Context& ctx) {
    auto& a = ctx.own<AdoptOptions>();
    CLI::App* adopt = app.add_subcommand("adopt", i18n::tr(ctx.lang, "Make a rulebook the one in force for a year"));
    adopt->add_option("--rules", a.rules, i18n::tr(ctx.lang, "Rulebook file"))->required();
    add_year_option(adopt, a.year);
    adopt->callback([&ctx, &a] { run_adopt(ctx, a); });

    auto& format = ctx.own<app::Format>();
    CLI::App* list = app.add_subcommand("rulebooks", i18n::tr(ctx.lang, "List the adopted rulebooks, by change"));
    add_format_option(list, format, {app::Format::Table, app::Format::Json});
    list->callback([&ctx, &format] {
        const auto adoptions = app::list_adoptions(ctx.request<app::RulebooksRequest>());
        ctx.out << (format == app::Format::Json ? app::adoptions_json(adoptions)
                                                : adoptions_table(ctx.lang, adoptions));
    });

    auto& o = ctx.own<AuditOptions>();
    CLI::App* audit = app.add_subcommand("audit",
                                         i18n::tr(ctx.lang, "Print the audit log of changes made by accounts"));
    audit->add_option("--since", o.since, i18n::tr(ctx.lang, "Only rows from this DATE (YYYY-MM-DD, UTC) on"));
    audit->add_option("--user", o.user, i18n::tr(ctx.lang, "Only this account's rows"));
    add_format_option(audit, o.format, {app::Format::Table, app::Format::Json});
    audit->callback([&ctx, &o] { run_audit(ctx, o); });
}

}  // namespace parscore::cli::store
