// The year's results (docs/api.md, "Results"): scores, the ranking and a unit's explanation, as
// the command line prints them with --format json. Scores and the ranking are cut from the
// results cache's ready bytes (docs/results-cache.md); nothing is scored again between writes.
#include "api_results.hpp"

#include <charconv>

#include "parscore/analyses/explain.hpp"
#include "parscore/app/store.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/scoring/evaluation.hpp"

namespace parscore::server {

int year_of(const Call& call) {
    const std::string& text = call.param("year");
    int year = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc{} || end != text.data() + text.size() || year < 1 || year > 9999)
        throw ApiError{400, "bad_request",
                       core::T_("expected a year from 1 to 9999, found '{value}'", {{"value", text}})};
    return year;
}

std::optional<std::string> query_of(const Call& call, std::string_view name) {
    const auto value = call.request.param(name);
    if (!value || value->empty()) return std::nullopt;
    return std::string(*value);
}

engine::Basis basis_of(const Call& call) {
    const std::optional<std::string> text = query_of(call, "basis");
    if (!text) return engine::Basis::All;
    const auto basis = engine::parse_basis(*text);
    if (!basis)
        throw ApiError{400, "bad_request",
                       core::T_("basis: expected all, self or inspected, found '{value}'", {{"value", *text}})};
    return *basis;
}

ResultsRead::ResultsRead(const Call& call)
    : store(app::open_store(call.operation<app::StoreRequest>(), inspections::OpenMode::ReadOnly)) {
    app::translating_store_errors([&] {
        access.emplace(app::Access::of(call.operation<app::StoreRequest>(), store));
        own_unit_only_ = access->require(app::Action::ReadEvaluation) == app::Grant::OwnUnit;
    });
}

std::shared_ptr<const app::YearResults> ResultsRead::results(const Call& call, int year, engine::Basis basis) {
    return call.api.results().results(store, year, basis);
}

bool ResultsRead::sees_everything() const {
    return access->unrestricted() || (!access->account()->scope && !own_unit_only_);
}

bool ResultsRead::visible(const std::string& unit) const {
    if (sees_everything()) return true;
    return access->in_scope(unit) && (!own_unit_only_ || unit == access->account()->scope);
}

std::optional<std::string> ResultsRead::category(const Call& call, const rules::Rulebook& rulebook) const {
    std::optional<std::string> category = query_of(call, "category");
    if (category && std::find(rulebook.units.begin(), rulebook.units.end(), *category) == rulebook.units.end())
        throw ApiError{400, "bad_request",
                       core::T_("rulebook '{rulebook}' does not score category '{category}'",
                                {{"rulebook", rulebook.id}, {"category", *category}})};
    return category;
}

void ResultsRead::require_unit(const std::string& unit, const rules::Rulebook& rulebook, int year) const {
    if (!visible(unit)) throw app::unknown_unit(unit);
    std::optional<core::Text> problem;
    app::translating_store_errors([&] { problem = engine::coverage_problem(rulebook, store, unit, year); });
    if (problem) throw app::Error(app::ErrorKind::NotFound, *problem);
}

HttpResponse bytes_response(std::string body, std::string content_type) {
    HttpResponse r;
    r.set_header("Content-Type", std::move(content_type));
    r.set_header("Cache-Control", "no-store");
    r.body = std::move(body);
    return r;
}

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

/// score (by id) or rank (by rank) --format json, of the units the caller may read.
HttpResponse evaluation(const Call& call, bool by_rank) {
    const int year = year_of(call);
    const engine::Basis basis = basis_of(call);
    ResultsRead read(call);
    const std::optional<std::string> unit = by_rank ? std::nullopt : query_of(call, "unit");
    if (unit && !read.visible(*unit)) throw app::unknown_unit(*unit);
    const auto results = read.results(call, year, basis);
    const rules::Rulebook& rulebook = results->rulebook->rulebook;
    const std::optional<std::string> category = read.category(call, rulebook);
    if (unit) read.require_unit(*unit, rulebook, year);
    if (!unit && !category && read.sees_everything()) {
        HttpResponse whole = bytes_response({}, kJson);
        whole.shared = app::YearResults::document(results, by_rank);
        return whole;
    }
    const auto keep = [&](const engine::UnitResult& u) {
        return (!unit || u.id == *unit) && (!category || u.category == *category) && read.visible(u.id);
    };
    return bytes_response(results->json(by_rank, keep), kJson);
}

HttpResponse scores(const Call& call) { return evaluation(call, false); }
HttpResponse ranking(const Call& call) { return evaluation(call, true); }

HttpResponse explanation(const Call& call) {
    const int year = year_of(call);
    const engine::Basis basis = basis_of(call);
    const std::string& unit = call.param("unit");
    ResultsRead read(call);
    if (!read.visible(unit)) throw app::unknown_unit(unit);
    const auto results = read.results(call, year, basis);
    read.require_unit(unit, results->rulebook->rulebook, year);
    engine::EvaluationRequest request;
    request.year = year;
    request.basis = basis;
    request.unit = unit;
    engine::Explanation explained;
    app::translating_store_errors([&] {
        explained = engine::explain(results->rulebook->rulebook, results->rulebook->problems->sources, read.store,
                                    request, std::nullopt);
    });
    return bytes_response(engine::render_explanation_json(explained), kJson);
}

}  // namespace

std::vector<Api::Route> result_routes() {
    std::vector<Api::Route> routes{
        {"GET", "/api/v1/years/{year}/scores", false, false, scores},
        {"GET", "/api/v1/years/{year}/ranking", false, false, ranking},
        {"GET", "/api/v1/years/{year}/units/{unit}/explanation", false, false, explanation},
    };
    for (Api::Route& r : download_routes()) routes.push_back(r);
    return routes;
}

}  // namespace parscore::server
