#pragma once
// Rendering an evaluation (docs/reference/outputs.md): JSON, CSV, a terminal table, a self-contained HTML report
// and an Excel workbook.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "parscore/i18n/language.hpp"
#include "parscore/output/csv_cells.hpp"    // csv_text_cell, csv_field
#include "parscore/output/json_writer.hpp"  // json_quoted
#include "parscore/rules/rulebook.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

/// `score`/`rank --format json`, exactly the shape docs/reference/outputs.md gives.
std::string render_json(const rules::Rulebook& rulebook, const Evaluation& evaluation);

/// The same bytes handed to `sink` piece by piece, in order (from one thread at a time, not
/// always the caller's): only a few hundred units' text is held at once.
void write_json(const rules::Rulebook& rulebook, const Evaluation& evaluation,
                const std::function<void(std::string_view)>& sink);

/// render_json's bytes in parts, for results kept unit by unit (the server's results cache,
/// docs/results-cache.md): the head up to and including the units array's `[`, each unit's element
/// as the array's first (every later one takes a leading ','), and the tail after the last unit.
/// head + u1 + "," + u2 + … + tail(true) == render_json, and head + tail(false) without units.
std::string render_json_head(const Evaluation& evaluation);
void append_unit_json(std::string& out, const rules::Rulebook& rulebook, const UnitResult& unit);
std::string render_json_tail(bool has_units);

/// `score`/`rank --format csv`: rank,unit,name,category,total,band,status, then one column per
/// criterion id; text cells that would start a spreadsheet formula are prefixed with '.
std::string render_csv(const rules::Rulebook& rulebook, const Evaluation& evaluation, bool bom);

/// The terminal table of `score` (by id) or `rank` (by rank, with changes), per category.
/// In `language`: headers, counts and the notes under the table translated, decimals with the
/// language's separator (docs/i18n.md); ids, names and labels as written.
std::string render_table(const rules::Rulebook& rulebook, const Evaluation& evaluation, bool ranking,
                         i18n::Language language = i18n::Language::en);

}  // namespace parscore::engine
