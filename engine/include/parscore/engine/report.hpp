#pragma once
// Rendering an evaluation (SPEC §7): JSON, CSV, a terminal table, a self-contained HTML report
// and an Excel workbook.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "parscore/engine/result.hpp"
#include "parscore/rules/rulebook.hpp"

namespace parscore::engine {

/// `score`/`rank --format json`, exactly the shape of SPEC §7.
std::string render_json(const rules::Rulebook& rulebook, const Evaluation& evaluation);

/// The same bytes handed to `sink` piece by piece, in order (from one thread at a time, not
/// always the caller's): only a few hundred units' text is held at once.
void write_json(const rules::Rulebook& rulebook, const Evaluation& evaluation,
                const std::function<void(std::string_view)>& sink);

/// `score`/`rank --format csv`: rank,unit,name,category,total,band,status, then one column per
/// criterion id; text cells that would start a spreadsheet formula are prefixed with '.
std::string render_csv(const rules::Rulebook& rulebook, const Evaluation& evaluation, bool bom);

/// A text cell for CSV or a spreadsheet: one that starts with =, +, -, @, tab or CR gets a
/// leading ' so a spreadsheet shows it as text.
std::string csv_text_cell(const std::string& text);
/// `value` as one RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote or line end.
std::string csv_field(const std::string& value);
/// `text` as a JSON string literal (the escapes JSON requires, UTF-8 kept as it is).
std::string json_quoted(std::string_view text);

/// The terminal table of `score` (by id) or `rank` (by rank, with changes), per category.
std::string render_table(const rules::Rulebook& rulebook, const Evaluation& evaluation, bool ranking);

}  // namespace parscore::engine
