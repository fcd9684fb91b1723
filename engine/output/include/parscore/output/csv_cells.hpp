#pragma once
// Writing CSV rows for the reports beyond score/rank (docs/reference/outputs.md): RFC 4180 quoting, LF line ends,
// null as an empty cell; text from input passes through csv_text_cell() so a spreadsheet never
// reads it as a formula, while numbers are written as they are.
#include <optional>
#include <string>

#include "parscore/core/decimal.hpp"

namespace parscore::engine {

/// A text cell for CSV or a spreadsheet: one that starts with =, +, -, @, tab or CR gets a
/// leading ' so a spreadsheet shows it as text.
std::string csv_text_cell(const std::string& text);
/// `value` as one RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote or line end.
std::string csv_field(const std::string& value);

}  // namespace parscore::engine

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
