// Store::load_evidence on generated national data sets (the selection of docs/reference/scoring.md:
// keyed union across self-assessments, scheduled and surprise inspections, amendments, facts), and
// on an existing database named by PARSCORE_BENCH_DB with the rulebook PARSCORE_BENCH_RULES (for
// the shared workload: `PARSCORE_BENCH_DB=…/bench.db PARSCORE_BENCH_RULES=…/rulebook.yaml`).
//
// The generated databases are built once per process in a temporary folder, through the same
// library calls as `parscore units import`, `import`, `record` and `amend`.
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "parscore/core/sha256.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "parscore/inspections/report.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/loader.hpp"
#include "workload.hpp"

namespace {

using namespace parscore;
namespace fs = std::filesystem;

[[noreturn]] void die(const std::string& what) {
    std::cerr << "load_bench: " << what << "\n";
    std::exit(1);
}

rules::Rulebook load_rules(const std::string& text) {
    core::SourceSet sources;
    core::Diagnostics diags;
    rules::FileReader reader = [&](const fs::path&) { return std::optional<std::string>(text); };
    auto loaded = rules::load_rulebook("rulebook.yaml", reader, sources, diags);
    if (!loaded.rulebook) die("the benchmark rulebook does not load");
    return std::move(*loaded.rulebook);
}

struct Built {
    fs::path db;
    rules::Rulebook rulebook;
    double import_seconds = 0;
    std::size_t rows = 0;
};

/// A database with the national workload for `units` units, imported as the CLI would.
Built build(std::uint32_t units) {
    bench::NationalOptions options;
    options.units = units;
    const bench::NationalWorkload w = bench::national_workload(options);
    Built b{fs::temp_directory_path() /
                ("parscore-load-bench-" + std::to_string(::getpid()) + "-" + std::to_string(units) + ".db"),
            load_rules(w.rulebook)};
    fs::remove(b.db);
    const core::EvidenceSchema& schema = b.rulebook.evidence;
    inspections::Store store = inspections::Store::open(b.db, inspections::OpenMode::Create);
    {
        core::SourceSet sources;
        core::Diagnostics diags;
        auto update = inspections::read_units_csv(sources, sources.add("units.csv", w.units_csv), store.units(), diags);
        if (!update) die("units.csv does not read");
        store.update_units(*update);
    }
    std::vector<std::string> ids;
    for (const auto& u : store.units()) ids.push_back(u.id);
    auto t0 = std::chrono::steady_clock::now();
    for (const bench::CsvImport& c : w.imports) {
        core::SourceSet sources;
        core::Diagnostics diags;
        auto batch = inspections::read_evidence_csv(sources, sources.add(c.file, c.text), schema, c.kind, ids, diags);
        if (!batch) die(c.file + " does not read");
        batch->path = c.file;
        batch->file_sha256 = core::sha256_hex(c.text);
        inspections::ImportOptions io;
        io.kind = *inspections::parse_inspection_kind(c.inspection_kind);
        store.import_batch(*batch, schema, io);
    }
    b.import_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    b.rows = w.csv_rows();
    for (std::size_t i = 0; i < w.reports.size(); ++i) {
        core::SourceSet sources;
        core::Diagnostics diags;
        auto report = inspections::read_report(sources, sources.add(w.reports[i].file, w.reports[i].text), schema, ids,
                                               diags);
        auto amended = inspections::read_report(sources, sources.add(w.amendments[i].file, w.amendments[i].text),
                                                schema, ids, diags);
        if (!report || !amended) die(w.reports[i].file + " does not read");
        auto outcome = store.record(*report, schema, inspections::RecordOptions{});
        store.amend(outcome.id, *amended, schema, "benchmark amendment");
    }
    return b;
}

const Built& national(std::uint32_t units) {
    static std::map<std::uint32_t, Built> built;
    auto it = built.find(units);
    if (it == built.end()) {
        it = built.emplace(units, build(units)).first;
        std::atexit([] {
            for (auto& [n, b] : built) {
                std::error_code ec;
                for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(b.db.string() + suffix, ec);
            }
        });
    }
    return it->second;
}

void load(benchmark::State& state, const fs::path& db, const rules::Rulebook& rb, int year) {
    inspections::Store store = inspections::Store::open(db, inspections::OpenMode::Existing);
    inspections::EvidenceQuery q;
    q.year = year;
    q.categories = rb.units;
    std::size_t units = 0;
    for (auto _ : state) {
        inspections::EvidenceSet set = store.load_evidence(rb.evidence, q);
        units = set.units.size();
        benchmark::DoNotOptimize(set.evidence.data());
    }
    state.counters["units"] = static_cast<double>(units);
}

void load_national(benchmark::State& state) {
    const Built& b = national(static_cast<std::uint32_t>(state.range(0)));
    state.counters["import_rows_per_s"] = static_cast<double>(b.rows) / b.import_seconds;
    load(state, b.db, b.rulebook, 2025);
}
BENCHMARK(load_national)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

void load_external(benchmark::State& state, const char* db, const char* rules_path) {
    core::SourceSet sources;
    core::Diagnostics diags;
    auto loaded = rules::load_rulebook(rules_path, sources, diags);
    if (!loaded.rulebook) die(std::string(rules_path) + " does not load");
    const char* year = std::getenv("PARSCORE_BENCH_YEAR");
    load(state, db, *loaded.rulebook, year ? std::atoi(year) : 2025);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    const char* db = std::getenv("PARSCORE_BENCH_DB");
    const char* rules_path = std::getenv("PARSCORE_BENCH_RULES");
    if (db && rules_path) {
        benchmark::RegisterBenchmark("load_external", load_external, db, rules_path)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
