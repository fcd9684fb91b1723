// Quotas and ranks (docs/reference/scoring.md#quotas, #ranking): both work per category over complete units.
#include <algorithm>
#include <cassert>
#include <map>

#include "parscore/scoring/scorer.hpp"

namespace parscore::engine {

namespace {

std::map<std::string, std::vector<UnitResult*>> by_category(std::vector<UnitResult>& units) {
    std::map<std::string, std::vector<UnitResult*>> groups;
    for (UnitResult& u : units) {
        if (u.complete) groups[u.category].push_back(&u);
    }
    return groups;
}

}  // namespace

void apply_quotas(const rules::Rulebook& rulebook, std::vector<UnitResult>& units) {
    const auto& bands = rulebook.bands;
    for (auto& [category, members] : by_category(units)) {
        for (std::size_t b = 0; b + 1 < bands.size(); ++b) {
            if (!bands[b].quota) continue;
            // n: the category's complete units, or with quota_of those whose band after caps is
            // that band or higher (a lower index).
            std::int64_t n = 0;
            int limit = static_cast<int>(bands.size());
            if (!bands[b].quota_of.empty())
                limit = static_cast<int>(rulebook.band_index(bands[b].quota_of).value_or(b)) + 1;
            for (const UnitResult* u : members) n += u->band_after_caps < limit ? 1 : 0;
            // A quota is in (0, 1] and n counts units, so Q × n is in [0, n]: its floor is an int.
            const std::optional<Decimal> k_decimal = Decimal::mul(*bands[b].quota, *Decimal::from_int(n));
            assert(k_decimal && k_decimal->floor().to_int());
            const std::int64_t k = *k_decimal->floor().to_int();

            std::vector<UnitResult*> candidates;
            for (UnitResult* u : members) {
                if (u->band == static_cast<int>(b)) candidates.push_back(u);
            }
            if (static_cast<std::int64_t>(candidates.size()) <= k) continue;
            std::vector<Decimal> totals;
            for (const UnitResult* u : candidates) totals.push_back(*u->total);
            std::sort(totals.begin(), totals.end(), std::greater<>());
            Decimal cut = totals[static_cast<std::size_t>(k)];  // the (k+1)-th highest total
            for (UnitResult* u : candidates) {
                if (*u->total <= cut) u->band = static_cast<int>(b) + 1;  // ties at the cut-off all move down
            }
        }
    }
}

void assign_ranks(std::vector<UnitResult>& units) {
    for (auto& [category, members] : by_category(units)) {
        std::vector<Decimal> totals;
        for (const UnitResult* u : members) totals.push_back(*u->total);
        std::sort(totals.begin(), totals.end(), std::greater<>());
        for (UnitResult* u : members) {
            // Competition ranking: 1 + the number of units with a strictly higher total.
            auto higher = std::lower_bound(totals.begin(), totals.end(), *u->total, std::greater<>()) - totals.begin();
            u->rank = static_cast<int>(higher) + 1;
        }
    }
}

std::vector<std::size_t> output_order(const rules::Rulebook& rulebook, const std::vector<const UnitResult*>& units,
                                      bool by_rank) {
    // Sort a permutation on compact keys (the category's position looked up once per unit).
    struct Key {
        std::size_t category;
        bool complete;
        int rank;
        const UnitResult* unit;
        std::size_t at;
    };
    std::vector<Key> keys;
    keys.reserve(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const UnitResult& u = *units[i];
        auto it = std::find(rulebook.units.begin(), rulebook.units.end(), u.category);
        keys.push_back(Key{static_cast<std::size_t>(it - rulebook.units.begin()), u.complete,
                           by_rank && u.complete ? u.rank.value_or(0) : 0, &u, i});
    }
    auto before = [](const Key& a, const Key& b) {
        if (a.category != b.category) return a.category < b.category;
        if (a.unit->category != b.unit->category) return a.unit->category < b.unit->category;
        if (a.complete != b.complete) return a.complete;
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.unit->id < b.unit->id;
    };
    if (!std::is_sorted(keys.begin(), keys.end(), before)) std::stable_sort(keys.begin(), keys.end(), before);
    std::vector<std::size_t> order;
    order.reserve(keys.size());
    for (const Key& k : keys) order.push_back(k.at);
    return order;
}

void order_units(const rules::Rulebook& rulebook, std::vector<UnitResult>& units, bool by_rank) {
    // Move the results once, and only when the order changes: evaluation already yields units
    // by id, which is the order of `score` for a rulebook with one category.
    std::vector<const UnitResult*> view;
    view.reserve(units.size());
    for (const UnitResult& u : units) view.push_back(&u);
    const std::vector<std::size_t> order = output_order(rulebook, view, by_rank);
    bool same = true;
    for (std::size_t i = 0; i < order.size() && same; ++i) same = order[i] == i;
    if (same) return;
    std::vector<UnitResult> ordered;
    ordered.reserve(units.size());
    for (std::size_t at : order) ordered.push_back(std::move(units[at]));
    units = std::move(ordered);
}

}  // namespace parscore::engine
