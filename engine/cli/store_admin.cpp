// submit, lock, merge.
#include <CLI/CLI.hpp>

#include "parscore/core/plural.hpp"
#include "parscore/core/utf8.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;

void move_forward(Context& ctx, const std::string& id, bool lock) {
    ins::Store store = open_store(ctx, ins::OpenMode::Existing);
    if (lock) store.lock(id);
    else store.submit(id);
    ctx.out << id << (lock ? " locked\n" : " submitted\n");
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
    auto submit_id = std::make_shared<std::string>();
    CLI::App* s = app.add_subcommand("submit", "Move a draft inspection to submitted");
    s->add_option("ID", *submit_id, "Inspection id")->required();
    s->callback([&ctx, submit_id] { guarded(ctx, [&] { move_forward(ctx, *submit_id, false); }); });

    auto lock_id = std::make_shared<std::string>();
    CLI::App* l = app.add_subcommand("lock", "Move a submitted inspection to locked");
    l->add_option("ID", *lock_id, "Inspection id")->required();
    l->callback([&ctx, lock_id] { guarded(ctx, [&] { move_forward(ctx, *lock_id, true); }); });

    auto other = std::make_shared<std::string>();
    CLI::App* m = app.add_subcommand("merge", "Bring another parscore database's units and inspections in, idempotently");
    m->add_option("OTHER", *other, "The other database")->required();
    m->callback([&ctx, other] { guarded(ctx, [&] { merge(ctx, *other); }); });
}

}  // namespace parscore::cli::store
