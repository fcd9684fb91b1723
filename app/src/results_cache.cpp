// The results cache's readers and its one computation at a time (docs/results-cache.md).
#include "parscore/app/results_cache.hpp"

#include <algorithm>

#include "parscore/app/store.hpp"
#include "parscore/reports/report.hpp"
#include "results_state.hpp"

namespace parscore::app {

namespace {

using Keep = std::function<bool(const engine::UnitResult&)>;

std::string assemble(const YearResults& r, const std::vector<std::uint32_t>& order, const Keep& keep) {
    std::size_t size = r.head.size() + 16;
    for (std::uint32_t at : order) size += r.units[at].json->size() + 1;
    std::string out;
    out.reserve(keep ? r.head.size() + 4096 : size);
    out += r.head;
    bool any = false;
    for (std::uint32_t at : order) {
        const YearResults::Unit& u = r.units[at];
        if (keep && !keep(*u.result)) continue;
        if (any) out += ',';
        out += *u.json;
        any = true;
    }
    out += engine::render_json_tail(any);
    return out;
}

/// Whether changes call for a whole evaluation rather than an update: a new rulebook for the year,
/// a new publication of the year before (every rank_change), or many units touched.
bool whole_again(const inspections::ChangesSince& changes, int year, double share, std::size_t units) {
    auto has = [](const std::vector<int>& years, int y) {
        return std::find(years.begin(), years.end(), y) != years.end();
    };
    return has(changes.adoption_years, year) || has(changes.publication_years, year - 1) ||
           static_cast<double>(changes.units.size()) > share * static_cast<double>(units);
}

}  // namespace

std::string YearResults::json(bool by_rank, const Keep& keep) const {
    return assemble(*this, by_rank ? rank_order : id_order, keep);
}

core::SharedBytes YearResults::document(const std::shared_ptr<const YearResults>& self, bool by_rank) {
    static const std::string tails[2] = {engine::render_json_tail(false), engine::render_json_tail(true)};
    static constexpr std::string_view comma = ",";
    const std::vector<std::uint32_t>& order = by_rank ? self->rank_order : self->id_order;
    core::SharedBytes out;
    out.owner = self;
    out.pieces.reserve(2 * order.size() + 2);
    out.pieces.emplace_back(self->head);
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0) out.pieces.push_back(comma);
        out.pieces.emplace_back(*self->units[order[i]].json);
    }
    out.pieces.emplace_back(tails[order.empty() ? 0 : 1]);
    return out;
}

engine::Evaluation YearResults::evaluation(const Keep& keep) const {
    engine::Evaluation e = header;
    for (std::uint32_t at : rank_order) {
        if (!keep || keep(*units[at].result)) e.units.push_back(*units[at].result);
    }
    return e;
}

struct ResultsCache::Entry {
    std::mutex compute;  // held by the one computation in flight; readers of a stale result wait here
    YearState state;     // guarded by `compute`
    std::mutex current_mutex;
    std::shared_ptr<const YearResults> current;  // guarded by `current_mutex`

    std::shared_ptr<const YearResults> now() {
        std::lock_guard lock(current_mutex);
        return current;
    }
};

ResultsCache::ResultsCache() = default;
ResultsCache::~ResultsCache() = default;

std::shared_ptr<ResultsCache::Entry> ResultsCache::entry(int year, engine::Basis basis) {
    std::lock_guard lock(mutex_);
    std::shared_ptr<Entry>& e = entries_[{year, static_cast<int>(basis)}];
    if (!e) e = std::make_shared<Entry>();
    return e;
}

std::shared_ptr<const YearResults> ResultsCache::results(const inspections::Store& store, int year,
                                                         engine::Basis basis) {
    std::shared_ptr<Entry> e = entry(year, basis);
    std::int64_t last = 0;
    translating_store_errors([&] { last = store.last_revision(); });
    if (auto current = e->now(); current && current->revision >= last) return current;
    std::lock_guard computing(e->compute);
    std::shared_ptr<const YearResults> current = e->now();
    if (current && current->revision >= last) return current;  // made while this reader waited
    std::shared_ptr<YearResults> made;
    ResultsStats done;
    double share = 0;
    {
        std::lock_guard lock(mutex_);
        share = share_;
    }
    try {
        translating_store_errors([&] {
            const inspections::ChangesSince changes = current ? store.changes_since(current->revision)
                                                              : inspections::ChangesSince{};
            if (!current || whole_again(changes, year, share, current->units.size())) {
                made = e->state.compute(store, year, basis);
                done.full = 1;
            } else {
                made = e->state.update(*current, store, changes, done);
                done.incremental = 1;
            }
        });
    } catch (...) {
        // The kept facts may be half updated: the next read computes the year whole.
        std::lock_guard lock(e->current_mutex);
        e->current = nullptr;
        throw;
    }
    {
        std::lock_guard lock(e->current_mutex);
        e->current = made;
    }
    std::lock_guard lock(mutex_);
    stats_.full += done.full;
    stats_.incremental += done.incremental;
    stats_.rescored += done.rescored;
    stats_.serialised += done.serialised;
    return made;
}

ResultsStats ResultsCache::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void ResultsCache::set_incremental_share(double share) {
    std::lock_guard lock(mutex_);
    share_ = share;
}

}  // namespace parscore::app
