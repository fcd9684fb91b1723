// A year's results made whole, and updated after writes (docs/results-cache.md). An update must
// give exactly what a whole evaluation gives: each touched unit is read and scored alone (a unit's
// evidence and points depend on nothing else), and quotas, ranks and rank changes are recomputed
// by the engine's own functions over every unit of each category a touched unit left or joined.
#include <algorithm>

#include "parscore/app/store.hpp"
#include "parscore/core/parallel.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/scoring/scorer.hpp"
#include "parscore/scoring/year_evidence.hpp"
#include "results_state.hpp"

namespace parscore::app {

namespace {

using Unit = YearResults::Unit;

inspections::EvidenceQuery query(const rules::Rulebook& rulebook, int year, engine::Basis basis) {
    inspections::EvidenceQuery q;
    q.year = year;
    q.basis = basis;
    q.categories = rulebook.units;
    return q;
}

auto by_id(std::vector<Unit>& units, std::string_view id) {
    return std::lower_bound(units.begin(), units.end(), id,
                            [](const Unit& u, std::string_view key) { return u.result->id < key; });
}

/// A unit's standing only (what quotas and ranks read and write), into `s`, a result kept from the
/// update before so that its strings' memory is reused.
void set_standing(engine::UnitResult& s, const engine::UnitResult& u) {
    s.id = u.id;
    s.category = u.category;
    s.complete = u.complete;
    s.total = u.total;
    s.band_after_caps = u.band_after_caps;
    s.band = u.band_after_caps;
    s.rank.reset();
    s.rank_change.reset();
    s.total_change.reset();
}

bool same_standing(const engine::UnitResult& a, const engine::UnitResult& b) {
    return a.band == b.band && a.rank == b.rank && a.rank_change == b.rank_change && a.total_change == b.total_change;
}

/// Quotas, ranks and rank changes of every unit in `categories`, as a whole evaluation computes
/// them; a unit whose standing changes (or that is in `fresh`) gets a new result without bytes.
void rerank(const rules::Rulebook& rulebook, std::vector<Unit>& units, const std::set<std::string>& categories,
            const std::set<std::string>& fresh, const engine::PreviousResults& previous,
            std::vector<engine::UnitResult>& standings) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (!categories.count(units[i].result->category)) continue;
        at.push_back(i);
    }
    standings.resize(at.size());
    for (std::size_t k = 0; k < at.size(); ++k) set_standing(standings[k], *units[at[k]].result);
    engine::apply_quotas(rulebook, standings);
    engine::assign_ranks(standings);
    for (std::size_t k = 0; k < standings.size(); ++k) {
        engine::UnitResult& s = standings[k];
        Unit& unit = units[at[k]];
        const bool is_fresh = fresh.count(s.id) > 0;
        if (!is_fresh && s.rank == unit.result->rank) {
            // The changes against last year follow from the rank and the total alone.
            s.rank_change = unit.result->rank_change;
            s.total_change = unit.result->total_change;
        } else {
            engine::compare_with_previous(s, previous);
        }
        if (!is_fresh && same_standing(*unit.result, s)) continue;
        auto changed = std::make_shared<engine::UnitResult>(*unit.result);
        changed->band = s.band;
        changed->rank = s.rank;
        changed->rank_change = s.rank_change;
        changed->total_change = s.total_change;
        unit = Unit{std::move(changed), nullptr};
    }
}

void add_misfits(std::map<std::pair<std::size_t, std::size_t>, std::pair<std::uint64_t, std::uint64_t>>& into,
                 const std::vector<inspections::FieldMisfit>& misfits, bool subtract) {
    for (const inspections::FieldMisfit& m : misfits) {
        auto& [not_fitting, lacking] = into[{m.kind, m.field}];
        not_fitting = subtract ? not_fitting - m.not_fitting : not_fitting + m.not_fitting;
        lacking = subtract ? lacking - m.lacking : lacking + m.lacking;
        if (not_fitting == 0 && lacking == 0) into.erase({m.kind, m.field});
    }
}

std::vector<inspections::FieldMisfit> misfit_list(
    const std::map<std::pair<std::size_t, std::size_t>, std::pair<std::uint64_t, std::uint64_t>>& misfits) {
    std::vector<inspections::FieldMisfit> out;
    for (const auto& [key, counts] : misfits)
        out.push_back(inspections::FieldMisfit{key.first, key.second, counts.first, counts.second});
    return out;
}

}  // namespace

void serialise_units(const rules::Rulebook& rulebook, std::vector<Unit>& units) {
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (!units[i].json) missing.push_back(i);
    }
    core::parallel_blocks(missing.size(), 64, core::hardware_workers(), [&](unsigned, std::size_t b, std::size_t e) {
        for (std::size_t k = b; k < e; ++k) {
            std::string text;
            engine::append_unit_json(text, rulebook, *units[missing[k]].result);
            units[missing[k]].json = std::make_shared<const std::string>(std::move(text));
        }
    });
}

