// submit, lock, merge.
#include <CLI/CLI.hpp>

#include "parscore/app/merge.hpp"
#include "parscore/app/workflow.hpp"
#include "parscore/core/plural.hpp"
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

void print_moved(Context& ctx, const app::MoveResult& moved, const char* what) {
    for (const std::string& id : moved.ids) ctx.out << id << " " << what << "\n";
}

void submit(Context& ctx, const MoveOptions& o) {
    auto request = ctx.request<app::MoveRequest>();
    request.ids = o.ids;
    print_moved(ctx, app::submit(request), "submitted");
}

void lock(Context& ctx, const MoveOptions& o) {
    if (!o.year) {
        auto request = ctx.request<app::MoveRequest>();
        request.ids = o.ids;
        print_moved(ctx, app::lock(request), "locked");
        return;
    }
    auto request = ctx.request<app::LockYearRequest>();
    request.year = *o.year;
    if (!o.unit.empty()) request.unit = o.unit;
    const app::MoveResult moved = app::lock_year(request);
    if (moved.ids.empty()) {
        ctx.err << "parscore: no submitted inspection of " << *o.year
                << (o.unit.empty() ? "" : " for unit " + core::sanitize_utf8(o.unit)) << " to lock\n";
    }
    print_moved(ctx, moved, "locked");
}

void merge(Context& ctx, const std::string& other) {
    auto request = ctx.request<app::MergeRequest>();
    request.other = other;
    const inspections::MergeOutcome outcome = app::merge(request).outcome;
    if (!outcome.problems.empty()) {
        for (const core::Text& p : outcome.problem_texts) {
            ctx.err << "parscore: error: " << core::sanitize_utf8(i18n::localize(ctx.lang, p)) << "\n";
        }
        throw CliError(kInvalid, "nothing was merged from '" + other + "'");
    }
    if (!outcome.merged) {
        ctx.out << "nothing new in " << other << "\n";
        return;
    }
    ctx.out << "merged from " << other << ": " << core::count_of(outcome.units_added, "unit") << ", "
            << core::count_of(outcome.inspections_added, "inspection") << ", "
            << core::count_of(outcome.entries_added, "revision or event", "revisions and events")
            << " of known inspections\n";
}

void add_submit_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<MoveOptions>();
    CLI::App* s = app.add_subcommand("submit", "Move draft inspections to submitted, all or none");
    s->add_option("ID", o.ids, "Inspection ids, or prefixes of at least 8 characters")->required();
    s->callback([&ctx, &o] { submit(ctx, o); });
}

void add_lock_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<MoveOptions>();
    CLI::App* l = app.add_subcommand("lock", "Move submitted inspections to locked, all or none");
    CLI::Option* ids = l->add_option("ID", o.ids, "Inspection ids, or prefixes of at least 8 characters");
    CLI::Option* year = l->add_option("--year", o.year, "Lock every submitted inspection of this evaluation year")
                            ->check(CLI::Range(1, 9999))
                            ->excludes(ids);
    l->add_option("--unit", o.unit, "With --year: only this unit's inspections")->needs(year);
    l->callback([&ctx, &o] {
        if (o.ids.empty() && !o.year) throw CliError(kUsage, "lock: expected inspection ids or --year, found neither");
        lock(ctx, o);
    });
}

void add_merge_command(CLI::App& app, Context& ctx) {
    auto& other = ctx.own<std::string>();
    CLI::App* m = app.add_subcommand("merge",
                                     "Bring another parscore database's units and inspections in, idempotently");
    m->add_option("OTHER", other, "The other database")->required();
    m->callback([&ctx, &other] { merge(ctx, other); });
}

}  // namespace

void add_admin_commands(CLI::App& app, Context& ctx) {
    add_submit_command(app, ctx);
    add_lock_command(app, ctx);
    add_merge_command(app, ctx);
}

}  // namespace parscore::cli::store
