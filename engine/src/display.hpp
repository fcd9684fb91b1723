#pragma once
// Numbers where a person reads them — tables, HTML, Excel, and the text of explain, diff and gap:
// totals with exactly two decimals ("75.20"), points rounded to at most two ("4.33"). JSON and
// CSV keep the exact values (docs/reports.md).
#include <optional>
#include <string>

#include "parscore/core/decimal.hpp"

namespace parscore::engine::display {

inline std::string total(const core::Decimal& d) { return d.to_fixed(2); }
inline std::string points(const core::Decimal& d) { return d.round(2).to_string(); }

/// `none` for a null value.
inline std::string total(const std::optional<core::Decimal>& d, const std::string& none) {
    return d ? total(*d) : none;
}
inline std::string points(const std::optional<core::Decimal>& d, const std::string& none) {
    return d ? points(*d) : none;
}

/// A signed difference: "+2", "-1.5", "0" (`digits` 2 for totals as "+2.00").
inline std::string signed_points(const core::Decimal& d) { return (d > core::Decimal{} ? "+" : "") + points(d); }
inline std::string signed_total(const core::Decimal& d) { return (d > core::Decimal{} ? "+" : "") + total(d); }

}  // namespace parscore::engine::display
