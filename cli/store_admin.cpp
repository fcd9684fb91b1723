// submit, lock, merge.
#include <CLI/CLI.hpp>

#include "parscore/core/plural.hpp"
#include "parscore/core/utf8.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;

struct MoveArgs {
    std::vector<std::string> ids;
    std::optional<int> year;
    std::string unit;
};

void move_forward(Context& ctx, const MoveArgs& args, bool lock) {
    ins::Store store = open_store(ctx, ins::OpenMode::Existing);  // a missing database first: exit 3
    check_id_lengths(args.ids);
    std::vector<std::string> moved;
    if (args.year) {
        if (!args.unit.empty() && !store.find_unit(args.unit)) {
            throw CliError(kInvalid, "unknown unit '" + core::sanitize_utf8(args.unit) + "'");
        }
        moved = store.lock_year(*args.year, args.unit.empty() ? std::nullopt : std::optional(args.unit));
        if (moved.empty()) {
            ctx.err << "parscore: no submitted inspection of " << *args.year
                    << (args.unit.empty() ? "" : " for unit " + core::sanitize_utf8(args.unit)) << " to lock\n";
        }
    } else {
        moved = lock ? store.lock(args.ids) : store.submit(args.ids);
    }
    for (const std::string& id : moved) ctx.out << id << (lock ? " locked\n" : " submitted\n");
}

void merge(Context& ctx, const std::string& other) {
    std::error_code ec;
    if (!std::filesystem::exists(other, ec)) throw CliError(kIo, "database '" + other + "' does not exist");
    ins::Store store = open_store(ctx, ins::OpenMode::CreateOnCommit);
    const ins::MergeOutcome outcome = store.merge(other);
    if (!outcome.problems.empty()) {
        for (const std::string& p : outcome.problems) ctx.err << "parscore: error: " << core::sanitize_utf8(p) << "\n";
        throw CliError(kInvalid, "nothing was merged from '" + other + "'");
    }
    store.commit_creation();
    if (!outcome.merged) {
        ctx.out << "nothing new in " << other << "\n";
        return;
    }
    ctx.out << "merged from " << other << ": " << core::count_of(outcome.units_added, "unit") << ", "
            << core::count_of(outcome.inspections_added, "inspection") << ", "
            << core::count_of(outcome.entries_added, "revision or event", "revisions and events") << " of known inspections\n";
}

}  // namespace

void add_admin_commands(CLI::App& app, Context& ctx) {
    auto submit_args = std::make_shared<MoveArgs>();
    CLI::App* s = app.add_subcommand("submit", "Move draft inspections to submitted, all or none");
    s->add_option("ID", submit_args->ids, "Inspection ids, or prefixes of at least 8 characters")->required();
    s->callback([&ctx, submit_args] { guarded(ctx, [&] { move_forward(ctx, *submit_args, false); }); });

    auto lock_args = std::make_shared<MoveArgs>();
    CLI::App* l = app.add_subcommand("lock", "Move submitted inspections to locked, all or none");
    CLI::Option* ids = l->add_option("ID", lock_args->ids, "Inspection ids, or prefixes of at least 8 characters");
    CLI::Option* year = l->add_option("--year", lock_args->year, "Lock every submitted inspection of this evaluation year")
                            ->check(CLI::Range(1, 9999))
                            ->excludes(ids);
    l->add_option("--unit", lock_args->unit, "With --year: only this unit's inspections")->needs(year);
    l->callback([&ctx, lock_args] {
        if (lock_args->ids.empty() && !lock_args->year) {
            throw CliError(kUsage, "lock: expected inspection ids or --year, found neither");
        }
        guarded(ctx, [&] { move_forward(ctx, *lock_args, true); });
    });

    auto other = std::make_shared<std::string>();
    CLI::App* m = app.add_subcommand("merge", "Bring another parscore database's units and inspections in, idempotently");
    m->add_option("OTHER", *other, "The other database")->required();
    m->callback([&ctx, other] { guarded(ctx, [&] { merge(ctx, *other); }); });
}

}  // namespace parscore::cli::store
