#pragma once
// What the results routes share (docs/api.md, "Results"): the year, basis and category of a
// request, and the store, access and cached results one read works with.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api_internal.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/results_cache.hpp"

namespace parscore::server {

/// The {year} of the path: 1 to 9999, else ApiError 400.
int year_of(const Call& call);
/// ?basis= (default all), else ApiError 400.
engine::Basis basis_of(const Call& call);
/// A query parameter, when given and not empty.
std::optional<std::string> query_of(const Call& call, std::string_view name);

/// One read of a year's results: the caller's store and access, checked for ReadEvaluation.
struct ResultsRead {
    inspections::Store store;
    std::optional<app::Access> access;

    /// Opens the database as the caller; Forbidden (403) when its role may not read results at all.
    explicit ResultsRead(const Call& call);
    /// The year's cached results (Invalid, 409, when no rulebook is adopted for it).
    std::shared_ptr<const app::YearResults> results(const Call& call, int year, engine::Basis basis);
    /// Whether the caller may read every unit's results (no scope).
    bool sees_everything() const;
    /// Whether the caller may read this unit's results: in scope, and its own unit for an agency.
    bool visible(const std::string& unit) const;
    /// ?category= checked against the rulebook (ApiError 400 for one it does not score).
    std::optional<std::string> category(const Call& call, const rules::Rulebook& rulebook) const;
    /// A unit the caller names: NotFound (404) when it is out of scope, unknown or not scored.
    void require_unit(const std::string& unit, const rules::Rulebook& rulebook, int year) const;

private:
    bool own_unit_only_ = false;
};

/// An answer with bytes already made.
HttpResponse bytes_response(std::string body, std::string content_type);

std::vector<Api::Route> download_routes();  // api_downloads.cpp: summary, gap and the ranking's downloads

}  // namespace parscore::server
