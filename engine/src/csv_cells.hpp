#pragma once
// Writing CSV rows for the reports beyond score/rank (SPEC §7): RFC 4180 quoting, LF line ends,
// null as an empty cell; text from input passes through csv_text_cell() so a spreadsheet never
// reads it as a formula, while numbers are written as they are.
#include <optional>
#include <string>

#include "parscore/core/decimal.hpp"
#include "parscore/engine/report.hpp"

namespace parscore::engine::csv {

/// Appends one cell (a separator first unless it starts the row), quoted when it needs it.
inline void cell(std::string& out, const std::string& value, bool first) {
    if (!first) out += ',';
    out += csv_field(value);
}

inline void text(std::string& out, const std::string& value, bool first = false) {
    cell(out, csv_text_cell(value), first);
}

inline void number(std::string& out, const std::optional<core::Decimal>& value) {
    cell(out, value ? value->to_string() : std::string(), false);
}

}  // namespace parscore::engine::csv