void order_results(YearResults& results) {
    std::vector<const engine::UnitResult*> view;
    view.reserve(results.units.size());
    for (const Unit& u : results.units) view.push_back(u.result.get());
    const rules::Rulebook& rulebook = results.rulebook->rulebook;
    for (bool by_rank : {true, false}) {
        std::vector<std::uint32_t>& order = by_rank ? results.rank_order : results.id_order;
        order.clear();
        for (std::size_t at : engine::output_order(rulebook, view, by_rank))
            order.push_back(static_cast<std::uint32_t>(at));
    }
}

void reorder_categories(YearResults& results, const YearResults& before, const std::set<std::string>& categories) {
    // Categories come first in the output order, so each one's units are a run of it; ids and
    // categories are as before, so only the touched categories' runs can change, by rank.
    results.id_order = before.id_order;
    results.rank_order = before.rank_order;
    std::vector<std::uint32_t>& order = results.rank_order;
    auto category = [&](std::size_t i) -> const std::string& { return results.units[order[i]].result->category; };
    for (std::size_t begin = 0; begin < order.size();) {
        std::size_t end = begin + 1;
        while (end < order.size() && category(end) == category(begin)) ++end;
        if (categories.count(category(begin))) {
            // As engine::output_order within one category: complete units by rank, then the rest;
            // ties by id.
            std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(begin),
                             order.begin() + static_cast<std::ptrdiff_t>(end), [&](std::uint32_t a, std::uint32_t b) {
                                 const engine::UnitResult& x = *results.units[a].result;
                                 const engine::UnitResult& y = *results.units[b].result;
                                 if (x.complete != y.complete) return x.complete;
                                 const int rx = x.complete ? x.rank.value_or(0) : 0;
                                 const int ry = y.complete ? y.rank.value_or(0) : 0;
                                 if (rx != ry) return rx < ry;
                                 return x.id < y.id;
                             });
        }
        begin = end;
    }
}

void YearState::learn(const inspections::EvidenceSet& evidence, bool per_unit) {
    for (const inspections::UnitInfo& u : evidence.units) {
        UnitFacts& facts = facts_[u.id];
        facts.inspections.clear();
        // A unit without counted inspections has no values that could misfit.
        facts.misfits = per_unit ? std::optional<Misfits>(Misfits{}) : std::nullopt;
    }
    std::vector<std::pair<std::string, std::string>> lines;
    for (const inspections::InspectionRef& i : evidence.inspections) {
        facts_[i.unit].inspections.emplace_back(i.id, i.hash);
        if (per_unit) counted_.put(i.id, i.hash);
        else lines.emplace_back(i.id, i.hash);
    }
    if (!per_unit) counted_.assign(std::move(lines));
    for (const inspections::UnitInfo& u : evidence.units) {
        UnitFacts& facts = facts_[u.id];
        if (!per_unit && facts.inspections.empty()) facts.misfits = Misfits{};
    }
    if (per_unit && evidence.units.size() == 1)
        add_misfits(*facts_[evidence.units[0].id].misfits, evidence.misfits, false);
    add_misfits(misfits_, evidence.misfits, false);
    for (const inspections::UncoveredUnit& u : evidence.uncovered) uncovered_[u.id] = u;
}

void YearState::forget(const std::string& unit, const YearResults& before, const inspections::Store& store,
                       const inspections::EvidenceSet& now) {
    uncovered_.erase(unit);
    auto it = facts_.find(unit);
    if (it == facts_.end()) return;
    // Lines still counted stay (learn replaces a changed hash): each erase moves the lines after it.
    std::set<std::string_view> still;
    for (const inspections::InspectionRef& i : now.inspections) still.insert(i.id);
    for (const auto& line : it->second.inspections) {
        if (!still.count(line.first)) counted_.erase(line.first);
    }
    if (it->second.misfits) {
        add_misfits(misfits_, misfit_list(*it->second.misfits), true);
    } else if (!misfits_.empty()) {
        // Read as a whole, the unit's share of the totals is not known: read it as it was.
        inspections::EvidenceQuery q = query(before.rulebook->rulebook, year_, basis_);
        q.unit = unit;
        q.as_of_revision = before.revision;
        add_misfits(misfits_, store.load_evidence(before.rulebook->rulebook.evidence, q).misfits, true);
    }
    facts_.erase(it);
}

