#pragma once
// Comparing two results JSON documents (docs/reference/outputs.md) item by item, for `publish` (what changed since
// the latest publication) and `verify` (what re-scoring a publication does not reproduce).
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace parscore::engine::detail {

/// One line per difference: the rulebook, year and basis; units present on one side only; and
/// per unit its status, points, max, total, band, rank, rank and total change, and each
/// criterion's status and points, each deduction's and bonus's points. The evidence hash is not
/// compared. `then` names the first document ("published") and `now` the second ("re-scored"):
/// "unit so-tu-phap: total: published 82.63, re-scored 80.5".
std::vector<std::string> compare_results(const nlohmann::json& before, const nlohmann::json& after,
                                         std::string_view then, std::string_view now);

/// A JSON value as it reads in a difference line: numbers and strings as printed, null as "null",
/// an absent value as "absent".
std::string shown(const nlohmann::json* value);

}  // namespace parscore::engine::detail
