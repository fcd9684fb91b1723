#include "parscore/scoring/evaluation.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <nlohmann/json.hpp>

#include "codes.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/scoring/scorer.hpp"
#include "parscore/scoring/year_evidence.hpp"

namespace parscore::engine {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

// The previous publication's ranked units, read back from its stored JSON.
PreviousResults previous_results(const inspections::Publication& publication) {
    PreviousResults out;
    auto doc = nlohmann::json::parse(publication.results, nullptr, false);
    if (doc.is_discarded() || !doc.contains("units")) return out;
    for (const auto& u : doc["units"]) {
        if (!u.contains("rank") || !u["rank"].is_number_integer() || !u.contains("total") || u["total"].is_null())
            continue;
        auto total = Decimal::parse(u["total"].dump());
        if (!total) continue;
        out[u.value("unit", "")] = PreviousResult{u.value("category", ""), u["rank"].get<int>(), *total};
    }
    return out;
}

void compare_with_previous(UnitResult& unit, const PreviousResults& previous) {
    unit.rank_change.reset();
    unit.total_change.reset();
    auto it = previous.find(unit.id);
    if (!unit.rank || it == previous.end() || it->second.category != unit.category) return;
    unit.rank_change = it->second.rank - *unit.rank;
    unit.total_change = Decimal::sub(*unit.total, it->second.total);
}

std::optional<core::Text> coverage_problem(const rules::Rulebook& rulebook, const inspections::Store& store,
                                           const std::string& unit, int year) {
    auto info = store.find_unit(unit);
    if (!info) return core::T_("unknown unit '{id}'", {{"id", unit}});
    if (std::find(rulebook.units.begin(), rulebook.units.end(), info->category) == rulebook.units.end()) {
        return core::T_("unit '{unit}' is a {category}, which rulebook '{rulebook}' does not score",
                        {{"unit", unit}, {"category", info->category}, {"rulebook", rulebook.id}});
    }
    if (!info->active_in(year)) {
        return core::T_("unit '{unit}' is not active in {year}", {{"unit", unit}, {"year", std::to_string(year)}});
    }
    return std::nullopt;
}

Evaluation evaluate_loaded(const rules::Rulebook& rulebook, const inspections::EvidenceSet& evidence,
                           const EvaluationRequest& request, const std::optional<inspections::Publication>& previous,
                           Timings* timings) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<dsl::UnitInfo> infos;
    infos.reserve(evidence.units.size());
    for (const auto& u : evidence.units) infos.push_back(dsl::UnitInfo{u.id, u.name, u.category});

    Evaluation e;
    e.rulebook_id = rulebook.id;
    e.rulebook_version = rulebook.version;
    e.rulebook_sha256 = rulebook.sha256;
    e.year = request.year;
    e.basis = request.basis;
    e.evidence_sha256 = evidence.evidence_sha256;
    e.warnings = evidence_warnings(rulebook, evidence, request.year, request.basis);
    e.counted_inspections = evidence.inspections.size();
    e.units = score_units(rulebook, infos, evidence.evidence, request.year, request.threads);
    if (timings) timings->evaluate_ms = ms_since(t0);

    auto t1 = std::chrono::steady_clock::now();
    apply_quotas(rulebook, e.units);
    assign_ranks(e.units);
    if (request.compare_previous && previous) {
        const PreviousResults before = previous_results(*previous);
        for (UnitResult& u : e.units) compare_with_previous(u, before);
    }
    if (request.unit || request.category) {
        std::erase_if(e.units, [&](const UnitResult& u) {
            return (request.unit && u.id != *request.unit) || (request.category && u.category != *request.category);
        });
    }
    order_units(rulebook, e.units, request.by_rank);
    if (timings) timings->rank_ms = ms_since(t1);
    return e;
}

Evaluation evaluate(const rules::Rulebook& rulebook, const inspections::Store& store, const EvaluationRequest& request,
                    Timings* timings) {
    if (request.category &&
        std::find(rulebook.units.begin(), rulebook.units.end(), *request.category) == rulebook.units.end()) {
        throw NotCovered(core::T_("rulebook '{rulebook}' does not score category '{category}'{suggestion}",
                                  {{"rulebook", rulebook.id},
                                   {"category", core::sanitize_utf8(*request.category)},
                                   core::suggestion(*request.category, rulebook.units)}));
    }
    if (request.unit) {
        if (auto problem = coverage_problem(rulebook, store, *request.unit, request.year)) throw NotCovered(*problem);
    }
    auto t0 = std::chrono::steady_clock::now();
    inspections::EvidenceQuery query;
    query.year = request.year;
    query.basis = request.basis;
    query.categories = rulebook.units;
    query.as_of_revision = request.as_of_revision;
    inspections::EvidenceSet evidence = store.load_evidence(rulebook.evidence, query);
    std::optional<inspections::Publication> previous;
    if (request.compare_previous) previous = store.latest_publication(rulebook.id, request.year - 1, request.basis);
    if (timings) timings->load_ms = ms_since(t0);
    return evaluate_loaded(rulebook, evidence, request, previous, timings);
}

}  // namespace parscore::engine
