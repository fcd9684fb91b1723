// submit, lock, merge, copy.
#include <CLI/CLI.hpp>

#include "parscore/app/copy.hpp"
#include "parscore/app/merge.hpp"
#include "parscore/app/workflow.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

struct MoveOptions {
    std::vector<std::string> ids;
    std::optional<int> year;
    std::string unit;
};

enum class Moved { Submitted, Locked };

void print_moved(Context& ctx, const app::MoveResult& moved, Moved what) {
    for (const std::string& id : moved.ids) {
        ctx.out << (what == Moved::Submitted ? i18n::tr(ctx.lang, "{id} submitted", {{"id", id}})
                                             : i18n::tr(ctx.lang, "{id} locked", {{"id", id}}))
                << "\n";
    }
}

std::string nothing_to_lock(i18n::Language lang, int year, const std::string& unit) {
    const std::string y = std::to_string(year);
    if (unit.empty()) return i18n::tr(lang, "no submitted inspection of {year} to lock", {{"year", y}});
    return i18n::tr(lang, "no submitted inspection of {year} for unit {unit} to lock",
                    {{"year", y}, {"unit", core::sanitize_utf8(unit)}});
}

void submit(Context& ctx, const MoveOptions& o) {
    auto request = ctx.request<app::MoveRequest>();
    request.ids = o.ids;
    print_moved(ctx, app::submit(request), Moved::Submitted);
}

void lock(Context& ctx, const MoveOptions& o) {
    if (!o.year) {
        auto request = ctx.request<app::MoveRequest>();
        request.ids = o.ids;
        print_moved(ctx, app::lock(request), Moved::Locked);
        return;
    }
    auto request = ctx.request<app::LockYearRequest>();
    request.year = *o.year;
    if (!o.unit.empty()) request.unit = o.unit;
    const app::MoveResult moved = app::lock_year(request);
    if (moved.ids.empty()) ctx.err << "parscore: " << nothing_to_lock(ctx.lang, *o.year, o.unit) << "\n";
    print_moved(ctx, moved, Moved::Locked);
}

void merge(Context& ctx, const std::string& given) {
    auto request = ctx.request<app::MergeRequest>();
    request.other = given;
    const std::string other = inspections::shown_database(given);  // a URI without its password
    const inspections::MergeOutcome outcome = app::merge(request).outcome;
    if (!outcome.problems.empty()) {
        for (const core::Text& p : outcome.problem_texts) {
            ctx.err << "parscore: error: " << core::sanitize_utf8(i18n::localize(ctx.lang, p)) << "\n";
        }
        throw CliError(kInvalid, core::T_("nothing was merged from '{file}'", {{"file", other}}));
    }
    if (!outcome.merged) {
        ctx.out << i18n::tr(ctx.lang, "nothing new in {file}", {{"file", other}}) << "\n";
        return;
    }
    const i18n::Language lang = ctx.lang;
    auto count = [lang](std::size_t n) { return number_text(lang, static_cast<std::int64_t>(n)); };
    const std::string units = i18n::trn(lang, "{n} unit", "{n} units", outcome.units_added,
                                        {{"n", count(outcome.units_added)}});
    const std::string inspections = i18n::trn(lang, "{n} inspection", "{n} inspections", outcome.inspections_added,
                                              {{"n", count(outcome.inspections_added)}});
    const std::string entries = i18n::trn(lang, "{n} revision or event", "{n} revisions and events",
                                          outcome.entries_added, {{"n", count(outcome.entries_added)}});
    ctx.out << i18n::tr(lang, "merged from {file}: {units}, {inspections}, {entries} of known inspections",
                        {{"file", other}, {"units", units}, {"inspections", inspections}, {"entries", entries}})
            << "\n";
}

void add_submit_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<MoveOptions>();
    CLI::App* s = app.add_subcommand("submit",
                                     i18n::tr(ctx.lang,
                                              "Move draft or returned inspections to submitted, all or none"));
    s->add_option("ID", o.ids, i18n::tr(ctx.lang, "Inspection ids, or prefixes of at least 8 characters"))->required();
    s->callback([&ctx, &o] { submit(ctx, o); });
}

void add_lock_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<MoveOptions>();
    CLI::App* l = app.add_subcommand("lock", i18n::tr(ctx.lang, "Move submitted inspections to locked, all or none"));
    CLI::Option* ids = l->add_option("ID", o.ids,
                                     i18n::tr(ctx.lang, "Inspection ids, or prefixes of at least 8 characters"));
    CLI::Option* year = l->add_option("--year", o.year,
                                      i18n::tr(ctx.lang, "Lock every submitted inspection of this evaluation year"))
                            ->check(CLI::Range(1, 9999))
                            ->excludes(ids);
    l->add_option("--unit", o.unit, i18n::tr(ctx.lang, "With --year: only this unit's inspections"))->needs(year);
    l->callback([&ctx, &o] {
        if (o.ids.empty() && !o.year)
            throw CliError(kUsage, core::T_("lock: expected inspection ids or --year, found neither"));
        lock(ctx, o);
    });
}

void add_merge_command(CLI::App& app, Context& ctx) {
    auto& other = ctx.own<std::string>();
    CLI::App* m = app.add_subcommand(
        "merge", i18n::tr(ctx.lang, "Bring another parscore database's units and inspections in, idempotently"));
    m->add_option("OTHER", other, i18n::tr(ctx.lang, "The other database"))->required();
    m->callback([&ctx, &other] { merge(ctx, other); });
}

struct CopyOptions {
    std::string from, to;
};

void add_copy_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<CopyOptions>();
    CLI::App* c = app.add_subcommand(
        "copy", i18n::tr(ctx.lang, "Copy a whole database between SQLite and PostgreSQL, into an empty one"));
    c->add_option("--from", o.from, i18n::tr(ctx.lang, "The database copied: a SQLite file or a postgresql:// URI"))
        ->required();
    c->add_option("--to", o.to, i18n::tr(ctx.lang, "The new or empty database it is copied to"))->required();
    c->callback([&ctx, &o] {
        auto request = ctx.request<app::CopyRequest>();
        request.from = o.from;
        request.to = o.to;
        const inspections::CopyOutcome outcome = app::copy(request);
        const auto rows = static_cast<std::int64_t>(outcome.rows());
        ctx.out << i18n::trn(ctx.lang, "copied {n} row to {database}", "copied {n} rows to {database}", outcome.rows(),
                             {{"n", number_text(ctx.lang, rows)}, {"database", inspections::shown_database(o.to)}})
                << "\n";
    });
}

}  // namespace

void add_admin_commands(CLI::App& app, Context& ctx) {
    add_submit_command(app, ctx);
    add_lock_command(app, ctx);
    add_merge_command(app, ctx);
    add_copy_command(app, ctx);
}

}  // namespace parscore::cli::store