std::shared_ptr<YearResults> YearState::compute(const inspections::Store& store, int year, engine::Basis basis) {
    *this = YearState{};
    year_ = year;
    basis_ = basis;
    std::optional<inspections::Adoption> adoption = store.adoption_in_force(year);
    if (!adoption) throw no_adoption(year);
    auto results = std::make_shared<YearResults>();
    results->adoption = adoption->no;
    results->rulebook = std::make_shared<const LoadedRulebook>(adopted_rulebook(*adoption));
    const rules::Rulebook& rulebook = results->rulebook->rulebook;
    const inspections::EvidenceSet evidence = store.load_evidence(rulebook.evidence, query(rulebook, year, basis));
    const std::optional<inspections::Publication> previous = store.latest_publication(rulebook.id, year - 1, basis);
    if (previous) previous_ = engine::previous_results(*previous);
    engine::EvaluationRequest request;
    request.year = year;
    request.basis = basis;
    engine::Evaluation evaluation = engine::evaluate_loaded(rulebook, evidence, request, previous);
    learn(evidence, false);
    counted_.digest();  // saves the digest's states for the updates to come
    results->revision = evidence.revision;
    results->head = engine::render_json_head(evaluation);
    results->units.reserve(evaluation.units.size());
    for (engine::UnitResult& u : evaluation.units)
        results->units.push_back(Unit{std::make_shared<const engine::UnitResult>(std::move(u)), nullptr});
    std::sort(results->units.begin(), results->units.end(),
              [](const Unit& a, const Unit& b) { return a.result->id < b.result->id; });
    evaluation.units.clear();
    results->header = std::move(evaluation);
    serialise_units(rulebook, results->units);
    order_results(*results);
    return results;
}

engine::Evaluation YearState::header(const YearResults& before) {
    // The run-wide warnings from the facts kept per unit, as a whole read gives them: the units
    // without a counted inspection are named, and whether any inspection counts at all.
    inspections::EvidenceSet facts;
    facts.misfits = misfit_list(misfits_);
    for (const auto& [id, u] : uncovered_) facts.uncovered.push_back(u);
    for (const auto& [id, unit] : facts_) {
        if (!unit.inspections.empty()) continue;
        inspections::UnitInfo info;
        info.id = id;
        facts.units.push_back(std::move(info));
    }
    if (!counted_.empty()) facts.inspections.emplace_back();  // some inspection counts (of no unit named)
    engine::Evaluation e;
    e.rulebook_id = before.header.rulebook_id;
    e.rulebook_version = before.header.rulebook_version;
    e.rulebook_sha256 = before.header.rulebook_sha256;
    e.year = year_;
    e.basis = basis_;
    e.warnings = engine::evidence_warnings(before.rulebook->rulebook, facts, year_, basis_);
    e.counted_inspections = counted_.size();
    e.evidence_sha256 = counted_.digest();
    return e;
}

std::shared_ptr<YearResults> YearState::update(const YearResults& before, const inspections::Store& store,
                                               const inspections::ChangesSince& changes, ResultsStats& stats) {
    const rules::Rulebook& rulebook = before.rulebook->rulebook;
    auto results = std::make_shared<YearResults>();
    results->revision = changes.last;
    results->adoption = before.adoption;
    results->rulebook = before.rulebook;
    results->units = before.units;
    std::set<std::string> categories, fresh;
    bool reshaped = false;  // a unit came, went or changed category: the whole order is made again
    for (const std::string& id : changes.units) {
        auto at = by_id(results->units, id);
        const bool had = at != results->units.end() && at->result->id == id;
        std::string was;
        if (had) categories.insert(was = at->result->category);
        inspections::EvidenceQuery q = query(rulebook, year_, basis_);
        q.unit = id;
        const inspections::EvidenceSet evidence = store.load_evidence(rulebook.evidence, q);
        forget(id, before, store, evidence);
        learn(evidence, true);
        if (evidence.units.empty()) {
            if (had) results->units.erase(at);
            reshaped = reshaped || had;
            continue;
        }
        const inspections::UnitInfo& info = evidence.units.front();
        auto scored = engine::score_units(rulebook, {dsl::UnitInfo{info.id, info.name, info.category}},
                                          evidence.evidence, year_, 1);
        categories.insert(info.category);
        fresh.insert(info.id);
        reshaped = reshaped || !had || was != info.category;
        Unit unit{std::make_shared<const engine::UnitResult>(std::move(scored.front())), nullptr};
        if (had) *at = std::move(unit);
        else results->units.insert(at, std::move(unit));
    }
    std::size_t serialised = 0;
    // The evidence hash may have to be taken again over much of the counted inspections' lines
    // (an old inspection amended): on a core of its own, beside the ranking.
    core::run_together({[&] {
                            results->header = header(before);
                            results->head = engine::render_json_head(results->header);
                        },
                        [&] {
                            rerank(rulebook, results->units, categories, fresh, previous_, standings_);
                            for (const Unit& u : results->units) serialised += u.json ? 0 : 1;
                            serialise_units(rulebook, results->units);
                            if (reshaped) order_results(*results);
                            else reorder_categories(*results, before, categories);
                        }});
    stats.rescored += fresh.size();
    stats.serialised += serialised;
    return results;
}

}  // namespace parscore::app
