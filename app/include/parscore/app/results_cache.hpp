#pragma once
// A year's results kept between reads (docs/results-cache.md): per (year, basis), the adopted
// rulebook's evaluation at one revision of the database, each unit's `score`/`rank --format json`
// element as ready bytes. A read at the revision the results were made at costs a copy; after a
// write the next read re-scores only the units the changes since then touched, re-ranks their
// categories and re-serialises only the units whose bytes changed. An adoption for the year, a
// publication of the previous year (rank_change) or a change touching many units recomputes it
// all. One computation runs at a time per (year, basis): readers arriving meanwhile wait for it
// and share its result.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "parscore/app/rulebook.hpp"
#include "parscore/core/shared_bytes.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::app {

/// One year's results under one basis at one revision: never changed once made, shared by every
/// reader that asked while it was current.
class YearResults {
public:
    struct Unit {
        std::shared_ptr<const engine::UnitResult> result;
        std::shared_ptr<const std::string> json;  // its element of the units array, as the first one
    };

    std::int64_t revision = 0;  // the changes it reflects: every one numbered up to this
    std::int64_t adoption = 0;  // the adoption whose rulebook scored it
    std::shared_ptr<const LoadedRulebook> rulebook;
    std::string head;                                 // the document up to the units array's '['
    std::vector<Unit> units;                          // by id
    std::vector<std::uint32_t> rank_order, id_order;  // positions in `units`: rank's and score's output order
    engine::Evaluation header;                        // the evaluation's fields but its units (warnings, evidence hash)

    /// `rank --format json` (by_rank) or `score --format json` of the units `keep` accepts; every
    /// unit without `keep`.
    std::string json(bool by_rank, const std::function<bool(const engine::UnitResult&)>& keep = {}) const;
    /// The same document of every unit as the pieces it is made of (the head, each unit's bytes,
    /// the commas between them, the tail), kept alive by `self` (this results): never joined.
    static core::SharedBytes document(const std::shared_ptr<const YearResults>& self, bool by_rank);
    /// The results as an evaluation in rank order (copies every unit: for the CSV, HTML and XLSX
    /// reports), of the units `keep` accepts.
    engine::Evaluation evaluation(const std::function<bool(const engine::UnitResult&)>& keep = {}) const;
};

/// What a results cache did for one read, for tests and the benchmark.
struct ResultsStats {
    std::uint64_t full = 0;         // whole evaluations
    std::uint64_t incremental = 0;  // updates after writes
    std::uint64_t rescored = 0;     // units re-scored by updates
    std::uint64_t serialised = 0;   // unit elements re-serialised by updates
};

class ResultsCache {
public:
    ResultsCache();
    ~ResultsCache();
    ResultsCache(const ResultsCache&) = delete;
    ResultsCache& operator=(const ResultsCache&) = delete;

    /// The year's results as of `store`'s last revision, scored with the year's adopted rulebook
    /// (Error Invalid naming the year when none is adopted). Thread-safe; `store` is the caller's.
    std::shared_ptr<const YearResults> results(const inspections::Store& store, int year, engine::Basis basis);

    ResultsStats stats() const;
    /// Changes touching more than this share of a year's units are scored as a whole (tests set 1
    /// to force updates, 0 to force whole evaluations).
    void set_incremental_share(double share);

    struct Entry;

private:
    std::shared_ptr<Entry> entry(int year, engine::Basis basis);

    mutable std::mutex mutex_;  // guards the map and the counters
    std::map<std::pair<int, int>, std::shared_ptr<Entry>> entries_;
    ResultsStats stats_;
    double share_ = 0.25;
};

}  // namespace parscore::app
