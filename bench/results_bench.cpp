// parscore_results_bench: the server's results cache (docs/results-cache.md) on a real database,
// timed as the ranking route uses it: a cold read (score, rank and serialise the whole year), a
// warm read (the ready bytes copied), and the read after a write that touches one unit (here a
// return and a re-submit of one of its inspections, which changes its points).
//
//   parscore_results_bench DB RULEBOOK YEAR [ROUNDS]
//
// RULEBOOK is adopted for YEAR first when the year has none (parscore-gen national's rulebook).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "parscore/app/adoption.hpp"
#include "parscore/app/results_cache.hpp"

namespace {

using namespace parscore;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

/// One read as the ranking route makes it: the results at the last revision, and their bytes.
/// `results_ms` gets the part spent bringing the results up to date.
double read(app::ResultsCache& cache, const std::string& db, int year, std::size_t* bytes = nullptr,
            double* results_ms = nullptr) {
    const auto t0 = Clock::now();
    const inspections::Store store = inspections::Store::open(db, inspections::OpenMode::ReadOnly);
    const auto results = cache.results(store, year, engine::Basis::All);
    if (results_ms) *results_ms = ms_since(t0);
    const std::string body = results->json(true);
    const double ms = ms_since(t0);
    if (bytes) *bytes = body.size();
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: parscore_results_bench DB RULEBOOK YEAR [ROUNDS]\n");
        return 2;
    }
    const std::string db = argv[1];
    const int year = std::stoi(argv[3]);
    const int rounds = argc > 4 ? std::stoi(argv[4]) : 10;
    try {
        inspections::Store writer = inspections::Store::open(db, inspections::OpenMode::Existing);
        if (!writer.adoption_in_force(year)) {
            app::AdoptRequest adopt;
            adopt.database = db;
            adopt.rules = argv[2];
            adopt.year = year;
            app::adopt(adopt);
        }
        inspections::InspectionFilter filter;
        filter.year = year;
        std::string target;
        for (const inspections::InspectionSummary& i : writer.inspections(filter)) {
            if (i.status == inspections::Status::Submitted) {
                target = i.id;
                break;
            }
        }
        app::ResultsCache cache;
        std::size_t bytes = 0;
        const double cold = read(cache, db, year, &bytes);
        std::vector<double> warm, after_write, updating;
        for (int i = 0; i < rounds; ++i) warm.push_back(read(cache, db, year));
        for (int i = 0; i < rounds && !target.empty(); ++i) {
            if (i % 2 == 0) writer.return_inspection(target, "benchmark");
            else writer.submit(target);
            double update_ms = 0;
            after_write.push_back(read(cache, db, year, nullptr, &update_ms));
            updating.push_back(update_ms);
        }
        const app::ResultsStats stats = cache.stats();
        std::printf("ranking JSON: %zu bytes\n", bytes);
        std::printf("cold read:                 %8.1f ms\n", cold);
        std::printf("warm read (median of %d):  %8.1f ms\n", rounds, median(warm));
        if (!after_write.empty())
            std::printf("read after a one-unit write (median of %d): %8.1f ms, of which the update %.1f ms\n", rounds,
                        median(after_write), median(updating));
        std::printf("whole evaluations %llu, updates %llu, units re-scored %llu, re-serialised %llu\n",
                    static_cast<unsigned long long>(stats.full), static_cast<unsigned long long>(stats.incremental),
                    static_cast<unsigned long long>(stats.rescored), static_cast<unsigned long long>(stats.serialised));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "parscore_results_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
