// demo: build the sample province in --db PATH or ./parscore-demo.db and print its
// 2013 ranking. $PARSCORE_DB is ignored so the demo never lands in a real database, and only an
// absent file or an earlier demo database is replaced.
#include <unistd.h>

#include <filesystem>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "demo_command.hpp"
#include "demo_rulebook.hpp"
#include "parscore/analyses/summary.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/demo/demo.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/reports/report.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

namespace fs = std::filesystem;
namespace demo = engine::demo;

constexpr const char* kDefaultPath = "parscore-demo.db";
// Printed first, so that no table of the demo is read as a judgement of a real agency.
constexpr const char* kFictional =
    "Fictional data: the inspections, people, violations and scores below are invented; the agencies' names are "
    "real and used for illustration only (docs/demo.md).";

void remove_database_files(const fs::path& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ec);
}

/// Refuses (exit 1) anything at `path` that the demo did not make; exit 3 when it cannot be read.
void check_replaceable(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) return;
    const std::string refused = "'" + path.string() + "' is not an earlier demo database; the demo replaces only those. ";
    if (!fs::is_regular_file(status)) throw CliError(kInvalid, refused + "Choose another --db PATH.");
    try {
        inspections::Store store = inspections::Store::open(path, inspections::OpenMode::Existing);
        if (!demo::is_demo_database(store)) {
            throw CliError(kInvalid, refused + "It holds units or inspections the demo did not record; choose another --db PATH.");
        }
    } catch (const inspections::StoreError& e) {
        using Kind = inspections::StoreError::Kind;
        if (e.kind() == Kind::NotParscore || e.kind() == Kind::NewerSchema) {
            throw CliError(kInvalid, refused + e.what());
        }
        throw CliError(e.exit_code(), e.what());
    }
}

int run_demo(Context& ctx) {
    const fs::path path = ctx.db_option.empty() ? fs::path(kDefaultPath) : fs::path(ctx.db_option);
    check_replaceable(path);
    std::error_code ec;
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) throw CliError(kIo, "cannot write '" + path.string() + "': no folder '" + folder.string() + "'");
    if (::access(folder.c_str(), W_OK) != 0) {
        throw CliError(kIo, "cannot write '" + path.string() + "': the folder '" + folder.string() + "' is not writable");
    }

    core::SourceSet sources;
    DemoRulebook rb = load_demo_rulebook(ctx, sources);

    // Built under a temporary name beside the target and renamed over it at the end, so a failed
    // run leaves the earlier demo database as it was.
    const fs::path building = path.string() + ".building-" + std::to_string(::getpid());
    remove_database_files(building);
    demo::DemoOutcome outcome;
    engine::Summary summary;
    try {
        inspections::Store store = inspections::Store::open(building, inspections::OpenMode::Create);
        outcome = demo::build(store, rb.rulebook);
        engine::EvaluationRequest request;
        request.year = demo::kYear;
        summary = engine::summarize(rb.rulebook, store, request);
    } catch (const inspections::StoreError& e) {
        remove_database_files(building);
        throw CliError(e.exit_code(), e.what());
    } catch (const std::runtime_error& e) {
        remove_database_files(building);
        throw CliError(kInvalid, e.what());
    }
    // The store is closed: its write-ahead log is folded into the file. A stale log of the file
    // being replaced must not be applied to the new one.
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    fs::rename(building, path, ec);
    if (ec) {
        remove_database_files(building);
        throw CliError(kIo, "cannot write '" + path.string() + "': " + ec.message());
    }

    ctx.out << kFictional << "\n\n";
    ctx.out << engine::render_table(rb.rulebook, outcome.ranking, true);
    ctx.out << "\n" << engine::render_summary_table(summary);
    print_warnings(ctx, outcome.ranking.warnings);

    const std::string rules = rb.path.empty() ? std::string("rules/hoa-binh-2013/rulebook.yaml") : rb.path;
    ctx.err << "demo database: " << path.string() << " — " << core::count_of(outcome.ranking.units.size(), "unit") << ", "
            << core::count_of(outcome.inspections, "inspection") << "; " << demo::kPreviousYear << " published as publication "
            << outcome.publication << "\n";
    ctx.err << "rulebook: " << (rb.path.empty() ? "the copy built into parscore of " + rules : rules) << "\n";
    ctx.err << "next: parscore explain --db " << path.string() << " --rules " << rules << " --year " << demo::kYear
            << " --unit huyen-da-bac\n";
    return kOk;
}

}  // namespace

void add_demo_command(CLI::App& app, Context& ctx) {
    CLI::App* cmd = app.add_subcommand(
        "demo", "Build a sample province (Hòa Bình 2013) in --db PATH or ./parscore-demo.db and print its ranking");
    cmd->callback([&ctx] { ctx.exit_code = run_demo(ctx); });
}

}  // namespace parscore::cli
